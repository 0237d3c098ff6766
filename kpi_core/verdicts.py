"""What classification returns: a verdict per metric, the flags raised, and both together."""

from __future__ import annotations

from dataclasses import dataclass

from kpi_core.models import BusinessModel, Goal, Stage, Verdict


@dataclass(frozen=True)
class MetricVerdict:
    """The verdict on one summary row, with the rule that decided it and why."""

    source_name: str
    metric: str | None
    match_score: float
    channel: str
    placement: str
    stage: Stage | None
    verdict: Verdict
    rule: str
    reason: str
    derived: bool
    overridden: bool
    flags: tuple[str, ...]
    unit: str
    value: float | None
    value_basis: str
    goal: Goal | None = None

    @property
    def slot(self) -> tuple[str, str, str]:
        """The (metric, channel, placement) it stands for: one KPI budget slot, and the key of
        the user's override, however many columns of the files carry it."""
        return (self.metric or self.source_name, self.channel, self.placement)


@dataclass(frozen=True)
class Flag:
    """A diagnosis for the marketer: a code, a message and where it applies."""

    code: str
    message: str
    channel: str | None = None
    metric: str | None = None
    from_: str | None = None
    to: str | None = None
    goal: Goal | None = None
    source_name: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """The flag as the JSON contract spells it (`from`, `to`)."""
        return {
            "code": self.code, "message": self.message, "channel": self.channel,
            "metric": self.metric, "from": self.from_, "to": self.to,
            "goal": None if self.goal is None else str(self.goal), "source_name": self.source_name,
        }  # fmt: skip


@dataclass(frozen=True)
class Classification:
    """Every metric's verdict and the flags raised, for one set of goals and a business model."""

    goals: tuple[Goal, ...]
    model: BusinessModel
    metrics: tuple[MetricVerdict, ...]
    flags: tuple[Flag, ...]

    @property
    def kpis(self) -> tuple[MetricVerdict, ...]:
        """The rows judged KPIs."""
        return tuple(m for m in self.metrics if m.verdict == Verdict.KPI)

    @property
    def kpi_slots(self) -> int:
        """How many of the KPI budget's slots the KPIs use: one per (metric, channel, placement),
        however many columns of the files carry it (TikTok Shop's LIVE and video columns)."""
        return len({m.slot for m in self.kpis})
