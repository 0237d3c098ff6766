"""Column headers and names taken apart: the matching key, and the currency, percent and
placement hints a header carries (`Amount spent (IDR)`, `Impressions (sponsored)`)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_NOT_KEY = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a column or channel name."""
    text = str(name)
    if not text.isascii():  # accents come off only where there are any
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("&", " and ").replace("%", " percent ")
    return " ".join(_NOT_KEY.sub(" ", text).split())


_CURRENCY_RE = re.compile(r"[\(\[]\s*([A-Za-z]{3}|Rp\.?)\s*[\)\]]")
ISO_CURRENCIES = {
    "IDR", "USD", "EUR", "SGD", "MYR", "AUD", "GBP", "JPY", "THB", "PHP", "VND", "INR", "CNY",
    "HKD", "KRW", "TWD", "NZD", "CAD", "CHF", "BRL", "MXN", "AED", "SAR",
}  # fmt: skip


def iso_currency(text: str | None) -> str | None:
    """The ISO code a user typed for a currency (`idr`, `Rp`); ValueError when it is none."""
    if text is None:
        return None
    code = "IDR" if text.strip().lower().rstrip(".") == "rp" else text.strip().upper()
    if code not in ISO_CURRENCIES:
        raise ValueError(f"unknown currency {text!r}; use one of {sorted(ISO_CURRENCIES)}")
    return code


_PLACEMENT_WORDS = {
    "organic": "organic",
    "organik": "organic",
    "paid": "paid",
    "berbayar": "paid",
    "promoted": "paid",
    "dipromosikan": "paid",
    "sponsored": "paid",
    "bersponsor": "paid",
    "total": "total",
}
# A device in brackets (LinkedIn's `Page views (desktop)`) names the share of a figure seen on
# it: a part of the same name's `(total)`, as organic and sponsored are.
_DEVICE_RE = re.compile(r"\((desktop|mobile|seluler|tablet)\)", re.IGNORECASE)


def _strip_currency(text: str, found: str) -> str:
    def drop(match: re.Match[str]) -> str:
        return "" if match.group(1) == found else match.group(0)

    return _CURRENCY_RE.sub(drop, text)


@dataclass(frozen=True)
class Header:
    """A column header taken apart: its matching key, currency, percent and placement hints."""

    raw: str
    key: str
    base_key: str
    currency: str | None
    percent: bool
    placement: str | None  # organic | paid | total | None
    device: str | None = None  # desktop | mobile | ... when a bracket names one


def parse_header(raw: str) -> Header:
    """Split a header like `Amount spent (IDR)` or `Impressions (sponsored)` into its parts."""
    text = str(raw).strip()
    currency = None
    for found in _CURRENCY_RE.findall(text):
        code = "IDR" if found.lower().startswith("rp") else found.upper()
        if code in ISO_CURRENCIES:
            currency = code
            text = _strip_currency(text, found)
            break
    percent = "(%)" in text.replace(" ", "") or text.rstrip().endswith("%")
    text = text.replace("(%)", " ")
    key = normalize(text)
    device = _DEVICE_RE.search(text)
    words = normalize(_DEVICE_RE.sub(" ", text)).split() if device else key.split()
    placement = None
    kept = []
    for i, word in enumerate(words):
        hint = _PLACEMENT_WORDS.get(word)
        if hint is not None:
            placement = placement or hint
        elif not (word == "yang" and words[i + 1 : i + 2] and words[i + 1] in _PLACEMENT_WORDS):
            # `impresi yang dipromosikan` is promoted impressions: `yang` only joins the two.
            kept.append(word)
    base_key = " ".join(kept)
    found = device.group(1).lower() if device else None
    return Header(str(raw), key, base_key, currency, percent, placement, found)
