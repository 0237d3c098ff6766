"""Rows a period summary adds beside its groups, and the mark it puts on them: the count of posts
the rows are keyed by, and which figures come in more than one currency (kpi_core.derive)."""

from __future__ import annotations

import pandas as pd

from kpi_core import catalogue
from kpi_core.models import COUNT, ChannelKind
from kpi_core.rates import is_money
from kpi_core.scopes import joined

NONE = ""  # groupby sentinel for a missing metric, post id or campaign; mapped back to None
POSTS = "posts"


def post_counts(work: pd.DataFrame, present: pd.DataFrame) -> pd.DataFrame:
    """Summary rows counting the posts each social channel and placement's rows are keyed by
    (`work`: derive's prepared rows), where the files in `present` do not count them."""
    if POSTS not in catalogue.metric_ids():
        return present.iloc[0:0]
    # Only social channels have posts: elsewhere the row key is a page path or a store.
    social = {c.id for c in catalogue.load().channels if c.kind == ChannelKind.SOCIAL}
    # Rows a period leaves out count no posts; most uploads name no posts at all.
    ids = (work["post_id"] != NONE) & work["channel"].isin(social) & (work["whole"] < 2)
    if not ids.any():
        return present.iloc[0:0]
    with_ids = work[ids]
    counts = with_ids.groupby(["channel", "placement"])["post_id"].nunique().rename("value")
    rows = counts.reset_index()
    rows["source_name"] = catalogue.metric(POSTS).label.en
    rows["metric"] = POSTS
    rows["unit"] = COUNT
    rows["value_basis"] = "sum"
    rows["derived"] = True
    rows["rows"] = with_ids.groupby(["channel", "placement"]).size().to_numpy()
    rows["value"] = rows["value"].astype("float64")
    # What the count counts: the posts (or other items) the rows are keyed by.
    grouped = with_ids.groupby(["channel", "placement"])
    rows["scope"] = grouped["kind"].agg(joined).to_numpy()
    rows["reports"] = grouped["source"].agg(joined).to_numpy()
    rows["by_day"] = False
    # A file that already counts its posts keeps its own figure.
    own = present.loc[present["metric"] == POSTS, ["channel", "placement"]].drop_duplicates()
    rows = rows.merge(own, how="left", indicator=True)
    return rows[rows["_merge"] == "left_only"].drop(columns="_merge")


def mixed_currency(summary: pd.DataFrame) -> pd.Series:
    """Per summary row, whether its figure comes in more than one currency on its channel and
    placement (never added or divided together: the `mixed_currency` flag)."""
    # A summary is a few hundred rows: the currencies per figure are gathered in plain Python,
    # which costs far less than the pandas merges of small frames it replaces.
    metrics, names = summary["metric"].tolist(), summary["source_name"].tolist()
    places = zip(summary["channel"].tolist(), summary["placement"].tolist(), strict=True)
    keys = [
        (_key(_figure(m, n)), _key(c), _key(p))
        for m, n, (c, p) in zip(metrics, names, places, strict=True)
    ]
    currencies: dict[tuple[object, ...], set[object]] = {}
    units = summary["unit"].tolist()
    for key, unit, money in zip(keys, units, is_money(summary["unit"]).tolist(), strict=True):
        if money and unit == unit:  # a missing unit is no currency
            currencies.setdefault(key, set()).add(unit)
    flagged = [len(currencies.get(key, ())) > 1 for key in keys]
    return pd.Series(flagged, index=summary.index, dtype=bool)


def _figure(metric: object, source_name: object) -> object:
    """What a summary row is a figure of: its metric, or its column where it has no metric."""
    if metric != NONE:
        return metric
    return source_name if source_name != source_name else "?" + str(source_name)


def _key(value: object) -> object:
    # Missing labels match one another, as they do in a merge.
    return None if value is None or value != value else value
