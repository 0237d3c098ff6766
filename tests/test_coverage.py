"""Flags about the periods figures cover: whole-export totals counted or left out."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from kpi_core.classify import Classification, classify
from kpi_core.derive import derive_rates, summarise
from tests.frames import Row, tidy


def _days(channel: str, placement: str, first: str, last: str) -> list[Row]:
    """Daily reach rows on a channel from `first` to `last`."""
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [
        ((start + timedelta(i)).isoformat(), channel, placement, "reach", 100, "count")
        for i in range((end - start).days + 1)
    ]


def run(frame: pd.DataFrame, lang: str = "en", **window: date) -> Classification:
    """Summarise a frame over a period and classify it for sales in an online store."""
    return classify(derive_rates(summarise(frame, **window)), ["sales"], "online_store", lang=lang)


def test_undated_totals_are_flagged_where_counted_and_where_left_out() -> None:
    """Undated Calls are flagged as counted whole, or as left out of a shorter period."""
    frame = tidy(_days("store", "organic", "2026-01-01", "2026-01-31"))
    calls = frame.iloc[:1].assign(date=pd.NaT, metric="calls", source_name="Calls", value=509.0)
    frame = pd.concat([frame, calls], ignore_index=True)
    whole = run(frame)
    (flag,) = [f for f in whole.flags if f.code == "undated_included"]
    assert flag.channel == "store" and "Calls" in flag.message
    (row,) = [m for m in whole.metrics if m.metric == "calls"]
    assert row.value == 509 and row.flags == ("undated_included",)
    part = run(frame, start=date(2026, 1, 10), end=date(2026, 1, 31))
    (flag,) = [f for f in part.flags if f.code == "undated_left_out"]
    assert "left out of this period" in flag.message
    (row,) = [m for m in part.metrics if m.metric == "calls"]
    assert row.value is None and row.flags == ("undated_left_out",)
