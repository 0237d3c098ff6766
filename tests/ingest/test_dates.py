"""Tests for kpi_core.ingest.dates."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import zipfile

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi_core.ingest import read_files
from kpi_core.ingest.dates import infer_date_order, parse_dates, parse_month, parse_period
from tests.strategies import day_first_samples, yearless_runs

TODAY = dt.date(2026, 9, 1)
D = dt.date

FORMS = [
    ("2026-07-01", "dmy", D(2026, 7, 1)),
    ("2026-07-01T00:00:00", "mdy", D(2026, 7, 1)),
    ("2017-04-04 00:00 +0000", "mdy", D(2017, 4, 4)),
    ("20260701", "dmy", D(2026, 7, 1)),
    ("07/14/2026", "mdy", D(2026, 7, 14)),
    ("07/14/2026 10:30", "mdy", D(2026, 7, 14)),
    ("03/04/2025", "mdy", D(2025, 3, 4)),
    ("03/04/2025", "dmy", D(2025, 4, 3)),
    ("14/07/2026", "dmy", D(2026, 7, 14)),
    ("13-06-2025", "dmy", D(2025, 6, 13)),
    ("14.07.2026", "dmy", D(2026, 7, 14)),
    ("Feb 19, 2023", "dmy", D(2023, 2, 19)),
    ("Tue, Jul 14, 2026", "dmy", D(2026, 7, 14)),
    ("14 Jul 2026", "mdy", D(2026, 7, 14)),
    ("July 14, 2026", "dmy", D(2026, 7, 14)),
    ("14-Jul-2026", "dmy", D(2026, 7, 14)),
    ("14 Juli 2026", "dmy", D(2026, 7, 14)),
    ("Selasa, 14 Juli 2026", "dmy", D(2026, 7, 14)),
    ("1 Agustus 2026", "dmy", D(2026, 8, 1)),
    ("3 Agu 2026", "dmy", D(2026, 8, 3)),
    ("5 Mei 2026", "dmy", D(2026, 5, 5)),
    ("5 Okt 2026", "dmy", D(2026, 10, 5)),
    ("5 Des 2026", "dmy", D(2026, 12, 5)),
    ("5 Desember 2026", "dmy", D(2026, 12, 5)),
    ("5 Februari 2026", "dmy", D(2026, 2, 5)),
    ("5 Maret 2026", "dmy", D(2026, 3, 5)),
    ("5 Juni 2026", "dmy", D(2026, 6, 5)),
    ("5 Januari 2026", "dmy", D(2026, 1, 5)),
    ("5 Nopember 2026", "dmy", D(2026, 11, 5)),
    ("5 November 2026", "dmy", D(2026, 11, 5)),
    ("  14\u00a0Jul   2026 ", "dmy", D(2026, 7, 14)),
]


@pytest.mark.parametrize(("text", "order", "expected"), FORMS)
def test_string_forms(text: str, order: str, expected: dt.date) -> None:
    """Each written form of a date reads as that calendar day at midnight."""
    result = parse_dates(pd.Series([text], dtype="str"), order, today=TODAY)
    assert result.values.dtype == "datetime64[ns]"
    assert result.values.iloc[0] == pd.Timestamp(expected)
    assert not result.bad.iloc[0]
    assert not result.yearless


@pytest.mark.parametrize("token", ["Lifetime", "-", "--", "", "undefined", "Tidak Terbatas"])
def test_placeholders_are_missing(token: str) -> None:
    """`Lifetime` and placeholders are missing dates, not bad ones."""
    result = parse_dates(pd.Series([token, "2026-07-01"], dtype=object), "dmy", today=TODAY)
    assert pd.isna(result.values.iloc[0])
    assert not result.bad.any()


@pytest.mark.parametrize(
    ("text", "order"),
    [
        ("31/02/2026", "dmy"),
        ("07/14/2026", "dmy"),
        ("Total", "dmy"),
        ("14 Foo 2026", "dmy"),
        ("2026-07-01 - 2026-07-07", "ymd"),
    ],
)
def test_impossible_dates_are_bad(text: str, order: str) -> None:
    """A cell that is not one real date in the given order (a week's range is two) is bad."""
    result = parse_dates(pd.Series([text, "01/01/2026"]), order, today=TODAY)
    assert result.bad.tolist() == [True, False]
    assert pd.isna(result.values.iloc[0])


def test_yearless_takes_latest_past_year() -> None:
    """A yearless TikTok date takes the latest year that is not in the future."""
    result = parse_dates(pd.Series(["August 31", "28 August", "1 September"]), "mdy", today=TODAY)
    assert result.yearless
    assert result.year_used == 2026
    assert [t.date() for t in result.values] == [D(2026, 8, 31), D(2026, 8, 28), D(2026, 9, 1)]
    later = parse_dates(pd.Series(["2 September"]), "mdy", today=TODAY)
    assert later.values.iloc[0] == pd.Timestamp(2025, 9, 2)


def test_yearless_rollover() -> None:
    """December to January in file order moves to the next year."""
    cells = pd.Series(["December 30", "December 31", "January 1", "January 2"])
    result = parse_dates(cells, "mdy", today=TODAY)
    assert result.rolled_over
    assert result.year_used == 2025
    assert result.values.iloc[2] == pd.Timestamp(2026, 1, 1)


END_OF_NOVEMBER = dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (
            ["December 20", "February 3", "March 8"],
            [D(2025, 12, 20), D(2026, 2, 3), D(2026, 3, 8)],
        ),
        (
            ["December 30", "December 31", "February 2", "February 3"],
            [D(2025, 12, 30), D(2025, 12, 31), D(2026, 2, 2), D(2026, 2, 3)],
        ),
        (
            ["March 8", "February 3", "December 20"],
            [D(2026, 3, 8), D(2026, 2, 3), D(2025, 12, 20)],
        ),
        (
            ["February 3", "February 2", "December 31", "December 30"],
            [D(2026, 2, 3), D(2026, 2, 2), D(2025, 12, 31), D(2025, 12, 30)],
        ),
        (
            ["November 29", "November 1", "October 31", "November 30", "November 1"],
            [D(2026, 11, 29), D(2026, 11, 1), D(2026, 10, 31), D(2025, 11, 30), D(2025, 11, 1)],
        ),
    ],
    ids=["gap-over-january", "days-missing", "newest-first-gap", "newest-first", "13-months"],
)
def test_a_step_back_in_the_calendar_is_a_new_year(
    cells: list[str], expected: list[dt.date]
) -> None:
    """Yearless days turn the year wherever the calendar steps back in the file's order (or
    forward, newest first), not only from December 31 to January 1."""
    result = parse_dates(pd.Series(cells), "mdy", today=END_OF_NOVEMBER)
    assert [t.date() for t in result.values] == expected
    assert result.rolled_over


def test_yearless_days_out_of_time_order_each_take_their_latest_past_year() -> None:
    """A content list sorted by views, not by time, puts no day more than a year back."""
    cells = ["March 8", "December 20", "February 3", "November 2", "January 5", "October 9"]
    result = parse_dates(pd.Series(cells), "mdy", today=END_OF_NOVEMBER)
    got = [t.date() for t in result.values]
    assert got == [
        D(2026, 3, 8),
        D(2025, 12, 20),
        D(2026, 2, 3),
        D(2026, 11, 2),
        D(2026, 1, 5),
        D(2026, 10, 9),
    ]


def test_a_tiktok_overview_with_days_missing_over_new_year_keeps_february_after_december() -> None:
    """TikTok Studio leaves out days with nothing: 30-31 December then 2-3 February is one
    winter, not February and December of one year."""
    overview = (
        b"Date,Video Views,Profile Views,Likes,Comments,Shares\nDecember 30,10,1,1,1,1\n"
        b"December 31,20,1,1,1,1\nFebruary 2,30,1,1,1,1\nFebruary 3,40,1,1,1,1\n"
    )
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("Overview.csv", overview)
    report = read_files([("tiktok.zip", archive.getvalue())], today=END_OF_NOVEMBER).files[0]
    assert (report.date_from, report.date_to) == ("2025-12-30", "2026-02-03")


def test_year_override() -> None:
    """A user-given year is the year of the first row."""
    cells = pd.Series(["31 Desember", "1 Januari"])
    result = parse_dates(cells, "dmy", today=TODAY, year=2020)
    assert [t.date() for t in result.values] == [D(2020, 12, 31), D(2021, 1, 1)]


def test_excel_serials() -> None:
    """A numeric column holds Excel serial days counted from 1899-12-30."""
    result = parse_dates(pd.Series([45000, 45000.75, np.nan, -3]), "dmy", today=TODAY)
    assert result.values.iloc[0] == pd.Timestamp(2023, 3, 15)
    assert result.values.iloc[1] == pd.Timestamp(2023, 3, 15)
    assert result.bad.tolist() == [False, False, False, True]


def test_datetimes_pass_through_normalised() -> None:
    """Datetime columns lose their time of day; aware ones keep the local day they state."""
    naive = pd.Series(pd.to_datetime(["2026-07-01 13:45"]))
    assert parse_dates(naive, "dmy", today=TODAY).values.iloc[0] == pd.Timestamp(2026, 7, 1)
    aware = pd.Series(pd.to_datetime(["2026-07-02 00:00", "2026-07-02 23:30"]))
    result = parse_dates(aware.dt.tz_localize("Asia/Jakarta"), "dmy", today=TODAY).values
    assert result.dtype == "datetime64[ns]"
    assert list(result) == [pd.Timestamp(2026, 7, 2)] * 2


def test_a_parquet_of_jakarta_midnights_is_dated_by_its_own_days() -> None:
    """Timestamps at local midnight in Asia/Jakarta are 1-3 July, not 30 June - 2 July (UTC)."""
    jakarta = dt.timezone(dt.timedelta(hours=7))
    days = [dt.datetime(2026, 7, d, tzinfo=jakarta) for d in (1, 2, 3)]
    table = pa.table(
        {
            "date": pa.array(days, pa.timestamp("us", tz="Asia/Jakarta")),
            "channel": ["Instagram"] * 3,
            "reach": [100, 200, 300],
        }
    )
    out = io.BytesIO()
    pq.write_table(table, out)
    report = read_files([("harian.parquet", out.getvalue())], today=END_OF_NOVEMBER).files[0]
    assert (report.date_from, report.date_to) == ("2026-07-01", "2026-07-03")


@pytest.mark.parametrize(
    ("samples", "hint", "expected"),
    [
        (["13/04/2025"], "linkedin", ("dmy", "evidence")),
        (["04/13/2025"], None, ("mdy", "evidence")),
        (["2025-04-13"], None, ("ymd", "evidence")),
        (["03/04/2025"], "linkedin", ("mdy", "platform")),
        (["03/04/2025"], "Instagram", ("mdy", "platform")),
        (["03/04/2025"], "dmy", ("dmy", "platform")),
        (["03/04/2025"], None, ("mdy", "default")),
        (["03-04-2025"], None, ("dmy", "default")),
        (["13/04/2025", "04/13/2025", "14/04/2025"], None, ("dmy", "conflict")),
    ],
)
def test_infer_date_order(samples: list[str], hint: str | None, expected: tuple[str, str]) -> None:
    """Evidence decides the date order, then the platform, then the separator."""
    assert infer_date_order(samples, hint) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("01/07/2026 - 31/07/2026", (D(2026, 7, 1), D(2026, 7, 31))),
        ("Periode,01/07/2026 - 31/07/2026", (D(2026, 7, 1), D(2026, 7, 31))),
        ("Tanggal analisis: 01/07/2026–01/07/2026", (D(2026, 7, 1), D(2026, 7, 1))),
        ("[Rentang Tanggal]: 2026-07-01 ~ 2026-07-31", (D(2026, 7, 1), D(2026, 7, 31))),
        ("Date Range: 2026-07-01 - 2026-07-31", (D(2026, 7, 1), D(2026, 7, 31))),
        ("Jul 1, 2026 - Jul 31, 2026", (D(2026, 7, 1), D(2026, 7, 31))),
        ("1 Jul 2026 - 31 Jul 2026", (D(2026, 7, 1), D(2026, 7, 31))),
        ("01-07-2026 - 31-07-2026", (D(2026, 7, 1), D(2026, 7, 31))),
        ("01/07/2026 - 05/07/2026", (D(2026, 7, 1), D(2026, 7, 5))),
        ("01/07/2026 - Tidak Terbatas", None),
        ("All time", None),
    ],
)
def test_parse_period(text: str, expected: tuple[dt.date, dt.date] | None) -> None:
    """A report's range string gives both ends, or None when an end is not a date."""
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Juli 2026", (D(2026, 7, 1), D(2026, 7, 31))),
        ("2026-02", (D(2026, 2, 1), D(2026, 2, 28))),
        ("02/2024", (D(2024, 2, 1), D(2024, 2, 29))),
        ("Sep. 2026", (D(2026, 9, 1), D(2026, 9, 30))),
        ("Desember-2026", (D(2026, 12, 1), D(2026, 12, 31))),
        ("2026-13", None),
        ("Minggu 1", None),
        ("Jul 1, 2026", None),
    ],
)
def test_parse_month(text: str, expected: tuple[dt.date, dt.date] | None) -> None:
    """A month label gives its first and last day, or None when it names no month of a year."""
    assert parse_month(text) == expected


@given(yearless_runs())
def test_yearless_runs_are_monotone_and_past(
    case: tuple[list[str], list[dt.date], dt.date],
) -> None:
    """Yearless runs across New Year stay in order, keep their days and never pass today."""
    labels, truth, today = case
    result = parse_dates(pd.Series(labels), "mdy", today=today)
    got = [t.date() for t in result.values]
    assert not result.bad.any()
    assert all(a <= b for a, b in itertools.pairwise(got))
    assert max(got) <= today
    last = got[-1]
    assert D(last.year + 1, last.month, last.day) > today  # as late as possible
    assert [(g.month, g.day) for g in got] == [(t.month, t.day) for t in truth]
    assert [g.year - got[0].year for g in got] == [t.year - truth[0].year for t in truth]
    assert result.rolled_over == (truth[-1].year != truth[0].year)


@given(yearless_runs())
def test_yearless_runs_read_newest_first_are_the_same_days(
    case: tuple[list[str], list[dt.date], dt.date],
) -> None:
    """A yearless run listed newest first reads as the same days as oldest first."""
    labels, _, today = case
    oldest_first = parse_dates(pd.Series(labels), "mdy", today=today).values
    newest_first = parse_dates(pd.Series(labels[::-1]), "mdy", today=today).values
    assert list(newest_first) == list(oldest_first)[::-1]


@given(day_first_samples(), st.sampled_from([None, "mdy", "linkedin", "instagram"]))
def test_day_first_evidence_beats_hint(samples: list[str], hint: str | None) -> None:
    """A day above 12 in the first place proves day-first whatever the hint says."""
    assert infer_date_order(samples, hint) == ("dmy", "evidence")


def test_the_order_that_puts_no_date_in_the_future_wins() -> None:
    """01/09/2026 .. 12/09/2026 read month first would run into December: read day first."""
    days = [f"{d:02d}/09/2026" for d in range(1, 13)]
    today = dt.date(2026, 11, 29)
    assert infer_date_order(days, today=today) == ("dmy", "future")
    assert infer_date_order(days, "mdy", today=today) == ("dmy", "future")


def test_an_indonesian_file_writes_the_day_first_unless_its_platform_does_not() -> None:
    """Undecidable dates of an Indonesian file are day first; a platform's own order beats it."""
    days = ["01/02/2026", "02/03/2026"]
    assert infer_date_order(days, locale="dmy") == ("dmy", "locale")
    assert infer_date_order(days, "instagram", locale="dmy") == ("mdy", "platform")
    assert infer_date_order(days) == ("mdy", "default")


def test_day_first_dates_of_an_indonesian_excel_file_are_read_in_order() -> None:
    """A `;` file of twelve days from 01/09/2026 reads as 1–12 September, not one day a month."""
    lines = ["Tanggal;Kanal;Jangkauan;Biaya iklan\r\n"]
    lines += [f"{d:02d}/09/2026;Instagram;{d}.001;Rp 1.234.567\r\n" for d in range(1, 13)]
    ds = read_files([("harian.csv", "".join(lines).encode())], today=dt.date(2026, 11, 29))
    report = ds.files[0]
    assert (report.date_from, report.date_to) == ("2026-09-01", "2026-09-12")
    assert report.date_order == "dmy"


@pytest.mark.parametrize(
    ("cells", "hint", "expected"),
    [
        ([f"{d}/7/2026" for d in range(1, 11)], "mdy", ("dmy", "sequence")),
        ([f"7/{d}/2026" for d in range(1, 11)], None, ("mdy", "sequence")),
        (["1/7/2026", "8/7/2026", "15/7/2026"], None, ("dmy", "evidence")),
        (["3/7/2026", "10/7/2026", "7/3/2026"], "mdy", ("mdy", "platform")),
        (["1/6/2026", "8/6/2026", "11/6/2026"], None, ("mdy", "default")),
    ],
)
def test_a_daily_series_proves_its_day_month_order(
    cells: list[str], hint: str | None, expected: tuple[str, str]
) -> None:
    """Dates a program re-wrote in its own locale (`1/7/2026`...`10/7/2026`) are read in the one
    order that runs day after day (or week after week), over the platform's convention."""
    assert infer_date_order(cells, hint, today=dt.date(2026, 11, 23)) == expected
