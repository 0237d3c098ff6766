"""What a summary's figures describe, so that a rate divides only figures of the same things.

A figure comes from rows that are totals (no key: an account's, a shop's or a site's figures by
day or for a period) or items of one kind (posts, videos, LIVEs, products, pages: the kind their
key names, `windows.KEYS`). Its `scope` names those kinds ("" for totals), and a rate's two
parts must share it: product impressions over LIVE viewers is no frequency, and a video list's
clicks over the shop's impressions is no click-through rate.

A count of people (reach, users: `unique` in the catalogue) is summed over its report's rows,
so the sum depends on how that report slices them (by day, by page, by channel group): it is
divided only by figures summed over the same slices, from the same reports (`reports`), or
from reports that each give one total a day (`by_day`). GA4's page views by page over active
users summed day by day in another report is no views per user.

A cumulative total (followers) is the audience at the period's end, not a sum over rows: the
per-follower rates measure a posts list's likes or an account's new followers against it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import numpy as np
import pandas as pd

from kpi_core import catalogue
from kpi_core.windows import ITEM, KEYS

SCOPE_COLUMNS: tuple[str, ...] = ("scope", "reports", "by_day")
TOTALS = ""  # the scope of rows without a key
_JOIN = " | "


def row_kinds(frame: pd.DataFrame) -> pd.Series:
    """Per row, the kind of thing its key names ("" for a row without a key: a total)."""
    keyed = frame["post_id"].notna().to_numpy() if "post_id" in frame else None
    if keyed is None or not keyed.any():
        return _labelled(np.zeros(len(frame), dtype=np.int8), [TOTALS], frame.index)
    named = frame.attrs.get(KEYS) or {}
    sources = frame["source"] if "source" in frame else pd.Series(pd.NA, index=frame.index)
    codes, names = pd.factorize(sources, use_na_sentinel=True)
    # Looked up once per source, not per row; -1 (no source) takes the last entry.
    per_source = [named.get(str(n), ITEM) for n in names] + [ITEM]
    kinds = [TOTALS, *sorted(set(per_source))]
    lookup = np.array([kinds.index(k) for k in per_source], dtype=np.int8)
    return _labelled(np.where(keyed, lookup[codes], 0), kinds, frame.index)


def _labelled(codes: np.ndarray, labels: list[str], index: pd.Index) -> pd.Series:
    """Codes into a few labels as a categorical column."""
    return pd.Series(pd.Categorical.from_codes(codes, categories=pd.Index(labels)), index=index)


def joined(values: Iterable[object]) -> str:
    """Distinct values as one sorted label (`live | video`)."""
    return _JOIN.join(sorted({str(v) for v in values}))


def dense(work: pd.DataFrame, cols: list[str]) -> np.ndarray:
    """One group number per row for the combinations of some text columns, counted from 0 in
    the order the combinations first appear."""
    key = np.zeros(len(work), dtype=np.int64)
    bound = 1
    for col in cols:
        series = work[col]
        if isinstance(series.dtype, pd.CategoricalDtype):
            codes = series.cat.codes.to_numpy().astype(np.int64) + 1
        else:
            codes = pd.factorize(series)[0].astype(np.int64) + 1
        width = int(codes.max()) + 1 if len(codes) else 1
        if bound * width >= 1 << 62:
            key, uniques = pd.factorize(key)
            bound = len(uniques)
        key, bound = key * width + codes, bound * width
    dense, _ = pd.factorize(key)
    return dense.astype(np.int64)


def _firsts(group: np.ndarray, n: int) -> np.ndarray:
    """The first row of each of n groups."""
    first = np.empty(n, dtype=np.int64)
    first[group[::-1]] = np.arange(len(group) - 1, -1, -1)  # the last write is the first row
    return first


def describe(work: pd.DataFrame, keys: list[str], group: np.ndarray) -> pd.DataFrame:
    """Per group of `keys` (numbered by `dense`), in group order: its keys, the kinds its rows
    are, the reports they come from, and whether each of those reports gives it one total a
    day (`work` holds `kind`, `source`, `date` and `whole`, windows.select's whole-export
    mark). Counted on codes, as a million rows need."""
    n = int(group.max()) + 1 if len(group) else 0
    out = work[keys].iloc[_firsts(group, n)].reset_index(drop=True)
    kind = pd.Categorical(work["kind"])
    kinds = np.asarray(kind.categories, dtype=object)
    codes = kind.codes.astype(np.int64)
    # Few (group, kind) and (group, source) pairs: their labels are joined on small tables.
    pairs = pd.unique(group * len(kinds) + codes) if len(kinds) > 1 else np.arange(n)
    found = pd.Series(kinds[pairs % len(kinds)]).groupby(pairs // len(kinds)).agg(joined)
    out["scope"] = found.reindex(range(n)).to_numpy()
    sources = work["source"]
    # Most uploads of many rows are one report: its groups are the reports' groups.
    one = sources.nunique(dropna=False) == 1
    by_source = group if one else dense(pd.DataFrame({"g": group, "s": sources}), ["g", "s"])
    m = int(by_source.max()) + 1 if len(by_source) else 0
    first = _firsts(by_source, m)
    names = sources.iloc[first].astype(str).to_numpy()
    out["reports"] = pd.Series(names).groupby(group[first]).agg(joined).reindex(range(n)).to_numpy()
    # A report gives a figure one total a day when every row of it is one day's total.
    day = work["date"].to_numpy().astype("datetime64[D]")
    total = codes == (list(kinds).index(TOTALS) if TOTALS in kinds else -2)
    daily = (work["whole"].to_numpy() == 0) & ~np.isnat(day) & total
    rows = np.bincount(by_source, minlength=m)
    undaily = np.bincount(by_source, weights=~daily, minlength=m) > 0
    span = day[daily].astype(np.int64)
    low = int(span.min()) if len(span) else 0
    width = int(span.max()) - low + 1 if len(span) else 1
    distinct = np.bincount(pd.unique(by_source[daily] * width + (span - low)) // width, minlength=m)
    one_a_day = ~undaily & (rows == distinct)
    out["by_day"] = np.bincount(group[first], weights=~one_a_day, minlength=n) == 0
    return out


def with_scopes(summary: pd.DataFrame) -> pd.DataFrame:
    """A summary with its scope columns, totals of unknown reports where it has none."""
    missing: dict[str, str | bool] = {"scope": TOTALS, "reports": TOTALS, "by_day": False}
    return summary.assign(**{c: v for c, v in missing.items() if c not in summary})


def pooled(parts: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Summary rows of one metric and scope added up: the sum, and the reports and days."""
    grouped = parts.groupby([*keys, "scope"], observed=True)
    totals = pd.DataFrame(
        {"value": grouped["value"].sum(min_count=1), "by_day": grouped["by_day"].all()}
    ).reset_index()
    # The reports of each group's rows, gathered in plain Python: over a few hundred summary
    # rows one loop costs far less than a Python function pandas calls once per group.
    names: dict[int, set[str]] = {}
    for group, reports in zip(grouped.ngroup().tolist(), parts["reports"].tolist(), strict=True):
        names.setdefault(group, set()).update(str(reports).split(_JOIN))
    totals.insert(
        len(totals.columns) - 1, "reports", [joined(names[g]) for g in range(len(totals))]
    )
    return totals


def comparable(pair: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Which pairings of a numerator and a denominator (`*_num`, `*_den` columns) divide
    figures of the same things, and the scope of each such rate."""
    last = _cumulative()
    num_last, den_last = pair["num"].isin(last), pair["den"].isin(last)
    same = (pair["scope_num"] == pair["scope_den"]) | num_last | den_last
    people = pair["num"].isin(_unique()) | pair["den"].isin(_unique())
    sliced_alike = (pair["reports_num"] == pair["reports_den"]) | (
        pair["by_day_num"] & pair["by_day_den"]
    )
    ok = same & (~people | num_last | den_last | sliced_alike)
    scope = pair["scope_num"].where(~num_last, pair["scope_den"])
    return ok, scope


@cache
def _unique() -> frozenset[str]:
    return frozenset(m.id for m in catalogue.load().metrics if m.unique)


@cache
def _cumulative() -> frozenset[str]:
    return frozenset(m.id for m in catalogue.load().metrics if m.cumulative)
