"""Metrics a channel never used (0 throughout the data) are no finding: left out and named."""

from __future__ import annotations

from kpi_core.derive import summarise
from kpi_core.unused import leave_out, never_used, unused_flags
from tests.frames import tidy

STORE = tidy([
    ("2026-01-05", "store", "organic", "calls", 12, "count"),
    ("2026-01-06", "store", "organic", "calls", 0, "count"),
    ("2026-01-05", "store", "organic", "inquiries", 0, "count"),
    ("2026-01-06", "store", "organic", "inquiries", 0, "count"),
    ("2026-01-05", "store", "organic", "store_visits", 0, "count"),
    ("2026-01-06", "store", "organic", "store_visits", 40, "count"),
])  # fmt: skip


def test_a_metric_zero_on_every_row_is_never_used_and_one_zero_day_is_not() -> None:
    """Inquiries at 0 on every day were never used; calls and visits at 0 on one day were."""
    assert never_used(STORE) == (("inquiries", "inquiries", "store", "organic"),)


def test_a_period_of_zeros_for_a_metric_used_elsewhere_stays_a_finding() -> None:
    """The store's visits are 0 on 5 January only: a period of that day keeps its 0 visits."""
    summary = leave_out(summarise(STORE, None, None), never_used(STORE))
    assert "inquiries" not in set(summary["metric"])
    first = summarise(STORE[STORE["date"] == "2026-01-05"], None, None)
    kept = leave_out(first, never_used(STORE))
    assert kept.set_index("metric").loc["store_visits", "value"] == 0


def test_the_note_names_the_metrics_left_out_in_each_language() -> None:
    """One note per channel names what was left out and why, in English and Indonesian."""
    (en,) = unused_flags(never_used(STORE), "en")
    (id_,) = unused_flags(never_used(STORE), "id")
    assert en.code == "not_used" and en.channel == "store"
    assert "Inquiries" in en.message and "0 throughout your data" in en.message
    assert "bernilai 0 di seluruh data Anda" in id_.message


def test_nothing_zero_leaves_the_summary_as_it_is() -> None:
    """A frame with no all-zero metric leaves nothing out and says nothing."""
    used = STORE[STORE["metric"] != "inquiries"]
    assert never_used(used) == () and unused_flags((), "en") == []


def test_a_paid_placement_that_had_a_spend_keeps_its_zeros() -> None:
    """Rp 449,000 spent for 0 purchases and 0 leads is the campaign's result, never left out."""
    ads = tidy([
        ("2026-07-01", "facebook", "paid", "spend", 150_000, "IDR"),
        ("2026-07-02", "facebook", "paid", "spend", 299_000, "IDR"),
        ("2026-07-01", "facebook", "paid", "leads", 0, "count"),
        ("2026-07-02", "facebook", "paid", "leads", 0, "count"),
        ("2026-07-01", "x", "paid", "app_installs", 0, "count"),
    ])  # fmt: skip
    assert never_used(ads) == (("app_installs", "app_installs", "x", "paid"),)


def test_sales_figures_of_zero_stay_a_finding() -> None:
    """A website's purchases and revenue at 0 on every day stay: a shop that sold nothing there,
    or tracking not set up, is what the client must hear; its unused key events are left out."""
    site = tidy([
        ("2026-07-01", "website", "organic", "purchases", 0, "count"),
        ("2026-07-01", "website", "organic", "revenue", 0, "IDR"),
        ("2026-07-01", "website", "organic", "conversions", 0, "count"),
        ("2026-07-01", "website", "organic", "sessions", 120, "count"),
    ])  # fmt: skip
    assert never_used(site) == (("conversions", "conversions", "website", "organic"),)
