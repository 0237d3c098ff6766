"""A sheet's grid of cells becomes tables without losing a column, a row or a section."""

from __future__ import annotations

import datetime as dt

from kpi_core.ingest import read_files
from kpi_core.labels import problem_message
from tests.workbooks import rows, xlsx

TODAY = dt.date(2026, 11, 23)
DAYS = [dt.datetime(2026, 7, d) for d in range(1, 6)]


def test_a_blank_last_header_cell_over_figures_keeps_its_column() -> None:
    """A column whose header cell is blank is read as `(column 4)`, as in a CSV, not dropped."""
    data = xlsx(rows(["Date", "Channel", "Reach", None], *([d, "IG", 100, 7] for d in DAYS)))
    ds = read_files([("book.xlsx", data)], today=TODAY)
    frame = ds.frame
    assert frame.loc[frame["source_name"] == "(column 4)", "value"].sum() == 35
    assert "(column 4)" in ds.files[0].unknown_columns


def test_trailing_cells_with_nothing_in_them_add_no_columns() -> None:
    """Cells a workbook pads its rows with (formatting, no values) do not become columns."""
    data = xlsx(rows(["Date", "Reach", None, None], *([d, 100, None, ""] for d in DAYS)))
    ds = read_files([("book.xlsx", data)], today=TODAY)
    assert [c.source_name for c in ds.files[0].columns] == ["Date", "Reach"]


TRAFFIC = [
    ["Sumber Lalu Lintas Toko"],
    ["Sumber", "Pengunjung", "Produk Dilihat"],
    ["Pencarian", 8120, 20410],
    ["Halaman Toko", 3305, 9120],
    [],
    ["Sumber Lalu Lintas Eksternal"],
    ["Sumber", "Pengunjung", "Pesanan"],
    ["Instagram", 1204, 41],
    ["TikTok", 2210, 77],
]


def test_each_titled_section_of_a_sheet_is_a_table_of_its_own() -> None:
    """Shopee's traffic sheet: both titled sections are read, each named by its title."""
    data = xlsx(rows(*TRAFFIC), titles=("Sumber Lalu Lintas",))
    name = "toko.shopee-shop-stats.20260701_20260707.xlsx"
    ds = read_files([(name, data)], today=TODAY)
    visitors = ds.frame[ds.frame["metric"] == "users"].groupby("source", observed=True)["value"]
    assert visitors.sum().to_dict() == {
        f"{name} [Sumber Lalu Lintas] · Sumber Lalu Lintas Toko": 11425,
        f"{name} [Sumber Lalu Lintas] · Sumber Lalu Lintas Eksternal": 3414,
    }
    assert ds.frame.loc[ds.frame["metric"] == "page_views", "value"].sum() == 29530
    assert not [p for p in ds.files[0].problems if p.code == "overlap"]


def test_a_titled_section_under_daily_rows_is_not_read_as_more_days() -> None:
    """A summary section below a sheet's daily rows is its own table, not rows of bad dates."""
    lines = [["Date", "Reach"], *([d, 100] for d in DAYS), [], ["TikTok"], ["Channel", "Reach"]]
    data = xlsx(rows(*lines, ["TikTok", 900]))
    ds = read_files([("book.xlsx", data)], today=TODAY, channel="instagram")
    by_source = ds.frame.groupby(["source", "channel"], observed=True)["value"].sum().to_dict()
    assert by_source == {
        ("book.xlsx [Data]", "instagram"): 500,
        ("book.xlsx [Data] · TikTok", "tiktok"): 900,
    }
    assert not [p for p in ds.files[0].problems if p.code in ("bad_dates", "undated_rows")]


def test_figures_above_the_header_that_no_title_introduces_are_reported() -> None:
    """Rows of figures above the header that are not a titled section are told, not dropped."""
    lines = [["Pencarian", 8120, 20410], ["Rekomendasi", 5210, 11880], []]
    lines += [["Date", "Reach", "Impressions", "Likes"], *([d, 1, 2, 3] for d in DAYS)]
    ds = read_files([("book.xlsx", xlsx(rows(*lines)))], today=TODAY, channel="instagram")
    (told,) = [p for p in ds.files[0].problems if p.code == "unread_rows"]
    assert (told.count, told.row) == (2, 1)
    assert "2 row(s) of figures above the header on sheet “Data”, from row 1" in problem_message(
        told, "en"
    )
