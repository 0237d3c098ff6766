"""Columns that hold a part or the total of another column's figure are never added to it."""

from __future__ import annotations

from kpi_core.ingest import read_files
from kpi_core.labels import problem_message


def _read(text: str) -> dict[str, tuple[str, float]]:
    """Each column's role in the reading, and the figure it adds to the frame."""
    ds = read_files([("report.csv", text.encode())])
    frame = ds.frame
    sums = frame.groupby("source_name", observed=True)["value"].sum()
    return {
        c.source_name: (c.role, float(sums.get(c.source_name, 0.0))) for c in ds.files[0].columns
    }


def test_a_bare_name_beside_its_total_is_a_part_of_it() -> None:
    """GA4's `Users` (active users) beside `Total users` is not added: users count 1,210 once,
    not 2,410."""
    read = _read("Date,Users,Total users\n2026-07-01,1200,1210\n")
    assert read["Users"] == ("part", 0.0)
    assert read["Total users"] == ("metric", 1210.0)


def test_a_narrower_kind_beside_a_total_is_a_part_of_it() -> None:
    """`Purchase revenue` beside `Total revenue` is the purchases' share of it, not more revenue."""
    read = _read("Date,Total revenue,Purchase revenue\n2026-07-01,1500000,1250000\n")
    assert read["Purchase revenue"][0] == "part"
    assert read["Total revenue"] == ("metric", 1500000.0)


def test_a_total_beside_its_organic_and_paid_parts_is_the_one_left_out() -> None:
    """LinkedIn's `Impressions (total)` beside its organic and sponsored parts is not added."""
    read = _read(
        "Date,Impressions (organic),Impressions (sponsored),Impressions (total)\n"
        "2026-07-01,100,50,150\n"
    )
    assert read["Impressions (total)"][0] == "total"
    assert read["Impressions (organic)"] == ("metric", 100.0)


def test_a_direct_figure_beside_the_whole_is_a_part_of_it() -> None:
    """Shopee Ads' `Terjual Langsung` (sold directly from the ad) beside `Produk Terjual` is not
    added: units sold count 40 once, not 65."""
    read = _read(
        "Tanggal,Produk Terjual,Terjual Langsung,Omzet Penjualan,Penjualan Langsung dari Iklan\n"
        "01-07-2026,40,25,4000000,2500000\n"
    )
    assert read["Terjual Langsung"] == ("part", 0.0)
    assert read["Produk Terjual"] == ("metric", 40.0)
    assert read["Penjualan Langsung dari Iklan"] == ("part", 0.0)
    assert read["Omzet Penjualan"] == ("metric", 4000000.0)


def test_two_kinds_of_one_figure_that_do_not_overlap_add_up() -> None:
    """YouTube's card clicks and end-screen clicks are clicks on different elements: both count."""
    read = _read("Date,Card clicks,End screen element clicks\n2026-07-01,12,30\n")
    assert read["Card clicks"] == ("metric", 12.0)
    assert read["End screen element clicks"] == ("metric", 30.0)


def test_an_older_name_beside_its_newer_one_is_not_added_and_the_user_is_told() -> None:
    """Instagram's `Plays` beside `Views` (its 2025 name) is the same figure: views count 1,200
    once, not 2,200, and a note in both languages names the column left out."""
    ds = read_files([("ig.csv", b"Date,Plays,Views\n2026-07-01,1000,1200\n")], channel="instagram")
    read = {c.source_name: c.role for c in ds.files[0].columns}
    assert read == {"Date": "date", "Plays": "alternative", "Views": "metric"}
    assert ds.frame["value"].sum() == 1200
    (told,) = [p for p in ds.files[0].problems if p.code == "alternative_columns"]
    assert "(“Plays”)" in problem_message(told, "en")
    assert "(“Plays”)" in problem_message(told, "id")


def test_an_older_name_alone_is_still_read() -> None:
    """A file with only `Plays` (before 2025) still gives its video views."""
    read = _read("Date,Plays\n2026-07-01,1000\n")
    assert read["Plays"] == ("metric", 1000.0)
