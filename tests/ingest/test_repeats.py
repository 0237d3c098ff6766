"""Tests for kpi_core.ingest.repeats: header rows repeated where exports were pasted together."""

from __future__ import annotations

from datetime import date

from kpi_core.ingest import read_file
from kpi_core.labels import problem_message
from tests.workbooks import rows, xlsx

TODAY = date(2026, 10, 15)


def test_a_repeated_header_row_is_skipped_and_told_not_a_bad_date() -> None:
    """A header row repeated mid-file (case and spaces aside) is skipped and told as a repeated
    header, with its count and first row, in English and Indonesian; never as a bad date."""
    data = (
        b"\xef\xbb\xbfReporting starts,Reporting ends,Campaign name,Amount spent (IDR)\n"
        b"2026-07-01,2026-07-01,A,10000\n2026-07-02,2026-07-02,A,20000\n"
        b"reporting  starts,Reporting Ends,Campaign name,Amount spent (IDR)\n"
        b"2026-07-03,2026-07-03,B,30000\n"
    )
    frame, report = read_file("meta_ads_gabungan.csv", data, today=TODAY)
    assert frame["value"].sum() == 60000
    (told,) = report.problems
    assert (told.code, told.count, told.row) == ("repeated_headers", 1, 4)
    assert "repeat the header, from row 4" in problem_message(told, "en")
    assert "mengulang header, mulai baris 4" in problem_message(told, "id")


def test_a_repeated_header_in_a_workbook_is_skipped() -> None:
    """Two blocks pasted on one sheet, the second under its own header, read as one table."""
    head = ["Date", "Channel", "Impressions"]
    book = xlsx(
        rows(head, ["2026-07-01", "TikTok", 1000], [], head, ["2026-07-02", "TikTok", 2000])
    )
    frame, report = read_file("tiktok_two_blocks.xlsx", book, today=TODAY)
    assert frame["value"].sum() == 3000
    codes = [p.code for p in report.problems]
    assert "repeated_headers" in codes and "bad_dates" not in codes
