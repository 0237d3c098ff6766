"""Web-page tables saved as spreadsheets are read as the tables they show."""

from __future__ import annotations

import pytest

from kpi_core.ingest import read_files

PAGE = (
    '<html><head><meta charset="utf-8"></head><body><h1>Laporan</h1><table>\n'
    "<tr><th>Date</th><th>Channel</th><th>Impressions</th><th>Spend (IDR)</th></tr>\n"
    "<tr><td>2026-09-01</td><td>TikTok</td><td>1,200</td><td>150,000</td></tr>\n"
    "<tr><td>2026-09-02</td><td>TikTok</td><td>1,300</td><td>160,000</td></tr>\n"
    "</table></body></html>\n"
)


@pytest.mark.parametrize("name", ["laporan.xls", "laporan.csv"])
def test_a_web_page_saved_as_a_spreadsheet_is_read_as_its_table(name: str) -> None:
    """An `.xls` or `.csv` that is really an HTML table gives that table's figures, every row."""
    ds = read_files([(name, PAGE.encode())])
    report = ds.files[0]
    assert report.layout != "unreadable"
    assert (report.channel, report.rows_read) == ("tiktok", 2)
    spend = ds.frame[ds.frame["metric"] == "spend"]
    assert spend["value"].sum() == 310_000
    assert set(spend["unit"]) == {"IDR"}


def test_a_web_page_without_a_table_is_still_refused_in_one_sentence() -> None:
    """A page with no table is unreadable, with the usual sentence, never a traceback."""
    ds = read_files([("login.xls", b"<html><body><p>Please log in</p></body></html>")])
    assert ds.files[0].layout == "unreadable"
    assert not ds.read_any
