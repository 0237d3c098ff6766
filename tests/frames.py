"""Small hand-built tidy frames for the funnel, ecosystem and chart tests."""

from __future__ import annotations

import pandas as pd

from kpi_core.models import TIDY_COLUMNS

Row = tuple[str, str, str, str, float, str] | tuple[str, str, str, str, float, str, str]


def tidy(rows: list[Row]) -> pd.DataFrame:
    """A tidy frame from (date, channel, placement, metric, value, unit[, campaign]) rows."""
    records = []
    for row in rows:
        day, channel, placement, metric, value, unit, *rest = row
        records.append({
            "date": pd.Timestamp(day), "channel": channel, "placement": placement,
            "metric": metric, "value": float(value), "unit": unit, "source_name": metric,
            "campaign": rest[0] if rest else None, "post_id": None, "file": "test.csv",
            "source": "test.csv",
        })  # fmt: skip
    frame = pd.DataFrame.from_records(records, columns=list(TIDY_COLUMNS))
    text = [c for c in TIDY_COLUMNS if c not in ("date", "value")]
    return frame.astype({c: "category" for c in text})


def shop() -> pd.DataFrame:
    """A shop in January 2026: organic Instagram (with revenue), paid Facebook, a website."""
    return tidy([
        ("2026-01-05", "instagram", "organic", "reach", 100_000, "count"),
        ("2026-01-05", "instagram", "organic", "link_clicks", 2_000, "count"),
        ("2026-01-05", "instagram", "organic", "comments", 300, "count"),
        ("2026-01-05", "instagram", "organic", "saves", 120, "count"),
        ("2026-01-05", "instagram", "organic", "shares", 80, "count"),
        ("2026-01-05", "instagram", "organic", "revenue", 5_000_000, "IDR"),
        ("2026-01-05", "facebook", "paid", "reach", 50_000, "count", "A"),
        ("2026-01-05", "facebook", "paid", "impressions", 150_000, "count", "A"),
        ("2026-01-05", "facebook", "paid", "impressions", 50_000, "count", "B"),
        ("2026-01-05", "facebook", "paid", "clicks", 1_000, "count", "A"),
        ("2026-01-05", "facebook", "paid", "link_clicks", 500, "count", "A"),
        ("2026-01-05", "facebook", "paid", "leads", 100, "count", "A"),
        ("2026-01-05", "facebook", "paid", "purchases", 40, "count", "A"),
        ("2026-01-05", "facebook", "paid", "spend", 1_500_000, "IDR", "A"),
        ("2026-01-05", "facebook", "paid", "spend", 500_000, "IDR", "B"),
        ("2026-01-05", "facebook", "paid", "revenue", 8_000_000, "IDR", "A"),
        ("2026-01-05", "website", "organic", "sessions", 9_000, "count"),
        ("2026-01-05", "website", "organic", "revenue", 12_000_000, "IDR"),
    ])  # fmt: skip
