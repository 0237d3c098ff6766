"""What a file holds before its tables are read: bytes or a mapped text file, and the tables
of each kind of container (text, web page, workbook, Parquet, zip), archives one level deep."""

from __future__ import annotations

import mmap
from pathlib import Path

from kpi_core.ingest.html import is_html, read_html
from kpi_core.ingest.sections import section_names, split_sections
from kpi_core.ingest.sheets import kind_of, read_parquet, read_xls, read_xlsx, read_zip
from kpi_core.ingest.table import Table, UnreadableFileError, name_left_out
from kpi_core.ingest.text import Blob, read_text_table

_MAP_FROM = 1 << 20  # text files from this size are mapped from disk, not copied into memory
_CONTAINERS = (".xlsx", ".xlsm", ".xls", ".zip", ".parquet")


def load(path: Path) -> Blob:
    """A file's bytes; a large text file is mapped instead, so that the read is its only pass."""
    with path.open("rb") as fh:
        head = fh.read(8)
        fh.seek(0)
        size = path.stat().st_size
        signed = head[:4] in (b"PK\x03\x04", b"PAR1") or head == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        if size < _MAP_FROM or signed or path.name.lower().endswith(_CONTAINERS):
            return fh.read()
        return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)


def tables_of(name: str, data: Blob, depth: int = 0, spent: int = 0) -> list[Table]:
    """Every table a file holds, by the kind of file its bytes show (`depth`, `spent`: how
    deep inside archives it sits and what they have unpacked already)."""
    if not isinstance(data, bytes):
        return [read_text_table(name, name, data)]  # only plain text is ever mapped
    kind = kind_of(name, data)
    if len(data) < 65536 and not data.strip(b"\x00\r\n\t \xef\xbb\xbf\xff\xfe"):
        raise UnreadableFileError(name, "empty")
    if kind == "text" and is_html(data):
        # A web page saved as `.xls` or `.csv`: its tables, not its markup, are the data.
        tables = read_html(name, data)
    elif kind == "xlsx":
        tables = read_xlsx(name, data)
    elif kind == "xls":
        tables = read_xls(name, data)
    elif kind == "parquet":
        tables = read_parquet(name, data)
    elif kind == "zip":
        tables = _archive_tables(name, data, depth, spent)
    else:
        sections = split_sections(data)
        # A report of several tables (GA4's `#`-headed sections) gives one table per section,
        # named by its title so that the user can find it in the file.
        names = [name] if len(sections) == 1 else [f"{name} [{t}]" for t in section_names(sections)]
        tables = [
            read_text_table(name, source, part)
            for source, part in zip(names, sections, strict=True)
        ]
    if not tables:
        raise UnreadableFileError(name, "no_table")
    return tables


def _archive_tables(name: str, data: bytes, depth: int, spent: int) -> list[Table]:
    """The tables of a zip's members, and of the members of a zip inside it (a download saved
    into another archive); what no member could give is told, not dropped."""
    if depth > 1:
        raise UnreadableFileError(name, "nested_archive")
    members, damaged = read_zip(name, data, spent)
    spent += sum(len(payload) for _, payload in members)  # the caps hold over both levels
    tables: list[Table] = []
    skipped: list[str] = []
    nested: list[str] = []
    for member, payload in members:
        try:
            found = tables_of(f"{name}/{member}", payload, depth + 1, spent)
        except UnreadableFileError as exc:
            if exc.code == "zip_too_large":
                inner = f"{member}/{exc.params['member']}" if exc.params.get("member") else member
                raise UnreadableFileError(name, "zip_too_large", member=inner) from exc
            (nested if exc.code == "nested_archive" else skipped).append(member)
            continue
        for table in found:
            table.file = name
            tables.append(table)
    if not tables and nested:
        raise UnreadableFileError(name, "nested_archive", member=", ".join(nested))
    told = (("skipped_members", skipped), ("nested_archives", nested), ("damaged_members", damaged))
    name_left_out(name, tables, told, shown=5)
    return tables
