"""The sidebar every page shares: language, goals, business model and period."""

from __future__ import annotations

import math
from datetime import date

import streamlit as st

from kpi_app import state
from kpi_core.i18n import t
from kpi_core.textfit import text_px

LANGUAGES = {"en": "English", "id": "Bahasa Indonesia"}
# Beside a goal chip's text: the sidebar's padding, the chip's own padding and remove button,
# and the box's clear and open buttons (measured in Chromium at Streamlit's 14 px).
_CHIP_ROOM = 168
_STREAMLIT_SIDEBAR = 300


# The window the pages are laid out for, and the main column's padding either side of it.
WINDOW_PX, _PAGE_PADDING = 1280, 160


def page_px() -> int:
    """The main column's width at a 1,280 px window beside this sidebar: what tables and the
    small funnels are laid out for."""
    return WINDOW_PX - sidebar_width() - _PAGE_PADDING


def sidebar_width() -> int:
    """The sidebar's width in pixels: Streamlit's own, or wider where a goal's chip would need
    it to read whole, since a chip cuts its name short. The chips' names are kept short enough
    for Streamlit's own (tests/e2e): the first visit after the server starts opens at it
    whatever the page config asks."""
    longest = max(text_px(t(f"side.goal.{g}", lang), 14) for g in state.GOALS for lang in LANGUAGES)
    return max(_STREAMLIT_SIDEBAR, math.ceil(longest) + _CHIP_ROOM)


def _keep_goals() -> None:
    key = state.widget_key("goals")
    chosen = st.session_state[key]
    if chosen:
        st.session_state["goals"] = list(chosen)
    else:
        # An empty box would not match the page, which keeps judging by the last goals: a new
        # box starts from them (writing them into this one would clash with its default), and
        # the sidebar says so.
        state.new_widgets()
        st.session_state["goals_empty"] = True


def _keep_period() -> None:
    chosen = st.session_state["period_widget"]
    if isinstance(chosen, tuple | list) and len(chosen) == 2:
        st.session_state["period"] = tuple(chosen)


def choices() -> None:
    """Draw the choices; every change reruns every page with the new values."""
    lang = state.lang()
    st.selectbox(
        t("app.language", lang),
        options=list(LANGUAGES),
        index=list(LANGUAGES).index(lang),
        format_func=LANGUAGES.__getitem__,
        key="lang_widget",
        on_change=state.remember("lang"),
    )
    goals_key = state.widget_key("goals")
    st.multiselect(
        t("side.goals", lang),
        options=list(state.GOALS),
        # Always the goals the pages use: with a key the default does not change the box's
        # identity, and a browser that draws the box afresh (the first upload's run does) shows
        # the default, which must not be empty while the pages judge by sales.
        default=state.goals(),
        format_func=lambda g: t(f"side.goal.{g}", lang),
        key=goals_key,
        on_change=_keep_goals,
        help=t("side.goals_help", lang),
        placeholder=t("verdicts.choose", lang),
    )
    if st.session_state.pop("goals_empty", False):
        kept = ", ".join(t(f"side.goal.{g}", lang) for g in state.goals())
        st.warning(t("side.goals_empty", lang, goals=kept), icon=":material/warning:")
    st.selectbox(
        t("side.model", lang),
        options=list(state.MODELS),
        index=list(state.MODELS).index(state.business_model()),
        format_func=lambda m: _first_upper(t(f"classify.model.{m}", lang)),
        key=state.widget_key("business_model"),
        on_change=state.remember("business_model", state.widget_key("business_model")),
    )
    data = state.dataset()
    if data is None or not data.read_any:
        return
    first, last = state.span(data)
    if first is None or last is None:
        return
    _period_picker(state.period(data), first, last, lang)


def _period_picker(
    used: tuple[date | None, date | None], first: date, last: date, lang: str
) -> None:
    """The date range, always showing the period the pages use."""
    shown = st.session_state.get("period_widget")
    # A range being picked holds one date until the second click: leave it be.
    if shown is None or (len(shown) == 2 and tuple(shown) != used):
        st.session_state["period_widget"] = used
    st.date_input(
        t("side.period", lang),
        min_value=first,
        max_value=last,
        format="DD/MM/YYYY" if lang == "id" else "YYYY/MM/DD",
        key="period_widget",
        on_change=_keep_period,
        help=t("side.period_help", lang),
    )


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]
