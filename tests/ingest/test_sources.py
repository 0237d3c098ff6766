"""Decoding and container rules that no small fixture can show."""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path
from unittest.mock import patch

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_core.ingest import read_files

text_module = importlib.import_module("kpi_core.ingest.text")


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


def _big_csv(rows: int) -> str:
    lines = ["date,channel,campaign,Reach\n"]
    lines += [f"2026-07-{1 + i % 28:02d},Instagram,Promo {i % 50},{i}\n" for i in range(rows)]
    return "".join(lines)


def test_large_file_read_from_disk_matches_the_same_bytes_uploaded(tmp_path: Path) -> None:
    """A file read from its path (mapped from disk when large) gives what its upload gives."""
    text = _big_csv(260_000)
    path = tmp_path / "big.csv"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 1 << 20
    from_disk = read_files([path])
    uploaded = read_files([("big.csv", text.encode("utf-8"))])
    assert len(from_disk.frame) == 260_000
    pd.testing.assert_frame_equal(from_disk.frame, uploaded.frame)
    assert from_disk.files == uploaded.files


def test_large_windows_file_on_disk_is_still_read_as_cp1252(tmp_path: Path) -> None:
    """A large file on disk with one cp1252 byte deep inside is read whole, with the notice."""
    lines = _big_csv(260_000).splitlines(keepends=True)
    lines[200_000] = "2026-07-02,Instagram,Caf\xe9 Latte,7\n"
    path = tmp_path / "old_excel.csv"
    path.write_bytes("".join(lines).encode("cp1252"))
    ds = read_files([path])
    assert len(ds.frame) == 260_000
    assert ds.frame.loc[ds.frame["campaign"] == "Café Latte", "value"].tolist() == [7.0]
    assert [p.code for p in ds.files[0].problems] == ["encoding_cp1252"]


def test_iso_dates_with_a_late_total_row_and_a_late_us_date() -> None:
    """ISO dates read fast still meet a `Total` row or a differently written date further down."""
    rows = [f"2026-06-{1 + i % 30:02d},{i}" for i in range(300)]
    rows.append("07/15/2026,5")
    rows.append("Total,999999")
    data = ("Date,Reach\n" + "\n".join(rows) + "\n").encode()
    ds = read_files([("daily.csv", data)], channel="instagram")
    frame = ds.frame
    assert len(frame) == 301
    assert frame["value"].sum() == sum(range(300)) + 5
    assert frame["date"].max() == pd.Timestamp("2026-07-15")
    assert "total_rows" in [p.code for p in ds.files[0].problems]


def test_blank_iso_date_cells_are_reported_not_dated() -> None:
    """A row whose ISO date cell is blank is counted as undated, never given a date."""
    rows = [f"2026-06-{1 + i % 30:02d},{i}" for i in range(100)]
    rows[60] = ",42"
    data = ("Date,Reach\n" + "\n".join(rows) + "\n").encode()
    ds = read_files([("daily.csv", data)], channel="instagram")
    assert len(ds.frame) == 99
    assert ds.frame["date"].notna().all()
    found = [(p.code, p.count, p.row) for p in ds.files[0].problems]
    assert found == [("undated_rows", 1, 62)]


_ODD_DATE_CELLS = ["", "Total", "07/15/2026", "2026-07-01 - 2026-07-07", "Lifetime", "1 Juli 2026"]


@settings(max_examples=60, deadline=None)
@given(
    days=st.lists(st.integers(0, 400), min_size=1, max_size=80),
    odd=st.lists(st.tuples(st.integers(0, 79), st.sampled_from(_ODD_DATE_CELLS)), max_size=4),
)
def test_typed_iso_read_reads_as_the_text_read_would(
    days: list[int], odd: list[tuple[int, str]]
) -> None:
    """Reading ISO dates typed gives the same rows, dates and problems as reading them as text."""
    cells = [(dt.date(2026, 1, 1) + dt.timedelta(days=d)).isoformat() for d in days]
    for at, cell in odd:
        if at < len(cells):
            cells[at] = cell
    data = ("Date,Reach\n" + "".join(f"{c},{i}\n" for i, c in enumerate(cells))).encode()
    typed = read_files([("daily.csv", data)], channel="instagram", today=dt.date(2026, 11, 23))
    with patch.object(text_module, "_iso_dates", lambda cells: False):
        as_text = read_files(
            [("daily.csv", data)], channel="instagram", today=dt.date(2026, 11, 23)
        )
    pd.testing.assert_frame_equal(typed.frame, as_text.frame)
    assert typed.files == as_text.files


def test_a_stray_carriage_return_in_a_caption_does_not_split_the_row() -> None:
    """In a CRLF file, a lone CR inside an unquoted caption is a space: every post is read."""
    lines = [
        "Post ID,Account ID,Account username,Description,Publish time,Permalink,Date,Views",
        "1800000000000000001,178414,tokokita,Promo hari 1\rsiang,07/01/2026 10:00,https://i/p/1,Lifetime,1000",
        '1800000000000000002,178414,tokokita,"Promo\rdiskon",07/02/2026 10:00,https://i/p/2,Lifetime,2000',
        "1800000000000000003,178414,tokokita,Promo hari 3\rmalam,07/03/2026 10:00,https://i/p/3,Lifetime,3000",
    ]
    data = b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n"
    ds = read_files([("posts.csv", data)], today=dt.date(2026, 10, 1))
    assert ds.files[0].rows_read == 3
    assert ds.frame.loc[ds.frame["metric"] == "video_views", "value"].sum() == 6000


def test_members_read_differently_say_which_member_each_reading_is_of() -> None:
    """YouTube's Indonesian zip reads one member's numbers as 1,234.5 and another's as 1.234,5:
    each line names its member, never two bare lines that contradict each other."""
    from kpi_core.labels import inference_message

    zip_path = Path(__file__).parents[1] / "fixtures" / "Konten 2025-06-10_2025-06-16 Toko Kita.zip"
    report = read_files([zip_path], today=dt.date(2026, 11, 30)).files[0]
    formats = [i for i in report.inferences if i.what == "number_format"]
    assert len({i.value for i in formats}) == 2
    lines = [inference_message(i, "id") for i in formats]
    assert all(line.split(": ", 1)[0].endswith(".csv") for line in lines), lines
    undated = next(i for i in report.inferences if i.what == "period")
    assert inference_message(undated, "en").startswith("Data tabel.csv: no date column")
    channel = next(i for i in report.inferences if i.what == "channel")
    assert inference_message(channel, "en") == "Channel: YouTube"  # one reading, no member


def test_a_workbook_whose_sheets_name_their_placements_says_so_in_one_line() -> None:
    """LinkedIn's workbook names organic and sponsored in its headers and a Post type column:
    one placement line, organic & paid from its columns, never an "assumed" Organic beside it."""
    from kpi_core.labels import inference_message

    path = Path(__file__).parents[1] / "fixtures" / "linkedin_page_analytics.xls"
    report = read_files([path], today=dt.date(2026, 11, 30)).files[0]
    lines = [inference_message(i, lang) for i in report.inferences if i.what == "placement"
             for lang in ("en", "id")]  # fmt: skip
    assert lines == [
        "Placement: Organic & paid (read from its columns)",
        "Penempatan: Organik & berbayar (dibaca dari kolomnya)",
    ]
