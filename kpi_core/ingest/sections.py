"""Text exports that hold several tables, each under its own `#` comment block (GA4's reports)."""

from __future__ import annotations

import re
from itertools import pairwise

__all__ = ["split_sections"]

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
