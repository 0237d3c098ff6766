"""Order-line exports (TikTok Shop's `Semua pesanan`) become daily orders, units and revenue."""

from __future__ import annotations

from datetime import date

import pandas as pd

from kpi_core.i18n import t
from kpi_core.ingest import Dataset, read_files
from kpi_core.labels import inference_message

HEADER = (
    "Order ID,Order Status,SKU ID,Product Name,Quantity,SKU Subtotal After Discount,"
    "Order Amount,Created Time,Paid Time,Province"
)
DESCRIPTION = (
    "Platform unique order ID.,Status of the order.,Platform unique SKU ID.,Name of the product.,"
    "Quantity of the SKU.,Subtotal after discount.,Total amount the buyer paid.,"
    "Time the order was created.,Time the order was paid.,Buyer province."
)


def _orders(*lines: tuple[str, str, str, int, int, int, str, str]) -> Dataset:
    """An English orders CSV: header, description row, cells ending in a tab."""
    rows = [HEADER, DESCRIPTION]
    for order, status, sku, qty, subtotal, amount, created, paid in lines:
        cells = [order, status, sku, "Gamis Aisyah", qty, subtotal, amount, created, paid, "Banten"]
        rows.append(",".join(f"{c}\t" for c in cells))
    data = ("\ufeff" + "\n".join(rows) + "\n").encode("utf-8")
    return read_files([("Semua pesanan-2026-09-30-10_00.csv", data)], today=date(2026, 10, 1))


def _daily(ds: Dataset, metric: str) -> dict[str, float]:
    rows = ds.frame[ds.frame["metric"].astype("str") == metric]
    sums = rows.groupby(rows["date"].dt.strftime("%Y-%m-%d"))["value"].sum()
    return {str(k): float(v) for k, v in sums.items()}


def test_an_order_of_several_lines_counts_its_subtotals_once() -> None:
    """An order of two SKUs is one purchase whose revenue is its lines' subtotals, not the order
    amount each line repeats."""
    ds = _orders(
        ("576543210987654321", "Selesai", "1729384756102938475", 1, 185000, 275000,
         "02/09/2026 10:22:11", "02/09/2026 10:25:00"),
        ("576543210987654321", "Selesai", "1729384756102938476", 2, 90000, 275000,
         "02/09/2026 10:22:11", "02/09/2026 10:25:00"),
        ("576543210987654322", "Selesai", "1729384756102938476", 1, 45000, 45000,
         "02/09/2026 19:01:00", "02/09/2026 19:03:10"),
    )  # fmt: skip
    assert ds.files[0].layout == "tiktok_shop_orders"
    assert set(ds.frame["channel"].astype("str")) == {"tokopedia"}
    assert _daily(ds, "purchases") == {"2026-09-02": 2.0}
    assert _daily(ds, "units_sold") == {"2026-09-02": 4.0}
    assert _daily(ds, "revenue") == {"2026-09-02": 320000.0}
    assert set(ds.frame["unit"].astype("str")) == {"count", "IDR"}


def test_orders_are_dated_by_the_day_they_were_created() -> None:
    """An order created before midnight and paid after counts on the day it was created."""
    ds = _orders(
        ("576543210987654321", "Dikirim", "1729384756102938475", 1, 185000, 185000,
         "30/09/2026 23:50:00", "01/10/2026 00:10:00"),
    )  # fmt: skip
    assert _daily(ds, "purchases") == {"2026-09-30": 1.0}
    assert not [p for p in ds.files[0].problems if p.code in ("bad_dates", "bad_values")]


def test_cancelled_orders_are_not_sales_and_the_user_is_told() -> None:
    """Cancelled and unpaid orders are left out of orders, units and revenue, in one sentence."""
    ds = _orders(
        ("576543210987654321", "Selesai", "1729384756102938475", 1, 185000, 185000,
         "02/09/2026 10:22:11", "02/09/2026 10:25:00"),
        ("576543210987654323", "Dibatalkan", "1729384756102938475", 1, 185000, 185000,
         "02/09/2026 08:00:00", ""),
        ("576543210987654324", "Cancelled", "1729384756102938476", 3, 270000, 270000,
         "02/09/2026 09:00:00", ""),
        ("576543210987654325", "Unpaid", "1729384756102938476", 1, 90000, 90000,
         "03/09/2026 09:00:00", ""),
    )  # fmt: skip
    assert _daily(ds, "purchases") == {"2026-09-02": 1.0}
    assert _daily(ds, "units_sold") == {"2026-09-02": 1.0}
    assert _daily(ds, "revenue") == {"2026-09-02": 185000.0}
    told = [p for p in ds.files[0].problems if p.code == "cancelled_orders"]
    assert [p.count for p in told] == [3]
    for lang in ("en", "id"):
        text = t("problem.cancelled_orders", lang, file="x.csv", count=3, column="Order Status")
        assert text.count(". ") == 0 and text.endswith(".") and "3" in text


def test_ids_stay_ids_and_the_description_row_is_no_data() -> None:
    """Order and SKU ids, names and provinces are attributes; the description row is no data."""
    ds = _orders(
        ("576543210987654321", "Selesai", "1729384756102938475", 1, 185000, 185000,
         "02/09/2026 10:22:11", "02/09/2026 10:25:00"),
    )  # fmt: skip
    frame, report = ds.frame, ds.files[0]
    assert frame["metric"].notna().all()
    assert set(frame["metric"].astype("str")) == {"purchases", "units_sold", "revenue"}
    assert len(frame) == 3 and frame["date"].eq(pd.Timestamp("2026-09-02")).all()
    assert {p.code for p in report.problems} <= {"description_rows"}
    lines = [inference_message(i) for i in report.inferences if i.what == "order_lines"]
    assert lines and "order line" in lines[0]
