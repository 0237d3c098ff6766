"""Tests for kpi_core.ingest.sections: one text export holding several `#`-headed tables."""

from __future__ import annotations

from kpi_core.ingest import read_files
from kpi_core.ingest.sections import split_sections

_RULE = "# ----------------------------------------\r\n"
_HEAD = _RULE + "# Ringkasan laporan\r\n" + _RULE + "\r\n"
GA4 = (
    _HEAD
    + "Nth day,Active users\r\n0000,120\r\n0001,135\r\n\r\n"
    + _HEAD
    + "Session default channel group,Sessions\r\nOrganic Search,520\r\nDirect,310\r\n\r\n"
    + _HEAD
    + "Country,Active users\r\nIndonesia,240\r\n"
).encode()


def test_each_ga4_section_is_read_under_its_own_header() -> None:
    """GA4's second table is not read as rows of the first: sessions are not counted as users."""
    ds = read_files([("ga4_ringkasan.csv", GA4)])
    sums = ds.frame.groupby("metric", observed=True)["value"].sum().to_dict()
    assert sums == {"users": 255, "sessions": 830}


def test_a_first_column_of_hashtags_is_not_a_section_break() -> None:
    """`#ramadan` after a blank line is a row of data, not the comment block of a new table."""
    data = b"Hashtag,Reach\n#promo,10\n\n#ramadan,20\n"
    assert split_sections(data) == [data]
