"""Tests for kpi_core.ingest.sections: one text export holding several `#`-headed tables."""

from __future__ import annotations

from datetime import date

import pytest

from kpi_core.ingest import read_files
from kpi_core.ingest.sections import split_sections
from kpi_core.labels import problem_message

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


def _card(title: str, start: str, end: str) -> str:
    """One GA4 snapshot card's comment block, as GA4 writes it above each section."""
    return (
        f"{_RULE}# {title}\r\n# Account: Toko Kita\r\n# Property: tokokita.id - GA4\r\n{_RULE}"
        f"#\r\n# All Users\r\n# {start}: 20260701\r\n# {end}: 20260707\r\n"
    )


@pytest.mark.parametrize(
    ("titles", "dates", "lang"),
    [
        (("Active users by Nth day", "Active users by Country"), ("Start date", "End date"), "en"),
        (
            ("Pengguna aktif menurut Hari ke-n", "Pengguna aktif menurut Negara"),
            ("Tanggal mulai", "Tanggal akhir"),
            "id",
        ),
    ],
    ids=["en", "id"],
)
def test_overlapping_ga4_sections_are_named_by_their_titles(
    titles: tuple[str, str], dates: tuple[str, str], lang: str
) -> None:
    """When one GA4 section repeats another's users, the user is told which by the sections'
    titles, as the file shows them, never by a number such as `#2`."""
    by_day, by_country = titles
    first_column = "Hari ke-n" if lang == "id" else "Nth day"
    country, users = ("Negara", "Pengguna aktif") if lang == "id" else ("Country", "Active users")
    data = (
        _card(by_day, *dates)
        + f"{first_column},{users}\r\n"
        + "".join(f"{n:04d},{100 + n}\r\n" for n in range(7))
        + "\r\n"
        + _card(by_country, *dates)
        + f"{country},{users}\r\n"
        + "Indonesia,600\r\nMalaysia,40\r\n"
    ).encode()
    ds = read_files([("ga4_snapshot.csv", data)], today=date(2026, 8, 1))
    overlaps = [p for p in ds.files[0].problems if p.code == "overlap"]
    assert [(p.column, p.detail) for p in overlaps] == [(by_country, by_day)]
    text = problem_message(overlaps[0], lang)
    assert by_country in text and by_day in text and "#" not in text
