"""What the catalogue files declare: each metric, channel and non-metric column name, as pydantic
models that refuse an entry the readers could not use (an unknown unit, an alias named twice)."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from kpi_core.headers import normalize
from kpi_core.models import ActionKind, ChannelKind, Stage

_UNITS = {"count", "fraction", "seconds", "money"}
ROLES = (
    "date",
    "day_number",
    "channel",
    "placement",
    "campaign",
    "post_id",
    "metric_name",
    "value",
    "result_type",
    "currency",
    "unit",
    "attribute",
)


class Label(BaseModel):
    """A name in both languages the product speaks."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    en: str
    id: str


class MetricDef(BaseModel):
    """One canonical metric: what it measures, where it sits in the funnel, how it is named."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    label: Label
    stage: Stage
    action: ActionKind
    unit: str
    cumulative: bool = False
    sales: bool = False
    unique: bool = False
    # Orders lost after they were placed (cancellations, returns): a negative outcome, never a
    # funnel stage however many there are.
    lost: bool = False
    parts: tuple[str, ...] = ()
    scale: float = 1.0
    derive: bool = True  # false: read where a file reports it, never computed from its parts
    # How a rate reads when it is not a percentage: a multiple (ROAS 2.4x), or so many of the
    # numerator per one of the denominator ("6.2 likes per follower"), in both languages.
    times: bool = False
    per: Label | None = None
    aliases: tuple[str, ...] = ()

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        if unit not in _UNITS:
            raise ValueError(f"unit must be one of {sorted(_UNITS)}")
        return unit

    @model_validator(mode="after")
    def _reading(self) -> MetricDef:
        if (self.times or self.per) and self.unit != "fraction":
            raise ValueError(f"{self.id}: only a fraction reads as a multiple or per unit")
        if self.per and len(self.parts) != 2:
            raise ValueError(f"{self.id}: a rate per unit names its two parts")
        if self.times and self.per:
            raise ValueError(f"{self.id}: a rate reads as a multiple or per unit, not both")
        return self


class ChannelDef(BaseModel):
    """A channel id, its kind and the names files use for it."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    kind: ChannelKind
    label: Label
    aliases: tuple[str, ...] = ()


class Catalogue(BaseModel):
    """Every metric, channel and non-metric column name the readers know."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    metrics: tuple[MetricDef, ...]
    channels: tuple[ChannelDef, ...]
    roles: Mapping[str, tuple[str, ...]] = Field(default_factory=dict)
    # The names of key columns by the kind of thing they name (post, video, page...); each is
    # a `post_id` role name too.
    keys: Mapping[str, tuple[str, ...]] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _keys_are_post_ids(cls, data: object) -> object:
        # Key names are declared once, by kind; the readers meet them as the `post_id` role.
        if isinstance(data, dict) and data.get("keys"):
            roles = dict(data.get("roles") or {})
            named = [n for names in data["keys"].values() for n in names]
            roles["post_id"] = (*roles.get("post_id", ()), *named)
            data = {**data, "roles": roles}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Catalogue:
        ids = [m.id for m in self.metrics]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"duplicate metric ids: {sorted(dupes)}")
        for m in self.metrics:
            for part in m.parts:
                if part not in ids:
                    raise ValueError(f"{m.id}: part {part!r} is not a metric")
        unknown_roles = set(self.roles) - set(ROLES)
        if unknown_roles:
            raise ValueError(f"unknown roles: {sorted(unknown_roles)}")
        seen: dict[str, str] = {}
        for m in self.metrics:
            for key in {normalize(a) for a in (m.id, m.label.en, m.label.id, *m.aliases)}:
                if seen.get(key, m.id) != m.id:
                    raise ValueError(f"alias {key!r} names both {seen[key]} and {m.id}")
                seen[key] = m.id
        return self
