"""Rows that name groups of columns (channels, organic/paid, TikTok Shop's sources) name them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kpi_core.ingest import Dataset, read_files
from kpi_core.labels import problem_message
from tests.workbooks import Sheet, rows, xlsx

TODAY = dt.date(2026, 11, 23)
DAYS = [dt.datetime(2026, 7, d) for d in range(1, 8)]


def _sums(ds: Dataset, *keys: str) -> dict[object, float]:
    return dict(ds.frame.groupby(list(keys), observed=True)["value"].sum())


def test_channels_merged_over_their_columns_set_each_blocks_channel() -> None:
    """`Instagram` and `TikTok` merged over `Reach, Likes` each: TikTok's figures are TikTok's."""

    def fill(ws: Sheet) -> None:
        ws.append([None, "Instagram", None, "TikTok", None])
        ws.append(["Date", "Reach", "Likes", "Reach", "Likes"])
        for i, day in enumerate(DAYS, start=1):
            ws.append([day, 1000 + i, 100 + i, 3000 + i, 300 + i])
        ws.merge_cells("B1:C1")
        ws.merge_cells("D1:E1")

    ds = read_files([("laporan.xlsx", xlsx(fill))], today=TODAY)
    assert _sums(ds, "channel", "metric", "source_name") == {
        ("instagram", "reach", "Reach (Instagram)"): 7028,
        ("instagram", "likes", "Likes (Instagram)"): 728,
        ("tiktok", "reach", "Reach (TikTok)"): 21028,
        ("tiktok", "likes", "Likes (TikTok)"): 2128,
    }
    assert not ds.files[0].problems


def test_group_labels_written_once_name_their_columns_and_all_is_their_total() -> None:
    """TikTok Shop's `LIVE` and `Video` name their `GMV`; `Semua`, their total, is not added."""
    lines = [
        ["[Rentang Tanggal]: 2026-07-01 ~ 2026-07-07"],
        [None, "Semua", None, "LIVE", None, "Video", None],
        ["ID Produk", "GMV", "Pesanan", "GMV", "Pesanan", "GMV", "Pesanan", "Metrik lain"],
        ["1729876543210900001", "Rp3.000.000", "30", "Rp1.000.000", "10", "Rp2.000.000", "20", "5"],
        ["1729876543210900002", "Rp600.000", "6", "Rp200.000", "2", "Rp400.000", "4", "7"],
    ]
    ds = read_files([("tiktok_shop_product_list.xlsx", xlsx(rows(*lines)))], today=TODAY)
    assert _sums(ds, "metric", "source_name") == {
        ("gmv", "GMV (LIVE)"): 1_200_000,
        ("gmv", "GMV (Video)"): 2_400_000,
        ("purchases", "Pesanan (LIVE)"): 12,
        ("purchases", "Pesanan (Video)"): 24,
    }
    assert "Metrik lain" in ds.files[0].unknown_columns
    (told,) = [p for p in ds.files[0].problems if p.code == "group_totals"]
    assert "2 column(s) under “Semua” (“GMV (Semua)”, “Pesanan (Semua)”) total" in (
        problem_message(told, "en")
    )


def test_organic_and_paid_under_a_merged_name_set_each_columns_placement() -> None:
    """`Jangkauan` merged over `Organik | Berbayar`: two columns, `Jangkauan (Berbayar)` paid."""

    def fill(ws: Sheet) -> None:
        ws.append(["Tanggal", "Jangkauan", None, "Tayangan", None])
        ws.append([None, "Organik", "Berbayar", "Organik", "Berbayar"])
        for i in range(1, 8):
            ws.append([f"{i:02d}/07/2026", 1000 + i, 200 + i, 3000 + i, 600 + i])
        ws.merge_cells("B1:C1")
        ws.merge_cells("D1:E1")
        ws.merge_cells("A1:A2")

    ds = read_files([("data.xlsx", xlsx(fill))], today=TODAY, channel="instagram")
    assert _sums(ds, "placement", "metric", "source_name") == {
        ("organic", "reach", "Jangkauan (Organik)"): 7028,
        ("paid", "reach", "Jangkauan (Berbayar)"): 1428,
        ("organic", "video_views", "Tayangan (Organik)"): 21028,
        ("paid", "video_views", "Tayangan (Berbayar)"): 4228,
    }
    assert not [p for p in ds.files[0].problems if p.code == "undated_rows"]


def test_a_csv_row_of_channels_above_the_header_names_each_block() -> None:
    """A CSV saved from such a sheet (`,Instagram,,TikTok,`) reads the same way."""
    text = b",Instagram,,TikTok,\r\nDate,Reach,Likes,Reach,Likes\r\n"
    text += b"2026-07-01,1000,100,3000,300\r\n2026-07-02,1001,101,3001,301\r\n"
    ds = read_files([("report.csv", text)], today=TODAY)
    assert _sums(ds, "channel", "metric") == {
        ("instagram", "reach"): 2001,
        ("instagram", "likes"): 201,
        ("tiktok", "reach"): 6001,
        ("tiktok", "likes"): 601,
    }
    assert ds.files[0].rows_read == 2


def test_a_title_above_the_header_names_no_group() -> None:
    """A title in the first cell above the header (`Ringkasan data`) names no column."""
    lines = [["Ringkasan data"], ["Tanggal", "Jangkauan", "Suka"], ["01/07/2026", 10, 2]]
    ds = read_files([("ringkasan.xlsx", xlsx(rows(*lines)))], today=TODAY, channel="instagram")
    assert [c.source_name for c in ds.files[0].columns] == ["Tanggal", "Jangkauan", "Suka"]


def test_a_date_name_merged_down_beside_channel_groups_names_the_date_column() -> None:
    """`Tanggal` merged over both header rows names the dates; the channels still name blocks."""

    def fill(ws: Sheet) -> None:
        ws.append(["Tanggal", "Instagram", None, "TikTok", None])
        ws.append([None, "Reach", "Likes", "Reach", "Likes"])
        for i in range(1, 8):
            ws.append([f"{i:02d}/07/2026", 1000 + i, 100 + i, 3000 + i, 300 + i])
        for cells in ("A1:A2", "B1:C1", "D1:E1"):
            ws.merge_cells(cells)

    ds = read_files([("laporan.xlsx", xlsx(fill))], today=TODAY)
    assert ds.files[0].columns[0].source_name == "Tanggal"
    assert _sums(ds, "channel", "metric")[("tiktok", "reach")] == 21028
    assert not ds.files[0].problems


def test_a_wide_product_list_reads_every_column_once() -> None:
    """TikTok Shop's 187-column product list: each column is a metric, an attribute, the row's
    product id or a `Semua` total told once; previous-period figures are not this period's."""
    path = Path(__file__).parents[1] / "fixtures" / "Product_list_20260701-20260731.xlsx"
    ds = read_files([path], today=TODAY)
    (report,) = ds.files
    roles = [c.role for c in report.columns]
    assert len(roles) == 187
    assert set(roles) == {"metric", "attribute", "post_id", "group_total"}
    assert [p.code for p in report.problems] == ["group_totals"]
    assert {str(c) for c in ds.frame["channel"].unique()} == {"tokopedia"}
    gmv = ds.frame[ds.frame["metric"] == "gmv"]
    assert set(gmv["source_name"].astype(str)) == {
        "GMV (LIVE)", "GMV (Video)", "GMV (Kartu produk)", "GMV (Lainnya)",
    }  # fmt: skip
