"""Drawing the verdicts: flags, the KPI budget, KPI cards and the per-channel tables."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kpi_app import state
from kpi_core.classify import Classification, Flag, MetricVerdict
from kpi_core.i18n import t
from kpi_core.labels import channel_label, format_value, metric_label, placement_label
from kpi_core.models import Verdict

BUDGET = 6
VERDICT_COLORS = {"kpi": "#1b7f3b", "supporting": "#2E5BFF", "vanity": "#9e9e9e"}
_SEVERE = {"sales_on_organic_social"}
_NOTICE = {"unknown_metric"}


def _key(m: MetricVerdict) -> tuple[str, str, str]:
    return (m.metric or m.source_name, m.channel, m.placement)


def flags(found: tuple[Flag, ...], lang: str) -> None:
    """The flags at the top, worst first, each saying what to do."""
    st.subheader(t("verdicts.flags", lang))
    if not found:
        st.success(t("verdicts.no_flags", lang), icon=":material/check_circle:")
        return
    ordered = sorted(found, key=lambda f: (f.code not in _SEVERE, f.code in _NOTICE))
    for flag in ordered:
        _flag(flag)


def _flag(flag: Flag) -> None:
    if flag.code in _SEVERE:
        st.error(flag.message, icon=":material/report:")
    elif flag.code in _NOTICE:
        st.info(flag.message, icon=":material/help:")
    else:
        st.warning(flag.message, icon=":material/warning:")


def budget(result: Classification, lang: str) -> None:
    """The KPI budget as a meter: how many of the six slots are used."""
    count = len(result.kpis)
    st.progress(
        min(count, BUDGET) / BUDGET,
        text=t("verdicts.budget", lang, count=count, budget=BUDGET),
    )
    st.caption(t("verdicts.budget_help", lang))


def kpi_cards(result: Classification, lang: str) -> None:
    """Each KPI as a card: its value for the period and why it matters."""
    st.subheader(t("verdicts.kpis", lang))
    if not result.kpis:
        st.info(t("verdicts.no_kpis", lang))
        return
    kpis = list(result.kpis)
    for start in range(0, len(kpis), 3):
        cols = st.columns(3)
        for col, m in zip(cols, kpis[start : start + 3], strict=False):
            with col.container(border=True):
                where = f"{channel_label(m.channel, lang)} · {placement_label(m.placement, lang)}"
                if m.overridden:
                    where += f" · :blue-badge[{t('verdicts.set_by_you', lang)}]"
                st.metric(
                    metric_label(m.metric, lang, m.source_name),
                    format_value(m.value, m.unit, lang, m.metric, compact=True),
                )
                st.caption(where)
                st.markdown(m.reason)


def _names(rows: list[MetricVerdict], lang: str) -> list[str]:
    """Metric labels; two columns read as one metric also say which column each came from."""
    labels = [metric_label(m.metric, lang, m.source_name) for m in rows]
    shared = {label for label in labels if labels.count(label) > 1}
    names = []
    for m, label in zip(rows, labels, strict=True):
        if label in shared and m.source_name != label:
            label += f" · {m.source_name}"
        if m.derived:
            label += f" ({t('verdicts.derived', lang)})"
        names.append(label)
    return names


def _table(rows: list[MetricVerdict], lang: str) -> pd.DataFrame:
    auto = t("verdicts.auto", lang)
    return pd.DataFrame(
        {
            "verdict": [[m.verdict.value] for m in rows],
            # The marketer's own verdict sits next to the computed one, where the eye is.
            "override": [m.verdict.value if m.overridden else auto for m in rows],
            "metric": _names(rows, lang),
            "placement": [placement_label(m.placement, lang) for m in rows],
            "stage": [t(f"classify.stage.{m.stage.value}", lang) if m.stage else "–" for m in rows],
            "value": [format_value(m.value, m.unit, lang, m.metric) for m in rows],
            "reason": [m.reason for m in rows],
            "flags": [[t(f"flagname.{f}", lang) for f in m.flags] for m in rows],
        }
    )


def _on_edit(editor_key: str, keys: list[tuple[str, str, str]], auto: str) -> None:
    edits = st.session_state[editor_key].get("edited_rows", {})
    fixes = state.overrides()
    for row, change in edits.items():
        if "override" not in change:
            continue
        key = keys[int(row)]
        if change["override"] in (None, auto):
            fixes.pop(key, None)
        else:
            fixes[key] = change["override"]


def channel_tables(
    result: Classification, lang: str, verdicts: list[str], channels: list[str], stages: list[str]
) -> None:
    """Every metric grouped by channel, verdict as a coloured badge, editable in place."""
    auto = t("verdicts.auto", lang)
    labels = {v.value: t(f"badge.{v.value}", lang) for v in Verdict}
    shown = [
        m
        for m in result.metrics
        if m.verdict.value in verdicts
        and m.channel in channels
        and (m.stage.value if m.stage else "") in [*stages, ""]
    ]
    if not shown:
        st.info(t("verdicts.nothing_filtered", lang))
        return
    order = {v: i for i, v in enumerate(("kpi", "supporting", "vanity"))}
    for channel in dict.fromkeys(m.channel for m in shown):
        rows = sorted(
            (m for m in shown if m.channel == channel),
            key=lambda m: (order[m.verdict.value], m.placement),
        )
        st.markdown(f"#### {channel_label(channel, lang)}")
        editor_key = f"editor_{channel}_{lang}_{len(rows)}"
        st.data_editor(
            _table(rows, lang),
            key=editor_key,
            hide_index=True,
            height=36 * (len(rows) + 1) + 4,
            width="stretch",
            disabled=["verdict", "metric", "placement", "stage", "value", "reason", "flags"],
            on_change=_on_edit,
            args=(editor_key, [_key(m) for m in rows], auto),
            column_config={
                "verdict": st.column_config.MultiselectColumn(
                    t("verdicts.col_verdict", lang),
                    options=list(labels),
                    color=[VERDICT_COLORS[v] for v in labels],
                    format_func=labels.__getitem__,
                    width=100,
                ),
                "metric": st.column_config.TextColumn(t("verdicts.col_metric", lang), width=220),
                "placement": st.column_config.TextColumn(
                    t("verdicts.col_placement", lang), width=80
                ),
                "stage": st.column_config.TextColumn(t("verdicts.col_stage", lang), width=90),
                "value": st.column_config.TextColumn(t("verdicts.col_value", lang), width=120),
                # Hover shows the whole reason; the table stays within the page.
                "reason": st.column_config.TextColumn(t("verdicts.col_reason", lang), width=360),
                "flags": st.column_config.ListColumn(t("verdicts.col_flags", lang), width=150),
                "override": st.column_config.SelectboxColumn(
                    t("verdicts.col_override", lang),
                    options=[auto, *labels],
                    format_func=lambda v: labels.get(v, v),
                    required=True,
                    help=t("verdicts.col_override_help", lang),
                    width=120,
                ),
            },
        )
