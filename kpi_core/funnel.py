"""The funnel: one count per stage, with % of the first and of the previous stage that has data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import pandas as pd

from kpi_core import catalogue
from kpi_core.i18n import t
from kpi_core.labels import metric_label
from kpi_core.models import COUNT, BusinessModel, Goal, Placement, Stage
from kpi_core.stage_metrics import ScopeCounts, ordered, ranking, scope_counts

STAGES: tuple[Stage, ...] = tuple(Stage)
Choices = Mapping[Stage, str] | Mapping[str, str]  # stage -> the metric the user wants there
# Every funnel built from exported totals is a ratio funnel; these notes say so in the UI.
COHORT_NOTE = "funnel.note.cohort"
UNIQUE_NOTE = "funnel.note.unique"
GROWS_NOTE = "funnel.note.grows"
NOT_A_RATE = "funnel.not_a_rate"


@dataclass(frozen=True)
class StageFigure:
    """One stage of a funnel: its metric, its count and its two percentages with their bases."""

    stage: Stage
    metric: str | None
    value: float | None
    chosen: str  # goal | default | user | none: why this metric stands for the stage
    options: tuple[str, ...]
    channels: tuple[str, ...]
    pct_of_first: float | None = None
    pct_of_previous: float | None = None
    basis: Stage | None = None  # the nearest earlier stage with data
    lost: float | None = None

    @property
    def missing(self) -> bool:
        """True when the data holds nothing for this stage (shown as missing, never as zero)."""
        return self.value is None

    @property
    def more_than_previous(self) -> bool:
        """True when the stage counts more than the one before it: its % of previous is then a
        ratio of two sources, not a conversion rate, and is to be shown as such."""
        return self.pct_of_previous is not None and self.pct_of_previous > 1

    @property
    def skipped(self) -> bool:
        """True when % of previous is taken against a stage further back than the one before."""
        return self.basis is not None and STAGES.index(self.basis) != STAGES.index(self.stage) - 1


@dataclass(frozen=True)
class Funnel:
    """The five stages for one scope: every channel, one channel, one placement, or both."""

    stages: tuple[StageFigure, ...]
    channel: str | None = None
    placement: str | None = None
    notes: tuple[str, ...] = (COHORT_NOTE,)

    @property
    def first(self) -> StageFigure | None:
        """The first stage with a count above zero: the base of every % of first."""
        return next((s for s in self.stages if s.value), None)

    @property
    def present(self) -> tuple[StageFigure, ...]:
        """The stages that have data."""
        return tuple(s for s in self.stages if not s.missing)

    def choices(self) -> dict[Stage, str]:
        """The metric standing for each stage that has one, to build a comparable funnel."""
        return {s.stage: s.metric for s in self.stages if s.metric is not None}


def _counts(summary: pd.DataFrame, channel: str | None, placement: str | None) -> pd.DataFrame:
    rows = summary[(summary["unit"].astype(str) == COUNT) & summary["value"].notna()]
    rows = rows[rows["metric"].notna()]
    if channel is not None:
        rows = rows[rows["channel"].astype(str) == channel]
    if placement is not None:
        rows = rows[rows["placement"].astype(str) == placement]
    return rows.assign(metric=rows["metric"].astype(str), channel=rows["channel"].astype(str))


def stage_options(
    summary: pd.DataFrame,
    stage: Stage | str,
    goals: Iterable[Goal | str] = (),
    *,
    channel: str | None = None,
    placement: str | None = None,
    model: BusinessModel | str | None = None,
) -> tuple[str, ...]:
    """The metrics the data holds for a stage in this scope, the automatic choice first."""
    counts = scope_counts(_counts(summary, channel, placement))
    return tuple(m for m, _ in ordered(counts, ranking(Stage(stage), goals, model)))


def _figure(
    counts: ScopeCounts,
    stage: Stage,
    goals: tuple[Goal | str, ...],
    wanted: str | None,
    model: BusinessModel | str | None = None,
) -> StageFigure:
    ranked = ordered(counts, ranking(stage, goals, model))
    options = tuple(m for m, _ in ranked)
    totals = counts.totals
    if wanted is not None:
        pick: tuple[str | None, str] = (wanted, "user") if wanted in options else (None, "none")
    else:
        counted = [pair for pair in ranked if totals[pair[0]] > 0]
        pick = counted[0] if counted else (None, "none")
    metric, why = pick
    if metric is None:
        return StageFigure(stage, wanted, None, why, options, ())
    return StageFigure(stage, metric, totals[metric], why, options, counts.channels[metric])


def _with_percentages(figures: list[StageFigure]) -> list[StageFigure]:
    done: list[StageFigure] = []
    first: float | None = None
    previous: StageFigure | None = None
    for fig in figures:
        if fig.value is None:
            done.append(fig)
            continue
        if first is None:
            if fig.value <= 0:
                done.append(fig)
                continue
            first = fig.value
            done.append(replace(fig, pct_of_first=1.0))
            previous = fig
            continue
        assert previous is not None and previous.value is not None
        base = previous.value
        done.append(
            replace(
                fig,
                pct_of_first=fig.value / first if first else None,
                pct_of_previous=fig.value / base,
                basis=previous.stage,
                # A stage larger than its base lost nobody; "lost" does not apply there.
                lost=base - fig.value if fig.value <= base else None,
            )
        )
        # A stage counted as zero cannot be a base: the next stage looks further back.
        previous = fig if fig.value > 0 else previous
    return done


def build_funnel(
    summary: pd.DataFrame,
    goals: Iterable[Goal | str] = (),
    *,
    channel: str | None = None,
    placement: str | None = None,
    choices: Choices | None = None,
    model: BusinessModel | str | None = None,
) -> Funnel:
    """The funnel of one scope: each stage from its best metric, or the chosen one."""
    wanted = {Stage(k): v for k, v in (choices or {}).items()}
    counts = scope_counts(_counts(summary, channel, placement))
    goal_list = tuple(goals)
    figures = [_figure(counts, s, goal_list, wanted.get(s), model) for s in STAGES]
    figures = _with_percentages(figures)
    notes = [COHORT_NOTE]
    unique = {m.id for m in catalogue.load().metrics if m.unique}
    if any(f.metric in unique and len(f.channels) > 1 for f in figures if not f.missing):
        notes.append(UNIQUE_NOTE)
    if any(f.more_than_previous for f in figures):
        notes.append(GROWS_NOTE)
    return Funnel(tuple(figures), channel, placement, tuple(notes))


def channel_funnels(
    summary: pd.DataFrame,
    goals: Iterable[Goal | str] = (),
    choices: Choices | None = None,
    *,
    model: BusinessModel | str | None = None,
) -> tuple[Funnel, ...]:
    """One funnel per channel that has any stage data; a chosen metric applies where it exists."""
    goal_list = tuple(goals)
    funnels = []
    for channel in dict.fromkeys(_counts(summary, None, None)["channel"]):
        auto = build_funnel(summary, goal_list, channel=channel, model=model)
        own = {
            Stage(s): m
            for s, m in (choices or {}).items()
            if m in next(f.options for f in auto.stages if f.stage == Stage(s))
        }
        funnel = (
            build_funnel(summary, goal_list, channel=channel, choices=own, model=model)
            if own
            else auto
        )
        if funnel.present:
            funnels.append(funnel)
    return tuple(funnels)


def placement_funnels(
    summary: pd.DataFrame,
    goals: Iterable[Goal | str] = (),
    *,
    channel: str | None = None,
    choices: Choices | None = None,
    model: BusinessModel | str | None = None,
) -> tuple[Funnel, ...]:
    """Organic and paid side by side, each stage measured by the same metric so they compare."""
    whole = build_funnel(summary, goals, channel=channel, choices=choices, model=model)
    rows = _counts(summary, channel, None)
    sides = [p for p in (Placement.ORGANIC, Placement.PAID) if p in set(rows["placement"])]
    counted = rows[rows["value"] > 0].groupby("metric")["placement"].nunique()
    picks = whole.choices()
    for fig in whole.stages:
        if fig.chosen in ("goal", "default", "model"):
            # The first of the stage's options that both sides count, so that they compare.
            both = [m for m in fig.options if counted.get(m, 0) == len(sides)]
            picks[fig.stage] = both[0] if both else picks[fig.stage]
    return tuple(
        build_funnel(summary, goals, channel=channel, placement=p, choices=picks, model=model)
        for p in sides
    )


def drop_off(funnel: Funnel, lang: str = "en") -> pd.DataFrame:
    """The drop-off table (stage, metric, count, % of first, % of previous, basis, lost, note),
    headers in `lang`; percentages are 0-100, and a stage larger than the one before has no %
    of previous but a note saying why."""

    def stage(s: Stage | None) -> str | None:
        return None if s is None else t(f"funnel.stage.{s}", lang)

    rows = [
        {
            t("funnel.col.stage", lang): stage(f.stage),
            t("funnel.col.metric", lang): metric_label(f.metric, lang) if f.metric else None,
            t("funnel.col.count", lang): f.value,
            # Late stages are a tiny share of the first (200 of 10 million): four decimals.
            t("funnel.col.pct_first", lang): (
                None if f.pct_of_first is None else round(f.pct_of_first * 100, 4)
            ),
            t("funnel.col.pct_previous", lang): (
                None
                if f.pct_of_previous is None or f.more_than_previous
                else round(f.pct_of_previous * 100, 2)
            ),
            t("funnel.col.basis", lang): stage(f.basis),
            t("funnel.col.lost", lang): f.lost,
            t("funnel.col.note", lang): t(NOT_A_RATE, lang) if f.more_than_previous else None,
        }
        for f in funnel.stages
    ]
    return pd.DataFrame(rows)
