"""Tests for kpi_core.ingest.breakdowns: demographic sheets beside a platform's own sheets."""

from __future__ import annotations

from datetime import date

from kpi_core.ingest import read_file
from tests.workbooks import rows, xlsx

TODAY = date(2026, 10, 15)

_FOLLOWERS = rows(
    ["New followers for your page."],
    ["Date", "Sponsored followers", "Organic followers", "Total followers"],
    *[[f"07/0{d}/2026", 1, 10, 11] for d in range(1, 4)],
)


def test_undated_breakdown_sheets_beside_a_platform_export_are_left_out_and_told() -> None:
    """LinkedIn's Location and Industry sheets (no dates) are not read as followers on channel
    Other: they are left out with one note naming them."""
    book = xlsx(
        _FOLLOWERS,
        rows(["Follower demographics"], ["Location", "Total followers"], ["Jakarta", 1500]),
        rows(["Follower demographics"], ["Industry", "Total followers"], ["Retail", 900]),
        titles=("New followers", "Location", "Industry"),
    )
    frame, report = read_file("tokokita_followers.xlsx", book, today=TODAY)
    assert set(frame["channel"]) == {"linkedin"}
    assert frame["value"].sum() == 33
    assert "followers" not in set(frame["metric"])
    told = [(p.code, p.count, p.examples) for p in report.problems]
    assert told == [("breakdown_sheets", 2, ("Location", "Industry"))]


def test_a_breakdown_sheet_on_its_own_is_still_read() -> None:
    """A workbook holding only a table by location (no platform sheet) is read as before."""
    book = xlsx(rows(["Location", "Reach"], ["Jakarta", 1500], ["Bandung", 500]))
    frame, report = read_file("reach_per_kota.xlsx", book, today=TODAY)
    assert frame["value"].sum() == 2000
    assert not [p for p in report.problems if p.code == "breakdown_sheets"]
