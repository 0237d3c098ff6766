"""The paid-efficiency table of the channel ecosystems page."""

from __future__ import annotations

import pandas as pd

from kpi_app.efficiency import worth_showing


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
