"""Streamlit entry point (placeholder until the app layer lands): product name + doctor status."""

from __future__ import annotations

import streamlit as st

from assistant.doctor import run_checks

st.set_page_config(page_title="AI liability assistant", page_icon="⚖️", layout="wide")
st.title("AI liability assistant")
st.caption(
    "Who is liable, under which EU or national regime, when an AI system causes harm along its "
    "value chain. First-pass analysis, not legal advice."
)
st.subheader("Installation status")
for check in run_checks(quick=True):
    icon = "✅" if check.ok else ("⚠️" if check.optional else "❌")
    st.write(
        f"{icon} **{check.name}** — {check.detail}" + (f" · _{check.fix}_" if check.fix else "")
    )
