"""Damaged files: what can still be read is read, and the user is told what could not be."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
from pathlib import Path

import pytest

from kpi_core.ingest import UnreadableFileError, read_file, read_files
from kpi_core.labels import problem_message
from kpi_core.models import Severity
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
    assert problem.severity is Severity.WARNING
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
    assert problem.severity is Severity.WARNING
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


def test_a_fault_of_the_readers_own_spares_the_other_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Should reading one file fail in a way the reader does not foresee, that file is
    unreadable in one sentence and the other files are still read."""
    from kpi_core import ingest

    real = ingest._read

    def faulty(name: str, data: bytes, ctx: object) -> object:
        if name == "broken.csv":
            raise KeyError("a fault")
        return real(name, data, ctx)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest, "_read", faulty)
    dataset = read_files([("broken.csv", DAILY), ("harian.csv", DAILY)], today=TODAY)
    assert dataset.frame["value"].sum() == 2800
    broken = next(r for r in dataset.files if r.name == "broken.csv")
    (problem,) = broken.problems
    assert problem.code == "unreadable.unexpected"
    assert "CSV" in problem_message(problem, "en")


FIXTURES = sorted(
    p
    for p in (Path(__file__).parents[1] / "fixtures").rglob("*")
    if p.is_file() and p.suffix != ".toml" and p.name != "zip_bomb.zip"  # a test of its own
)
JUNK = [b",", b";", b'"', b"\n", b"\r", b"\x00", b"--", b"1.234,5", b"Rp", b"%", b"\xef\xbb\xbf",
        b"\xff\xfe", b"Total", b"31/02/2026", b"\xe9", b"\xd7", b"=SUM(A1)", b"Date"]  # fmt: skip


def _mutated(data: bytes, rng: random.Random) -> bytes:
    """The bytes with a few cuts, insertions, flipped bytes or repeated lines."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        at = rng.randrange(max(len(out), 1))
        step = rng.randrange(5)
        if step == 0:
            del out[at : at + rng.randint(1, 40)]
        elif step == 1:
            out[at:at] = rng.choice(JUNK)
        elif step == 2 and out:
            out[at] = rng.randrange(256)
        elif step == 3:
            del out[at:]
        else:
            lines = bytes(out).split(b"\n")
            lines.insert(rng.randrange(len(lines)), rng.choice(lines))
            out = bytearray(b"\n".join(lines))
    return bytes(out)


def _members_mutated(data: bytes, rng: random.Random) -> bytes:
    """An archive (zip or workbook) still whole, with its members' bytes mutated."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:  # the fixture of a workbook cut short
        return _mutated(data, rng)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            body = source.read(info)
            archive.writestr(info.filename, _mutated(body, rng) if rng.random() < 0.5 else body)
    return out.getvalue()


@pytest.mark.parametrize("seed", range(40))
def test_mangled_exports_never_crash(seed: int) -> None:
    """Every fixture cut, garbled or padded (seeded, 5 per case) is read or refused in one
    sentence: never another exception."""
    rng = random.Random(seed)
    for _ in range(5):
        path = rng.choice(FIXTURES)
        data = path.read_bytes()
        if data[:2] == b"PK" and rng.random() < 0.7:
            data = _members_mutated(data, rng)
        else:
            data = _mutated(data, rng)
        try:
            read_files([(path.name, data)], today=TODAY)
        except UnreadableFileError as exc:
            raise AssertionError("read_files raises nothing for an unreadable file") from exc
        try:
            read_file(path.name, data, today=TODAY)
        except UnreadableFileError as exc:
            assert exc.code != "unexpected", f"a fault of the reader's own on {path.name}"
