"""The classification rules as data: the rules file's pydantic models and its loader."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kpi_core.datafiles import read_toml
from kpi_core.models import ActionKind, BusinessModel, Goal, Stage


class GoalRules(BaseModel):
    """The stage a goal lives at and the metrics that measure it, best first."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    stage: Stage
    candidates: tuple[str, ...]
    paid_only: tuple[str, ...] = ()


class Budget(BaseModel):
    """How many KPIs fit, and which action kinds show deeper intent (deepest first)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    size: int = Field(ge=1)
    intent_order: tuple[ActionKind, ...]


class Rule(BaseModel):
    """One reviewable rule: its id, where it comes from, what it says and its parameters."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    source: str
    says: str
    models: tuple[BusinessModel, ...] = ()
    goals: tuple[Goal, ...] = ()
    metrics: tuple[str, ...] = ()
    effect: Literal["candidate", "supporting", "vanity"] | None = None
    boost: bool = False


class Rules(BaseModel):
    """The whole rules file: the budget, the goals and the ordered rules."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    budget: Budget
    goal: Mapping[Goal, GoalRules]
    rule: tuple[Rule, ...]

    @model_validator(mode="after")
    def _complete(self) -> Rules:
        missing = set(Goal) - set(self.goal)
        if missing:
            raise ValueError(f"goals without rules: {sorted(missing)}")
        ids = [r.id for r in self.rule]
        if len(ids) != len(set(ids)):
            raise ValueError("duplicate rule ids")
        return self


def load_rules() -> Rules:
    """Read and validate the packaged rules file."""
    return Rules.model_validate(read_toml("rules.toml"))
