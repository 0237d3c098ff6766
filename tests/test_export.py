"""The classified table downloads as a CSV a spreadsheet opens cleanly and safely."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from kpi_core.classify import classify
from kpi_core.derive import derive_rates, summarise
from kpi_core.export import safe_text, verdicts_csv
from kpi_core.models import TIDY_COLUMNS


def tidy(rows: list[tuple[str, str, str, float, str, str]]) -> pd.DataFrame:
    """A small tidy frame: (channel, placement, metric, value, unit, source_name) per row."""
    frame = pd.DataFrame(
        {
            "date": pd.Timestamp("2026-07-01"),
            "channel": [r[0] for r in rows],
            "placement": [r[1] for r in rows],
            "metric": [r[2] for r in rows],
            "value": [r[3] for r in rows],
            "unit": [r[4] for r in rows],
            "source_name": [r[5] for r in rows],
            "campaign": None,
            "post_id": None,
            "file": "f.csv",
            "source": "f.csv",
        }
    )
    return frame[list(TIDY_COLUMNS)]


FRAME = tidy(
    [
        ("instagram", "organic", "reach", 12345.5, "count", "Jangkauan"),
        ("instagram", "organic", "revenue", 1500000.0, "IDR", '=HYPERLINK("http://x")'),
        ("facebook", "paid", "spend", 250000.0, "IDR", "Amount spent (IDR)"),
    ]
)


def rows(data: bytes, delimiter: str) -> list[list[str]]:
    """The CSV as a spreadsheet would split it."""
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("=1+1", "'=1+1"), ("+62 812", "'+62 812"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
     ("Reach", "Reach"), ("Rp 1.000", "Rp 1.000")],
)  # fmt: skip
def test_cells_that_would_run_as_formulas_are_neutralised(text: str, expected: str) -> None:
    """A text cell starting with = + - @ is prefixed so a spreadsheet shows it as text."""
    assert safe_text(text) == expected


def test_indonesian_csv_opens_in_indonesian_excel() -> None:
    """In Bahasa Indonesia the CSV has a BOM, `;` between cells and decimal commas."""
    result = classify(derive_rates(summarise(FRAME)), ["awareness"], "online_store", lang="id")
    table = rows(verdicts_csv(result, "id"), ";")
    header, body = table[0], table[1:]
    assert header[0] == "Penilaian" and len(body) == len(result.metrics)
    values = {r[2]: r[6] for r in body}
    assert values["Jangkauan"] == "12345,5"
    assert all("." not in v for v in values.values())


def test_english_csv_uses_commas_and_dots() -> None:
    """In English the CSV is comma-separated with decimal points."""
    result = classify(derive_rates(summarise(FRAME)), ["awareness"], "online_store", lang="en")
    table = rows(verdicts_csv(result, "en"), ",")
    values = {r[2]: r[6] for r in table[1:]}
    assert values["Jangkauan"] == "12345.5"


def test_a_hostile_column_name_never_reaches_the_sheet_as_a_formula() -> None:
    """A column named like a formula in the upload is exported as inert text."""
    result = classify(derive_rates(summarise(FRAME)), ["sales"], "online_store")
    table = rows(verdicts_csv(result, "en"), ",")
    cells = [cell for row in table for cell in row]
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert '\'=HYPERLINK("http://x")' in cells


def test_any_table_downloads_with_the_same_conventions() -> None:
    """A drop-off table exports with the language's delimiter, decimal mark and safe text."""
    from kpi_core.export import table_csv

    table = pd.DataFrame({"Tahap": ["Minat", "=cmd"], "Jumlah": [1234.5, None], "Hilang": [3, 4]})
    rows_id = rows(table_csv(table, "id"), ";")
    assert rows_id == [["Tahap", "Jumlah", "Hilang"], ["Minat", "1234,5", "3"], ["'=cmd", "", "4"]]
    rows_en = rows(table_csv(table, "en"), ",")
    assert rows_en[1] == ["Minat", "1234.5", "3"]


def test_funnel_csv_says_both_percentages_and_their_bases() -> None:
    """The funnel download has % of first stage next to % of previous stage, in either language."""
    from kpi_core.export import table_csv
    from kpi_core.funnel import build_funnel, drop_off
    from tests.frames import shop

    funnel = build_funnel(summarise(shop()), ["sales", "leads"])
    header, *body = rows(table_csv(drop_off(funnel, "id"), "id"), ";")
    assert header[3:5] == ["% dari tahap pertama", "% dari tahap sebelumnya"]
    conversion = next(row for row in body if row[0] == "Konversi")
    assert conversion[3] == "0,0267" and conversion[4] == "40"


def test_a_column_not_recognised_is_not_exported_as_vanity() -> None:
    """A column matched to no metric reads `Tidak dikenali` in the CSV, as on the page."""
    frame = tidy([
        ("email", "organic", "sign_ups", 40.0, "count", "Sign-ups"),
        ("email", "organic", None, 900.0, "count", "Emails sent"),
    ])  # fmt: skip
    result = classify(derive_rates(summarise(frame)), ["conversions"], "saas", lang="id")
    verdicts = {r[2]: r[0] for r in rows(verdicts_csv(result, "id"), ";")[1:]}
    assert verdicts["Emails sent"] == "Tidak dikenali" and verdicts["Sign-ups"] == "KPI"


SHARES = tidy([
    ("facebook", "organic", "shares", 1215.0, "count", "Dibagikan"),
    ("facebook", "organic", "followers", 13495.0, "count", "Pengikut"),
    ("instagram", "organic", "revenue", 1500000.0, "IDR", "Pendapatan"),
])  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "delimiter", "rate", "flag"),
    [("id", ";", "0,09003", "penjualan organik"), ("en", ",", "0.09003", "sales on organic")],
)
def test_the_csv_reads_like_the_page(lang: str, delimiter: str, rate: str, flag: str) -> None:
    """Flags are written by name in the language (not `sales_on_organic_social`), a derived rate
    is named in the language in the file-column cell too, and values keep four digits."""
    result = classify(derive_rates(summarise(SHARES)), ["sales"], "online_store", lang=lang)
    body = rows(verdicts_csv(result, lang), delimiter)[1:]
    by_metric = {r[1]: r for r in body}
    amplification = next(r for name, r in by_metric.items() if name.startswith(("Amp", "Tingkat")))
    assert amplification[2] == amplification[1]  # no English label left in the Indonesian file
    assert amplification[6] == rate  # 1215 / 13495, not 0.09003334568358651
    revenue = next(r for r in body if r[2] == "Pendapatan")
    assert revenue[10] == flag and "_" not in ";".join(r[10] for r in body)


@pytest.mark.parametrize(
    ("value", "en", "id_"),
    [(212978.2327586207, "212978.23", "212978,23"), (2.354077738337451, "2.354", "2,354"),
     (1e-7, "0.0000001", "0,0000001"), (1500000.0, "1500000", "1500000")],
)  # fmt: skip
def test_numbers_keep_four_significant_digits(value: float, en: str, id_: str) -> None:
    """A CSV number keeps four significant digits (at least two decimals), never scientific."""
    from kpi_core.export import table_csv

    table = pd.DataFrame({"v": [value]})
    assert rows(table_csv(table, "en"), ",")[1] == [en]
    assert rows(table_csv(table, "id"), ";")[1] == [id_]


def test_the_csv_can_hold_only_the_rows_shown() -> None:
    """Given the metrics a filtered page shows, the CSV holds those rows and no others."""
    result = classify(derive_rates(summarise(SHARES)), ["sales"], "online_store")
    shown = [m for m in result.metrics if m.channel == "instagram"]
    body = rows(verdicts_csv(result, "en", shown), ",")[1:]
    assert [r[2] for r in body] == ["Pendapatan"]


@pytest.mark.parametrize(
    ("lang", "delimiter", "words"),
    [("en", ",", {"KPI", "Supporting", "Conversion", "Awareness"}),
     ("id", ";", {"KPI", "Pendukung", "Konversi", "Kesadaran"})],
)  # fmt: skip
def test_the_csv_names_verdicts_and_stages_as_the_page_does(
    lang: str, delimiter: str, words: set[str]
) -> None:
    """The verdict and stage cells read like the page's badges and funnel ('Supporting',
    'Conversion'), not like the reasons' words ('a supporting metric', 'conversion')."""
    frame = tidy([
        ("facebook", "paid", "purchases", 30.0, "count", "Purchases"),
        ("facebook", "paid", "reach", 12000.0, "count", "Reach"),
    ])  # fmt: skip
    result = classify(derive_rates(summarise(frame)), ["sales"], "online_store", lang=lang)
    body = rows(verdicts_csv(result, lang), delimiter)[1:]
    assert {r[0] for r in body} | {r[5] for r in body} == words
