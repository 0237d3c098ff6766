"""The golden table: hand-written verdicts a strategist would give, each citing its source."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from kpi_core import catalogue
from kpi_core.classify import classify, rules
from kpi_core.derive import derive_rates, summarise
from kpi_core.models import TIDY_COLUMNS, BusinessModel, Goal

ROWS: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "golden.toml").read_text(encoding="utf-8")
)["row"]


def _unit(label: str, metric: str | None) -> str:
    currency = catalogue.parse_header(label).currency
    if currency:
        return currency
    if metric is None:
        return "count"
    unit = catalogue.metric(metric).unit
    return "IDR" if unit == "money" else unit


def frame_for(row: dict[str, Any]) -> pd.DataFrame:
    """A small tidy frame: the row's metric and the others, over two days (and posts if asked)."""
    posts = [f"p{i}" for i in range(row.get("posts", 0))] or [None]
    records = []
    for label in [row["label"], *row.get("others", [])]:
        metric = catalogue.match_metric(label).metric
        for day in ("2026-03-01", "2026-03-02"):
            for post in posts:
                records.append(
                    (pd.Timestamp(day), row["channel"], row["placement"], metric, 120.0,
                     _unit(label, metric), label, None, post, "golden.csv")
                )  # fmt: skip
    frame = pd.DataFrame(records, columns=list(TIDY_COLUMNS[:10]))
    for extra in TIDY_COLUMNS[10:]:  # later columns (the table inside a file) follow the file
        frame[extra] = frame["file"]
    return frame


def _id(row: dict[str, Any]) -> str:
    goals = "+".join(row["goals"])
    return f"{row['label']}-{row['channel']}-{row['placement']}-{goals}-{row['model']}"


@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_golden_row(row: dict[str, Any]) -> None:
    """Each golden row gets its verdict, rule and flags from the rule and seed it cites."""
    metric = catalogue.match_metric(row["label"]).metric
    overrides = {}
    if "override" in row:
        assert metric is not None
        overrides[(metric, row["channel"], row["placement"])] = row["override"]
    summary = derive_rates(summarise(frame_for(row)))
    result = classify(summary, row["goals"], row["model"], overrides)
    (mine,) = [
        m
        for m in result.metrics
        if m.source_name == row["label"] and m.channel == row["channel"] and not m.derived
    ]
    assert (mine.verdict, mine.rule) == (row["verdict"], row["rule"]), mine.reason
    assert sorted(mine.flags) == sorted(row.get("flags", []))
    assert mine.reason
    if "top_flags" in row:
        assert sorted({f.code for f in result.flags}) == sorted(row["top_flags"])


def test_golden_table_covers_every_rule_goal_and_model() -> None:
    """The golden table covers every rule id, goal and business model, in 30 rows or more."""
    assert len(ROWS) >= 30
    assert {r.id for r in rules().rule} <= {r["rule"] for r in ROWS}
    assert set(Goal) <= {g for r in ROWS for g in r["goals"]}
    assert set(BusinessModel) <= {r["model"] for r in ROWS}
    assert all(r["source"] for r in ROWS)


def test_golden_table_speaks_indonesian() -> None:
    """Indonesian export labels are among the golden rows and map to catalogue metrics."""
    labels = {r["label"] for r in ROWS}
    for label in ("Jangkauan", "Klik tautan", "Permintaan demo", "Pendapatan", "Kunjungan toko"):
        assert label in labels
        assert catalogue.match_metric(label).metric is not None
