"""Every sentence the user reads exists in both languages, with the same placeholders."""

from __future__ import annotations

import string
from datetime import date

import pytest

from kpi_core.i18n import column_name, format_date, format_number, format_span, messages, t
from kpi_core.ingest.table import dedupe

MESSAGES = messages()
# Names that read the same in both languages (proper nouns, acronyms, borrowed terms).
SAME_IN_BOTH = {
    "app.title",
    "badge.kpi",
    "badge.vanity",
    "classify.model.b2b",
    "classify.model.saas",
}


def fields(text: str) -> set[str]:
    """The `{placeholders}` of a message."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages(key: str) -> None:
    """Each message has non-empty English and Indonesian text with the same placeholders."""
    entry = MESSAGES[key]
    assert entry.get("en", "").strip() and entry.get("id", "").strip(), key
    assert fields(entry["en"]) == fields(entry["id"]), key


def test_indonesian_is_not_english_copied() -> None:
    """Apart from names that are the same in both, no Indonesian message is the English one."""
    copied = sorted(
        k for k, e in MESSAGES.items()
        if e["en"] == e["id"] and k not in SAME_IN_BOTH and not k.startswith(("unit.", "layout."))
        and len(e["en"].split()) >= 3  # one or two words (a name, "Funnel") may be shared
    )  # fmt: skip
    assert copied == []


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [(1234.5, "id", "1.234,5"), (1234.5, "en", "1,234.5"), (1234567, "id", "1.234.567"),
     (0.5, "id", "0,5"), (3.25, "en", "3.25")],
)  # fmt: skip
def test_numbers_follow_the_language(value: float, lang: str, expected: str) -> None:
    """Indonesian writes dot thousands and a decimal comma; English the reverse."""
    assert format_number(value, lang) == expected


def test_dates_use_the_language_month_names() -> None:
    """Indonesian month abbreviations (Mei, Agu, Okt, Des) appear in Indonesian dates."""
    assert format_date(date(2026, 10, 31), "id") == "31 Okt 2026"
    assert format_date(date(2026, 8, 17), "id") == "17 Agu 2026"
    assert format_date(date(2026, 10, 31), "en") == "31 Oct 2026"


def test_missing_message_is_an_error_not_a_blank() -> None:
    """Asking for a message that does not exist fails loudly instead of showing nothing."""
    with pytest.raises(KeyError):
        t("no.such.message", "id")


def test_names_made_for_blank_and_repeated_headers_read_in_the_language() -> None:
    """`(column 3)` and `Reach (copy 2)` read `(kolom 3)` and `Reach (salinan 2)` in Indonesian."""
    names = dedupe(["Date", "Reach", None, "Reach"])
    assert [column_name(n, "id") for n in names] == [
        "Date", "Reach", "(kolom 3)", "Reach (salinan 2)"
    ]  # fmt: skip
    assert [column_name(n, "en") for n in names] == names


@pytest.mark.parametrize(
    ("first", "last", "lang", "shown"),
    [
        (date(2026, 9, 1), date(2026, 9, 15), "en", "1–15 Sep 2026"),
        (date(2026, 8, 20), date(2026, 9, 15), "id", "20 Agu – 15 Sep 2026"),
        (date(2025, 12, 20), date(2026, 1, 5), "en", "20 Dec 2025 – 5 Jan 2026"),
        (date(2026, 9, 1), date(2026, 9, 1), "id", "1 Sep 2026"),
        (date(2025, 12, 1), date(2026, 10, 31), "id", "Des 2025 – Okt 2026"),
    ],
)
def test_a_period_headline_writes_its_month_and_year_once(
    first: date, last: date, lang: str, shown: str
) -> None:
    """A short period fits the data page's headline: `1–15 Sep 2026`, not `1 Sep 2026 – 15 Se…`."""
    assert format_span(first, last, lang) == shown
