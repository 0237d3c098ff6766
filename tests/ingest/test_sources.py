"""Decoding and container rules that no small fixture can show."""

from __future__ import annotations

from kpi_core.ingest import read_files


def test_large_file_with_a_windows_character_deep_inside_is_read_whole() -> None:
    """A big CSV whose only non-UTF-8 byte is far past the head is read as cp1252, all rows kept."""
    lines = ["date,channel,campaign,Reach\n"]
    lines += [f"2026-07-{1 + i % 28:02d},Instagram,Promo {i},{i}\n" for i in range(120_000)]
    lines[100_000] = "2026-07-01,Instagram,Caf\xe9 Latte,5\n"
    data = "".join(lines).encode("cp1252")
    ds = read_files([("old_excel.csv", data)])
    frame = ds.frame
    assert len(frame) == 120_000
    assert frame.loc[frame["campaign"] == "Café Latte", "value"].tolist() == [5.0]
    assert [p.code for p in ds.files[0].problems] == ["encoding_cp1252"]
