"""Fitting text into a box of known width, for figures whose renderer cannot wrap text itself.

Plotly draws annotations on one line unless told where to break, and cannot measure text from
Python; these helpers estimate a string's width from its characters (on the wide side, so the
estimate holds for Source Sans Pro and for the Arial a report may fall back to) and break words
onto lines that fit.
"""

from __future__ import annotations

from collections.abc import Sequence

# Width of a character in ems, by class; anything not listed counts as a lower-case letter.
_NARROW = frozenset("ijlrtfI.,:;'!|()[]· \u00a0")
NBSP = "\u00a0"  # joins words that must stay on one line: "Rp 90,5 rb"
_WIDE = frozenset("mwMW%@—")
_SYMBOL = frozenset("★⚑×")
_LOWER, _UPPER, _DIGIT = 0.52, 0.66, 0.56
_BOLD = 1.07
ELLIPSIS = "…"


def text_px(text: str, size: float = 12, bold: bool = False) -> float:
    """The estimated width in pixels of one line of plain text at a font size."""
    ems = 0.0
    for char in text:
        if char in _NARROW:
            ems += 0.28
        elif char in _WIDE:
            ems += 0.84
        elif char in _SYMBOL:
            ems += 1.0
        elif char.isdigit():
            ems += _DIGIT
        elif char.isupper():
            ems += _UPPER
        else:
            ems += _LOWER
    return ems * size * (_BOLD if bold else 1.0)


Run = tuple[str, bool]  # a piece of text and whether it is bold


def _cut(word: str, room: float, size: float, bold: bool) -> str:
    """The longest start of a word that fits the room with an ellipsis after it."""
    for end in range(len(word), 0, -1):
        piece = word[:end].rstrip(" ·,") + ELLIPSIS
        if text_px(piece, size, bold) <= room:
            return piece
    return ELLIPSIS


def wrap(runs: Sequence[Run], widths: Sequence[float], size: float = 12) -> list[list[Run]]:
    """Break runs of text into at most `len(widths)` lines, line i no wider than widths[i].

    Words (split at plain spaces, never at NBSP) move whole to the next line; a word wider than
    a line of its own, or what is left when the lines run out, is cut with an ellipsis.
    """
    words = [(word, bold) for text, bold in runs for word in text.split(" ") if word.strip()]
    lines: list[list[Run]] = [[]]
    used = 0.0
    for word, bold in words:
        width = text_px(word, size, bold)
        gap = text_px(" ", size) if lines[-1] else 0.0
        if used + gap + width <= widths[len(lines) - 1]:
            lines[-1].append((word, bold))
            used += gap + width
            continue
        if lines[-1] and len(lines) < len(widths):
            lines.append([])
            used, gap = 0.0, 0.0
            if width <= widths[len(lines) - 1]:
                lines[-1].append((word, bold))
                used = width
                continue
        _end_line(lines[-1], widths[len(lines) - 1] - used - gap, word, bold, size)
        break
    return [line for line in lines if line]


def _end_line(line: list[Run], room: float, word: str, bold: bool, size: float) -> None:
    """Close the last line with as much of the word as fits, or an ellipsis on its last word."""
    start = _cut(word, room, size, bold)
    if len(start) > 3 or not line:
        line.append((start, bold))
        return
    text, was_bold = line[-1]
    line[-1] = (_cut(text, text_px(text, size, was_bold), size, was_bold), was_bold)


def to_html(lines: Sequence[Sequence[Run]]) -> str:
    """Wrapped lines as plotly's text markup: bold runs in <b>, lines joined by <br>."""
    out = []
    for line in lines:
        parts: list[str] = []
        for word, bold in line:
            if bold and parts and parts[-1].endswith("</b>"):
                parts[-1] = parts[-1][: -len("</b>")] + f" {word}</b>"
            else:
                parts.append(f"<b>{word}</b>" if bold else word)
        out.append(" ".join(parts))
    return "<br>".join(out)
