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
