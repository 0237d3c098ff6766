"""What shaping a table learns and what it is told: the shared state of the ingest modules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from kpi_core.models import ColumnReading, FileCorrections, Inference, Problem, Severity


@dataclass
class Shaped:
    """The tidy rows of one table and everything learned while making them."""

    frame: pd.DataFrame = field(default_factory=pd.DataFrame)  # set once the rows are built
    file: str = ""
    corrections: FileCorrections = field(default_factory=FileCorrections)
    columns: list[ColumnReading] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    inferences: list[Inference] = field(default_factory=list)
    rows_read: int = 0
    rows_skipped: int = 0
    channel: str | None = None
    placement: str | None = None
    number_format: str | None = None
    date_order: str | None = None
    # The periods that rows dated by a period's first day stand for (a report's stated period,
    # a weekly file's ranges): the rows cover every day of them.
    periods: list[tuple[date, date]] = field(default_factory=list)
    # The kind of thing the rows' key names (`post`, `page`), when they have one.
    key_kind: str | None = None

    def note(self, what: str, value: str, basis: str, column: str | None = None) -> None:
        """Record an inference the user may correct."""
        self.inferences.append(Inference(self.file, what, value, basis, column))

    def problem(self, code: str, severity: Severity = Severity.WARNING, **kw: object) -> None:
        """Record a problem met in this file."""
        self.problems.append(Problem(self.file, code, severity, **kw))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Context:
    """What the caller knows beyond the table: corrections, defaults and today's date."""

    corrections: FileCorrections = field(default_factory=FileCorrections)
    channel: str | None = None
    placement: str | None = None
    today: date = field(default_factory=date.today)
    currency: str | None = None  # for amounts whose currency no file names

    @property
    def chosen_currency(self) -> str | None:
        """The currency the user gave this file's unlabelled amounts, else the one for all."""
        return self.corrections.currency or self.currency
