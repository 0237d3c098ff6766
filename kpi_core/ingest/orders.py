"""Order-line exports (TikTok Shop's `Semua pesanan`) as daily orders, units sold and revenue.

Such a file lists one row per order line (SKU): an order of three products is three rows, each
repeating the order's amount. Its figures are the day's distinct orders, the sum of the lines'
quantities and of their subtotals, dated by the day each order was created; orders whose status
says they were cancelled or never paid are no sales and are told, not counted.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd

from kpi_core.catalogue import parse_header
from kpi_core.ingest.context import Context, Shaped
from kpi_core.ingest.dates import infer_date_order, parse_dates
from kpi_core.ingest.layouts import Layout
from kpi_core.ingest.numbers import ID_SIGNALS, infer_number_format, parse_numbers
from kpi_core.ingest.shape import shape
from kpi_core.ingest.table import Table
from kpi_core.models import ColumnReading, Severity

# The daily table's own names, which the catalogue reads as `purchases`, `units_sold` and
# `revenue`; the rows then carry the names of the columns they were counted from.
_DAY, _ORDERS, _UNITS, _REVENUE = "Date", "Orders", "Units sold", "Revenue"
_DIGITS = re.compile(r"\d{6,}")


def _roles(header: list[str], layout: Layout) -> dict[str, str]:
    """The column each role of the layout's `order_lines` names, where the header has it."""
    keys = {parse_header(name).key: name for name in reversed(header)}
    found: dict[str, str] = {}
    for role, names in layout.order_lines.items():
        name = next((keys[k] for k in names if k in keys), None)
        if name is not None:
            found[role] = name
    return found


def _cells(values: pd.Series) -> pd.Series:
    """A column's cells without the tab (and spaces) the export ends each of them with."""
    if pd.api.types.is_numeric_dtype(values.dtype) or values.dtype.kind == "M":
        return values
    text = values.astype("string").str.strip()
    return text.mask(text == "")


def shape_orders(table: Table, layout: Layout, ctx: Context) -> Shaped:
    """Daily tidy rows for an order-line table; a table without order ids or creation times is
    read as any other table of its layout."""
    cols = _roles(table.header, layout)
    if "order" not in cols or "created" not in cols:
        return shape(table, layout, ctx)
    body = table.body.reset_index(drop=True)
    cells = {role: _cells(body[name]) for role, name in cols.items()}
    out = Shaped(file=table.file, corrections=ctx.corrections)

    amounts = [role for role in ("quantity", "subtotal", "amount") if role in cells]
    if ctx.corrections.number_format:
        fmt, fmt_basis = ctx.corrections.number_format, "user"
    elif table.number_format:
        fmt, fmt_basis = table.number_format
    else:
        samples = [str(s) for r in amounts for s in cells[r].dropna().head(300)]
        fmt, fmt_basis = infer_number_format(samples, table.delimiter, table.header)

    created = cells["created"]
    samples = [str(s) for s in created.dropna().head(500)]
    indonesian = fmt == "id" or bool(ID_SIGNALS.search(" ".join(table.header)))
    order, order_basis = infer_date_order(
        samples, layout.date_order, locale="dmy" if indonesian else None, today=ctx.today
    )
    if ctx.corrections.date_order:
        order, order_basis = ctx.corrections.date_order, "user"
    days = parse_dates(created, order, today=ctx.today, year=ctx.corrections.year).values
    dated = days.notna().to_numpy()
    ids = cells["order"].astype("string")
    filled = ids.notna().to_numpy()
    numbered = ids.str.fullmatch(_DIGITS.pattern).fillna(False).to_numpy(dtype=bool)
    # Rows with neither an order number nor a date explain the columns (the row under the
    # header); an order with no readable creation time is told with its row.
    described = ~dated & ~numbered & body.notna().any(axis=1).to_numpy()
    undated = ~dated & filled & ~described
    if undated.any():
        first = int(np.flatnonzero(undated)[0]) + table.first_row
        examples = tuple(str(x) for x in body[cols["created"]][undated].head(3))
        out.problem(
            "bad_dates",
            column=cols["created"],
            row=first,
            count=int(undated.sum()),
            examples=examples,
        )
    lines = dated & filled
    no_sale = np.zeros(len(body), dtype=bool)
    if "status" in cells:
        statuses = cells["status"].astype("string").str.lower()
        no_sale = statuses.isin(layout.order_lines.get("no_sale", ())).to_numpy(dtype=bool)
        no_sale = no_sale & lines
        if no_sale.any():
            count = int(ids[no_sale].nunique())
            out.problem("cancelled_orders", Severity.INFO, column=cols["status"], count=count)
    sold = lines & ~no_sale

    figures: dict[str, pd.Series] = {}
    for role in amounts:
        parsed = parse_numbers(cells[role], fmt)
        bad = parsed.bad.to_numpy() & sold
        if bad.any():
            first = int(np.flatnonzero(bad)[0]) + table.first_row
            examples = tuple(str(x) for x in body[cols[role]][bad].head(3))
            out.problem(
                "bad_values", column=cols[role], row=first, count=int(bad.sum()), examples=examples
            )
        figures[role] = parsed.values
        if role != "quantity" and parsed.currency:
            figures[f"{role}_currency"] = pd.Series(parsed.currency, index=body.index)

    money = "subtotal" if "subtotal" in figures else "amount" if "amount" in figures else None
    frame = pd.DataFrame({"day": days, "order": ids})
    frame["units"] = figures.get("quantity", np.nan)
    if money is not None:
        # The order amount stands on every line of its order: it counts on the first line only.
        repeated = frame["order"].duplicated() & (money == "amount")
        frame["money"] = figures[money].mask(repeated)
    else:
        frame["money"] = np.nan
    grouped = frame[sold].groupby("day", sort=True)
    daily = pd.DataFrame(
        {
            _DAY: grouped.size().index,
            _ORDERS: grouped["order"].nunique().to_numpy(dtype="float64"),
            _UNITS: grouped["units"].sum(min_count=1).to_numpy(),
            _REVENUE: grouped["money"].sum(min_count=1).to_numpy(),
        }
    )
    sources = {_DAY: cols["created"], _ORDERS: cols["order"]}
    if "quantity" in figures:
        sources[_UNITS] = cols["quantity"]
    else:
        daily = daily.drop(columns=_UNITS)
    currency = None
    if money is not None:
        sources[_REVENUE] = cols[money]
        currency = _currency(cols[money], cells, figures.get(f"{money}_currency"), table)
        if currency is None:
            currency = ctx.chosen_currency or "IDR"
            out.note(
                "currency", currency, "user" if ctx.chosen_currency else "assumed", cols[money]
            )
    else:
        daily = daily.drop(columns=_REVENUE)

    per_day = Table(
        file=table.file,
        source=table.source,
        header=list(daily.columns),
        body=daily,
        preamble=table.preamble,
        delimiter=table.delimiter,
        first_row=table.first_row,
        skipped_description_rows=table.skipped_description_rows + int(described.sum()),
        problems=[*table.problems, *out.problems],
        textual=False,
        number_format=(fmt, fmt_basis),
        currencies={_REVENUE: currency} if currency else {},
    )
    result = shape(per_day, layout, ctx)
    result.inferences[:0] = out.inferences
    result.note("order_lines", "", "layout", cols["order"])
    result.note("date_order", order, order_basis, cols["created"])
    result.date_order = order
    result.frame = _named(result.frame, sources)
    used = set(sources.values())
    result.columns = [
        replace(c, source_name=sources[c.source_name])
        for c in result.columns
        if c.source_name in sources
    ] + [ColumnReading(name, "attribute") for name in table.header if name not in used]
    result.rows_read = int(sold.sum())
    result.rows_skipped = int((no_sale | undated).sum())
    return result


def _currency(
    name: str, cells: dict[str, pd.Series], from_cells: pd.Series | None, table: Table
) -> str | None:
    """The currency the file names for its money: in the header, the cells or a column."""
    named = parse_header(name).currency or table.currencies.get(name)
    if named:
        return named
    if from_cells is not None:
        return str(from_cells.iloc[0])
    if "currency" in cells:
        codes = {str(c).upper() for c in cells["currency"].dropna().unique()}
        if len(codes) == 1 and re.fullmatch(r"[A-Z]{3}", next(iter(codes))):
            return codes.pop()
    return None


def _named(frame: pd.DataFrame, sources: dict[str, str]) -> pd.DataFrame:
    """The rows named by the columns they were counted from (`Quantity`, not `Units sold`)."""
    if not len(frame) or "source_name" not in frame:
        return frame
    out = frame.copy()
    names = out["source_name"]
    if isinstance(names.dtype, pd.CategoricalDtype):
        out["source_name"] = names.cat.rename_categories(
            {c: sources.get(c, c) for c in names.cat.categories}
        )
    else:
        out["source_name"] = names.map(lambda n: sources.get(n, n))
    return out
