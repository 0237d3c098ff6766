"""What each figure is counted in: count, fraction, seconds, or the currency the file names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import cast

import numpy as np
import pandas as pd

from kpi_core import catalogue
from kpi_core.ingest.columns import Column, Plan
from kpi_core.ingest.context import Shaped
from kpi_core.ingest.numbers import ParsedNumbers
from kpi_core.models import PLAIN_UNITS

# Rates that are plain ratios (ROAS 4.2 means 4.2x), never percentages to rescale: those the
# catalogue reads as a multiple or as so many per one (5.2 events per session), and these.
_ALSO_RATIOS = {"roas", "roi", "average_order_value", "acos"}


@cache
def ratios() -> frozenset[str]:
    """Metric ids whose values are plain ratios, never percent numbers to divide by 100."""
    own = {m.id for m in catalogue.load().metrics if m.times or m.per}
    return frozenset(own | _ALSO_RATIOS)


def file_currency(plan: Plan) -> str | None:
    """The currency most money headers of the file name (`Amount spent (IDR)`)."""
    found = [c.header.currency for c in plan.columns if c.header.currency]
    return max(set(found), key=found.count) if found else None


@dataclass
class Units:
    """Unit decisions for a table: the currency the file names, or a recorded assumption."""

    out: Shaped
    signals_id: bool
    file_currency: str | None
    row_currency: pd.Categorical | None
    # Rates the platform writes as percent numbers with no sign (Meta Ads' CTR 0.44 is 0.44 %).
    percent_metrics: frozenset[str] = frozenset()
    # The user's currency for amounts the file leaves unnamed; it replaces the assumption.
    chosen: str | None = None

    def _unnamed(self, source: str) -> str:
        """The currency of amounts nothing names: the user's, else a recorded assumption."""
        if self.chosen:
            self.out.note("currency", self.chosen, "user", source)
            return self.chosen
        guess = "IDR" if self.signals_id else "USD"
        self.out.note("currency", guess, "assumed", source)
        return guess

    def of(
        self, metric_id: str | None, col: Column | None, parsed: ParsedNumbers, source: str
    ) -> str:
        kind = catalogue.metric(metric_id).unit if metric_id else None
        own = col.header.currency if col else None
        if kind == "money" or (kind is None and (own or parsed.currency)):
            currency = own or parsed.currency or self.file_currency
            if currency:
                return currency
            if self.row_currency is not None:
                return "money"
            return self._unnamed(source)
        if kind == "fraction" or (kind is None and parsed.percent):
            return "fraction"
        if kind == "seconds" or parsed.seconds:
            return "seconds"
        return "count"

    def per_row(
        self, unit: str, mask: np.ndarray, source: str, cells: pd.Categorical | None = None
    ) -> pd.Categorical | str:
        """The unit of every row: money takes the currency its cell names (`$12.50`), else the
        one its row names (`Currency code`), else the column's."""
        if unit in PLAIN_UNITS:
            return unit
        cur = self.row_currency
        if cells is not None:
            cur = cells if cur is None else _first_named(cells, cur)
        if cur is None:
            return unit
        blank = (cur.codes < 0) & mask
        if not blank.any():
            return cur
        if unit == "money":
            unit = self._unnamed(source)
        filled = cur.add_categories([unit]) if unit not in cur.categories else cur
        return filled.fillna(unit)

    def as_fraction(
        self,
        values: np.ndarray,
        metric_id: str | None,
        parsed: ParsedNumbers,
        unit: str,
        col: Column,
    ) -> np.ndarray:
        """Fractions written as percent numbers (CTR 2.86 meaning 2.86 %) become 0.0286.

        The header (`(%)`) or the platform says so; failing both, a value above 1 does."""
        if unit != "fraction" or parsed.percent or metric_id in ratios():
            return values
        if col.header.percent:
            basis = "percent_header"
        elif metric_id in self.percent_metrics:
            basis = "platform_percent"
        elif np.nanmax(np.abs(values), initial=0.0) > 1:
            basis = "values_above_one"
        else:
            return values
        self.out.note("percent_units", col.name, basis, col.name)
        return values / 100.0


def _first_named(first: pd.Categorical, then: pd.Categorical) -> pd.Categorical:
    """Per row, the currency `first` names, else the one `then` names."""
    own, other = np.asarray(first, dtype=object), np.asarray(then, dtype=object)
    return cast("pd.Categorical", pd.Categorical(np.where(first.codes >= 0, own, other)))
