"""Figures as the user reads them: money with its currency's sign, rates as a percent, a
multiple or so many per one, durations in minutes, large counts compact (`1,2 jt`, `1.2M`)."""

from __future__ import annotations

import math

from kpi_core import catalogue
from kpi_core.i18n import format_number, t

CURRENCY_SIGNS = {"IDR": "Rp", "USD": "$", "EUR": "€"}

_COMPACT = {
    "en": ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")),
    "id": ((1e12, " T"), (1e9, " M"), (1e6, " jt"), (1e3, " rb")),
}


def _compact(value: float, lang: str) -> str:
    for size, suffix in _COMPACT["id" if lang == "id" else "en"]:
        if abs(value) >= size:
            return (
                f"{format_number(value / size, lang, 1 if abs(value) < 100 * size else 0)}{suffix}"
            )
    return format_number(value, lang, 0 if float(value).is_integer() else 2)


def _per_unit(value: float, lang: str, compact: bool) -> str:
    """A count per post or per follower: whole from 100, one decimal from 1, else two digits."""
    if compact and abs(value) >= 1000:
        return _compact(value, lang)
    if abs(value) >= 100:
        return format_number(value, lang, 0)
    # One decimal from 1, two significant digits below it (0.062, 0.0071), no trailing zeros.
    digits = 1 if abs(value) >= 1 or value == 0 else 1 - math.floor(math.log10(abs(value)))
    text = format_number(value, lang, digits)
    return text.rstrip("0").rstrip("," if lang == "id" else ".")


def _rate(value: float, lang: str, metric: str | None, compact: bool) -> str:
    """A fraction as its catalogue entry reads it: a multiple, so many per one, or a percent."""
    try:
        known = catalogue.metric(metric or "")
    except KeyError:
        known = None
    if known is not None and known.times:
        return f"{format_number(value, lang, 2)}×"
    if known is not None and known.per is not None:
        per = known.per.id if lang == "id" else known.per.en
        return f"{_per_unit(value, lang, compact)} {per}"
    return f"{format_number(value * 100, lang, 1 if abs(value) >= 0.01 else 2)}%"


def format_value(
    value: float | None,
    unit: str,
    lang: str = "en",
    metric: str | None = None,
    compact: bool = False,
) -> str:
    """A figure as the user reads it: `Rp 1,2 jt`, `3,2%`, `2.4×`, `6.2 likes per follower`,
    `1 min 2 s`, `12,345`."""
    if value is None or value != value:
        return "–"
    if unit == "fraction":
        return _rate(value, lang, metric, compact)
    if unit == "seconds":
        minutes, seconds = divmod(round(value), 60)
        if not minutes:
            return t("unit.duration_s", lang, s=seconds)
        hours, minutes = divmod(minutes, 60)
        if hours:
            return t("unit.duration_h", lang, h=format_number(hours, lang), m=minutes)
        return t("unit.duration_m", lang, m=minutes, s=seconds)
    number = (
        _compact(value, lang)
        if compact
        else format_number(value, lang, 0 if abs(value) >= 100 or float(value).is_integer() else 2)
    )
    if unit == "count":
        return number
    return f"{CURRENCY_SIGNS.get(unit, unit)} {number}"
