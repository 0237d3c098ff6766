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
