"""Drawing helpers and cached loaders for the funnel and ecosystem pages (the funnel page's
lasting choices are drawn by `pickers`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from kpi_app import state
from kpi_core.analysis import Analysis
from kpi_core.ecosystem import ChannelEcosystem
from kpi_core.figures import format_value
from kpi_core.funnel import (
    STAGES,
    Funnel,
    build_funnel,
    channel_funnels,
    placement_funnels,
    stage_options,
)
from kpi_core.i18n import format_date, t
from kpi_core.labels import distinguish, metric_label
from kpi_core.models import Stage
from kpi_core.periods import PeriodComparison, compare_periods, period_summaries

CHART_CONFIG = {"displayModeBar": False}


def chart(fig: go.Figure, key: str) -> None:
    """A plotly figure across the page width, without the toolbar a client does not need."""
    st.plotly_chart(fig, width="stretch", config=CHART_CONFIG, key=key)


def context(goals: list[str], period: tuple[date | None, date | None], lang: str) -> None:
    """One caption line: the goals and the period the view is for."""
    start, end = period
    span = f"{format_date(start, lang)} – {format_date(end, lang)}" if start else "–"
    names = ", ".join(t(f"classify.goal.{g}", lang) for g in goals)
    st.caption(t("funnel.context", lang, goals=names, period=span))


def _key(result: Analysis) -> tuple[Any, ...]:
    """What a summary is cached by: the dataset and the period."""
    return (st.session_state.get("dataset_key"), *result.period)


@st.cache_resource(max_entries=32, show_spinner=False)
def _options(key: tuple[Any, ...], _summary: pd.DataFrame, goals: tuple[str, ...],
             model: str, channel: str | None) -> dict[Stage, tuple[str, ...]]:  # fmt: skip
    return {s: stage_options(_summary, s, goals, channel=channel, model=model) for s in STAGES}


def metric_options(
    result: Analysis, goals: list[str], channel: str | None
) -> dict[Stage, tuple[str, ...]]:
    """The metrics each stage can be measured by in this scope, the automatic choice first (built
    once per dataset, period, goals, model and channel)."""
    model = state.business_model()
    return _options(_key(result), result.summary, tuple(goals), model, channel)


@dataclass(frozen=True)
class Funnels:
    """One scope's funnels: its own, organic against paid, and each channel's (for all)."""

    main: Funnel
    sides: tuple[Funnel, ...]
    channels: tuple[Funnel, ...]


@st.cache_resource(max_entries=32, show_spinner=False)
def _funnels(key: tuple[Any, ...], _summary: pd.DataFrame, goals: tuple[str, ...], model: str,
             channel: str | None, choices: tuple[tuple[Stage, str], ...]) -> Funnels:  # fmt: skip
    picks = dict(choices)
    return Funnels(
        build_funnel(_summary, goals, channel=channel, choices=picks, model=model),
        placement_funnels(_summary, goals, channel=channel, choices=picks, model=model),
        channel_funnels(_summary, goals, picks, model=model) if channel is None else (),
    )


def funnels(
    result: Analysis, goals: list[str], channel: str | None, choices: dict[Stage, str], lang: str
) -> Funnels:
    """The funnels of one scope, built once per dataset, period, goals, model, channel and
    stage picks (a spinner says so while they are built)."""
    picks = tuple(sorted(choices.items()))
    with st.spinner(t("funnel.building", lang)):
        return _funnels(
            _key(result), result.summary, tuple(goals), state.business_model(), channel, picks
        )


def channels(result: Analysis, goals: list[str], lang: str) -> list[str]:
    """The channels that have a funnel of their own."""
    every = funnels(result, goals, None, {}, lang)
    return [f.channel for f in every.channels if f.channel]


def notes(funnel: Funnel, lang: str) -> None:
    """The funnel's notes: a ratio of totals, people counted twice, stages that grow."""
    for note in funnel.notes:
        st.caption(f":material/info: {t(note, lang)}")


def measured_by(funnel: Funnel, lang: str) -> None:
    """Which metric stands for each stage, and why, in one short list."""
    lines = [
        "- " + t("funnel.measured_by", lang, stage=t(f"funnel.stage.{s.stage}", lang),
                 metric=metric_label(s.metric, lang), why=t(f"funnel.chosen.{s.chosen}", lang))
        for s in funnel.stages if s.metric is not None and s.value is not None
    ]  # fmt: skip
    st.markdown("\n".join(lines))


def dropoff_table(table: pd.DataFrame, funnel: Funnel, lang: str) -> None:
    """The drop-off table as the user reads it: numbers and percentages in the language."""
    shown = table.copy()
    # Percentages from the funnel's own ratios, as the chart shows them: the table's are
    # rounded for the CSV, and rounding 1.150027 % to 1.15 and then to one decimal gives 1.1 %.
    pct_first = [None if f.pct_of_first is None else f.pct_of_first * 100 for f in funnel.stages]
    pct_previous = [
        None if f.pct_of_previous is None else f.pct_of_previous * 100 for f in funnel.stages
    ]
    col = {c: t(f"funnel.col.{c}", lang) for c in ("count", "lost", "pct_first", "pct_previous")}
    basis = t("funnel.col.basis", lang)
    shown[col["count"]] = [format_value(v, "count", lang) for v in shown[col["count"]]]
    shown[col["lost"]] = [
        format_value(v, "count", lang) if pd.notna(v) else "–" for v in shown[col["lost"]]
    ]
    shown[col["pct_first"]] = [
        format_value(v / 100, "fraction", lang) if v is not None else "–" for v in pct_first
    ]
    # "7.7% of Interest": the % of previous names its basis in the cell, so the stage it was
    # taken against needs no column of its own (the CSV keeps one); a stage larger than the one
    # before says in that cell that it is not a conversion rate, where the CSV has a note.
    note = t("funnel.col.note", lang)
    shown[col["pct_previous"]] = [
        t("funnel.not_a_rate_short", lang) if isinstance(n, str) and n
        else t("chart.pct_of", lang, pct=format_value(v / 100, "fraction", lang), stage=stage)
        if v is not None else "–"
        for v, stage, n in zip(pct_previous, shown[basis], shown[note], strict=True)
    ]  # fmt: skip
    shown = shown.drop(columns=[basis, note])
    st.dataframe(shown.fillna("–"), hide_index=True, width="stretch")


@st.cache_resource(max_entries=8, show_spinner=False)
def _summaries(
    key: tuple[Any, ...], _frame: pd.DataFrame, start: date, end: date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    # The two periods' summaries do not depend on goals, model or picks: made once per window.
    return period_summaries(_frame, start, end)


@st.cache_resource(max_entries=32, show_spinner=False)
def _compare(key: tuple[Any, ...], _frame: pd.DataFrame, start: date, end: date,
             goals: tuple[str, ...], channel: str | None,
             choices: tuple[tuple[Stage, str], ...], model: str) -> PeriodComparison:  # fmt: skip
    return compare_periods(
        _frame, start, end, goals, channel=channel, choices=dict(choices), model=model,
        summaries=_summaries(key, _frame, start, end),
    )  # fmt: skip


def comparison(
    goals: list[str], channel: str | None, choices: dict[Stage, str], window: str = "period"
) -> PeriodComparison | None:
    """The window against the one before it (cached by dataset, dates and choices), or None."""
    data = state.dataset()
    if data is None:
        return None
    start, end = state.period(data)
    if start is None or end is None:
        return None
    if window.isdigit():
        start = max(start, end - timedelta(days=int(window) - 1))
    key = (st.session_state.get("dataset_key"), start, end)
    picks = tuple(sorted(choices.items()))
    model = state.business_model()
    with st.spinner(t("funnel.building", state.lang())):
        return _compare(key, data.frame, start, end, tuple(goals), channel, picks, model)


def signal_line(eco: ChannelEcosystem, lang: str) -> None:
    """The channel's own best signal called out, or what to export when the data lacks it."""
    st.markdown(f":material/star: {t(eco.signal_message, lang)}")
    if eco.signals:
        names = distinguish([metric_label(m.metric, lang, m.source_name) for m in eco.signals],
                            [m.source_name for m in eco.signals],
                            [m.placement for m in eco.signals], lang=lang)  # fmt: skip
        found = ", ".join(
            f"**{name}** "
            f"{format_value(m.value, m.unit, lang, m.metric, compact=True)}"
            + (
                f" ({t(f'placement.{m.placement}', lang).lower()})"
                if len(eco.placements) > 1
                else ""
            )
            for m, name in zip(eco.signals, names, strict=True)
        )
        st.caption(t("eco.signal_label", lang, metrics=found))
    elif eco.signal_ids:
        wanted = ", ".join(metric_label(m, lang).split(" (")[0] for m in eco.signal_ids[:3])
        st.caption(t("eco.signal_missing", lang, metrics=wanted))
