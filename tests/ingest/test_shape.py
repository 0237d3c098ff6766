"""Rules of the table shaper that no platform fixture exercises on its own."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from kpi_core.ingest import read_file, read_files
from kpi_core.labels import problem_message
from kpi_core.models import FileCorrections

TODAY = date(2026, 11, 23)


def test_rows_dated_by_ranges_take_the_first_day_and_say_so() -> None:
    """A weekly file whose every date cell is a range is dated by each range's first day;
    the second end of a range is evidence for the date order too."""
    data = (
        b"Week,Channel,Reach\n01/07/2026 - 07/07/2026,Instagram,100\n"
        b"08/07/2026 - 14/07/2026,Instagram,200\n"
    )
    frame, report = read_file("weekly.csv", data, today=TODAY)
    assert list(frame["date"]) == [pd.Timestamp("2026-07-01"), pd.Timestamp("2026-07-08")]
    assert report.date_order == "dmy"
    assert any(i.what == "period_rows" for i in report.inferences)


def test_a_range_beside_daily_rows_is_a_summary_and_is_counted() -> None:
    """Shopee-style whole-period row among daily rows: left out, and the user is told."""
    data = b"Tanggal,Reach\n01/07/2026 - 02/07/2026,300\n01/07/2026,100\n02/07/2026,200\n"
    frame, report = read_file("shop.csv", data, today=TODAY, channel="shopee")
    assert frame["value"].sum() == 300
    assert [(p.code, p.count) for p in report.problems] == [("summary_rows", 1)]
    assert report.rows_skipped == 1


def test_one_day_ranges_are_that_day() -> None:
    """X Ads' `Time period` of `Jul 1, 2026 - Jul 1, 2026` dates its row on that day."""
    data = b'Time period,Impressions\nJul 1 2026 - Jul 1 2026,10\n"Jul 2, 2026 - Jul 2, 2026",20\n'
    frame, report = read_file("ads.csv", data, today=TODAY, channel="x")
    assert list(frame["date"]) == [pd.Timestamp("2026-07-01"), pd.Timestamp("2026-07-02")]
    assert not report.problems


def test_daily_followers_series_counts_new_follows() -> None:
    """A Meta daily series titled `Pengikut` holds follows gained per day, not a running total."""
    lines = ["sep=,", '"Pengikut"', '"Tanggal","Primary"', '"2026-07-01T00:00:00","12"']
    data = "\n".join([*lines, '"2026-07-02T00:00:00","9"', ""]).encode("utf-16")
    ds = read_files([("instagram_pengikut.csv", data)])
    assert set(ds.frame["metric"].astype(str)) == {"new_followers"}
    assert ds.frame["value"].sum() == 21


def test_a_long_files_metric_names_are_listed_a_to_z_and_keep_their_rows() -> None:
    """A long file's metric names are reported A to Z, whatever order its rows name them in,
    and every row keeps its own metric, channel and value."""
    data = (
        b"date,channel,metric,value\n2026-07-01,TikTok,Shares,3\n2026-07-01,IG,Reach,100\n"
        b"2026-07-02,Instagram,Comments,5\n2026-07-02,TikTok,Reach,40\n"
    )
    frame, report = read_file("long.csv", data, today=TODAY)
    metrics = [c.source_name for c in report.columns if c.role == "metric"]
    assert metrics == ["Comments", "Reach", "Shares"]
    rows = list(zip(frame["channel"], frame["metric"], frame["value"], strict=True))
    assert rows == [
        ("tiktok", "shares", 3.0),
        ("instagram", "reach", 100.0),
        ("instagram", "comments", 5.0),
        ("tiktok", "reach", 40.0),
    ]


def test_total_rows_name_no_channel() -> None:
    """`Total` rows in a channel column are left out and never reported as unknown channels."""
    text = (
        "Channel,Date,Reach\nTotal,,3750\nInstagram,2026-09-01,1200\n"
        "Instagram,2026-09-02,1300\nGRAND TOTAL,,3750\n"
    )
    report = read_files([("harian.csv", text.encode())]).files[0]
    assert report.channel == "instagram"
    assert [p.code for p in report.problems] == ["total_rows"]


def test_tiktok_ads_total_of_results_row_is_a_total_not_a_bad_date() -> None:
    """TikTok Ads' `Total of 3 results` row is a total row, not a row with an unreadable date."""
    text = (
        "Campaign name,By Day,Cost,Currency,Impressions,Clicks (destination)\n"
        "Traffic,2026-09-01,25.50,USD,48210,612\n"
        "Traffic,2026-09-02,26.00,USD,50330,640\n"
        "Total of 2 results,-,51.50,USD,98540,1252\n"
    )
    ds = read_files([("tiktok_ads.csv", text.encode())])
    assert [p.code for p in ds.files[0].problems] == ["total_rows"]
    assert ds.frame.loc[ds.frame["metric"] == "spend", "value"].sum() == 51.5


def test_a_header_without_rows_is_told() -> None:
    """An export with headers and no rows says so in one sentence, in both languages."""
    text = "\ufeffCampaign name,Reporting starts,Reporting ends,Amount spent (IDR),Impressions\n"
    report = read_files([("ads.csv", text.encode())]).files[0]
    (problem,) = report.problems
    assert problem_message(problem, "en").startswith("ads.csv has column headers but no rows")
    assert "tidak ada baris angka" in problem_message(problem, "id")


def test_a_number_style_conflict_names_the_style_in_words() -> None:
    """The mixed-number-style warning names the style it chose, never a raw code like `id`."""
    text = (
        'Tanggal,Kanal,Jangkauan\n2026-09-01,Instagram,"1,234,567"\n'
        '2026-09-02,Instagram,"1.200.000"\n2026-09-03,Instagram,"1.300.000"\n'
    )
    report = read_files([("campur.csv", text.encode())]).files[0]
    (problem,) = [p for p in report.problems if p.code == "number_format_conflict"]
    assert "read as 1.234,5 (dot thousands)" in problem_message(problem, "en")
    assert "dibaca sebagai 1.234,5 (ribuan dengan titik)" in problem_message(problem, "id")


def _ga4_pages(start: str, end: str, views: int) -> bytes:
    """A GA4 `Pages and screens` export: no date column, its period on two comment lines."""
    return (
        b"# ----------------------------------------\r\n# Pages and screens\r\n"
        b"# Account: Toko Kita\r\n# ----------------------------------------\r\n#\r\n"
        b"# All Users\r\n# Start date: " + start.encode() + b"\r\n# End date: " + end.encode()
        + b"\r\n\r\nPage path and screen class,Views,Active users\r\n"
        + b"/,%d,500\r\n/katalog,300,200\r\n" % views
    )  # fmt: skip


def test_a_period_stated_on_two_preamble_lines_dates_the_rows() -> None:
    """GA4's `Start date` and `End date` lines date a report without a date column, and the
    file is reported as covering the whole period."""
    frame, report = read_file("ga4_pages.csv", _ga4_pages("20260801", "20260831", 1000))
    assert set(frame["date"]) == {pd.Timestamp("2026-08-01")}
    assert (report.date_from, report.date_to) == ("2026-08-01", "2026-08-31")
    told = [i.value for i in report.inferences if i.what == "period"]
    assert told == ["2026-08-01 – 2026-08-31"]


def test_a_period_on_one_preamble_line_still_dates_the_rows() -> None:
    """A one-line period (`Periode,01/07/2026 - 31/07/2026`) keeps dating the rows."""
    data = b"Periode,01/07/2026 - 31/07/2026\n\nChannel,Reach\nInstagram,100\n"
    frame, report = read_file("report.csv", data, today=TODAY)
    assert set(frame["date"]) == {pd.Timestamp("2026-07-01")}
    assert (report.date_from, report.date_to) == ("2026-07-01", "2026-07-31")


def test_two_months_of_period_reports_are_both_counted() -> None:
    """GA4 page reports for August and September are two periods, not one export twice."""
    ds = read_files(
        [
            ("ga4_august.csv", _ga4_pages("20260801", "20260831", 1000)),
            ("ga4_september.csv", _ga4_pages("20260901", "20260930", 2000)),
        ],
        today=TODAY,
    )
    views = ds.frame[ds.frame["metric"] == "page_views"]
    assert views["value"].sum() == 1000 + 300 + 2000 + 300
    assert not [p for r in ds.files for p in r.problems if p.code == "overlap"]


def test_a_row_from_reporting_starts_to_reporting_ends_covers_that_period() -> None:
    """Meta's export without a Day breakdown is dated by Reporting starts and reported as
    covering the days up to Reporting ends."""
    data = (
        b"Campaign name,Reporting starts,Reporting ends,Amount spent (IDR)\n"
        b"Sales,2026-07-01,2026-07-31,3000\nLeads,2026-07-01,2026-07-31,2000\n"
    )
    frame, report = read_file("meta_month.csv", data, today=TODAY)
    assert set(frame["date"]) == {pd.Timestamp("2026-07-01")}
    assert (report.date_from, report.date_to) == ("2026-07-01", "2026-07-31")


def _shopee_ads(rows: str) -> bytes:
    preamble = (
        "\ufeffLaporan Data Keseluruhan Iklan Shopee\r\nUsername,tokokita\r\n"
        "Periode,01/07/2026 - 31/07/2026\r\n\r\n"
        "Urutan,Nama Iklan,Jenis Iklan,Dilihat,Jumlah Klik,Biaya,Omzet Penjualan\r\n"
    )
    return (preamble + rows).encode()


def test_an_automatic_ads_row_is_not_added_to_its_own_products() -> None:
    """Shopee's numbered automatic-ads row repeats the product rows under it: counted once."""
    data = _shopee_ads(
        "1,Iklan Produk Otomatis,Iklan Otomatis,30000,900,300000,3000000\r\n"
        ",Gamis Aisyah,Iklan Otomatis,10000,300,100000,1000000\r\n"
        ",Hijab Voal,Iklan Otomatis,20000,600,200000,2000000\r\n"
        "2,Iklan Toko,Iklan Toko,5000,100,50000,400000\r\n"
    )
    ds = read_files([("Data+Keseluruhan+Iklan+Shopee-01_07_2026-31_07_2026.csv", data)])
    spend = ds.frame.loc[ds.frame["metric"] == "spend", "value"]
    assert spend.sum() == 350_000 and len(spend) == 3
    (problem,) = [p for p in ds.files[0].problems if p.code == "group_rows"]
    assert "only the rows under them were added" in problem_message(problem, "en")


@pytest.mark.parametrize("label", [b"Rata-rata", b"Average", b"Mean", b"Rerata"])
def test_an_average_row_under_the_table_is_a_summary_not_a_bad_date(label: bytes) -> None:
    """An average row (`Rata-rata`, `Average`, `Mean`, `Rerata`) under the table is left out
    as total rows are, and told as a summary row, never as a date that could not be read."""
    data = (
        b"Tanggal,Channel,Jangkauan\n01/07/2026,Instagram,1000\n02/07/2026,Instagram,3000\n"
        b"Jumlah,,4000\n" + label + b",,2000\n"
    )
    frame, report = read_file("ig_rekap.csv", data, today=TODAY)
    assert frame["value"].sum() == 4000
    assert sorted(p.code for p in report.problems) == ["average_rows", "total_rows"]
    (told,) = [p for p in report.problems if p.code == "average_rows"]
    assert "average row(s)" in problem_message(told, "en")
    assert "baris rata-rata" in problem_message(told, "id")


def test_a_channel_chosen_for_a_file_that_names_its_channels_goes_to_the_unknown_rows() -> None:
    """In a file whose channel column names Instagram and an unknown `Threads`, the channel the
    user chooses goes to the Threads rows only; Instagram's rows keep Instagram."""
    data = b"Tanggal,Kanal,Jangkauan\n" + b"".join(
        b"2026-09-0%d,%s,%d\n" % (d, c, 100 * d)
        for d in range(1, 4)
        for c in (b"Instagram", b"Threads")
    )
    fixes = {"tim.csv": FileCorrections(channel="tiktok")}
    dataset = read_files([("tim.csv", data)], corrections=fixes, today=date(2026, 11, 30))
    reach = dataset.frame.groupby("channel", observed=True)["value"].sum()
    assert reach.to_dict() == {"instagram": 600.0, "tiktok": 600.0}
    (report,) = dataset.files
    assert not any(p.code == "unknown_channels" for p in report.problems)
