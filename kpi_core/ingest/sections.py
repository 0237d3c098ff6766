"""Text exports that hold several tables, each under its own `#` comment block (GA4's reports)."""

from __future__ import annotations

import re
from itertools import pairwise

__all__ = ["section_names", "split_sections"]

# A `#` comment block that follows a blank line, after a table has begun: a new section. Only
# `# ` and `#-` lines count, so a first column of hashtags (`#ramadan`) stays data.
_BREAK = re.compile(rb"(?:\r?\n)[ \t,;]*\r?\n(?=#(?:[ \-]|\r?\n))")
_SMALL = 1 << 20  # sectioned exports are reports of a few tables, never the large-file path


def split_sections(data: bytes) -> list[bytes]:
    """The file cut into its sections, each with its own comment block and header; the whole
    file when it has one table."""
    if len(data) > _SMALL or b"\x00" in data[:4096]:
        return [data]
    found = [m.end() for m in _BREAK.finditer(data) if _has_table_before(data[: m.start()])]
    if not found:
        return [data]
    cuts = [0, *found, len(data)]
    parts = [data[a:b] for a, b in pairwise(cuts)]
    return [p for p in parts if _has_table_before(p)]


def _has_table_before(text: bytes) -> bool:
    """Whether some line of this text is neither blank nor a `#` comment: a table has begun."""
    return any(
        line.strip(b" \t\r,;") and not line.lstrip().startswith(b"#") for line in text.split(b"\n")
    )


def section_names(sections: list[bytes]) -> list[str]:
    """What to call each section where the user is told about it: the title of its comment
    block (`Active users by Country`) as the file shows it; where titles repeat, the title with
    the section's first column; `#2` only for a section with no title."""
    titles = [_title(part) for part in sections]
    names = [
        f"{title} ({_first_column(part)})" if title and titles.count(title) > 1 else title
        for title, part in zip(titles, sections, strict=True)
    ]
    return [
        name if name and names.count(name) == 1 else f"{name or ''} #{i}".strip()
        for i, name in enumerate(names, start=1)
    ]


def _lines(part: bytes) -> list[str]:
    return [line.strip() for line in part.decode("utf-8", "replace").lstrip("\ufeff").splitlines()]


def _title(part: bytes) -> str:
    """The first line of the section's comment block that says something: not a rule of dashes,
    not blank."""
    for line in _lines(part):
        if not line.startswith("#"):
            break
        text = line.lstrip("#").strip()
        if text.strip("-=_ "):
            return text
    return ""


def _first_column(part: bytes) -> str:
    """The name of the section's first column, from its header line."""
    header = next((line for line in _lines(part) if line and not line.startswith("#")), "")
    return header.split(",")[0].split(";")[0].split("\t")[0].strip('" ')
