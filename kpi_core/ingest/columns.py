"""Decide what each column of a table is: a metric, a date, a channel, an attribute..."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import pandas as pd

from kpi_core import catalogue
from kpi_core.catalogue import Header
from kpi_core.ingest.cells import (
    date_like,
    id_like,
    placement_column,
    placement_words,
    text_share,
)
from kpi_core.ingest.codes import filled_rows
from kpi_core.ingest.groups import group_kind
from kpi_core.ingest.layouts import Layout, row_key_names
from kpi_core.ingest.parts import drop_alternatives, drop_devices, drop_parts, drop_totals
from kpi_core.ingest.table import COPY_MARK, ungrouped
from kpi_core.models import FileCorrections

# Publish and creation times date a row only when the row's own date says `Lifetime`.
_SECONDARY_DATES = {
    "publish time", "waktu penerbitan", "created date", "video publish time",
    "waktu publikasi video",
}  # fmt: skip
_POST_TIMES = {"publish time", "waktu penerbitan"}
_HOURS = re.compile(r"\b(hours|hour|jam)\b")
_MINUTES = re.compile(r"\b(minutes|minute|menit|mins)\b")


@dataclass(frozen=True)
class Column:
    """One column's reading: its role, metric and the hints its header carries."""

    name: str
    header: Header
    role: str  # metric | unknown | total | attribute | date | channel | placement | ...
    metric: str | None = None
    score: float | None = None
    suggestions: tuple[str, ...] = ()
    corrected: bool = False
    time_scale: float = 1.0  # header says hours or minutes: convert to seconds
    group: str | None = None  # the label a row above or under the header grouped it under
    channel: str | None = None  # the channel its group names, over the file's


@dataclass
class Plan:
    """Every column of a table with its role, plus the columns each role points at."""

    columns: list[Column] = field(default_factory=list)

    def of(self, role: str) -> list[Column]:
        """Columns with this role, in header order."""
        return [c for c in self.columns if c.role == role]

    def first(self, role: str) -> Column | None:
        """The first column with this role, if any."""
        found = self.of(role)
        return found[0] if found else None


def plan_columns(
    header: list[str],
    body: pd.DataFrame,
    layout: Layout,
    corrections: FileCorrections,
    groups: Mapping[str, str] | None = None,
) -> Plan:
    """Read every header: role first, then the catalogue, then the cells decide text vs unknown."""
    plan = Plan()
    groups = groups or {}
    has_dates = any(
        catalogue.role_of(h) == "date" and h.key not in _SECONDARY_DATES
        for h in map(catalogue.parse_header, header)
    )
    has_metric_names = any(
        catalogue.role_of(catalogue.parse_header(n)) == "metric_name" for n in header
    )
    keys = row_key_names(layout)
    for name in header:
        parsed = catalogue.parse_header(name)
        group = groups.get(name)
        if group and group_kind(group)[0] != "placement":
            # `GMV (LIVE)` is a GMV; `Jangkauan (Organik)` keeps its placement word to read.
            parsed = replace(catalogue.parse_header(ungrouped(name, group)), raw=name)
        if COPY_MARK in name:
            first = name[: name.rindex(COPY_MARK)]
            if name not in body.columns or first not in body.columns:
                plan.columns.append(Column(name, parsed, "duplicate"))
                continue
            if same_values(body[first], body[name]):
                # A header the export repeats (Meta's second `Reactions`) is the same figure again.
                plan.columns.append(Column(name, parsed, "duplicate"))
                continue
            # Other figures under the same name (a second group's `GMV`) are data: read by the
            # name they repeat (without its group), under their own.
            base = (
                ungrouped(first, group) if group and group_kind(group)[0] != "placement" else first
            )
            parsed = replace(catalogue.parse_header(base), raw=name)
        corrected, wanted = corrections.metric_for(name)
        if corrected:
            fixed = "metric" if wanted else "attribute"
            plan.columns.append(
                Column(name, parsed, fixed, wanted, 1.0 if wanted else None, corrected=True)
            )
            continue
        role = catalogue.role_of(parsed)
        if parsed.key in keys:
            role = "post_id"
        values = body[name] if name in body.columns else pd.Series([], dtype="object")
        if role == "date" and parsed.key in _SECONDARY_DATES:
            role = "date_secondary"
        if role == "attribute" and placement_column(values):
            role = "placement"
        elif role == "placement" and not placement_words(values):
            # X Ads' `Placement` says where the ad ran (`X timelines`), not organic or paid.
            role = "attribute"
        if role == "value" and layout.series and not has_metric_names:
            # A one-metric daily file (`"Date","Primary"`): the metric is named by its title.
            role = "series_value"
        if role is not None:
            plan.columns.append(Column(name, parsed, role))
            continue
        match = catalogue.match_metric(parsed)
        # A platform's own name is met with or without placement words (`... (total)`).
        named = layout.names.get(parsed.key) or layout.names.get(parsed.base_key)
        if named:
            match = catalogue.Match(named, 1.0, (), "alias")
        suggestions = tuple(m for m, _ in match.suggestions)
        if len(values) and not filled_rows(values).any():
            plan.columns.append(Column(name, parsed, "empty"))
        elif match.metric is None and date_like(values):
            # An unnamed column of dates (TikTok Shop's blank first header cell) dates the rows.
            dated = has_dates or any(c.role == "date" for c in plan.columns)
            plan.columns.append(Column(name, parsed, "attribute" if dated else "date"))
        elif text_share(values) > 0.5 or (match.metric is None and id_like(values)):
            plan.columns.append(Column(name, parsed, "attribute"))
        elif match.metric is not None:
            metric_id = layout.remap.get(match.metric, match.metric)
            match = catalogue.Match(metric_id, match.score, match.suggestions, match.via)
            scale = 1.0
            if catalogue.metric(metric_id).unit == "seconds":
                scale = (
                    3600.0
                    if _HOURS.search(parsed.key)
                    else 60.0
                    if _MINUTES.search(parsed.key)
                    else 1.0
                )
            plan.columns.append(
                Column(
                    name, parsed, "metric", match.metric, match.score, suggestions, time_scale=scale
                )
            )
        else:
            plan.columns.append(Column(name, parsed, "unknown", None, match.score, suggestions))
    for i, col in enumerate(plan.columns):
        if col.name in groups:
            kind, named = group_kind(groups[col.name])
            # Under a layout that fixes the channel, `Lainnya` (others) groups other sources of
            # that channel's figures, not the `other` channel.
            other = named == "other" and layout.channel is not None
            own = named if kind == "channel" and not corrections.channel and not other else None
            plan.columns[i] = replace(col, group=groups[col.name], channel=own)
    _group_totals(plan)
    drop_totals(plan)
    drop_devices(plan)
    drop_parts(plan)
    drop_alternatives(plan)
    _drop_copies(plan, body)
    _campaign_fallback(plan)
    secondary = plan.first("date_secondary")
    if plan.first("date") is None and secondary and secondary.header.key in _POST_TIMES:
        # Without a `Date` column, a Meta post export's figures are each post's lifetime,
        # dated by its publish time (YouTube's per-video figures cover the export's period).
        plan.columns[plan.columns.index(secondary)] = replace(secondary, role="date")
    return plan


def _group_totals(plan: Plan) -> None:
    """A column of a `Semua` (all, total) group totals the columns of its name in the groups
    beside it (TikTok Shop's GMV of LIVE, Video and product cards): it is not added to them."""
    figures = ("metric", "unknown")

    def kind(col: Column) -> str:
        return group_kind(col.group)[0] if col.group else ""

    parts = {
        (ungrouped(c.name, c.group), c.channel)
        for c in plan.columns
        if c.role in figures and c.group and kind(c) != "total"
    }
    for i, col in enumerate(plan.columns):
        own = (ungrouped(col.name, col.group), col.channel)
        if col.role in figures and kind(col) == "total" and own in parts:
            plan.columns[i] = replace(col, role="group_total")


def same_values(a: pd.Series, b: pd.Series) -> bool:
    """Whether two columns hold the same cells (blank where the other is blank)."""
    if a.equals(b):
        return True
    x, y = a.astype("object"), b.astype("object")
    return bool(((x == y) | (x.isna() & y.isna())).all())


def _drop_copies(plan: Plan, body: pd.DataFrame) -> None:
    """A column holding the very cells of an earlier column of the same metric (`Jangkauan`
    beside `Reach` in a sheet kept in two languages) is that figure again: it is not added."""
    seen: dict[tuple[str | None, str | None, str | None], list[str]] = {}
    for i, col in enumerate(plan.columns):
        if col.role != "metric" or col.corrected or col.name not in body.columns:
            continue
        key = (col.metric, col.header.placement, col.header.currency)
        earlier = seen.setdefault(key, [])
        if any(same_values(body[name], body[col.name]) for name in earlier):
            plan.columns[i] = replace(col, role="duplicate")
        else:
            earlier.append(col.name)


# Without a campaign column, the ad (or ad group) a row reports on names it: Shopee Ads'
# `Nama Iklan` is the only name its rows have.
_CAMPAIGN_FALLBACK = (
    "ad name", "nama iklan", "ad group", "ad group name", "nama grup iklan", "ad set name",
    "nama set iklan",
)  # fmt: skip


def _campaign_fallback(plan: Plan) -> None:
    if plan.first("campaign") is not None:
        return
    for key in _CAMPAIGN_FALLBACK:
        for i, col in enumerate(plan.columns):
            if col.role == "attribute" and not col.corrected and col.header.key == key:
                plan.columns[i] = Column(col.name, col.header, "campaign")
                return
