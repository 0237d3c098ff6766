"""Money spent for no conversion is told: check the conversion tracking (DESIGN's diagnosis)."""

from __future__ import annotations

from kpi_core.analysis import analyse
from kpi_core.derive import derive_rates, summarise
from kpi_core.ingest import read_files
from kpi_core.tracking import tracking_flags
from tests.frames import tidy

ADS = (
    b"Campaign name,Day,Amount spent (IDR),Reach,Impressions,Link clicks,Purchases\n"
    b"Sale Juli,2026-07-01,150000,10120,12450,140,0\n"
    b"Sale Juli,2026-07-02,148000,9805,11980,122,0\n"
    b"Sale Juli,2026-07-03,151000,10001,12001,131,0\n"
)


def test_spend_for_zero_purchases_is_told_in_both_languages() -> None:
    """Rp 449,000 of Facebook ads for 0 purchases says so and asks to check conversion
    tracking, where the page said nothing needed fixing."""
    data = read_files([("meta_ads.csv", ADS)])
    en = [f for f in analyse(data, ["sales"], "online_store").flags if f.code == "no_conversions"]
    (id_,) = tracking_flags(derive_rates(summarise(data.frame, None, None)), "id")
    assert [(f.channel, f.metric) for f in en] == [("facebook", "purchases")]
    assert en[0].message.startswith("Rp 449,000 spent on Facebook (paid) brought 0 purchases")
    assert "conversion tracking" in en[0].message
    assert id_.message.startswith("Rp 449.000 dibelanjakan di Facebook (berbayar) tanpa satu pun")
    assert "pelacakan konversi" in id_.message


def test_one_conversion_or_no_spend_says_nothing() -> None:
    """A campaign with a single purchase, or a paid placement with no spend, raises nothing;
    nor does a channel that counts no conversions at all (goal_without_kpi covers it)."""
    frame = tidy([
        ("2026-07-01", "facebook", "paid", "spend", 150_000, "IDR"),
        ("2026-07-01", "facebook", "paid", "purchases", 0, "count"),
        ("2026-07-02", "facebook", "paid", "purchases", 1, "count"),
        ("2026-07-01", "x", "paid", "spend", 0, "IDR"),
        ("2026-07-01", "x", "paid", "conversions", 0, "count"),
        ("2026-07-01", "tiktok", "paid", "spend", 90_000, "IDR"),
        ("2026-07-01", "tiktok", "paid", "link_clicks", 300, "count"),
    ])  # fmt: skip
    assert tracking_flags(derive_rates(summarise(frame, None, None))) == []


def test_spend_in_two_currencies_is_never_added() -> None:
    """Spend in rupiah and in dollars on one placement is named as two amounts, never one sum."""
    frame = tidy([
        ("2026-07-01", "facebook", "paid", "spend", 150_000, "IDR"),
        ("2026-07-01", "facebook", "paid", "spend", 12, "USD"),
        ("2026-07-01", "facebook", "paid", "purchases", 0, "count"),
    ])  # fmt: skip
    (flag,) = tracking_flags(derive_rates(summarise(frame, None, None)))
    assert flag.message.startswith("Rp 150,000 + $ 12 spent on Facebook (paid)")
