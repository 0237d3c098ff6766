"""Classification cost against rows: aggregation and the verdict step, timed separately.

The verdict step works on distinct (metric, channel, placement) triples, so its time on
1,000,000 rows must stay within 10% of its time on 10,000 rows (same metrics and channels).

    python benchmarks/bench_classify.py [--repeats 7]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd

from kpi_core.classify import classify
from kpi_core.derive import derive_rates, summarise
from kpi_core.models import TIDY_COLUMNS

CHANNELS = ["instagram", "tiktok", "facebook", "website", "shopee"]
METRICS = ["reach", "impressions", "likes", "comments", "shares", "link_clicks", "spend",
           "purchases", "revenue", "followers", "new_followers", "sessions"]  # fmt: skip


def frame(rows: int, seed: int = 3) -> pd.DataFrame:
    """A tidy frame with every metric on every channel and placement."""
    rng = np.random.default_rng(seed)
    metric = np.array(METRICS)[np.arange(rows) % len(METRICS)]
    channel = np.array(CHANNELS)[(np.arange(rows) // len(METRICS)) % len(CHANNELS)]
    placement = np.array(["organic", "paid"])[
        (np.arange(rows) // (len(METRICS) * len(CHANNELS))) % 2
    ]
    unit = np.where(np.isin(metric, ["spend", "revenue"]), "IDR", "count")
    data = {
        "date": np.datetime64("2025-01-01") + rng.integers(0, 365, rows).astype("timedelta64[D]"),
        "channel": pd.Categorical(channel),
        "placement": pd.Categorical(placement),
        "metric": pd.Categorical(metric),
        "value": rng.integers(1, 10_000, rows).astype("float64"),
        "unit": pd.Categorical(unit),
        "source_name": pd.Categorical(metric),
        "campaign": pd.Categorical([None] * rows),
        "post_id": pd.Categorical([None] * rows),
        "file": pd.Categorical(["bench.csv"] * rows),
        "source": pd.Categorical(["bench.csv"] * rows),
    }
    return pd.DataFrame(data)[list(TIDY_COLUMNS)]


def timed(fn, repeats: int) -> float:  # type: ignore[no-untyped-def]
    """Median seconds of `repeats` calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print aggregation and verdict times for 10,000 and 1,000,000 rows and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    goals, model = ["sales", "leads", "awareness"], "online_store"
    summaries = {}
    for rows in (10_000, 1_000_000):
        tidy = frame(rows)
        repeats = max(3, args.repeats // 2)
        aggregate = timed(lambda tidy=tidy: derive_rates(summarise(tidy)), repeats)
        summaries[rows] = derive_rates(summarise(tidy))
        print(f"{rows:>9,} rows: aggregation {aggregate:7.3f} s ({len(summaries[rows])} triples)")
    classify(summaries[10_000], goals, model)  # warm the catalogue and rules caches
    # The verdict step is timed alternately on both sizes, so machine noise hits both alike.
    times: dict[int, list[float]] = {10_000: [], 1_000_000: []}
    for _ in range(args.repeats):
        for rows, summary in summaries.items():
            start = time.perf_counter()
            classify(summary, goals, model)
            times[rows].append(time.perf_counter() - start)
    small, large = (statistics.median(times[r]) for r in (10_000, 1_000_000))
    print(f"verdict step: {small * 1000:.1f} ms on 10,000 rows, {large * 1000:.1f} ms on 1,000,000")
    print(f"verdict step 1,000,000 / 10,000 rows: {large / small:.2f}x (target within 1.10x)")


if __name__ == "__main__":
    main()
