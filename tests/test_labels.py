"""Figures and names as the user reads them, in English and Bahasa Indonesia."""

from __future__ import annotations

from datetime import date

import pytest

from kpi_core.labels import (
    channel_label,
    format_value,
    metric_label,
    placement_label,
    problem_message,
)
from kpi_core.models import Problem


@pytest.mark.parametrize(
    ("value", "unit", "lang", "metric", "compact", "expected"),
    [
        (1_234_567, "IDR", "id", None, True, "Rp 1,2 jt"),
        (1_234_567, "IDR", "en", None, True, "Rp 1.2M"),
        (3_868_049_500, "IDR", "id", None, True, "Rp 3,9 M"),
        (988_219_000, "IDR", "id", None, False, "Rp 988.219.000"),
        (19.5, "USD", "en", None, False, "$ 19.50"),
        (0.032, "fraction", "id", "ctr", False, "3,2%"),
        (0.0537, "fraction", "en", "ctr", False, "5.4%"),
        (2.354, "fraction", "en", "roas", False, "2.35×"),
        (6.155, "fraction", "id", "applause_rate", False, "6,16"),
        (61.8, "seconds", "id", None, False, "1 mnt 2 dtk"),
        (45, "seconds", "en", None, False, "45 s"),
        (12_345, "count", "id", None, False, "12.345"),
        (None, "count", "en", None, False, "–"),
    ],
)  # fmt: skip
def test_figures_are_written_the_language_way(
    value: float | None, unit: str, lang: str, metric: str | None, compact: bool, expected: str
) -> None:
    """Money always shows its currency; rates read as %, ratios as ×, durations in words."""
    assert format_value(value, unit, lang, metric, compact=compact) == expected


def test_names_are_translated() -> None:
    """Metric, channel and placement names follow the language; unknown metrics keep their name."""
    assert metric_label("reach", "id") == "Jangkauan"
    assert metric_label(None, "id", "Kolom Aneh") == "Kolom Aneh"
    assert channel_label("store", "en") != channel_label("store", "id")
    assert placement_label("paid", "id") == "Berbayar"


@pytest.mark.parametrize(
    ("first", "last", "lang", "expected"),
    [
        ("2026-09-10", "2026-09-15", "en", "6 day(s) (10–15 Sep 2026)"),
        ("2026-09-28", "2026-10-03", "id", "6 hari (28 Sep – 3 Okt 2026)"),
        ("2025-12-30", "2026-01-02", "en", "4 day(s) (30 Dec 2025 – 2 Jan 2026)"),
        ("2026-09-10", "2026-09-10", "en", "1 day(s) (10 Sep 2026)"),
    ],
)  # fmt: skip
def test_an_overlap_of_some_days_names_them(
    first: str, last: str, lang: str, expected: str
) -> None:
    """An export that repeats only some days of another says how many days, and which."""
    days = (date.fromisoformat(last) - date.fromisoformat(first)).days + 1
    problem = Problem(
        "b.csv", "overlap", column="b.csv", count=days, examples=("spend",), detail="a.csv",
        date_from=first, date_to=last, days=days,
    )  # fmt: skip
    assert expected in problem_message(problem, lang)
