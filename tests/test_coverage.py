"""Flags about the periods figures cover: whole-export totals, and channels that barely overlap."""

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


def test_channels_covering_far_apart_periods_raise_periods_differ() -> None:
    """TikTok in Dec-Jan, Meta ads 12-16 Jul, Instagram in July: the flag suggests 12-16 Jul."""
    frame = tidy(
        _days("tiktok", "organic", "2025-12-26", "2026-01-08")
        + _days("facebook", "paid", "2026-07-12", "2026-07-16")
        + _days("instagram", "organic", "2026-07-01", "2026-07-30")
    )
    (flag,) = [f for f in run(frame).flags if f.code == "periods_differ"]
    assert (flag.from_, flag.to) == ("2026-07-12", "2026-07-16")
    assert "TikTok 26 Dec 2025 – 8 Jan 2026" in flag.message
    assert "Choose 12 Jul 2026 – 16 Jul 2026, where Instagram and Facebook overlap" in flag.message
    (id_flag,) = [f for f in run(frame, "id").flags if f.code == "periods_differ"]
    assert "Pilih 12 Jul 2026 – 16 Jul 2026" in id_flag.message
    inside = run(frame, start=date(2026, 7, 12), end=date(2026, 7, 16))
    assert not any(f.code == "periods_differ" for f in inside.flags)


def test_channels_that_mostly_overlap_raise_nothing() -> None:
    """A daily file from the 1st and a weekly one from the 4th of the same year are one period."""
    frame = tidy(
        _days("instagram", "organic", "2026-01-01", "2026-12-31")
        + _days("email", "organic", "2026-01-04", "2026-12-27")
    )
    assert not any(f.code == "periods_differ" for f in run(frame).flags)


def test_periods_that_never_meet_suggest_no_period() -> None:
    """Two channels with no day in common get the flag without a period to choose."""
    frame = tidy(
        _days("tiktok", "organic", "2026-01-01", "2026-01-10")
        + _days("instagram", "organic", "2026-07-01", "2026-07-10")
    )
    (flag,) = [f for f in run(frame).flags if f.code == "periods_differ"]
    assert flag.from_ is None and "do not overlap" in flag.message


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
