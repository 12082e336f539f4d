"""Streamlit entry point: `streamlit run app.py` (see assistant/ui/main.py)."""

from assistant.ui.main import main

main()
