"""The paid-efficiency table of the channel ecosystems page."""

from __future__ import annotations

import pandas as pd

from kpi_app.efficiency import blended_note, worth_showing


def _table(rows: list[tuple[str, str | None, float | None, float | None]]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=["channel", "campaign", "spend", "cpm"])
    table["currency"] = "IDR"
    for rate in ("cpc", "cpc_link", "ctr", "ctr_link", "cpl", "cpa", "cost_per_purchase"):
        table[rate] = None
    table["roas"] = table["roi"] = None
    return table.astype({"spend": "float64", "cpm": "float64"})


def test_the_cost_table_shows_no_row_of_dashes_and_no_repeated_campaign() -> None:
    """A paid channel without any spend or rate is named under the table instead of a row of
    dashes, and a channel with one campaign shows that campaign's row, not a copy above it."""
    table = _table(
        [
            ("facebook", None, 1_500_120.0, 99_214.0),
            ("facebook", "Sales - Sep", 1_500_120.0, 99_214.0),
            ("search", None, 300.0, 10.0),
            ("search", "Brand", 100.0, 5.0),
            ("search", "Generic", 200.0, 20.0),
            ("x", None, None, None),
        ]
    )
    kept, silent = worth_showing(table)
    assert list(zip(kept["channel"], kept["campaign"].fillna("all"), strict=True)) == [
        ("facebook", "Sales - Sep"),
        ("search", "all"),
        ("search", "Brand"),
        ("search", "Generic"),
    ]
    assert silent == ["x"]


def test_a_paid_channel_with_rates_but_no_spend_is_named_not_shown_with_a_dash() -> None:
    """LinkedIn's Page analytics count sponsored clicks and impressions but no spend: the cost
    table does not show it as Spend "–" beside a CTR of 0.55 %, it names it under the table."""
    table = _table([("facebook", None, 1_500_120.0, 99_214.0), ("linkedin", None, None, None)])
    table.loc[1, "ctr"] = 0.0055
    kept, silent = worth_showing(table)
    assert list(kept["channel"]) == ["facebook"] and silent == ["linkedin"]


def test_an_all_campaigns_cost_per_order_that_includes_campaigns_without_orders_says_so() -> None:
    """Facebook's all-campaigns cost per order (Rp 90,472) divides a click-to-WhatsApp
    campaign's spend too, which bought chats, not orders: a note under the table says so in the
    user's language, so it is not read as the sales campaign's Rp 70,371."""
    table = _table(
        [
            ("facebook", None, 419_790_300.0, 22_418.0),
            ("facebook", "CTWA", 70_089_300.0, 21_827.0),
            ("facebook", "Penjualan", 314_839_300.0, 22_206.0),
            ("search", None, 300.0, 10.0),
            ("search", "Brand", 300.0, 10.0),
        ]
    )
    table["cost_per_purchase"] = [90_472.0, None, 70_371.0, 3.0, 3.0]
    assert blended_note(table, "en") == (
        "Facebook: the all-campaigns cost per order divides all the ad spend, including campaigns"
        " that recorded no orders, by all orders; each campaign's row has its own."
    )
    assert blended_note(table, "id") == (
        "Facebook: biaya per pesanan semua kampanye membagi seluruh belanja iklan, termasuk"
        " kampanye yang tidak mencatat pesanan, dengan semua pesanan; tiap baris kampanye"
        " punya angkanya sendiri."
    )
    table["cost_per_purchase"] = [70_371.0, None, 70_371.0, 3.0, 3.0]
    table.loc[1, "spend"] = None
    assert blended_note(table, "en") is None
