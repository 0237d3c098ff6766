"""Every sentence and label the user reads, in English and Bahasa Indonesia, and number formats."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from functools import cache

from kpi_core.datafiles import data_names, read_toml

LANGS = ("en", "id")

_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
}


def _flatten(prefix: str, table: Mapping[str, object], out: dict[str, dict[str, str]]) -> None:
    if "en" in table and isinstance(table["en"], str):
        out[prefix] = {lang: str(table[lang]) for lang in LANGS if lang in table}
        return
    for key, sub in table.items():
        if isinstance(sub, Mapping):
            _flatten(f"{prefix}.{key}" if prefix else key, sub, out)


@cache
def messages() -> dict[str, dict[str, str]]:
    """All messages from every `messages*.toml` in kpi_core/data, keyed `section.name`."""
    out: dict[str, dict[str, str]] = {}
    for name in data_names():
        if name.startswith("messages") and name.endswith(".toml"):
            _flatten("", read_toml(name), out)
    return out


def t(key: str, lang: str = "en", /, **params: object) -> str:
    """The message `key` in `lang`, with `{name}` placeholders filled from params."""
    entry = messages().get(key)
    if entry is None:
        raise KeyError(f"no message {key!r}")
    text = entry.get(lang) or entry["en"]
    return text.format(**params) if params else text


# The names the readers make up (kpi_core.ingest.table): for a blank header cell, and for a
# header the file repeats. They stay English in the data and read in the language when shown.
_MADE_NAME = re.compile(r"\(column (\d+)\)|(.+) \(copy (\d+)\)")


def column_name(name: str, lang: str = "en") -> str:
    """A column's name as the user reads it: `(column 3)` and `Reach (copy 2)`, the names the
    reader gives a blank and a repeated header cell, in the language (`(kolom 3)`)."""
    made = _MADE_NAME.fullmatch(name) if lang != "en" and "(co" in name else None
    if made is None:
        return name
    if made[1]:
        return t("name.column", lang, n=made[1])
    return t("name.copy", lang, name=made[2], n=made[3])


def format_number(value: float | None, lang: str = "en", decimals: int | None = None) -> str:
    """A number as the language writes it: `1,234.5` in English, `1.234,5` in Indonesian."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if decimals is None:
        # Up to two decimals, without trailing zeros: 1.234,5 rather than 1.234,50.
        text = (
            f"{value:,.2f}".rstrip("0").rstrip(".")
            if not float(value).is_integer()
            else f"{value:,.0f}"
        )
    else:
        text = f"{value:,.{decimals}f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_date(day: date | None, lang: str = "en") -> str:
    """A date as `3 Jan 2026` / `3 Jan 2026` with the language's month abbreviations."""
    if day is None:
        return "–"
    return f"{day.day} {_MONTHS[lang if lang in _MONTHS else 'en'][day.month - 1]} {day.year}"


def format_span(first: date | None, last: date | None, lang: str = "en") -> str:
    """A period short enough for a headline: `Nov 2025 – Okt 2026`, or the days when short
    (`1–15 Sep 2026`, `20 Aug – 15 Sep 2026`), the month and year written once."""
    if first is None or last is None:
        return "–"
    months = _MONTHS[lang if lang in _MONTHS else "en"]
    if (last - first).days <= 31:
        if first == last:
            return format_date(first, lang)
        if first.year != last.year:
            return f"{format_date(first, lang)} – {format_date(last, lang)}"
        if first.month == last.month:
            return f"{first.day}–{format_date(last, lang)}"
        return f"{first.day} {months[first.month - 1]} – {format_date(last, lang)}"
    return f"{months[first.month - 1]} {first.year} – {months[last.month - 1]} {last.year}"
