"""Which metric stands for each funnel stage: the goals' own measures, the business model's own
signals, then the count that covers the most of the stage."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pandas as pd

from kpi_core import catalogue
from kpi_core.classify import rules
from kpi_core.datafiles import read_toml
from kpi_core.models import COUNT, ActionKind, BusinessModel, Goal, Stage

# A metric stands for a stage automatically only where it is counted on channels that hold at
# least this share of the stage (each channel and placement weighs its largest count there):
# email's 4,591 link clicks do not stand for an interest stage that holds 373,645 website
# sessions.
FAIR_SHARE = 0.2


@cache
def preferences() -> dict[Stage, tuple[str, ...]]:
    """The funnel's own order of metrics per stage (data/funnel.toml)."""
    table = read_toml("funnel.toml")["stages"]
    return {Stage(k): tuple(v) for k, v in table.items()}


@cache
def eligible(stage: Stage) -> frozenset[str]:
    """The catalogue metrics that may stand for a stage."""
    # Only counts of actions make a funnel: rates, money, cumulative totals and orders lost
    # (cancellations, returns) do not.
    return frozenset(
        m.id
        for m in catalogue.load().metrics
        if m.stage == stage
        and m.unit == COUNT
        and not m.cumulative
        and not m.lost
        and m.action in (ActionKind.MICRO, ActionKind.MACRO)
    )


def ranking(
    stage: Stage, goals: Iterable[Goal | str], model: BusinessModel | str | None = None
) -> list[tuple[str, str]]:
    """The stage's metrics by preference: the goals' own measures, the business model's own
    signals, then the funnel's order; metrics the model finds weak go last."""
    allowed = eligible(stage)
    biz = None if model is None else BusinessModel(model)
    signals = [r for r in rules().rule if r.effect == "candidate" and biz in r.models]
    weak = {m for r in rules().rule if r.effect == "vanity" and biz in r.models for m in r.metrics}
    ranked: list[tuple[str, str]] = []
    for goal in (Goal(g) for g in goals):
        spec = rules().goal[goal]
        if spec.stage == stage:
            # The model's boosted candidates rank ahead of the goal's list, as in the verdicts.
            boosted = [m for r in signals if not r.goals or goal in r.goals for m in r.metrics]
            ranked += [(m, "goal") for m in (*boosted, *spec.candidates) if m in allowed]
    ranked += [(m, "model") for r in signals for m in r.metrics if m in allowed]
    defaults = [m for m in (*preferences().get(stage, ()), *sorted(allowed)) if m in allowed]
    ranked += [(m, "default") for m in defaults if m not in weak]
    ranked += [(m, "default") for m in defaults if m in weak]
    first: dict[str, str] = {}
    for metric, why in ranked:
        first.setdefault(metric, why)
    return list(first.items())


@dataclass(frozen=True)
class ScopeCounts:
    """A scope's count rows reduced once for all five stages: the sum of each (metric, channel,
    placement), each metric's total and the channels that count it, in the rows' order, and the
    metrics only lists of items count."""

    sums: dict[tuple[str, str, str], float]
    totals: dict[str, float]
    channels: dict[str, tuple[str, ...]]
    items_only: frozenset[str] = frozenset()


def scope_counts(rows: pd.DataFrame) -> ScopeCounts:
    """The figures every stage of one scope is chosen from, read from its count rows once (the
    stages then work on a few dozen plain numbers, not on the frame five times over)."""
    sums = rows.groupby(["metric", "channel", "placement"], observed=True)["value"].sum()
    totals = rows.groupby("metric", observed=True, sort=False)["value"].sum()
    channels: dict[str, dict[str, None]] = {}
    for metric, channel in zip(rows["metric"], rows["channel"], strict=True):
        channels.setdefault(str(metric), {})[str(channel)] = None
    return ScopeCounts(
        {
            (str(m), str(c), str(p)): float(v)
            for (m, c, p), v in zip(sums.index, sums.to_numpy(), strict=True)
        },
        {str(m): float(v) for m, v in zip(totals.index, totals.to_numpy(), strict=True)},
        {m: tuple(c) for m, c in channels.items()},
        frozenset(_items_only(rows)),
    )


def ordered(counts: ScopeCounts, ranked: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The stage's metrics in the order the automatic choice takes them, the pick first.

    A goal's measure or the model's signal comes first whatever its size. Otherwise a metric
    must cover a fair share of the stage (see FAIR_SHARE), and the one counted on the most
    channels and placements wins, the funnel's order breaking ties. A metric counted as zero
    (a feature the business does not use) never stands for a stage by itself."""
    wanted = {m for m, _ in ranked}
    scopes: dict[str, list[tuple[str, str]]] = {}
    weight: dict[tuple[str, str], float] = {}
    for (metric, channel, placement), value in counts.sums.items():
        if metric in wanted and value > 0:
            scopes.setdefault(metric, []).append((channel, placement))
            weight[(channel, placement)] = max(value, weight.get((channel, placement), 0.0))
    stage_size = sum(weight.values())

    def share(metric: str) -> float:
        mine = sum(weight[scope] for scope in scopes.get(metric, []))
        return mine / stage_size if stage_size else 0.0

    present = [(m, why) for m, why in ranked if m in counts.totals]
    counted = [(m, why) for m, why in present if m in scopes]
    chosen = [(m, why) for m, why in counted if why != "default"]
    fair = [(m, why) for m, why in counted if why == "default" and share(m) >= FAIR_SHARE]
    # Coverage first (a stable sort keeps the funnel's order among equals).
    fair.sort(key=lambda pair: -len(scopes[pair[0]]))
    # A metric only lists of items count (a LIVE list's 6,778 viewers) measures part of the
    # shop: any metric counted for the whole (its 219,606 product impressions) comes first.
    parts = counts.items_only
    picked = [p for p in chosen + fair if p[0] not in parts]
    picked += [p for p in chosen + fair if p[0] in parts]
    rest = [pair for pair in counted if pair not in picked]
    return picked + rest + [pair for pair in present if pair not in counted]


def _items_only(rows: pd.DataFrame) -> set[str]:
    """The metrics whose every figure here comes from a list of items (videos, LIVEs)."""
    if "item_list" not in rows or rows.empty:
        return set()
    every = rows.groupby("metric", observed=True)["item_list"].all()
    return {str(m) for m in every.index[every.to_numpy(dtype=bool)]}
