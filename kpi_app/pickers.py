"""The funnel page's lasting choices: the channel in scope, each stage's metric and the
comparison window, kept the same in either language and after leaving the page."""

from __future__ import annotations

import streamlit as st

from kpi_app import state
from kpi_app.funnel import metric_options
from kpi_app.panels import panel
from kpi_core.analysis import Analysis
from kpi_core.funnel import STAGES
from kpi_core.i18n import t
from kpi_core.labels import channel_label, metric_label
from kpi_core.models import Stage


def _remember(key: str) -> None:
    st.session_state[key] = st.session_state[f"{key}_widget"]


def _show(key: str, value: object) -> str:
    """The widget of a lasting choice, set to show `value` before it is drawn: the same in
    either language and after leaving the page and coming back."""
    widget = f"{key}_widget"
    if st.session_state.get(widget) != value:
        st.session_state[widget] = value
    return widget


def scope(channels: list[str], lang: str) -> str | None:
    """The channel picker: every channel by default, else the channel kept from before."""
    options = ["", *channels]
    kept = st.session_state.get("funnel_scope", "")
    chosen = st.selectbox(
        t("funnel.scope", lang), options,
        format_func=lambda c: channel_label(c, lang) if c else t("funnel.scope_all", lang),
        key=_show("funnel_scope", kept if kept in options else ""),
        on_change=_remember, args=("funnel_scope",),
    )  # fmt: skip
    return chosen or None


def window(lang: str) -> str:
    """The comparison window: the one the user picked, else the default for the period."""
    options, default = window_options()
    kept = st.session_state.get("funnel_window")
    shown = kept if kept in options else default
    st.segmented_control(
        t("funnel.window_label", lang), options,
        format_func=lambda w: (
            t("funnel.window.period", lang) if w == "period" else t("funnel.window.days", lang, n=w)
        ),
        key=_show("funnel_window", shown), on_change=_remember, args=("funnel_window",),
    )  # fmt: skip
    return shown


def window_options() -> tuple[list[str], str]:
    """The comparison windows (the selected period, its last 28 or 91 days) and the default one."""
    options = ["period", "28", "91"]
    data = state.dataset()
    if data is None:
        return options, "period"
    first, _ = state.span(data)  # cached: the frame may be a million rows
    start, _ = state.period(data)
    # A period that starts with the data has nothing before it: default to its last 28 days.
    return options, "period" if first is not None and start is not None and start > first else "28"


def stage_choices(
    result: Analysis, goals: list[str], channel: str | None, lang: str
) -> dict[Stage, str]:
    """A metric picker per stage (automatic by default); returns the stages the user set."""
    per_stage = metric_options(result, goals, channel)
    chosen: dict[Stage, str] = {}
    with panel(
        t("funnel.choose_metrics", lang), "funnel_picks_panel", lang, icon=":material/tune:"
    ):
        st.caption(t("funnel.choose_help", lang))
        # Three pickers a row: five side by side cut "Automatic: Reach" to a few letters.
        cols = [c for start in range(0, len(STAGES), 3) for c in st.columns(3)][: len(STAGES)]
        for col, stage in zip(cols, STAGES, strict=True):
            options = per_stage[stage]
            key = f"funnel_metric_{stage}"
            kept = st.session_state.get(key, "")
            kept = kept if kept in options else ""
            auto = (t("funnel.auto", lang, metric=metric_label(options[0], lang))
                    if options else t("funnel.auto_none", lang))  # fmt: skip
            col.selectbox(
                t(f"funnel.stage.{stage}", lang),
                ["", *options],
                index=(["", *options]).index(kept),
                format_func=lambda m, a=auto: a if not m else metric_label(m, lang),
                key=f"{key}_widget", on_change=_remember, args=(key,),
                disabled=not options,
            )  # fmt: skip
            if kept:
                chosen[stage] = kept
    return chosen
