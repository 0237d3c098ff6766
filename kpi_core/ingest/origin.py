"""Where each row comes from: its channel and placement, and its campaign and row key."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from kpi_core import catalogue
from kpi_core.ingest.cells import PLACEMENT_VALUES
from kpi_core.ingest.codes import factor, map_labels, used_codes
from kpi_core.ingest.columns import Column, Plan
from kpi_core.ingest.context import Context, Shaped
from kpi_core.ingest.layouts import Layout
from kpi_core.ingest.table import Table


def row_channels(
    body: pd.DataFrame,
    plan: Plan,
    layout: Layout,
    table: Table,
    ctx: Context,
    out: Shaped,
    keep: np.ndarray,
) -> pd.Categorical | str:
    """Each row's channel: a channel column's, the user's, the layout's, or the title's or file
    name's; rows left out (totals) neither name a channel nor count as unknown ones.

    Where a column names each row's channel, the user's channel goes to the rows it does not
    name a known channel for: the rows it names keep theirs."""
    chosen = ctx.corrections.channel
    col = plan.first("channel")
    if chosen and col is None:
        out.channel = chosen
        out.note("channel", out.channel, "user")
        return out.channel
    if col is not None:
        unknown: list[str] = []

        def channel_of(label: str) -> str:
            found = catalogue.match_channel(label)
            if found is None and catalogue.normalize(label) != "other":
                unknown.append(label)
            return found or chosen or "other"

        mapped = map_labels(body[col.name], channel_of)
        codes, labels = factor(body[col.name])
        kept = {labels[i] for i in used_codes(codes[keep], len(labels))}
        unknown = [label for label in unknown if label in kept]
        if unknown and not chosen:
            out.problem(
                "unknown_channels", column=col.name, count=len(unknown), examples=tuple(unknown[:5])
            )
        used = list(mapped.categories[used_codes(mapped.codes[keep], len(mapped.categories))])
        out.channel = used[0] if len(used) == 1 else None
        out.note("channel", out.channel or "mixed", "column", col.name)
        if chosen and unknown:
            out.note("channel_unknown_rows", chosen, "user", col.name)
        return mapped
    figures = [c for c in plan.columns if c.role in ("metric", "unknown", "series_value")]
    if figures and all(c.channel for c in figures):
        # Every figure's column is grouped under a channel (`Instagram` over its block).
        named = {c.channel for c in figures}
        out.channel = named.pop() if len(named) == 1 else None
        out.note("channel", out.channel or "mixed", "column_groups")
        return out.channel or "other"
    if layout.channel:
        out.channel = layout.channel
        out.note("channel", layout.channel, "layout")
        return layout.channel
    candidates = [
        (" ".join(table.preamble[:2]), "title"),
        (re.sub(r"[_\-.+/]", " ", table.source), "file_name"),
    ]
    for text, basis in candidates:
        found = catalogue.match_channel(text)
        if found:
            out.channel = found
            out.note("channel", found, basis)
            return found
    out.channel = ctx.channel or "other"
    out.note("channel", out.channel, "default" if ctx.channel else "unknown")
    if not ctx.channel:
        out.problem("channel_unknown")
    return out.channel


def row_placements(
    body: pd.DataFrame, plan: Plan, layout: Layout, ctx: Context, out: Shaped
) -> pd.Categorical | str:
    if ctx.corrections.placement:
        out.placement = ctx.corrections.placement
        out.note("placement", out.placement, "user")
        return out.placement
    fallback = layout.placement or ctx.placement or "organic"
    col = plan.first("placement")
    if col is not None:
        mapped = map_labels(body[col.name], lambda s: PLACEMENT_VALUES.get(s.lower(), fallback))
        used = list(mapped.categories[used_codes(mapped.codes, len(mapped.categories))])
        out.placement = used[0] if len(used) == 1 else None
        out.note("placement", out.placement or "mixed", "column", col.name)
        return mapped
    figures = [c for c in plan.columns if c.role in ("metric", "unknown")]
    named = {c.header.placement for c in figures}
    if figures and named <= {"organic", "paid"}:
        # Every figure's header names its placement (`Impressions (sponsored)`): nothing assumed.
        out.placement = named.pop() if len(named) == 1 else None
        out.note("placement", out.placement or "mixed", "column_names")
        return fallback
    basis = "layout" if layout.placement else "default" if ctx.placement else "assumed"
    out.placement = fallback
    out.note("placement", fallback, basis)
    return fallback


def text_labels(body: pd.DataFrame, col: Column | None) -> pd.Categorical | None:
    """A label column's text per row (a float column's whole numbers without `.0`)."""
    if col is None:
        return None
    values = body[col.name]
    if pd.api.types.is_float_dtype(values.dtype):
        values = values.map(lambda v: None if pd.isna(v) else f"{v:.0f}")
    return map_labels(values, lambda s: s or None)


# `1,2211E+17`, `1.2211E+17`, `1.2210987654321e+17`: an id a spreadsheet program showed, and so
# saved, in scientific notation; the digits past the sixth (or the fifteenth) are gone.
_ROUNDED_ID = re.compile(r"\d+(?:[.,]\d+)?[eE]\+?\d+")
# A spreadsheet holds 15 significant digits: a number id of 16 or more was rounded on opening.
_WHOLE_DIGITS = 1e15


def row_keys(
    body: pd.DataFrame, col: Column | None, out: Shaped, keep: np.ndarray
) -> pd.Categorical | None:
    """Each row's key (a post id). Ids a spreadsheet program rounded name no post (eight posts
    would become one `1,2211E+17`): they are left empty and the user is told."""
    if col is None:
        return None
    values = body[col.name]
    if pd.api.types.is_float_dtype(values.dtype):
        labels = map_labels(values.map(_number_id), lambda s: s or None)
    else:
        labels = map_labels(values, lambda s: s or None)
    rounded = [c for c in labels.categories if _ROUNDED_ID.fullmatch(str(c).strip())]
    if not rounded:
        return labels
    hit = np.asarray(labels.isin(rounded)) & keep
    if hit.any():
        out.problem("rounded_ids", column=col.name, count=int(hit.sum()), examples=(rounded[0],))
    return labels.remove_categories(rounded)


def _number_id(v: float) -> str | None:
    """A number cell's id as its digits, or as the program showed it when it could not hold them."""
    if pd.isna(v):
        return None
    return f"{v:.5E}" if abs(v) >= _WHOLE_DIGITS else f"{v:.0f}"
