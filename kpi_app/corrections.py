"""Correcting how a file was read, without leaving the page: every change re-reads the file."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pandas as pd
import streamlit as st

from kpi_app import uploads
from kpi_core import catalogue
from kpi_core.i18n import t
from kpi_core.labels import channel_label, metric_label
from kpi_core.models import FileCorrections, FileReport

KEEP = "__keep__"
NOT_A_METRIC = "__none__"
_CHANNELS = ("facebook", "instagram", "tiktok", "x", "linkedin", "youtube", "website", "email",
             "search", "shopee", "tokopedia", "whatsapp", "store", "other")  # fmt: skip


# What a user can set for a whole file, and the choices for each.
_FIELDS = {
    "channel": _CHANNELS,
    "placement": ("organic", "paid"),
    "number_format": ("en", "id"),
    "date_order": ("dmy", "mdy", "ymd"),
}


def _current(name: str) -> FileCorrections:
    return uploads.corrections().get(name, FileCorrections())


def _set(name: str, **changes: object) -> None:
    uploads.corrections()[name] = replace(_current(name), **changes)  # type: ignore[arg-type]


def _choice(name: str, field: str, widget: str, cast: type = str) -> None:
    value = st.session_state[widget]
    _set(name, **{field: None if value == KEEP else cast(value)})


def _year(name: str, widget: str) -> None:
    value = st.session_state[widget]
    _set(name, year=int(value) if value else None)


def _metrics(name: str, widget: str, columns: list[str]) -> None:
    edits = st.session_state[widget].get("edited_rows", {})
    mapping = dict(_current(name).metrics)
    for row, change in edits.items():
        if "metric" in change:
            chosen = change["metric"]
            mapping[columns[int(row)]] = None if chosen == NOT_A_METRIC else chosen
    _set(name, metrics=tuple(sorted(mapping.items())))


def file_key(name: str) -> str:
    """A short stable id of one file, for its widgets' keys."""
    return hashlib.sha1(name.encode()).hexdigest()[:10]


def widget_prefix(name: str, lang: str) -> str:
    """The stable key prefix of one file's correction widgets."""
    return f"fix_{file_key(name)}_{lang}"


def correction_panel(report: FileReport, lang: str) -> None:
    """Channel, placement, number format, date order, year and each column's metric, editable."""
    name = report.name
    fixes = _current(name)
    key = widget_prefix(name, lang)
    st.markdown(f"**{t('fix.title', lang)}**")
    st.caption(t("fix.help", lang))
    labels = {
        "channel": lambda c: channel_label(c, lang),
        "placement": lambda p: t(f"placement.{p}", lang),
        "number_format": lambda f: t(f"value.number_format.{f}", lang),
        "date_order": lambda o: t(f"value.date_order.{o}", lang),
    }
    titles = {
        "channel": t("file.channel", lang),
        "placement": t("file.placement", lang),
        "number_format": t("fix.number_format", lang),
        "date_order": t("fix.date_order", lang),
    }
    for column, (field, choices) in zip(st.columns(4), _FIELDS.items(), strict=True):
        options = [KEEP, *choices]
        current = getattr(fixes, field)
        label_of = labels[field]
        column.selectbox(
            titles[field],
            options,
            index=options.index(current) if current in options else 0,
            format_func=lambda o, f=label_of: t("fix.as_read", lang) if o == KEEP else f(o),
            key=f"{key}_{field}",
            on_change=_choice,
            args=(name, field, f"{key}_{field}"),
        )
    if any(i.what == "year" for i in report.inferences):
        st.number_input(
            t("fix.year", lang),
            min_value=2000,
            max_value=2100,
            step=1,
            value=fixes.year or int(next(i.value for i in report.inferences if i.what == "year")),
            key=f"{key}_year",
            on_change=_year,
            args=(name, f"{key}_year"),
        )
    readable = [c for c in report.columns if c.role in ("metric", "unknown")]
    if not readable:
        return
    columns = [c.source_name for c in readable]
    options = [NOT_A_METRIC, *sorted(catalogue.metric_ids(), key=lambda m: metric_label(m, lang))]
    table = pd.DataFrame(
        {
            "column": columns,
            "metric": [c.metric or NOT_A_METRIC for c in readable],
        }
    )
    st.data_editor(
        table,
        key=f"{key}_metrics",
        hide_index=True,
        width="stretch",
        disabled=["column"],
        on_change=_metrics,
        args=(name, f"{key}_metrics", columns),
        column_config={
            "column": st.column_config.TextColumn(t("column.name", lang)),
            "metric": st.column_config.SelectboxColumn(
                t("column.reads_as", lang),
                options=options,
                format_func=lambda m: (
                    t("fix.not_a_metric", lang) if m == NOT_A_METRIC else metric_label(m, lang)
                ),
                required=True,
            ),
        },
    )
