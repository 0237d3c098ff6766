"""A table's metric cells as tidy rows: what `Results` means, row by row."""

from __future__ import annotations

from kpi_core.ingest import read_files
from kpi_core.labels import problem_message


def test_meta_result_indicator_keys_name_the_result() -> None:
    """Results of `actions:...fb_pixel_purchase` are purchases, never lumped in with leads, and
    their cost is the cost per order."""
    text = (
        "Nama Kampanye,Awal Pelaporan,Jumlah yang dibelanjakan (IDR),Hasil,Indikator Hasil,"
        "Biaya per hasil\n"
        "Konversi,2026-09-01,1523400,22,actions:offsite_conversion.fb_pixel_purchase,69245.45\n"
        "Prospek,2026-09-01,820000,35,actions:onsite_conversion.lead_grouped,23428.57\n"
    )
    frame = read_files([("iklan.csv", text.encode())]).frame
    totals = frame.groupby("metric", observed=True)["value"].sum().to_dict()
    assert (totals["purchases"], totals["leads"]) == (22, 35)
    assert "results" not in totals
    assert (totals["cost_per_purchase"], totals["cpl"]) == (69245.45, 23428.57)


def test_each_metric_of_a_long_file_is_read_by_its_own_cells() -> None:
    """One `0:00:12` makes no reach figure seconds; `%` on CTR makes no other rate a percent."""
    text = (
        "tanggal;kanal;metrik;nilai\n"
        "01/07/2026;Instagram;Jangkauan;12.345\n"
        "01/07/2026;Instagram;CTR;1,85%\n"
        "01/07/2026;Instagram;Rata-rata durasi tonton;0:00:12\n"
        "01/07/2026;Website;Tingkat konversi;2,5\n"
        "02/07/2026;Website;Tingkat konversi;3,0\n"
    )
    frame = read_files([("panjang.csv", text.encode())]).frame
    unit = dict(zip(frame["metric"], frame["unit"], strict=True))
    assert (unit["reach"], unit["ctr"], unit["average_view_duration"]) == (
        "count",
        "fraction",
        "seconds",
    )
    rates = frame.loc[frame["metric"] == "conversion_rate", "value"].round(4).tolist()
    assert rates == [0.025, 0.03]


def test_a_bound_is_told_as_a_bound_not_as_a_bad_cell() -> None:
    """Google Ads' `< 10%` and `> 90%` are left out with a note naming them, in both languages,
    not a warning to fix the file."""
    text = (
        "Campaign report\nJuly 1, 2026 - July 31, 2026\n"
        "Campaign,Currency code,Impr.,Cost,Search impr. share\n"
        'Brand,IDR,"88,120","4,516,727.66",> 90%\n'
        'Generic,IDR,"3,410","301,200.00",< 10%\n'
        'Katalog,IDR,"1,204,300","12,990,100.00",41.27%\n'
    )
    ds = read_files([("google_ads.csv", text.encode())])
    share = ds.frame[ds.frame["metric"] == "impression_share"]
    assert share["value"].round(4).tolist() == [0.4127]
    (told,) = [p for p in ds.files[0].problems if p.code == "masked_values"]
    assert "bad_values" not in [p.code for p in ds.files[0].problems]
    assert "(“> 90%”, “< 10%”)" in problem_message(told, "en")
    assert "(“> 90%”, “< 10%”)" in problem_message(told, "id")


def test_a_cost_per_result_the_files_own_columns_give_is_worked_out_once() -> None:
    """Meta's cost per result on purchase rows, beside a Purchases column, is not kept as a second
    cost per order: the channel's is worked out from spend and purchases, and the user is told;
    a chat's cost (no column of chats) stays, as the cost per conversation."""
    text = (
        "Nama kampanye;Awal pelaporan;Jumlah yang dibelanjakan (IDR);Hasil;Jenis hasil;"
        "Biaya per hasil;Pembelian\n"
        "Penjualan;01/07/2026;685.200;8;Pembelian di situs web;85.650,00;8\n"
        "CTWA;01/07/2026;264.900;67;Percakapan pesan dimulai;3.953,73;\n"
    )
    dataset = read_files([("iklan.csv", text.encode())])
    metrics = set(dataset.frame["metric"].astype(str))
    assert "cost_per_purchase" not in metrics and "cpa" not in metrics
    assert "cost_per_conversation" in metrics
    notes = [i for f in dataset.files for i in f.inferences if i.what == "results_cost"]
    assert [n.column for n in notes] == ["Biaya per hasil"]
