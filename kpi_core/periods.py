"""A period's funnel against the period of the same length just before it, stage by stage."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from kpi_core.derive import summarise
from kpi_core.funnel import Choices, Funnel, build_funnel
from kpi_core.models import BusinessModel, Goal, Stage


@dataclass(frozen=True)
class StageChange:
    """One stage in this period and the one before it, with the change between them."""

    stage: Stage
    metric: str | None
    current: float | None
    previous: float | None

    @property
    def change(self) -> float | None:
        """The relative change (0.1 is +10%); None without both figures or with a zero base."""
        if self.current is None or self.previous is None or self.previous == 0:
            return None
        return self.current / self.previous - 1


# Said under a comparison that left whole-export totals out; placeholder {metrics}.
UNDATED_NOTE = "funnel.period_undated"


@dataclass(frozen=True)
class PeriodComparison:
    """The selected period's funnel against the period of the same length just before it."""

    current: Funnel
    previous: Funnel
    period: tuple[date, date]
    previous_period: tuple[date, date]
    changes: tuple[StageChange, ...]
    left_out: tuple[str, ...] = ()  # metrics whose whole-export totals neither period counts


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of the same length that ends the day before `start`."""
    days = (end - start).days + 1
    return start - timedelta(days=days), start - timedelta(days=1)


def period_summaries(
    frame: pd.DataFrame, start: date, end: date
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The summaries of a period and of the one of the same length before it.

    A total without dates covers both periods or neither: it is left out of both (and said so).
    """
    return (
        summarise(frame, start, end, undated=False),
        summarise(frame, *previous_period(start, end), undated=False),
    )


def compare_periods(
    frame: pd.DataFrame,
    start: date,
    end: date,
    goals: Iterable[Goal | str] = (),
    *,
    channel: str | None = None,
    placement: str | None = None,
    choices: Choices | None = None,
    model: BusinessModel | str | None = None,
    summaries: tuple[pd.DataFrame, pd.DataFrame] | None = None,
) -> PeriodComparison:
    """The funnel of a period against the one before it, with the same metric per stage;
    `summaries` are the two periods' `period_summaries` when they were made already."""
    goal_list = tuple(goals)
    current, previous = summaries or period_summaries(frame, start, end)
    now = build_funnel(
        current, goal_list, channel=channel, placement=placement, choices=choices, model=model,
    )  # fmt: skip
    before_period = previous_period(start, end)
    before = build_funnel(
        previous, goal_list, channel=channel, placement=placement, choices=now.choices(),
        model=model,
    )  # fmt: skip
    changes = tuple(
        StageChange(a.stage, a.metric, a.value, b.value)
        for a, b in zip(now.stages, before.stages, strict=True)
    )
    mine = current[current["whole_export"] == "left_out"] if len(current) else current
    if channel is not None:
        mine = mine[mine["channel"] == channel]
    if placement is not None:
        mine = mine[mine["placement"] == placement]
    left_out = tuple(dict.fromkeys(str(m) for m in mine["metric"].dropna()))
    return PeriodComparison(now, before, (start, end), before_period, changes, left_out)
