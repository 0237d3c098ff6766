"""Demographic breakdown sheets beside a platform export's own sheets, left out and told.

LinkedIn's visitor and follower workbooks carry, beside the daily sheet, sheets by `Location`,
`Job function`, `Industry`, `Seniority`, `Company size`: the same visitors and followers split
another way, with no date. Read as figures they would count the totals again, undated.
"""

from __future__ import annotations

from kpi_core import catalogue
from kpi_core.ingest.layouts import GENERIC, Layout, breakdown_names
from kpi_core.ingest.table import Table
from kpi_core.models import Problem, Severity


def leave_out_breakdowns(found: list[tuple[Table, Layout]]) -> list[tuple[Table, Layout]]:
    """The tables to read: an undated table split by a breakdown (its first column `Location`,
    `Industry`...) is left out, with one note naming its sheets, when another table of the same
    file is a platform's own layout."""
    if not any(layout.id not in GENERIC for _, layout in found):
        return found
    kept: list[tuple[Table, Layout]] = []
    left: list[str] = []
    for table, layout in found:
        if layout.id in GENERIC and _is_breakdown(table):
            left.append(_sheet(table))
        else:
            kept.append((table, layout))
    if left and kept:
        table = kept[0][0]
        table.problems.append(
            Problem(table.file, "breakdown_sheets", Severity.INFO, count=len(left),
                    examples=tuple(left))
        )  # fmt: skip
        return kept
    return found


def _is_breakdown(table: Table) -> bool:
    """Whether a table's first column is a breakdown dimension and no column dates its rows."""
    headers = [catalogue.parse_header(name) for name in table.header]
    if not headers or headers[0].key not in breakdown_names():
        return False
    return not any(catalogue.role_of(h) == "date" for h in headers)


def _sheet(table: Table) -> str:
    """The sheet (or member) a table comes from, as the user named it."""
    inside = table.source.removeprefix(table.file).strip()
    return inside.removeprefix("[").split("]")[0] if inside.startswith("[") else table.source
