"""Columns that hold a part or the total of another column's figure, and so are not added.

A file can give one figure several times: as a `(total)` beside its organic and sponsored
parts, as a narrower kind beside the broader (`Website purchases` beside `Purchases`), or as
the desktop and mobile shares beside its `(total)` (LinkedIn's visitors). Adding them would
count the figure twice; each keeps its column's reading, so the user is told why.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kpi_core.ingest.layouts import alternatives

if TYPE_CHECKING:
    from kpi_core.ingest.columns import Column, Plan

# Words that narrow a figure to what the ad itself brought (Shopee Ads' `Terjual Langsung` beside
# `Produk Terjual`): the whole names the figure with other words, so only this word tells.
_DIRECT = frozenset({"direct", "langsung"})


def drop_totals(plan: Plan) -> None:
    """A `(total)` column whose organic and paid parts are present is not a metric of its own."""
    parts = {
        (c.metric, c.header.placement)
        for c in plan.columns
        if c.role == "metric" and c.header.placement in ("organic", "paid")
    }
    for i, col in enumerate(plan.columns):
        has_parts = (col.metric, "organic") in parts or (col.metric, "paid") in parts
        if col.role == "metric" and col.header.placement == "total" and has_parts:
            plan.columns[i] = replace(col, role="total", suggestions=())


def drop_devices(plan: Plan) -> None:
    """A device's share (`Page views (desktop)`) beside the same name without a device (its
    `(total)`) is part of that column: the total is kept, since no device is the whole."""
    whole = {
        (c.metric, c.header.base_key)
        for c in plan.columns
        if c.role == "metric" and c.header.device is None
    }
    for i, col in enumerate(plan.columns):
        if col.role != "metric" or col.corrected or col.header.device is None:
            continue
        if (col.metric, col.header.base_key) in whole:
            plan.columns[i] = replace(col, role="device", suggestions=())


def drop_parts(plan: Plan) -> None:
    """A column naming a narrower kind of another column's metric (`Website purchases` beside
    `Purchases`, `Purchase revenue` beside `Total revenue`) is a part of it, not more of the
    same: it is not added. So is a bare name beside its `Total ...` (GA4's `Users`, the active
    ones, beside `Total users`), and a direct figure beside the whole (Shopee Ads' `Terjual
    Langsung` beside `Produk Terjual`)."""
    metrics = [c for c in plan.columns if c.role == "metric" and not c.corrected]
    for i, col in enumerate(plan.columns):
        if col.role != "metric" or col.corrected:
            continue
        words = set(col.header.base_key.split())
        if any(
            other.metric == col.metric
            and _level(other) == _level(col)
            and (
                set(other.header.base_key.split()) < words
                or (other.header.base_key == col.header.base_key and _whole(other, col))
                or (bool(_DIRECT & words) and not _DIRECT & set(other.header.base_key.split()))
            )
            for other in metrics
        ):
            plan.columns[i] = replace(col, role="part", suggestions=())


def drop_alternatives(plan: Plan) -> None:
    """A column that gives another column's figure under an older or a wider name (Instagram's
    `Plays` beside `Views`) is not added to it; alone, it is that figure."""
    names = alternatives()
    present = {(c.metric, c.header.base_key) for c in plan.columns if c.role == "metric"}
    for i, col in enumerate(plan.columns):
        if col.role != "metric" or col.corrected:
            continue
        newer = names.get(col.header.base_key)
        if newer is not None and (col.metric, newer) in present:
            plan.columns[i] = replace(col, role="alternative", suggestions=())


def _level(col: Column) -> str | None:
    """The placement a column is at; a `Total ...` left without organic and paid parts (they
    would have made it a total already) is at no placement in particular, as a bare name is."""
    return None if col.header.placement == "total" else col.header.placement


def _whole(other: Column, col: Column) -> bool:
    """`other` says it is the total of the figure `col` names without saying so."""
    return other.header.placement == "total" and col.header.placement != "total"
