"""Tests for kpi_core.ingest.dating: which date, or which period, each row carries."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from kpi_core.ingest import read_file, read_files
from kpi_core.labels import inference_message
from kpi_core.windows import select
from tests import workbooks
from tests.workbooks import xls, xlsx

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    "summary",
    [b"2026-07-01 - 2026-07-03", b"01/07/2026 - 03/07/2026", b"Juli 2026"],
    ids=["iso", "dmy", "month"],
)
def test_a_range_above_daily_rows_is_left_out_as_a_summary(summary: bytes) -> None:
    """A whole-period row above the daily rows is not added to them, whether it is an ISO
    range, a day-first one or a month."""
    data = (
        b"Tanggal,Kanal,Jangkauan,Pendapatan (IDR)\n" + summary + b",Instagram,600,6000000\n"
        b"2026-07-01,Instagram,100,1000000\n2026-07-02,Instagram,200,2000000\n"
        b"2026-07-03,Instagram,300,3000000\n"
    )
    frame, report = read_file("harian.csv", data, today=TODAY)
    assert frame.loc[frame["metric"] == "revenue", "value"].sum() == 6_000_000
    assert [(p.code, p.count) for p in report.problems] == [("summary_rows", 1)]


@pytest.mark.parametrize("kind", ["xlsx", "xls"])
def test_excel_serial_numbers_in_a_date_column_are_days(kind: str) -> None:
    """A date column Excel left as serial numbers (46204 is 1 July 2026) reads as those days,
    with no unreadable dates."""
    rows: list[list[object]] = [["Date", "Channel", "Reach"]]
    rows += [[46204 + i, "Instagram", 100 * (i + 1)] for i in range(5)]
    data = xlsx(workbooks.rows(*rows)) if kind == "xlsx" else xls("Data", rows)
    frame, report = read_file(f"harian.{kind}", data, today=TODAY)
    assert (report.rows_read, report.problems) == (5, ())
    assert (report.date_from, report.date_to) == ("2026-07-01", "2026-07-05")
    assert frame["value"].sum() == 1500


def test_a_one_day_shopee_export_counts_its_day_once() -> None:
    """A one-day shop export's summary row (`01-07-2026-01-07-2026`) beside its one daily row
    is the summary, not a second 1 July: sales are 8,736,000, not twice that."""
    header = ["Tanggal", "Total Penjualan (IDR)", "Total Pesanan", "Total Pengunjung"]
    data = xlsx(
        workbooks.rows(
            header, ["01-07-2026-01-07-2026", 8736000, 84, 2577], ["01-07-2026", 8736000, 84, 2577]
        ),
        titles=("Pesanan Dibuat",),
    )
    name = "tokokita.shopee-shop-stats.20260701_20260701.xlsx"
    frame, report = read_file(name, data, today=TODAY)
    assert frame.loc[frame["metric"] == "revenue", "value"].sum() == 8_736_000
    assert [(p.code, p.count) for p in report.problems] == [("summary_rows", 1)]


def test_weekly_iso_ranges_count_only_in_a_period_that_holds_the_whole_week() -> None:
    """A weekly `Minggu` of ISO ranges records its weeks: 5-16 July counts the week of 8-14 July
    and leaves out the two weeks it holds only part of."""
    data = (
        b"Minggu,Kanal,Jangkauan,Klik tautan\n2026-07-01 - 2026-07-07,Instagram,10000,100\n"
        b"2026-07-08 - 2026-07-14,Instagram,12000,120\n"
        b"2026-07-15 - 2026-07-21,Instagram,9000,90\n"
    )
    ds = read_files([("mingguan.csv", data)], today=TODAY)
    assert ds.files[0].date_to == "2026-07-21"
    clicks = ds.frame[ds.frame["metric"] == "link_clicks"]
    counted = select(clicks, date(2026, 7, 5), date(2026, 7, 16)).keep
    assert clicks.loc[counted, "value"].sum() == 120


@pytest.mark.parametrize(
    "months",
    [
        (b"Juli 2026", b"Agustus 2026", b"September 2026"),
        (b"2026-07", b"2026-08", b"2026-09"),
        (b"Jul 2026", b"Aug 2026", b"Sep 2026"),
    ],
    ids=["bulan", "iso", "en"],
)
def test_month_labels_are_months_counted_only_where_a_period_holds_them_whole(
    months: tuple[bytes, bytes, bytes],
) -> None:
    """`Juli 2026`, `2026-07` and `Jul 2026` are read as whole months: the file covers 1 July
    to 30 September, and 15 July - 31 August counts August alone."""
    data = b"Month,Channel,Reach\n" + b"".join(
        label + b",Instagram,%d\n" % reach
        for label, reach in zip(months, (10000, 12000, 9000), strict=True)
    )
    ds = read_files([("bulanan.csv", data)], today=TODAY)
    report = ds.files[0]
    assert (report.rows_read, report.problems) == (3, ())
    assert (report.date_from, report.date_to) == ("2026-07-01", "2026-09-30")
    assert any(i.what == "month_rows" for i in report.inferences)
    counted = select(ds.frame, date(2026, 7, 15), date(2026, 8, 31)).keep
    assert ds.frame.loc[counted, "value"].sum() == 12000


_GA4_HEAD = (
    "# ----------------------------------------\r\n"
    "# {title}\r\n# Account: Toko Kita\r\n# Property: tokokita.id - GA4\r\n"
    "# ----------------------------------------\r\n#\r\n# All Users\r\n"
    "# {start}: 20260701\r\n# {end}: 20260731\r\n"
)


@pytest.mark.parametrize(
    ("title", "start", "end", "column"),
    [
        ("Active users by Nth day", "Start date", "End date", "Nth day"),
        ("Pengguna aktif menurut Hari ke-n", "Tanggal mulai", "Tanggal akhir", "Hari ke-n"),
    ],
    ids=["en", "id"],
)
def test_ga4_nth_day_rows_are_dated_from_the_reports_start(
    title: str, start: str, end: str, column: str
) -> None:
    """GA4's `Nth day` 0000, 0001... are the report's first, second... day: each row is dated
    start + N days, not all on the first day, and none stands for the whole month."""
    head = _GA4_HEAD.format(title=title, start=start, end=end)
    body = f"{column},Active users,Sessions\r\n" + "".join(
        f"{n:04d},{100 + n},{150 + n}\r\n" for n in range(31)
    )
    ds = read_files([("ga4_nth_day.csv", (head + body).encode())], today=TODAY)
    users = ds.frame[ds.frame["metric"] == "users"]
    assert users["date"].min() == pd.Timestamp("2026-07-01")
    assert users["date"].max() == pd.Timestamp("2026-07-31")
    assert users.loc[users["date"] == pd.Timestamp("2026-07-13"), "value"].tolist() == [112]
    assert not ds.frame.attrs["periods"]
    said = [inference_message(i) for i in ds.files[0].inferences if i.what == "day_numbers"]
    assert said == [
        f"{column} counts the days from the report's start date, 1 Jul 2026: each "
        "row is dated that many days on"
    ]
    week = ds.frame[select(ds.frame, date(2026, 7, 1), date(2026, 7, 7)).keep]
    assert week.loc[week["metric"] == "users", "value"].sum() == sum(100 + n for n in range(7))
