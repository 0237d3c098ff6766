"""Decide what each column of a table is: a metric, a date, a channel, an attribute..."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from kpi_core import catalogue
from kpi_core.catalogue import Header
from kpi_core.ingest.layouts import Layout
from kpi_core.ingest.sources import COPY_MARK
from kpi_core.models import FileCorrections

PLACEMENT_VALUES = {
    "organic": "organic",
    "organik": "organic",
    "paid": "paid",
    "sponsored": "paid",
    "promoted": "paid",
    "berbayar": "paid",
    "bersponsor": "paid",
    "ads": "paid",
    "iklan": "paid",
}
# Publish and creation times date a row only when the row's own date says `Lifetime`.
_SECONDARY_DATES = {"publish time", "waktu penerbitan", "created date", "video publish time"}
_HOURS = re.compile(r"\b(hours|hour|jam)\b")
_MINUTES = re.compile(r"\b(minutes|minute|menit|mins)\b")
_ID_LIKE = re.compile(r"^\s*\d{12,}\s*$")


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


def _text_share(values: pd.Series) -> float:
    """Share of filled cells that are words rather than numbers (text columns are attributes)."""
    sample = values.dropna().head(200).astype(str).str.strip()
    sample = sample[sample != ""]
    if sample.empty:
        return 0.0
    wordy = sample.str.contains(r"[A-Za-z]{3,}", regex=True) & ~sample.str.fullmatch(
        r"(?i)\s*(rp|idr|usd|n/?a|undefined|null|none|-+)?[\s\d.,%$:()-]*(k|rb|jt|m|ribu)?\s*"
    )
    return float(wordy.mean())


def _placement_column(values: pd.Series) -> bool:
    words = values.dropna().astype(str).str.strip().str.lower()
    words = words[words != ""]
    return not words.empty and bool(words.isin(list(PLACEMENT_VALUES)).all())


def plan_columns(
    header: list[str], body: pd.DataFrame, layout: Layout, corrections: FileCorrections
) -> Plan:
    """Read every header: role first, then the catalogue, then the cells decide text vs unknown."""
    plan = Plan()
    for name in header:
        parsed = catalogue.parse_header(name)
        if COPY_MARK in name:
            # A header the export repeats (Meta's second `Reactions`) is the same figure again.
            plan.columns.append(Column(name, parsed, "duplicate"))
            continue
        corrected, wanted = corrections.metric_for(name)
        if corrected:
            role = "metric" if wanted else "attribute"
            plan.columns.append(Column(name, parsed, role, wanted, 1.0 if wanted else None, corrected=True))
            continue
        role = catalogue.role_of(parsed)
        values = body[name] if name in body.columns else pd.Series([], dtype="object")
        if role == "date" and parsed.key in _SECONDARY_DATES:
            role = "date_secondary"
        if role == "attribute" and _placement_column(values):
            role = "placement"
        if role is not None:
            plan.columns.append(Column(name, parsed, role))
            continue
        if layout.series and parsed.key == "primary":
            plan.columns.append(Column(name, parsed, "series_value"))
            continue
        match = catalogue.match_metric(parsed)
        suggestions = tuple(m for m, _ in match.suggestions)
        if values.dropna().astype(str).str.strip().eq("").all() and len(values):
            plan.columns.append(Column(name, parsed, "empty"))
        elif _text_share(values) > 0.5 or (
            match.metric is None and values.dropna().astype(str).str.match(_ID_LIKE).mean() > 0.8
        ):
            plan.columns.append(Column(name, parsed, "attribute"))
        elif match.metric is not None:
            metric_id = layout.remap.get(match.metric, match.metric)
            match = catalogue.Match(metric_id, match.score, match.suggestions, match.via)
            scale = 1.0
            if catalogue.metric(match.metric).unit == "seconds":
                scale = 3600.0 if _HOURS.search(parsed.key) else 60.0 if _MINUTES.search(parsed.key) else 1.0
            plan.columns.append(Column(name, parsed, "metric", match.metric, match.score, suggestions, time_scale=scale))
        else:
            plan.columns.append(Column(name, parsed, "unknown", None, match.score, suggestions))
    _drop_totals(plan)
    return plan


def _drop_totals(plan: Plan) -> None:
    """A `(total)` column whose organic and paid parts are present is not a metric of its own."""
    parts = {
        (c.metric, c.header.placement)
        for c in plan.columns
        if c.role == "metric" and c.header.placement in ("organic", "paid")
    }
    for i, col in enumerate(plan.columns):
        if col.role == "metric" and col.header.placement == "total":
            if (col.metric, "organic") in parts or (col.metric, "paid") in parts:
                plan.columns[i] = Column(col.name, col.header, "total", col.metric, col.score)
