"""Panels (expanders) that stay as the user left them: open or closed, in either language."""

from __future__ import annotations

from typing import Any

import streamlit as st


def panel(label: str, key: str, lang: str, icon: str | None = None) -> Any:
    """An expander that keeps its open state across reruns, moves and a language switch.

    Streamlit tells an expander by its label too, so a translated label makes a new, closed
    panel; the state is remembered with its language and handed to the new one once."""
    memory = f"{key}_was"
    was_lang, was_open = st.session_state.get(memory, (lang, False))
    if was_lang != lang and was_open:
        st.session_state[key] = True
    st.session_state[memory] = (lang, bool(st.session_state.get(key, was_open)))
    # Tracked (on_change), so that a panel moved by a warning appearing above it stays open.
    return st.expander(label, key=key, icon=icon, on_change="rerun")
