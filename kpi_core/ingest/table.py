"""A raw table: its header found among the first rows, its preamble kept, cells not yet parsed.

Also the one error a file that cannot be read at all raises, with its sentence in either
language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pandas as pd

from kpi_core import catalogue
from kpi_core.ingest.dates import month_header
from kpi_core.models import Inference, Problem, Severity

HEAD_RECORDS = 40  # rows searched for the header


class UnreadableFileError(Exception):
    """A file that cannot be read at all; `code` and `params` give the sentence in any language."""

    def __init__(self, file: str, code: str, **params: object) -> None:
        self.file = file
        self.code = code
        self.params = {"file": file, **params}
        super().__init__(f"{file}: {code}")

    def message(self, lang: str = "en") -> str:
        """The one sentence the user reads."""
        from kpi_core.i18n import t

        return t(f"unreadable.{self.code}", lang, **self.params)


@dataclass
class Table:
    """One grid of cells from a file, with its header found and its preamble kept."""

    file: str
    source: str
    header: list[str]
    body: pd.DataFrame
    preamble: list[str] = field(default_factory=list)
    delimiter: str | None = None
    first_row: int = 2  # the file's row number of the first body row, for messages
    skipped_description_rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    textual: bool = True  # cells are text as the file wrote them (CSV), not typed (Excel)
    number_format: tuple[str, str] | None = None  # (format, basis) inferred from the first rows
    # The currency a column's cells are formatted in, where its header names none (workbooks).
    currencies: dict[str, str] = field(default_factory=dict)
    # The group a row above or under the header puts a column in (`GMV (LIVE)` is in `LIVE`).
    groups: dict[str, str] = field(default_factory=dict)
    # What was inferred while finding the table (months run across its columns).
    inferences: list[Inference] = field(default_factory=list)
    # The file's own columns a turned recap's rows come from, one block of rows each (its
    # months): messages name a cell by them, not by the turned table's `Value`.
    turned_from: tuple[str, ...] = ()

    def plain_names(self) -> list[str]:
        """The header's names without the groups they were named by (`GMV`, not `GMV (LIVE)`)."""
        return [ungrouped(name, self.groups.get(name)) for name in self.header]


def name_left_out(
    file: str,
    tables: list[Table],
    told: tuple[tuple[str, list[str]], ...],
    shown: int | None = None,
) -> None:
    """Tell, on the first table read, each kind of part of a file left out (sheets, archive
    members) by name; damaged parts lost figures, so they warn, the others inform."""
    for code, names in told:
        if tables and names:
            severity = Severity.WARNING if code.startswith("damaged") else Severity.INFO
            examples = tuple(names[:shown] if shown else names)
            tables[0].problems.append(
                Problem(file, code, severity, count=len(names), examples=examples)
            )


def ungrouped(name: str, group: str | None) -> str:
    """A column's name as its header row wrote it, without the group it was named by."""
    return name.removesuffix(f" ({group})") if group else name


def header_score(cells: list[Any]) -> float:
    """How much a row looks like a header: cells the catalogue knows as metrics or columns."""
    texts = [str(c).strip() for c in cells if c is not None and str(c).strip()]
    if len(texts) < 1:
        return 0.0
    known = float(sum(_known_name(text) for text in texts))
    # A hand-built recap's header may name nothing but months (`, Jan, Feb, Mar`).
    months = sum(_names_month(t) for t in texts[1:])
    known += months if months >= 2 else 0
    numeric = sum(looks_numeric(t) for t in texts)
    return known - numeric * 0.5 + (0.01 * len(texts) if known else 0)


@lru_cache(maxsize=4096)
def _known_name(text: str) -> bool:
    """Whether the catalogue knows a cell as a metric or column name (the first rows of a file
    repeat their channels and dates, so each distinct cell is looked up once)."""
    if len(text) > 80 or looks_numeric(text):
        return False
    header = catalogue.parse_header(text)
    return catalogue.role_of(header) is not None or catalogue.lookup(header) is not None


@lru_cache(maxsize=4096)
def _names_month(text: str) -> bool:
    """Whether a cell names a month (each distinct cell of the first rows is parsed once)."""
    return month_header(text) is not None


def looks_numeric(text: str) -> bool:
    """Whether a cell's text is a number (`1.234`, `5,6%`, `Rp10.000`)."""
    stripped = text.replace(".", "").replace(",", "").replace("%", "").replace("Rp", "").strip()
    return stripped.lstrip("-").isdigit()


def find_header(rows: list[list[Any]]) -> int:
    """Index of the header row among the first rows: the best-scoring row, earliest on ties."""
    best, best_score = 0, 0.0
    for i, row in enumerate(rows[:HEAD_RECORDS]):
        score = header_score(row)
        if score > best_score + 1e-9:
            best, best_score = i, score
    return best


def is_description_row(row: list[Any], header: list[str]) -> bool:
    """A row under the header that explains the columns in prose rather than holding data."""
    texts = [str(c).strip() for c in row if c is not None and str(c).strip()]
    if not texts:
        return False
    prose = [t for t in texts if len(t) > 25 and " " in t and not looks_numeric(t)]
    return len(prose) >= max(1, len(texts) // 2)


COPY_MARK = " (copy "


def dedupe(names: list[Any]) -> list[str]:
    """Header names made unique (`Reactions`, `Reactions (copy 2)`); blanks get a number."""
    seen: dict[str, int] = {}
    out = []
    for i, raw in enumerate(names):
        name = str(raw).strip() if raw is not None and str(raw).strip() else f"(column {i + 1})"
        if name in seen:
            seen[name] += 1
            name = f"{name}{COPY_MARK}{seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out
