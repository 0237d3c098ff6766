"""Figures as the user reads them, in English and Bahasa Indonesia."""

from __future__ import annotations

import pytest

from kpi_core import catalogue
from kpi_core.figures import format_value


@pytest.mark.parametrize(
    ("value", "unit", "lang", "metric", "compact", "expected"),
    [
        (1_234_567, "IDR", "id", None, True, "Rp 1,2 jt"),
        (1_234_567, "IDR", "en", None, True, "Rp 1.2M"),
        (3_868_049_500, "IDR", "id", None, True, "Rp 3,9 M"),
        (988_219_000, "IDR", "id", None, False, "Rp 988.219.000"),
        (19.5, "USD", "en", None, False, "$ 19.50"),
        (0.032, "fraction", "id", "ctr", False, "3,2%"),
        (0.0537, "fraction", "en", "ctr", False, "5.4%"),
        (2.354, "fraction", "en", "roas", False, "2.35×"),
        (6.155, "fraction", "id", "applause_rate", False, "6,2 suka per postingan"),
        (442.14, "fraction", "en", "amplification_rate", False, "442 shares per post"),
        (442.14, "fraction", "id", "amplification_rate", True, "442 dibagikan per postingan"),
        (1.16, "fraction", "en", "applause_rate_followers", False, "1.2 likes per follower"),
        (0.062, "fraction", "en", "engagement_rate_followers", False,
         "0.062 engagements per follower"),
        (3.96, "fraction", "id", "views_per_user", False, "4 tayangan per pengguna"),
        (0.291, "fraction", "en", "follower_growth_rate", False, "29.1%"),
        (61.8, "seconds", "id", None, False, "1 mnt 2 dtk"),
        (45, "seconds", "en", None, False, "45 s"),
        (12_345, "count", "id", None, False, "12.345"),
        (None, "count", "en", None, False, "–"),
    ],
)  # fmt: skip
def test_figures_are_written_the_language_way(
    value: float | None, unit: str, lang: str, metric: str | None, compact: bool, expected: str
) -> None:
    """Money shows its currency; shares read as %, ratios as ×, per-post rates per post."""
    assert format_value(value, unit, lang, metric, compact=compact) == expected


# Rates over posts or followers whose numerator is not a share of them (likes, shares...; not
# followers gained or net growth, which are).
PER_RATES = [
    m.id
    for m in catalogue.load().metrics
    if m.parts
    and m.parts[1] in ("posts", "followers")
    and not m.parts[0].endswith(("followers", "follower_growth"))
]


@pytest.mark.parametrize("metric", PER_RATES)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_rates_per_post_or_follower_say_their_basis(metric: str, lang: str) -> None:
    """A rate per post or per follower names its unit and basis and is never a percentage."""
    text = format_value(6.155, "fraction", lang, metric)
    basis = {"posts": ("per post", "per postingan"), "followers": ("per follower", "per pengikut")}
    assert "%" not in text
    assert text.startswith("6,2 " if lang == "id" else "6.2 ")
    assert text.endswith(basis[catalogue.metric(metric).parts[1]][lang == "id"])
