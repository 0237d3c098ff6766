"""Hypothesis strategies shared by the test modules."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from kpi_core.ingest.numbers import MISSING_TOKENS

_EN_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_ID_MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip


def format_number_for_locale(x: float, fmt: str, decimals: int) -> str:
    """Write a number the way an en (`1,234.5`) or id (`1.234,5`) export would."""
    text = f"{x:,.{decimals}f}"
    if fmt == "id":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text


@st.composite
def locale_numbers(draw: st.DrawFn) -> tuple[str, str, float]:
    """A (text, format, value) triple: an integer or a 1-2 decimal number written in en or id."""
    fmt = draw(st.sampled_from(["en", "id"]))
    decimals = draw(st.integers(0, 2))
    value = draw(st.integers(-(10**10), 10**10)) / 10**decimals
    return format_number_for_locale(value, fmt, decimals), fmt, value


missing_tokens = st.sampled_from(sorted(MISSING_TOKENS))


@st.composite
def yearless_runs(draw: st.DrawFn) -> tuple[list[str], list[dt.date], dt.date]:
    """Ascending yearless day labels (TikTok style) that may cross New Year, with the true dates."""
    start = dt.date(2025, 12, 1) + dt.timedelta(days=draw(st.integers(-90, 40)))
    steps = draw(st.lists(st.integers(0, 3), min_size=0, max_size=80))
    dates = [start]
    for step in steps:
        dates.append(dates[-1] + dt.timedelta(days=step))
    today = dates[-1] + dt.timedelta(days=draw(st.integers(0, 700)))
    style = draw(st.sampled_from(["en_month_first", "en_day_first", "id_day_first"]))
    if style == "en_month_first":
        labels = [f"{_EN_MONTHS[d.month - 1]} {d.day}" for d in dates]
    elif style == "en_day_first":
        labels = [f"{d.day} {_EN_MONTHS[d.month - 1]}" for d in dates]
    else:
        labels = [f"{d.day} {_ID_MONTHS[d.month - 1]}" for d in dates]
    return labels, dates, today


@st.composite
def day_first_samples(draw: st.DrawFn) -> list[str]:
    """DD/MM/YYYY strings in which at least one day is above 12, so day-first is proven."""
    sep = draw(st.sampled_from(["/", "-", "."]))
    days = draw(st.lists(st.integers(1, 28), min_size=0, max_size=10))
    days.append(draw(st.integers(13, 28)))
    months = draw(st.lists(st.integers(1, 12), min_size=len(days), max_size=len(days)))
    return [f"{d:02d}{sep}{m:02d}{sep}2025" for d, m in zip(days, months, strict=True)]
