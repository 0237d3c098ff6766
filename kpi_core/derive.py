"""The period summary of a tidy frame, and a row for each rate its parts allow (the arithmetic of
rates is in `rates`)."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from kpi_core import catalogue
from kpi_core.models import FRACTION, SECONDS
from kpi_core.rates import NET_RATES, derivable, own_parts, ratios_of
from kpi_core.row_ratios import with_row_ratios
from kpi_core.scopes import (
    SCOPE_COLUMNS,
    TOTALS,
    dense,
    describe,
    row_kinds,
    with_scopes,
)
from kpi_core.summary_rows import NONE, mixed_currency, post_counts
from kpi_core.windows import item_rows, select

SUMMARY_COLUMNS: tuple[str, ...] = (
    "source_name",
    "metric",
    "channel",
    "placement",
    "unit",
    "value",
    "value_basis",
    "derived",
    "mixed_currency",
    "rows",
    "whole_export",
    "date_from",
    "date_to",
    "item_list",
    *SCOPE_COLUMNS,
)
# `whole_export`: "" for figures dated by day; "included" where whole-export totals (no dates, or
# a stated period) are counted because the period covers them; "left_out" where some were left
# out because it does not (windows.select). `date_from`/`date_to`: the days the counted rows
# cover (NaT when none is dated). `item_list`: every counted row comes from a list of items
# (videos, LIVE sessions) that covers only part of the shop (windows.item_rows). `scope`,
# `reports`, `by_day`: what the figures describe, so that a rate divides only figures of the
# same things (kpi_core.scopes).
WHOLE_EXPORT = {0: "", 1: "included", 2: "left_out"}
_KEYS = ["source_name", "metric", "channel", "placement", "unit"]
_TRIPLE = ["metric", "channel", "placement"]
# Durations that are totals (hours watched) add up; every other duration is a per-row average.
_SUMMED_DURATIONS = frozenset({"watch_time"})


def value_or_none(value: object) -> float | None:
    """A summary value as the contract wants it: a float, or None where undefined (NaN, inf)."""
    if value is None or value is pd.NA:
        return None
    number = float(value)  # type: ignore[arg-type]
    return number if math.isfinite(number) else None


def _text(series: pd.Series) -> pd.Series:
    # Readers hand over categoricals (kept: grouping on codes is cheap on a million rows) or
    # pyarrow or python strings (grouped as plain strings); either way missing becomes NONE.
    if isinstance(series.dtype, pd.CategoricalDtype):
        labels = series.cat.rename_categories([str(c) for c in series.cat.categories])
        if NONE not in labels.cat.categories:
            labels = labels.cat.add_categories([NONE])
        return labels.fillna(NONE)
    return series.astype(object).where(series.notna(), NONE).astype(str)


def _prepare(
    frame: pd.DataFrame, start: date | None, end: date | None, undated: bool | None
) -> pd.DataFrame:
    # Whole-export totals the period does not cover stay as rows without a value, so that the
    # summary still lists their metric and says it was left out (windows.select).
    chosen = select(frame, start, end, undated)
    left = chosen.left_out
    work = pd.DataFrame(
        {
            "date": pd.to_datetime(frame["date"]),
            "value": pd.to_numeric(frame["value"], errors="coerce").astype("float64"),
            "whole": chosen.whole.astype("int8") + left.astype("int8"),
            "item_list": item_rows(frame),
        },
        index=frame.index,
    )
    if left.any():
        work["date"] = work["date"].where(~left)
        work["value"] = work["value"].where(~left)
    # The last day a row covers differs from its date only for a stated period.
    work["last_day"] = chosen.last_day.where(~left) if chosen.whole.any() else work["date"]
    for col in (*_KEYS, "campaign", "post_id", "source"):
        work[col] = _text(frame[col]) if col in frame else NONE
    work["kind"] = row_kinds(frame)
    rows = chosen.keep | left
    return (work if rows.all() else work[rows]).reset_index(drop=True)


def _basis(metric_id: str, unit: str) -> str:
    known = catalogue._metrics_by_id().get(metric_id)
    if known is not None and known.cumulative:
        return "last"
    if unit == FRACTION or (known is not None and (known.parts or known.id in NET_RATES)):
        return "mean"
    if unit == SECONDS and metric_id not in _SUMMED_DURATIONS:
        return "mean"
    return "sum"


def _last_values(rows: pd.DataFrame) -> pd.Series:
    """Cumulative totals: the value on the last date, one per post/campaign, added up."""
    last_day = rows.groupby(_KEYS, sort=False)["date"].transform("max")
    at_last = rows[last_day.isna() | (rows["date"] == last_day)]
    # The max per post/campaign keeps repeated readings of one account from adding up.
    per_item = at_last.groupby([*_KEYS, "post_id", "campaign"])["value"].max()
    return per_item.groupby(level=_KEYS).sum(min_count=1)


def _finish(summary: pd.DataFrame) -> pd.DataFrame:
    # A summary is a few hundred rows: plain strings, whatever the frame's text columns were.
    summary = summary.astype(
        {
            c: "str"
            for c in ("source_name", "metric", "channel", "placement", "unit", "value_basis")
            if c in summary
        }
    )
    done = summary.assign(mixed_currency=mixed_currency(summary))
    done = done.sort_values(["channel", "placement", "metric", "source_name", "unit"])
    done = done.reindex(columns=list(SUMMARY_COLUMNS)).reset_index(drop=True)
    done["whole_export"] = done["whole_export"].fillna("").astype(str)
    for col in ("date_from", "date_to"):
        done[col] = pd.to_datetime(done[col]).dt.normalize()
    done["metric"] = done["metric"].astype(object).where(done["metric"] != NONE, None)
    done["derived"] = done["derived"].astype(bool)
    # Rows made here (posts, rates) come from no list of items.
    done["item_list"] = done["item_list"].eq(True)
    done["by_day"] = done["by_day"].astype("boolean").fillna(False).astype(bool)
    for col in ("scope", "reports"):
        done[col] = done[col].fillna(TOTALS).astype(str)
    done["rows"] = done["rows"].astype("int64")
    return done


def summarise(
    frame: pd.DataFrame,
    start: date | None = None,
    end: date | None = None,
    *,
    undated: bool | None = None,
) -> pd.DataFrame:
    """One row per (source_name, metric, channel, placement, unit) with the period's value.

    Whole-export totals count only in a period that covers them (`undated`: always or never
    for rows without any date; by default when the period covers all the data)."""
    work = _prepare(frame, start, end, undated)
    if work.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in SUMMARY_COLUMNS})
    whole = bool(work["whole"].any())
    counted = work.assign(counted=work["whole"] < 2) if whole else work
    # The groups are numbered once on the labels' codes; every figure is counted per number.
    group = dense(work, _KEYS)
    grouped = counted.groupby(group)
    # Most uploads are dated by day throughout: their summary skips the whole-export columns.
    figures = pd.DataFrame(
        {
            "sum": grouped["value"].sum(min_count=1),
            "mean": grouped["value"].mean(),
            "low": grouped["value"].min(),
            "high": grouped["value"].max(),
            "rows": grouped["counted"].sum() if whole else grouped.size(),
            "whole": grouped["whole"].max() if whole else 0,
            "date_from": grouped["date"].min(),
            "date_to": grouped["last_day" if whole else "date"].max(),
            "item_list": grouped["item_list"].all(),
        }
    )
    figures["whole_export"] = figures["whole"].map(WHOLE_EXPORT)
    summary = describe(work, _KEYS, group)
    summary = pd.concat(
        [summary[_KEYS], figures.reset_index(drop=True), summary.drop(columns=_KEYS)], axis=1
    )
    summary["value_basis"] = [
        _basis(m, u) for m, u in zip(summary["metric"], summary["unit"], strict=True)
    ]
    summary["value"] = summary["sum"].where(summary["value_basis"] == "sum", summary["mean"])
    last_ids = set(summary.loc[summary["value_basis"] == "last", "metric"])
    cumulative = work[work["metric"].isin(last_ids) & (work["whole"] < 2)]
    if not cumulative.empty:
        last = _last_values(cumulative).rename("last").reset_index()
        summary = summary.merge(last, on=_KEYS, how="left")
        summary["value"] = summary["last"].where(summary["value_basis"] == "last", summary["value"])
    summary["derived"] = False
    # The summary's names as plain strings whether or not a count of posts joins them.
    summary = summary.astype({c: "str" for c in ("source_name", "metric", "unit")})
    posts = post_counts(work, summary)
    if not posts.empty:
        summary = pd.concat([summary, posts.assign(whole_export="")], ignore_index=True)
    # A rate the file reports is recomputed from its parts where they exist (ratio of sums) and
    # describe the same things as its own rows (its scope).
    ratios = (
        ratios_of(summary[summary["metric"] != NONE])
        .drop(columns="source_name")
        .rename(columns={"value": "ratio"})
    )
    summary = summary.merge(
        ratios, on=["metric", "channel", "placement", "unit", "scope"], how="left", indicator=True
    )
    has_ratio = (summary["_merge"] == "both") & own_parts(summary)
    summary["value"] = summary["ratio"].where(has_ratio, summary["value"])
    summary["value_basis"] = summary["value_basis"].where(~has_ratio, "ratio")
    # A ratio of parts no longer rests on the file's own whole-export figure.
    summary["whole_export"] = summary["whole_export"].where(~has_ratio, "")
    # A rate only averaged so far may still be the ratio of its own rows' parts (row_ratios).
    return _finish(with_row_ratios(summary, work))


def _raw(summary: pd.DataFrame) -> pd.DataFrame:
    raw = with_scopes(summary)
    for col in ("source_name", "metric", "channel", "placement", "unit", "scope", "reports"):
        raw[col] = _text(raw[col])
    return raw


def derive_rates(summary: pd.DataFrame) -> pd.DataFrame:
    """The summary plus a derived row for every catalogue rate whose parts share a channel."""
    raw = _raw(summary)
    ratios = ratios_of(raw[raw["metric"] != NONE])
    # Rates read only where a file reports them (`derive = false`) are not added here.
    ratios = ratios[ratios["metric"].isin(derivable())]
    # Where the parts of several scopes each give the rate, the totals' figure stands for the
    # channel; without it, no one list's figure does.
    rate = ["metric", "channel", "placement", "unit"]
    several = ratios.duplicated(rate, keep=False)
    ratios = ratios[~several | (ratios["scope"] == TOTALS)]
    # A rate the file already reports keeps its own row (already a ratio of the same parts),
    # so the derived duplicate is skipped rather than shown twice.
    present = raw[["metric", "channel", "placement", "unit"]].drop_duplicates()
    ratios = ratios.merge(present, how="left", indicator=True)
    ratios = ratios[ratios["_merge"] == "left_only"].drop(columns="_merge")
    derived = ratios.assign(
        value_basis="ratio",
        derived=True,
        rows=0,
        mixed_currency=False,
        whole_export="",
        reports="",
        by_day=False,
    )
    return _finish(pd.concat([raw, derived], ignore_index=True))
