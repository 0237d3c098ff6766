"""Which metric stands for each funnel stage, chosen from a scope's counts read once."""

from __future__ import annotations

import pandas as pd

from kpi_core.stage_metrics import scope_counts


def counts_rows() -> pd.DataFrame:
    """Count rows as the funnel hands them over: a summary's rows, website listed first."""
    return pd.DataFrame(
        {
            "metric": ["reach", "reach", "reach", "link_clicks", "link_clicks"],
            "channel": ["website", "instagram", "instagram", "instagram", "facebook"],
            "placement": ["organic", "organic", "paid", "organic", "paid"],
            "value": [10.0, 300.0, 200.0, 0.0, 40.0],
        }
    )


def test_a_scopes_counts_sum_each_metric_and_keep_its_channels_in_the_summarys_order() -> None:
    """The funnel says which channels count a stage in the order the summary lists them."""
    counts = scope_counts(counts_rows())
    assert counts.totals == {"reach": 510.0, "link_clicks": 40.0}
    assert counts.channels == {"reach": ("website", "instagram"),
                               "link_clicks": ("instagram", "facebook")}  # fmt: skip
    assert counts.sums[("reach", "instagram", "paid")] == 200.0
