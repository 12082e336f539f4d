"""The Streamlit web app (the only package besides ``app.py`` that imports streamlit).

Pure logic lives in modules without Streamlit (``analysis``, ``fact_values``, ``diagram``,
``chat_logic``, ``chain_port``); the ``*_view``/``*_page`` modules, ``sidebar``, ``session``,
``resources``, ``context``, ``widgets`` and ``main`` draw the app.
"""
