"""A table's metric cells as tidy rows: what `Results` means, row by row."""

from __future__ import annotations

from kpi_core.ingest import read_files


def test_meta_result_indicator_keys_name_the_result() -> None:
    """Results of `actions:...fb_pixel_purchase` are purchases, never lumped in with leads."""
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
    assert (totals["cpa"], totals["cpl"]) == (69245.45, 23428.57)


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
