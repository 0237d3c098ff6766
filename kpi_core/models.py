"""Closed vocabularies and frozen value types shared by every kpi_core module."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

# Compare members with ==, never `is`: Streamlit can re-import these modules while cached results
# still hold members of the earlier class, and only equality survives that.


class Goal(StrEnum):
    """A business goal the marketer can pick."""

    AWARENESS = "awareness"
    ENGAGEMENT = "engagement"
    LEADS = "leads"
    CONVERSIONS = "conversions"
    SALES = "sales"
    RETENTION = "retention"


class BusinessModel(StrEnum):
    """How the business sells, which changes what a metric is worth."""

    ONLINE_STORE = "online_store"
    PHYSICAL_STORE = "physical_store"
    B2B = "b2b"
    SAAS = "saas"


class Stage(StrEnum):
    """A funnel stage, from first contact to repeat business."""

    AWARENESS = "awareness"
    INTEREST = "interest"
    EVALUATION = "evaluation"
    CONVERSION = "conversion"
    RETENTION = "retention"


class Placement(StrEnum):
    """Whether a figure was earned (organic) or bought (paid)."""

    ORGANIC = "organic"
    PAID = "paid"


class Verdict(StrEnum):
    """What a metric is worth for the chosen goals."""

    KPI = "kpi"
    SUPPORTING = "supporting"
    VANITY = "vanity"


class ActionKind(StrEnum):
    """What kind of action a metric counts (seed 002's micro and macro actions)."""

    MICRO = "micro"
    MACRO = "macro"
    OUTCOME = "outcome"
    COST = "cost"
    EFFICIENCY = "efficiency"


class ChannelKind(StrEnum):
    """The kind of channel, which decides where sales metrics belong."""

    SOCIAL = "social"
    WEB = "web"
    EMAIL = "email"
    SEARCH = "search"
    MARKETPLACE = "marketplace"
    MESSAGING = "messaging"
    OFFLINE = "offline"


class Severity(StrEnum):
    """How much a problem matters to the figures the user sees."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Lang(StrEnum):
    """A language the product speaks."""

    EN = "en"
    ID = "id"


# Units that are not currencies; any other unit value is an ISO 4217 currency code.
COUNT = "count"
FRACTION = "fraction"
SECONDS = "seconds"
MONEY = "money"  # catalogue-level: the row's unit is the currency named by the file
# Every other unit a row carries is a currency code.
PLAIN_UNITS = frozenset({COUNT, FRACTION, SECONDS})

# The columns of the tidy frame, in order. `file` names the upload a row came from; `source` the
# table inside it (`book.xlsx [Metrics]`, `export.zip/Totals.csv`). `post_id` is the row's own key
# where the export has one: a post, a page path, a store location.
TIDY_COLUMNS: tuple[str, ...] = (
    "date",
    "channel",
    "placement",
    "metric",
    "value",
    "unit",
    "source_name",
    "campaign",
    "post_id",
    "file",
    "source",
)
# The tidy frame's text columns, held as categoricals.
TEXT_COLUMNS: tuple[str, ...] = tuple(c for c in TIDY_COLUMNS if c not in ("date", "value"))


@dataclass(frozen=True)
class Problem:
    """Something a reader met in a file: which file, where, what it did, how many rows."""

    file: str
    code: str
    severity: Severity = Severity.WARNING
    column: str | None = None
    row: int | None = None
    count: int = 0
    examples: tuple[str, ...] = ()
    detail: str = ""
    # The days it concerns, when only some of a file's days are (an overlap of two exports).
    date_from: str | None = None
    date_to: str | None = None
    days: int = 0
    # An overlap of reports keyed by different kinds of thing: this file's kind, then the kind
    # of the file kept (`landing_page`, `page`): the same totals sliced another way.
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class Inference:
    """A default the reader chose that the user may correct (number format, date order...)."""

    file: str
    what: str
    value: str
    basis: str
    column: str | None = None
    score: float | None = None
    # The sheet or zip member it holds for, where the file's parts were read differently.
    part: str | None = None


@dataclass(frozen=True)
class ColumnReading:
    """How one column of a file was understood."""

    source_name: str
    role: str  # metric | unknown | attribute | date | channel | placement | campaign | post_id ...
    metric: str | None = None
    score: float | None = None
    unit: str | None = None
    placement: str | None = None
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileReport:
    """What was read from one uploaded file, for the upload page and the CLI's `files`."""

    name: str
    layout: str
    platform: str
    channel: str | None
    placement: str | None
    rows_read: int
    rows_skipped: int
    date_from: str | None = None
    date_to: str | None = None
    number_format: str | None = None
    date_order: str | None = None
    columns: tuple[ColumnReading, ...] = ()
    problems: tuple[Problem, ...] = ()
    inferences: tuple[Inference, ...] = ()
    observations: int = 0

    @property
    def unknown_columns(self) -> tuple[str, ...]:
        """Columns that look like metrics but match nothing in the catalogue."""
        return tuple(c.source_name for c in self.columns if c.role == "unknown")

    @property
    def metric_columns(self) -> tuple[ColumnReading, ...]:
        """Columns read as metrics."""
        return tuple(c for c in self.columns if c.role == "metric")


@dataclass(frozen=True)
class FileCorrections:
    """What the user corrected about one file; every field left as None keeps the inference."""

    channel: str | None = None
    placement: str | None = None
    number_format: str | None = None  # "en" (1,234.5) or "id" (1.234,5)
    date_order: str | None = None  # "mdy", "dmy" or "ymd"
    year: int | None = None
    currency: str | None = None  # ISO code of the amounts whose currency the file omits
    metrics: tuple[tuple[str, str | None], ...] = field(default_factory=tuple)

    def metric_for(self, source_name: str) -> tuple[bool, str | None]:
        """Whether the user mapped this column, and to which metric (None: not a metric)."""
        for name, metric in self.metrics:
            if name == source_name:
                return True, metric
        return False, None
