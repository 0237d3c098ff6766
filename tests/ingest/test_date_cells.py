"""Tests for kpi_core.ingest.date_cells: what each distinct date cell is cut into."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyarrow as pa

from kpi_core.ingest.date_cells import assemble_days, latest_year, parse_day_cells


def test_each_distinct_cell_gives_year_month_day_or_missing() -> None:
    """ISO, numeric, English and Indonesian month names are cut into parts; `Lifetime` is missing
    and a yearless cell has year 0 until its row is dated."""
    cells = pa.array(
        ["2026-07-01", "13/07/2026", "Jul 2, 2026", "1 Agustus 2026", "Lifetime", "Des 31"]
    )
    y, m, d, missing = parse_day_cells(cells, "dmy")
    assert list(zip(y, m, d, strict=True))[:4] == [
        (2026, 7, 1),
        (2026, 7, 13),
        (2026, 7, 2),
        (2026, 8, 1),
    ]
    assert list(missing) == [False, False, False, False, True, False]
    assert (y[5], m[5], d[5]) == (0, 12, 31)


def test_the_date_order_decides_numeric_cells_only() -> None:
    """`04/07/2026` is 4 July day-first and 7 April month-first; an ISO cell reads the same."""
    cells = pa.array(["04/07/2026", "2026-07-04"])
    _, m_dmy, d_dmy, _ = parse_day_cells(cells, "dmy")
    _, m_mdy, d_mdy, _ = parse_day_cells(cells, "mdy")
    assert (list(m_dmy), list(d_dmy)) == ([7, 7], [4, 4])
    assert (list(m_mdy), list(d_mdy)) == ([4, 7], [7, 4])


def test_impossible_days_are_not_dates() -> None:
    """31 April and month 13 become NaT, never a day in the next month."""
    out = assemble_days(np.array([2026, 2026, 2026]), np.array([4, 13, 5]), np.array([31, 1, 31]))
    assert np.isnat(out[0]) and np.isnat(out[1])
    assert out[2] == np.datetime64("2026-05-31")


def test_a_yearless_day_takes_the_latest_year_not_in_the_future() -> None:
    """On 23 November 2026, `Dec 31` is 2025, `Nov 23` is 2026 and `29 Feb` waits for 2024."""
    today = dt.date(2026, 11, 23)
    years = latest_year(np.array([12, 11, 2]), np.array([31, 23, 29]), today)
    assert list(years) == [2025, 2026, 2024]


def test_a_whole_number_in_excels_serial_range_is_that_day() -> None:
    """`46204` and an old .xls's `46204.0` are 1 July 2026; a fraction, a small number and a
    compact `20260701` are not serials."""
    cells = pa.array(["46204", "46205.0", "46204.5", "12345", "20260701"])
    y, m, d, _ = parse_day_cells(cells, "dmy")
    assert list(zip(y, m, d, strict=True)) == [
        (2026, 7, 1),
        (2026, 7, 2),
        (0, 0, 0),
        (0, 0, 0),
        (2026, 7, 1),
    ]


def test_a_day_month_name_and_two_digit_year_is_read() -> None:
    """Excel's `d-mmm-yy` (`1 Jul 26`, `15-Agu-26`) is a full date in 2026, not an unread cell."""
    y, m, d, _ = parse_day_cells(pa.array(["1 Jul 26", "15-Agu-26", "3 Mei 2026"]), "dmy")
    assert list(zip(y, m, d, strict=True)) == [(2026, 7, 1), (2026, 8, 15), (2026, 5, 3)]
