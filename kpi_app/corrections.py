"""Correcting how a file was read, without leaving the page: every change re-reads the file."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pandas as pd
import streamlit as st

from kpi_app import uploads
from kpi_core import catalogue
from kpi_core.headers import ISO_CURRENCIES
from kpi_core.i18n import column_name, t
from kpi_core.labels import channel_label, metric_label
from kpi_core.models import ColumnReading, FileCorrections, FileReport

KEEP = "__keep__"
NOT_A_METRIC = "__none__"
_CHANNELS = ("facebook", "instagram", "tiktok", "x", "linkedin", "youtube", "website", "email",
             "search", "shopee", "tokopedia", "whatsapp", "store", "other")  # fmt: skip


# The currencies offered for amounts a file names none for: the likely ones first.
CURRENCIES = ("IDR", "USD", *sorted(ISO_CURRENCIES - {"IDR", "USD"}))

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
        if "change" not in change:
            continue
        chosen, column = change["change"], columns[int(row)]
        if chosen in (KEEP, None):
            mapping.pop(column, None)  # as the file was read, without the user's mapping
        else:
            mapping[column] = None if chosen == NOT_A_METRIC else chosen
    _set(name, metrics=tuple(sorted(mapping.items())))


def file_key(name: str) -> str:
    """A short stable id of one file, for its widgets' keys."""
    return hashlib.sha1(name.encode()).hexdigest()[:10]


def widget_prefix(name: str, lang: str) -> str:
    """The stable key prefix of one file's correction widgets."""
    return f"fix_{file_key(name)}_{lang}"


def undo_corrections(name: str) -> None:
    """Read one file again as it was inferred: its corrections and their widgets forgotten."""
    uploads.corrections().pop(name, None)
    mine = f"fix_{file_key(name)}_"
    for key in [k for k in st.session_state if str(k).startswith(mine)]:
        del st.session_state[key]


def correction_panel(report: FileReport, lang: str, channels: list[str] | None = None) -> None:
    """Channel, placement, number format, date order, year, currency and each column's metric,
    editable.

    In a file that names each row's channel in a column, the channel chosen goes only to the
    rows whose channel was not recognised; the box says so.
    """
    name = report.name
    fixes = _current(name)
    key = widget_prefix(name, lang)
    mixed = any(i.what == "channel" and i.basis == "column" for i in report.inferences)
    named = ", ".join(channel_label(c, lang) for c in channels or [] if c != "other")
    st.markdown(f"**{t('fix.title', lang)}**")
    st.caption(t("fix.help", lang))
    labels = {
        "channel": lambda c: channel_label(c, lang),
        "placement": lambda p: t(f"placement.{p}", lang),
        "number_format": lambda f: t(f"value.number_format.{f}", lang),
        "date_order": lambda o: t(f"value.date_order.{o}", lang),
    }
    titles = {
        "channel": t("fix.channel_unknown_rows" if mixed else "file.channel", lang),
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
            help=t("fix.channel_mixed", lang, channels=named)
            if mixed and field == "channel"
            else None,
        )
    # The year and the currency are asked only of files that left them out, side by side.
    asked = [w for w in ("year", "currency") if any(i.what == w for i in report.inferences)]
    slots = dict(zip(asked, st.columns(2) if asked else [], strict=False))
    if "year" in slots:
        slots["year"].number_input(
            t("fix.year", lang),
            min_value=2000,
            max_value=2100,
            step=1,
            value=fixes.year or int(next(i.value for i in report.inferences if i.what == "year")),
            key=f"{key}_year",
            on_change=_year,
            args=(name, f"{key}_year"),
        )
    if "currency" in slots:
        options = [KEEP, *CURRENCIES]
        slots["currency"].selectbox(
            t("fix.currency", lang),
            options,
            index=options.index(fixes.currency) if fixes.currency in options else 0,
            format_func=lambda o: t("fix.as_read", lang) if o == KEEP else o,
            key=f"{key}_currency",
            on_change=_choice,
            args=(name, "currency", f"{key}_currency"),
            help=t("fix.currency_help", lang),
        )
    _column_editor(report, fixes, key, lang)


def _reading(col: ColumnReading, mine: bool, lang: str) -> str:
    """What a column is read as now, in the editor's words."""
    if col.role == "metric" and col.metric:
        text = metric_label(col.metric, lang)
    else:
        text = t("fix.not_a_metric" if mine else "role.unknown", lang)
    return f"{text} ({t('fix.set_by_you', lang)})" if mine else text


def _column_editor(report: FileReport, fixes: FileCorrections, key: str, lang: str) -> None:
    """Every column that is or was a metric, what it reads as, and the user's own mapping."""
    mapped = dict(fixes.metrics)
    # A column set to "not a metric" stays listed, so that it can be brought back.
    rows = [c for c in report.columns if c.role in ("metric", "unknown") or c.source_name in mapped]
    if not rows:
        return
    columns = [c.source_name for c in rows]
    options = [KEEP, NOT_A_METRIC,
               *sorted(catalogue.metric_ids(), key=lambda m: metric_label(m, lang))]  # fmt: skip
    table = pd.DataFrame(
        {
            "column": [column_name(c, lang) for c in columns],
            "reads_as": [_reading(c, c.source_name in mapped, lang) for c in rows],
            "change": [
                (mapped[c.source_name] or NOT_A_METRIC) if c.source_name in mapped else KEEP
                for c in rows
            ],
        }
    )
    # Each correction re-reads the file: a new editor then shows it, and no edit of the old one
    # is applied again to whichever row now sits at its place.
    digest = hashlib.sha1(repr(fixes.metrics).encode()).hexdigest()[:8]
    editor = f"{key}_metrics_{digest}"
    st.data_editor(
        table,
        key=editor,
        hide_index=True,
        width="stretch",
        disabled=["column", "reads_as"],
        on_change=_metrics,
        args=(report.name, editor, columns),
        column_config={
            "column": st.column_config.TextColumn(t("column.name", lang)),
            "reads_as": st.column_config.TextColumn(t("column.reads_as", lang)),
            "change": st.column_config.SelectboxColumn(
                t("fix.change_to", lang),
                options=options,
                format_func=lambda m: _option(m, lang),
                required=True,
                help=t("fix.change_help", lang),
            ),
        },
    )
    for metric, names in clashes(report, mapped):
        quoted = ", ".join(f"“{n}”" for n in names)
        text = t("fix.clash", lang, columns=quoted, metric=metric_label(metric, lang))
        st.warning(text, icon=":material/warning:")


def _option(choice: str, lang: str) -> str:
    if choice == KEEP:
        return t("fix.as_read", lang)
    return t("fix.not_a_metric", lang) if choice == NOT_A_METRIC else metric_label(choice, lang)


def clashes(report: FileReport, mapped: dict[str, str | None]) -> list[tuple[str, list[str]]]:
    """Metrics that two columns of the file read at one placement, where the user mapped one of
    them: their figures are added together, which double-counts (orders and buyers)."""
    by_metric: dict[tuple[str, str | None], list[str]] = {}
    for col in report.columns:
        if col.role == "metric" and col.metric:
            by_metric.setdefault((col.metric, col.placement), []).append(col.source_name)
    return [
        (metric, names)
        for (metric, _), names in by_metric.items()
        if len(names) > 1 and any(n in mapped for n in names)
    ]
