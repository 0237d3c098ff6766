"""Drawing the per-channel verdict tables: the verdict, channel and stage filters, every metric
editable in place, and each row's reason under its table."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pandas as pd
import streamlit as st

from kpi_app import state
from kpi_app.panels import panel
from kpi_app.verdicts import NOTICE, SEVERE, flag_badges
from kpi_core import catalogue
from kpi_core.classify import Classification, MetricVerdict
from kpi_core.figures import format_value
from kpi_core.i18n import t
from kpi_core.labels import channel_label, distinguish, metric_label, placement_label
from kpi_core.models import Stage, Verdict

# What the user reads: the three verdicts, and `unknown` for a column the app could not match,
# which classification counts as vanity but which is no judgement on the client's metric.
SHOWN = ("kpi", "supporting", "vanity", "unknown")
VERDICT_COLORS = {"kpi": "#1b7f3b", "supporting": "#2E5BFF", "vanity": "#9e9e9e",
                  "unknown": "#c25e00"}  # fmt: skip
BADGES = {"kpi": "green", "supporting": "blue", "vanity": "gray", "unknown": "orange"}
# Every flag code a metric row may carry, the worst first.
_FLAGS = ("sales_on_organic_social", "too_many_kpis", "goal_without_kpi", "unknown_metric",
          "mixed_currency", "undated_left_out", "follower_spike")  # fmt: skip
# Table column widths that fit the page at a 1,280 px window beside the sidebar
# (sidebar.page_px: 820 px; 768 px they add up to); a wider window stretches them. The stage has
# no column: rows run down the funnel within each verdict, and the reasons under the table
# name each row's stage.
_WIDTHS = {"verdict": 100, "override": 102, "metric": 250, "value": 186, "flags": 130}
_ROW_PX = 35  # the data grid's row (and header) height


def shown_verdict(m: MetricVerdict) -> str:
    """The verdict as the user reads it: `unknown` for a column not matched to any metric."""
    return "unknown" if m.metric is None and not m.overridden else m.verdict.value


def _label(m: MetricVerdict, lang: str) -> str:
    label = metric_label(m.metric, lang, m.source_name)
    # A rate read per unit names its basis in its value ("6.2 likes per follower"): the name in
    # the narrow column can leave the brackets out.
    if m.metric and catalogue.metric(m.metric).per is not None:
        label = label.split(" (")[0]
    return label


def _names(rows: list[MetricVerdict], lang: str) -> list[str]:
    """Metric labels; two columns read as one metric also say which column each came from, and
    a rate KPI Lens computed is starred (the note above the tables says so)."""
    labels = distinguish([_label(m, lang) for m in rows], [m.source_name for m in rows], lang=lang)
    return [f"{label} *" if m.derived else label for m, label in zip(rows, labels, strict=True)]


def _value(m: MetricVerdict, lang: str) -> str:
    """The figure; a ratio whose name already says what it counts ("Peristiwa per sesi") says
    only per what ("7,1 per sesi"): the whole phrase again would not fit the narrow column."""
    text = format_value(m.value, m.unit, lang, m.metric)
    per = catalogue.metric(m.metric).per if m.metric and m.unit == "fraction" else None
    if per is not None:
        phrase = per.id if lang == "id" else per.en
        if _label(m, lang).casefold() == phrase.casefold() and " per " in phrase:
            return text.removesuffix(phrase) + "per " + phrase.rsplit(" per ", 1)[1]
    return text


def _table(rows: list[MetricVerdict], lang: str) -> pd.DataFrame:
    auto = t("verdicts.auto", lang)
    return pd.DataFrame(
        {
            "verdict": [[shown_verdict(m)] for m in rows],
            # The marketer's own verdict sits next to the computed one, where the eye is.
            "override": [m.verdict.value if m.overridden else auto for m in rows],
            "metric": _names(rows, lang),
            "value": [_value(m, lang) for m in rows],
            # A column not recognised says so in its verdict; the flag would only repeat it.
            "flags": [[t(f"flagname.{f}", lang) for f in m.flags if f not in NOTICE] for m in rows],
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


def _columns(lang: str) -> dict[str, object]:
    auto = t("verdicts.auto", lang)
    labels = {v: t(f"badge.{v}", lang) for v in SHOWN}
    choices = {v.value: labels[v.value] for v in Verdict}
    flag_names = [t(f"flagname.{f}", lang) for f in _FLAGS]
    return {
        "verdict": st.column_config.MultiselectColumn(
            t("verdicts.col_verdict", lang), options=list(labels),
            color=[VERDICT_COLORS[v] for v in labels], format_func=labels.__getitem__,
            width=_WIDTHS["verdict"],
        ),
        "override": st.column_config.SelectboxColumn(
            t("verdicts.col_override", lang), options=[auto, *choices],
            format_func=lambda v: choices.get(v, v), required=True,
            help=t("verdicts.col_override_help", lang), width=_WIDTHS["override"],
        ),
        "metric": st.column_config.TextColumn(t("verdicts.col_metric", lang),
                                              width=_WIDTHS["metric"]),
        "value": st.column_config.TextColumn(t("verdicts.col_value", lang), width=_WIDTHS["value"]),
        "flags": st.column_config.MultiselectColumn(
            t("verdicts.col_flags", lang), options=flag_names,
            color=["#d32f2f" if f in SEVERE else "#e07b00" for f in _FLAGS],
            width=_WIDTHS["flags"],
        ),
    }  # fmt: skip


def _reasons(rows: list[MetricVerdict], names: list[str], key: str, lang: str) -> None:
    """Every row's reason, whole and wrapped, under the table."""
    with panel(t("verdicts.reasons", lang), key, lang, icon=":material/help:"):
        lines = []
        for m, name in zip(rows, names, strict=True):
            verdict = shown_verdict(m)
            badge = f":{BADGES[verdict]}-badge[{t(f'badge.{verdict}', lang)}]"
            flagged = flag_badges(m, lang)
            computed = f" ({t('verdicts.derived', lang)})" if m.derived else ""
            stage = f" · {t(f'classify.stage.{m.stage.value}', lang)}" if m.stage else ""
            name = f"**{name.removesuffix(' *')}**{computed}{stage}"
            lines.append(f"- {badge} {name}: {m.reason} {flagged}".rstrip())
        st.markdown("\n".join(lines))


def _keep_filter(name: str, options: list[str]) -> None:
    chosen = st.session_state[f"verdicts_filter_{name}_widget"]
    # What the user took out, so that a channel new in the data shows until taken out too.
    st.session_state[f"verdicts_filter_{name}"] = [o for o in options if o not in chosen]


def filters(result: Classification, lang: str) -> list[MetricVerdict]:
    """The verdict, channel and stage filters, kept for the session (in either language and
    after leaving the page); returns the metrics they let through."""
    present = {shown_verdict(m) for m in result.metrics}
    kinds = [v for v in SHOWN if v != "unknown" or v in present]
    channels = list(dict.fromkeys(m.channel for m in result.metrics))
    stages = [s.value for s in Stage]
    boxes: dict[str, tuple[list[str], Callable[[str], str]]] = {
        "verdict": (kinds, lambda v: t(f"badge.{v}", lang)),
        "channel": (channels, lambda c: channel_label(c, lang)),
        "stage": (stages, lambda s: t(f"funnel.stage.{s}", lang)),
    }
    picked: dict[str, list[str]] = {}
    for column, (name, (options, label)) in zip(st.columns(3), boxes.items(), strict=True):
        out = st.session_state.get(f"verdicts_filter_{name}", [])
        shown = [o for o in options if o not in out]
        widget = f"verdicts_filter_{name}_widget"
        if st.session_state.get(widget) != shown:
            st.session_state[widget] = shown
        picked[name] = column.multiselect(
            t(f"verdicts.filter_{name}", lang), options, format_func=label, key=widget,
            on_change=_keep_filter, args=(name, options), placeholder=t("verdicts.choose", lang),
            # In a column the chips would scroll out of sight ("Vanit…"): every choice shows.
            wrap=True,
        )  # fmt: skip
    return [
        m
        for m in result.metrics
        if shown_verdict(m) in picked["verdict"]
        and m.channel in picked["channel"]
        and (m.stage.value if m.stage else "") in [*picked["stage"], ""]
    ]


def channel_tables(shown: list[MetricVerdict], lang: str) -> None:
    """Every metric shown by channel and placement, verdict as a badge, editable in place, and
    why."""
    if not shown:
        st.info(t("verdicts.nothing_filtered", lang))
        return
    order = {v: i for i, v in enumerate(SHOWN)}
    funnel = {s: i for i, s in enumerate(Stage)}
    auto = t("verdicts.auto", lang)
    columns = _columns(lang)
    for channel, placement in dict.fromkeys((m.channel, m.placement) for m in shown):
        rows = sorted(
            (m for m in shown if (m.channel, m.placement) == (channel, placement)),
            key=lambda m: (order[shown_verdict(m)], funnel.get(m.stage, len(funnel))),
        )
        head = channel_label(channel, lang)
        st.markdown(f"#### {head} · {placement_label(placement, lang)}")
        # Rows move when a verdict changes: a table with new overrides is a new widget, or the
        # browser would re-apply the edit to whichever row now sits where the edited one was.
        keys = [m.slot for m in rows]
        fixes = sorted((k, v) for k, v in state.overrides().items() if k in keys)
        digest = hashlib.sha1(repr(fixes).encode()).hexdigest()[:8]
        editor_key = f"editor_{channel}_{placement}_{lang}_{len(rows)}_{digest}"
        table = _table(rows, lang)
        st.data_editor(
            table,
            key=editor_key,
            hide_index=True,
            # Exactly the header and the rows: no empty row after the last one.
            height=_ROW_PX * (len(rows) + 1) + 3,
            width="stretch",
            disabled=["verdict", "metric", "value", "flags"],
            on_change=_on_edit,
            args=(editor_key, keys, auto),
            column_config=columns,
        )
        _reasons(rows, list(table["metric"]), f"reasons_{channel}_{placement}", lang)
