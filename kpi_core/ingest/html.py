"""Web-page tables saved as `.xls` or `.csv` (some platforms and reporting tools export them)."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser

from kpi_core.ingest.table import Table
from kpi_core.ingest.text import read_text_table

_HTML_START = (b"<html", b"<!doctype html", b"<table", b"<?xml")


def is_html(data: bytes) -> bool:
    """Whether the bytes are a web page rather than a spreadsheet or delimited text."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(_HTML_START) and b"<table" in data[:1_000_000].lower()


class _Tables(HTMLParser):
    """Collects each `<table>`'s rows of cell texts (`<th>` and `<td>`), `colspan` kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._end_row()
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._end_cell()
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._span = int(span) if span.isdigit() and 0 < int(span) <= 100 else 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _end_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            text = " ".join("".join(self._cell).split())
            self._row.extend([text] + [""] * (self._span - 1))
        self._cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self._row and self.tables and any(c for c in self._row):
            self.tables[-1].append(self._row)
        self._row = None


def read_html(name: str, data: bytes) -> list[Table]:
    """Every table of a web page with at least a header and one row, read as delimited text."""
    text = data.decode("utf-8", errors="replace")
    parser = _Tables()
    parser.feed(text)
    parser.close()
    found = [rows for rows in parser.tables if len(rows) > 1]
    tables: list[Table] = []
    for i, rows in enumerate(found):
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(rows)
        source = name if len(found) == 1 else f"{name} [table {i + 1}]"
        tables.append(read_text_table(name, source, out.getvalue().encode("utf-8")))
    return tables
