"""Tests for kpi_core.ingest.number_cells: what each distinct number cell turns out to be."""

from __future__ import annotations

import math

import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from kpi_core.ingest.number_cells import parse_cells, split_cell


def _parsed(cells: list[str], fmt: str) -> dict[str, list[object]]:
    out = parse_cells(pa.array(cells, type=pa.large_string()), fmt)
    return {key: list(values) for key, values in out.items()}


def test_each_cell_says_whether_it_was_missing_masked_or_read() -> None:
    """`-` and `N/A` are missing, `<5` is masked by the platform, and neither is a number."""
    got = _parsed(["12", "-", " N/A ", "<5", "abc"], "en")
    assert got["values"][0] == 12.0
    assert [math.isnan(v) for v in got["values"][1:]] == [True] * 4
    assert got["missing"] == [False, True, True, False, False]
    assert got["masked"] == [False, False, False, True, False]
    assert got["ok"] == [True, False, False, False, False]


def test_percent_duration_and_currency_are_told_per_cell() -> None:
    """`3,2%` is a fraction, `0:05:12` is seconds, and `Rp 1,2 jt` names rupiah."""
    got = _parsed(["3,2%", "0:05:12", "Rp 1,2 jt"], "id")
    assert got["values"] == [0.032, 312.0, 1_200_000.0]
    assert got["pct"] == [True, False, False]
    assert got["duration"] == [False, True, False]
    assert got["currency"] == ["", "", "rp"]


def test_the_cell_core_keeps_digits_and_currency_for_the_format_vote() -> None:
    """The format vote sees a cell's digits and its currency, without sign, suffix or percent."""
    assert split_cell("Rp 1.234.567") == ("1.234.567", "IDR")
    assert split_cell("(12.5%)") == ("12.5", None)
    assert split_cell("$1.2K") == ("1.2", "USD")
    assert split_cell("hello") is None


def test_a_rupiah_amount_written_with_a_dash_for_cents_is_read() -> None:
    """`Rp 1.250.000,-` is 1,250,000 rupiah: the `,-` for no cents is not a minus sign."""
    got = _parsed(["Rp 1.250.000,-", "Rp 0,-", "750.500,-"], "id")
    assert got["values"] == [1_250_000.0, 0.0, 750_500.0]
    assert got["currency"][0] == "rp"


def test_excel_error_values_are_missing_not_bad_numbers() -> None:
    """`#DIV/0!` and `#VALUE!` are formulas with nothing to show: missing, never a bad number."""
    got = _parsed(["#DIV/0!", "#VALUE!", "#REF!"], "en")
    assert got["missing"] == [True, True, True]


def test_a_bound_is_no_figure_and_is_missing_not_zero() -> None:
    """Google Ads' `< 10%` and `> 90%` only bound the share: never 0.1, 0.9 or zero, never bad."""
    got = _parsed(["< 10%", "> 90%", ">=5", "  --", "41.27%"], "en")
    assert [math.isnan(v) for v in got["values"]] == [True, True, True, True, False]
    assert got["masked"] == [True, True, True, False, False]
    assert got["missing"] == [False, False, False, True, False]
    assert math.isclose(got["values"][4], 0.4127)


def test_watch_time_in_hours_minutes_and_seconds_is_seconds() -> None:
    """TikTok Studio's `12h:3m:4s`, `3m:4s`, `45s` and `1h` are 43,384, 184, 45 and 3,600 s."""
    got = _parsed(["12h:3m:4s", "3m:4s", "45s", "1h", "0s", "2.5s"], "en")
    assert got["values"] == [43384.0, 184.0, 45.0, 3600.0, 0.0, 2.5]
    assert got["duration"] == [True] * 6
    assert got["ok"] == [True] * 6


def test_minutes_alone_stay_millions() -> None:
    """A bare `3m` is three million (the shorthand), not three minutes: no duration says so."""
    got = _parsed(["3m"], "en")
    assert got["values"] == [3_000_000.0]
    assert got["duration"] == [False]


_PLAIN_CELLS = st.lists(st.from_regex(r"-?[0-9][0-9.,]{0,9}", fullmatch=True), min_size=1)


@given(cells=_PLAIN_CELLS, fmt=st.sampled_from(["en", "id"]))
def test_a_plain_number_reads_the_same_beside_other_kinds_of_cells(
    cells: list[str], fmt: str
) -> None:
    """A column of plain digits (read by the short path) gives each cell what it gives it in a
    column that also holds money, percents and blanks."""
    alone = _parsed(cells, fmt)
    mixed = _parsed([*cells, "Rp 1,2 jt", "3%", "-", "0:05"], fmt)
    n = len(cells)
    for key, values in alone.items():
        assert [str(v) for v in values] == [str(v) for v in mixed[key][:n]], key


def test_a_column_of_typed_numbers_has_no_text_to_read() -> None:
    """No cell text at all (every cell of a workbook column was a number) reads as nothing."""
    got = _parsed([], "en")
    assert all(values == [] for values in got.values())
