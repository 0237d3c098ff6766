"""Damaged files: what can still be read is read, and the user is told what could not be."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pytest

from kpi_core.ingest import UnreadableFileError, read_file
from kpi_core.labels import problem_message
from tests.workbooks import rows, xlsx

TODAY = dt.date(2026, 11, 30)
DAILY = b"Date,Channel,Reach\n" + b"".join(
    b"2026-07-0%d,Instagram,%d\n" % (day, 100 * day) for day in range(1, 8)
)


def _zip(*members: tuple[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


def _garble(archive: bytes, member: str) -> bytes:
    """The archive with the packed bytes of one member overwritten (a download cut or hit)."""
    info = zipfile.ZipFile(io.BytesIO(archive)).getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data = bytearray(archive)
    data[start : start + 8] = b"\xff" * 8
    return bytes(data)


def test_a_damaged_member_of_a_zip_is_named_and_the_others_are_read() -> None:
    """A zip with one damaged member reads the rest and names the damaged one; it used to stop
    the whole upload with an error."""
    archive = _zip(("Overview.csv", DAILY), ("Content.csv", DAILY.replace(b"Reach", b"Likes")))
    frame, report = read_file("tiktok.zip", _garble(archive, "Content.csv"), today=TODAY)
    assert frame["value"].sum() == 2800
    (problem,) = [p for p in report.problems if p.code == "damaged_members"]
    assert "Content.csv" in problem_message(problem, "en")
    assert "rusak" in problem_message(problem, "id")


def test_a_zip_whose_every_member_is_damaged_is_unreadable_in_one_sentence() -> None:
    """A zip with nothing left to unpack is one clear error, not a crash."""
    archive = _garble(_zip(("Overview.csv", DAILY)), "Overview.csv")
    with pytest.raises(UnreadableFileError) as caught:
        read_file("tiktok.zip", archive, today=TODAY)
    assert caught.value.code == "corrupt_zip"


def test_a_garbled_sheet_is_named_and_the_other_sheets_are_read() -> None:
    """A workbook sheet whose XML is garbled is named, and the sound sheet is still read."""
    header = ["Date", "Channel", "Reach"]
    days = [[dt.datetime(2026, 7, d), "Instagram", 100 * d] for d in range(1, 8)]
    book = xlsx(rows(header, *days), rows(header, *days), titles=("Juli", "Agustus"))
    parts = zipfile.ZipFile(io.BytesIO(book))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as rebuilt:
        for info in parts.infolist():
            data = parts.read(info)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = re.sub(rb"<row r=\"3\"", b'<row r="3" <<', data)
            rebuilt.writestr(info, data)
    frame, report = read_file("rekap.xlsx", out.getvalue(), today=TODAY)
    assert frame["value"].sum() == 2800
    (problem,) = [p for p in report.problems if p.code == "damaged_sheets"]
    assert "Agustus" in problem_message(problem, "en")


def test_invalid_bytes_in_a_utf8_file_with_a_bom_are_told_and_every_row_is_read() -> None:
    """A byte that is not UTF-8 in a BOM file shows as � and is counted; the columns stay in
    place (the first column used to lose its first letters, and the rows their dates)."""
    data = b"\xef\xbb\xbf" + DAILY.replace(b"Channel", b"Chann\xe9l").replace(
        b"2026-07-03,Instagram", b"2026-07-03,Insta\xd7gram"
    )
    frame, report = read_file("harian.csv", data, today=TODAY)
    assert report.rows_read == 7 and frame["value"].sum() == 2800
    (problem,) = [p for p in report.problems if p.code == "replaced_characters"]
    assert problem.count == 2
    assert "�" in problem_message(problem, "id")


def test_a_password_protected_workbook_says_to_remove_the_password() -> None:
    """An .xlsx saved with a password (an encrypted package in Excel's old container) asks for
    the password to be removed, instead of calling the file damaged."""
    container = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    data = container + "EncryptionInfo".encode("utf-16-le") + bytes(2048)
    with pytest.raises(UnreadableFileError) as caught:
        read_file("laporan klien.xlsx", data, today=TODAY)
    assert caught.value.code == "encrypted"
    assert "password" in caught.value.message("en")
    assert "kata sandi" in caught.value.message("id")
