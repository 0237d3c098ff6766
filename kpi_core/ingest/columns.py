"""Decide what each column of a table is: a metric, a date, a channel, an attribute..."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from kpi_core import catalogue
from kpi_core.catalogue import Header
from kpi_core.ingest.codes import filled_rows, used_codes
from kpi_core.ingest.dates import parse_dates
from kpi_core.ingest.layouts import Layout
from kpi_core.ingest.table import COPY_MARK
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
_POST_TIMES = {"publish time", "waktu penerbitan"}
_HOURS = re.compile(r"\b(hours|hour|jam)\b")
_MINUTES = re.compile(r"\b(minutes|minute|menit|mins)\b")
_ID_LIKE = re.compile(r"^\s*\d{12,}\s*$")
# Cells shaped like a date (`2026-07-01`, `01/07/2026`, `Jul 1, 2026`, `1 Juli 2026`) before any
# is parsed: most columns are numbers or words and skip the parse.
_DATE_SHAPE = re.compile(
    r"\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"
    r"|[A-Za-z]{3,}\.?,?\s+\d{1,2}|\d{1,2}[\s-][A-Za-z]{3,})"
)


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
    dtype = values.dtype
    if pd.api.types.is_datetime64_any_dtype(dtype) or (
        pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
    ):
        return 0.0  # numbers and dates as the file typed them are not words
    sample = values.head(2000).dropna().head(200).astype(str).str.strip()
    sample = sample[sample != ""]
    if sample.empty:
        return 0.0
    wordy = sample.str.contains(r"[A-Za-z]{2,}", regex=True) & ~sample.str.fullmatch(
        r"(?i)\s*(rp|idr|usd|n/?a|undefined|null|none|-+)?[\s\d.,%$:()-]*(k|rb|jt|m|ribu)?\s*"
    )
    return float(wordy.mean())


def _id_like(values: pd.Series) -> bool:
    """Whether a column's cells are long numeric ids (12+ digits), typed as numbers or not."""
    sample = values.head(2000).dropna()
    if sample.empty:
        return False
    if pd.api.types.is_numeric_dtype(sample.dtype) and not pd.api.types.is_bool_dtype(sample.dtype):
        # A blank cell turns an id column into floats (`1.83e+18`): whole numbers of 12+ digits.
        numbers = sample.to_numpy(dtype="float64")
        return bool(((numbers >= 1e11) & (numbers == numbers.round())).mean() > 0.8)
    return bool(sample.astype(str).str.match(_ID_LIKE).mean() > 0.8)


def _distinct_words(values: pd.Series) -> set[str]:
    """The distinct filled cells of a column, stripped and lower-cased."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        used = used_codes(values.cat.codes.to_numpy(), len(values.cat.categories))
        distinct = list(values.cat.categories[used])
    else:
        distinct = list(values.dropna().unique())
    words = {str(v).strip().lower() for v in distinct}
    return words - {""}


def _placement_column(values: pd.Series) -> bool:
    """Whether every filled cell is an organic/paid word (`Post type`: Organic/Sponsored)."""
    words = _distinct_words(values)
    return bool(words) and words <= PLACEMENT_VALUES.keys()


def _date_like(values: pd.Series) -> bool:
    """Whether a column's cells are dates (checked on up to 50 distinct cells)."""
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return True
    if pd.api.types.is_numeric_dtype(values.dtype):
        return False
    sample = pd.Series(values.head(2000).dropna().unique()[:50]).astype(str).str.strip()
    sample = sample[sample != ""]
    if sample.empty or sample.str.match(_DATE_SHAPE).mean() <= 0.8:
        return False
    best = 0.0
    for order in ("dmy", "mdy"):
        parsed = parse_dates(sample.reset_index(drop=True), order, today=date.max)
        best = max(best, float(parsed.values.notna().mean()))
    return best > 0.8


def _placement_words(values: pd.Series) -> bool:
    """Whether any filled cell is an organic/paid word (an empty column keeps its role)."""
    words = _distinct_words(values)
    return not words or not words.isdisjoint(PLACEMENT_VALUES)


def plan_columns(
    header: list[str], body: pd.DataFrame, layout: Layout, corrections: FileCorrections
) -> Plan:
    """Read every header: role first, then the catalogue, then the cells decide text vs unknown."""
    plan = Plan()
    has_dates = any(
        catalogue.role_of(h) == "date" and h.key not in _SECONDARY_DATES
        for h in map(catalogue.parse_header, header)
    )
    has_metric_names = any(
        catalogue.role_of(catalogue.parse_header(n)) == "metric_name" for n in header
    )
    for name in header:
        parsed = catalogue.parse_header(name)
        if COPY_MARK in name:
            # A header the export repeats (Meta's second `Reactions`) is the same figure again.
            plan.columns.append(Column(name, parsed, "duplicate"))
            continue
        corrected, wanted = corrections.metric_for(name)
        if corrected:
            fixed = "metric" if wanted else "attribute"
            plan.columns.append(
                Column(name, parsed, fixed, wanted, 1.0 if wanted else None, corrected=True)
            )
            continue
        role = catalogue.role_of(parsed)
        values = body[name] if name in body.columns else pd.Series([], dtype="object")
        if role == "date" and parsed.key in _SECONDARY_DATES:
            role = "date_secondary"
        if role == "attribute" and _placement_column(values):
            role = "placement"
        elif role == "placement" and not _placement_words(values):
            # X Ads' `Placement` says where the ad ran (`X timelines`), not organic or paid.
            role = "attribute"
        if role == "value" and layout.series and not has_metric_names:
            # A one-metric daily file (`"Date","Primary"`): the metric is named by its title.
            role = "series_value"
        if role is not None:
            plan.columns.append(Column(name, parsed, role))
            continue
        match = catalogue.match_metric(parsed)
        suggestions = tuple(m for m, _ in match.suggestions)
        if len(values) and not filled_rows(values).any():
            plan.columns.append(Column(name, parsed, "empty"))
        elif match.metric is None and _date_like(values):
            # An unnamed column of dates (TikTok Shop's blank first header cell) dates the rows.
            dated = has_dates or any(c.role == "date" for c in plan.columns)
            plan.columns.append(Column(name, parsed, "attribute" if dated else "date"))
        elif _text_share(values) > 0.5 or (match.metric is None and _id_like(values)):
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
    _drop_totals(plan)
    _drop_parts(plan)
    _campaign_fallback(plan)
    secondary = plan.first("date_secondary")
    if plan.first("date") is None and secondary and secondary.header.key in _POST_TIMES:
        # Without a `Date` column, a Meta post export's figures are each post's lifetime,
        # dated by its publish time (YouTube's per-video figures cover the export's period).
        plan.columns[plan.columns.index(secondary)] = replace(secondary, role="date")
    return plan


def _drop_parts(plan: Plan) -> None:
    """A column naming a narrower kind of another column's metric (`Website purchases` beside
    `Purchases`) is a part of it, not more of the same: it is not added."""
    metrics = [c for c in plan.columns if c.role == "metric" and not c.corrected]
    for i, col in enumerate(plan.columns):
        if col.role != "metric" or col.corrected:
            continue
        words = set(col.header.base_key.split())
        if any(
            other.metric == col.metric
            and other.header.placement == col.header.placement
            and set(other.header.base_key.split()) < words
            for other in metrics
        ):
            plan.columns[i] = Column(col.name, col.header, "part", col.metric, col.score)


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


def _drop_totals(plan: Plan) -> None:
    """A `(total)` column whose organic and paid parts are present is not a metric of its own."""
    parts = {
        (c.metric, c.header.placement)
        for c in plan.columns
        if c.role == "metric" and c.header.placement in ("organic", "paid")
    }
    for i, col in enumerate(plan.columns):
        has_parts = (col.metric, "organic") in parts or (col.metric, "paid") in parts
        if col.role == "metric" and col.header.placement == "total" and has_parts:
            plan.columns[i] = Column(col.name, col.header, "total", col.metric, col.score)
