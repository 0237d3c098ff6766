"""Drawing helpers of the upload page: what the analysis holds and a card per file."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pandas as pd
import streamlit as st

from kpi_app import uploads
from kpi_app.corrections import correction_panel, file_key, undo_corrections
from kpi_app.panels import panel
from kpi_core import catalogue
from kpi_core.i18n import column_name, format_date, format_number, t
from kpi_core.labels import (
    channel_label,
    inference_message,
    layout_label,
    metric_label,
    placement_label,
    problem_message,
    unit_label,
)
from kpi_core.models import FileCorrections, FileReport, Severity


def _dates(report: FileReport, lang: str) -> str:
    if not report.date_from:
        return t("file.no_dates", lang)
    start = pd.Timestamp(report.date_from).date()
    end = pd.Timestamp(report.date_to).date()
    return (
        format_date(start, lang)
        if start == end
        else f"{format_date(start, lang)} – {format_date(end, lang)}"
    )


def in_the_analysis(lang: str) -> None:
    """Under the uploader: the demo in use, or the demo an upload just replaced, and every file
    in the analysis whenever the uploader does not show them all (a new uploader is empty)."""
    gone = uploads.replaced_demo()
    if gone is not None:
        st.info(t("upload.demo_replaced", lang, demo=gone["label"][lang]), icon=":material/info:")
    demo = uploads.demo()
    if demo is not None:
        st.caption(t("upload.demo_loaded", lang, demo=demo["label"][lang]))
        return
    names = list(uploads.uploads())
    if names and set(names) != uploads.in_uploader():
        st.caption(t("upload.loaded", lang, count=len(names), files=", ".join(names)))


def _corrected(name: str, lang: str) -> str:
    """What the user corrected in a file, in a few words (empty when nothing)."""
    fixes = uploads.corrections().get(name)
    if fixes is None:
        return ""
    parts = []
    if fixes.channel:
        parts.append(f"{t('file.channel', lang)} → {channel_label(fixes.channel, lang)}")
    if fixes.placement:
        parts.append(f"{t('file.placement', lang)} → {placement_label(fixes.placement, lang)}")
    if fixes.number_format:
        parts.append(t("fix.number_format", lang))
    if fixes.date_order:
        parts.append(t("fix.date_order", lang))
    if fixes.year:
        parts.append(t("file.year", lang, year=fixes.year))
    if len(fixes.metrics) > 2:
        parts.append(t("file.columns_set", lang, n=len(fixes.metrics)))
    else:
        parts += [
            f"{column} → {metric_label(metric, lang) if metric else t('fix.not_a_metric', lang)}"
            for column, metric in fixes.metrics
        ]
    return t("file.corrected", lang, what="; ".join(parts)) if parts else ""


def file_card(report: FileReport, channels: list[str], lang: str, demo: bool = False) -> None:
    """One uploaded file: what it was recognised as, what was read, and every problem met, with
    buttons to take it out of the analysis and to undo the user's corrections."""
    unreadable = report.layout == "unreadable"
    key = f"card_{file_key(report.name)}_"
    with st.container(border=True):
        icon = (
            ":material/block:"
            if unreadable
            else ":material/warning:"
            if _warnings(report)
            else ":material/check_circle:"
        )
        corrected = _corrected(report.name, lang)
        # Always three columns: the card below keeps its shape (an open expander stays open).
        head, undo, remove = st.columns([6, 2, 1], vertical_alignment="center")
        badge = f" :gray-badge[{t('file.demo', lang)}]" if demo else ""
        head.markdown(f"#### {icon} {report.name}{badge}")
        if corrected:
            undo.button(
                t("file.undo", lang),
                key=f"{key}undo",
                icon=":material/undo:",
                type="tertiary",
                on_click=undo_corrections,
                args=(report.name,),
            )
        remove.button(
            t("file.remove", lang),
            key=f"{key}remove",
            icon=":material/close:",
            type="tertiary",
            on_click=uploads.remove,
            args=(report.name,),
            help=t("file.remove_help", lang),
        )
        caption = f"{t('file.platform', lang)}: {layout_label(report, lang)}"
        st.caption(f"{caption}  \n:material/edit: {corrected}" if corrected else caption)
        if unreadable:
            for problem in report.problems:
                st.error(problem_message(problem, lang))
            return
        facts = {
            t("file.channel", lang): ", ".join(channel_label(c, lang) for c in channels) or "–",
            t("file.placement", lang): placement_label(report.placement, lang),
            t("file.dates", lang): _dates(report, lang),
            t("file.rows", lang): format_number(report.rows_read, lang),
            t("file.skipped", lang): format_number(report.rows_skipped, lang),
        }
        header = " | ".join(facts)
        st.markdown(f"| {header} |\n|{'---|' * len(facts)}\n| {' | '.join(facts.values())} |")
        for problem in report.problems:
            if problem.code == "unknown_channels" and len(channels) > 1:
                # One channel for the whole file would move the recognised rows too.
                problem = replace(problem, code="file.unknown_channels_mixed")
            text = problem_message(problem, lang)
            if problem.severity == Severity.ERROR:
                st.error(text, icon=":material/error:")
            elif problem.severity == Severity.WARNING:
                st.warning(text, icon=":material/warning:")
            else:
                st.caption(f":material/info: {text}")
        if report.unknown_columns:
            st.warning(
                t("file.unknown_columns", lang, columns=", ".join(report.unknown_columns)),
                icon=":material/help:",
            )
        # A correction that adds or removes a warning above it moves the panel: it stays open.
        with panel(t("file.assumptions", lang), f"{key}read", lang):
            for inference in report.inferences:
                st.markdown(f"- {inference_message(inference, lang)}")
            fixes = uploads.corrections().get(report.name, FileCorrections())
            st.dataframe(
                columns_table(report, lang, fixes),
                hide_index=True,
                width="stretch",
                column_config=_column_widths(lang),
            )
            st.divider()
            correction_panel(report, lang, channels)


# Pixel widths of the columns table, which fits the reading panel at 1280 px beside the goals'
# 352 px sidebar (about 700 px wide): sized to their content, a long description ("bagian
# desktop atau seluler dari ...") pushed the Match column out of view. A longer description
# ends in "…" and shows whole on hover.
_WIDTHS = {"column.name": 210, "column.reads_as": 305, "column.unit": 75, "column.match": 95}


def _column_widths(lang: str) -> dict[str, Any]:
    """The columns table's column widths, by its headers in the language."""
    return {t(key, lang): st.column_config.Column(width=px) for key, px in _WIDTHS.items()}


def _warnings(report: FileReport) -> bool:
    return any(p.severity != Severity.INFO for p in report.problems) or bool(report.unknown_columns)


def _unit(unit: str | None, metric: str | None, lang: str) -> str:
    """The column's unit: the currency its header names, else what the metric counts."""
    if unit:
        return unit_label(unit, lang)
    if metric and metric in catalogue.metric_ids():
        kind = catalogue.metric(metric).unit
        return t("unit.money", lang) if kind == "money" else unit_label(kind, lang)
    return ""


def columns_table(
    report: FileReport, lang: str, fixes: FileCorrections | None = None
) -> pd.DataFrame:
    """Each column of the file and what it was read as; a column the user mapped says so."""
    rows = []
    # Money whose header names no currency shows the one it was read in (assumed or chosen).
    read_in = {i.column: i.value for i in report.inferences if i.what == "currency"}
    for col in report.columns:
        mine = fixes is not None and fixes.metric_for(col.source_name)[0]
        if col.role == "metric":
            reads_as = metric_label(col.metric, lang)
            if col.placement:
                # Inside the line's brackets, as "(set by you)" is: "Impressions (organic)".
                reads_as += f" ({placement_label(col.placement, lang).lower()})"
        elif mine:
            reads_as = t("fix.not_a_metric", lang)
        else:
            reads_as = t(f"role.{col.role}", lang)
        if mine:
            reads_as += f" ({t('fix.set_by_you', lang)})"
        rows.append(
            {
                t("column.name", lang): column_name(col.source_name, lang),
                t("column.reads_as", lang): reads_as,
                t("column.unit", lang): _unit(
                    col.unit or read_in.get(col.source_name), col.metric, lang
                ),
                t("column.match", lang): t("fix.set_by_you", lang)
                if mine
                else f"{col.score:.0%}"
                if col.score is not None and col.role in ("metric", "unknown")
                else "",
            }
        )
    return pd.DataFrame(rows)
