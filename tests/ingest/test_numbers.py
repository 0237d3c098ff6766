"""Tests for kpi_core.ingest.numbers."""

from __future__ import annotations

import datetime as dt
import decimal
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi_core.ingest import read_files
from kpi_core.ingest.numbers import MISSING_TOKENS, infer_number_format, parse_numbers
from tests.strategies import locale_numbers, missing_tokens

BOTH = [
    ("1,234", "en", 1234.0),
    ("424.0", "en", 424.0),
    ("$1,234.56", "en", 1234.56),
    ("12.5%", "en", 0.125),
    ("5.56%", "en", 0.0556),
    ("1.5M", "en", 1.5e6),
    ("2 M", "en", 2e6),
    ("1.5E+05", "en", 150000.0),
    ("12.345", "en", 12.345),
    ("1.234.567,50", "id", 1234567.5),
    ("Rp1.234.567", "id", 1234567.0),
    ("Rp 202.214", "id", 202214.0),
    ("IDR 25.000", "id", 25000.0),
    ("3,2%", "id", 0.032),
    ("5,37%", "id", 0.0537),
    ("1,2K", "id", 1200.0),
    ("1.2K", "id", 1200.0),
    ("1.2K", "en", 1200.0),
    ("3,4 rb", "id", 3400.0),
    ("2 jt", "id", 2e6),
    ("2 M", "id", 2e9),
    ("12.345", "id", 12345.0),
    ("-12", "en", -12.0),
    ("(12)", "en", -12.0),
    ("(1.234)", "id", -1234.0),
    ("Rp10.945.407\t", "id", 10945407.0),
    (" 7\t", "en", 7.0),
    ("1\u00a0234", "en", 1234.0),
    ("4,516,727.66", "en", 4516727.66),
    ("6972.27", "en", 6972.27),
]


@pytest.mark.parametrize(("text", "fmt", "expected"), BOTH)
def test_string_forms(text: str, fmt: str, expected: float) -> None:
    """Each written form of a number reads as its value in the file's format."""
    result = parse_numbers(pd.Series([text], dtype="str"), fmt)
    assert result.values.iloc[0] == pytest.approx(expected)
    assert not result.bad.iloc[0]


def test_indonesian_twelve_thousand() -> None:
    """An Indonesian `12.345` is twelve thousand three hundred forty-five."""
    assert parse_numbers(pd.Series(["12.345"]), "id").values.iloc[0] == 12345.0


@pytest.mark.parametrize("token", [*sorted(MISSING_TOKENS), " --", "NULL", "Undefined"])
def test_missing_tokens(token: str) -> None:
    """Placeholders such as `-`, ` --` and `undefined` are missing, not bad and not zero."""
    result = parse_numbers(pd.Series([token, "5"], dtype=object), "en")
    assert math.isnan(result.values.iloc[0])
    assert not result.bad.iloc[0]
    assert result.values.iloc[1] == 5.0


def test_masked_small_counts() -> None:
    """TikTok's `<5` is reported as masked and read as missing."""
    result = parse_numbers(pd.Series(["<5", "12"]), "en")
    assert result.masked.tolist() == [True, False]
    assert result.bad.tolist() == [False, False]
    assert math.isnan(result.values.iloc[0])


@pytest.mark.parametrize(
    ("text", "fmt"),
    [("abc", "en"), ("424.0", "id"), ("3,2%", "en"), ("(12", "en"), ("1,5", "en"), ("Rp", "id")],
)
def test_unreadable_cells_are_bad(text: str, fmt: str) -> None:
    """A cell that does not read in the file's format is flagged bad, not guessed."""
    result = parse_numbers(pd.Series([text]), fmt)
    assert result.bad.iloc[0]
    assert math.isnan(result.values.iloc[0])


def test_percent_flag_and_currency() -> None:
    """A `%` marks the column as percent and `Rp` is rupiah."""
    result = parse_numbers(pd.Series(["Rp 1.000", "Rp 2.000", "-"]), "id")
    assert result.currency == "IDR"
    assert not result.percent
    pct = parse_numbers(pd.Series(["3,2%", "-"]), "id")
    assert pct.percent
    assert parse_numbers(pd.Series(["$1.50"]), "en").currency == "USD"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("0:05:12", 312.0), ("05:12", 312.0), ("1:00:00", 3600.0), ("75:30", 4530.0)],
)
def test_durations(text: str, seconds: float) -> None:
    """YouTube durations (`H:MM:SS`, `M:SS`) become seconds."""
    result = parse_numbers(pd.Series([text, "--"]), "en")
    assert result.seconds
    assert result.values.iloc[0] == seconds


def test_numeric_series_pass_through() -> None:
    """An already numeric column is returned as float64 unchanged."""
    series = pd.Series([1, 2, 3], index=[10, 11, 12], name="Views")
    result = parse_numbers(series, "id")
    assert result.values.dtype == np.float64
    assert result.values.tolist() == [1.0, 2.0, 3.0]
    assert result.values.index.tolist() == [10, 11, 12]
    assert not result.bad.any()


def test_object_column_with_python_numbers() -> None:
    """Python numbers beside strings in an Excel column stay numbers whatever the format."""
    result = parse_numbers(pd.Series([1234.5, "-", "1.234,5", 7], dtype=object), "id")
    assert result.values.iloc[0] == 1234.5
    assert math.isnan(result.values.iloc[1])
    assert result.values.iloc[2] == 1234.5
    assert result.values.iloc[3] == 7.0


@pytest.mark.parametrize(
    ("samples", "delimiter", "expected"),
    [
        (["1.234,5"], None, ("id", "evidence_id")),
        (["1.234.567"], None, ("id", "evidence_id")),
        (["3,2%"], None, ("id", "evidence_id")),
        (["Rp 1.234"], None, ("id", "evidence_id")),
        (["1,5"], None, ("id", "evidence_id")),
        (["1,234.5"], None, ("en", "evidence_en")),
        (["1,234,567"], None, ("en", "evidence_en")),
        (["12.50"], None, ("en", "evidence_en")),
        (["0.0537"], None, ("en", "evidence_en")),
        (["12.3"], None, ("en", "evidence_en")),
        (["12.345", "7"], None, ("en", "default")),
        (["15.000", "2.340", "523", "1.204"], None, ("id", "thousands")),
        (["15.000", "2.340", "15000", "1.204"], None, ("en", "default")),
        (["15.000", "2.340%", "12.345%", "1.204%"], None, ("en", "default")),
        (["12.345"], ";", ("id", "delimiter")),
        (["1,5", "2,5", "12.3"], None, ("id", "conflict")),
        ([], None, ("en", "default")),
    ],
)
def test_infer_number_format(
    samples: list[str], delimiter: str | None, expected: tuple[str, str]
) -> None:
    """Values only valid one way decide the format; `12.345` alone is not evidence."""
    assert infer_number_format(samples, delimiter) == expected


@given(locale_numbers())
def test_locale_round_trip(case: tuple[str, str, float]) -> None:
    """A number written in id (`1.234,5`) or en (`1,234.5`) parses back to itself."""
    text, fmt, value = case
    result = parse_numbers(pd.Series([text]), fmt)
    assert result.values.iloc[0] == pytest.approx(value, rel=1e-12, abs=1e-9)


@given(locale_numbers())
def test_locale_evidence_never_contradicts(case: tuple[str, str, float]) -> None:
    """A written number never proves the opposite format."""
    text, fmt, _ = case
    side, basis = infer_number_format([text])
    assert basis == "default" or side == fmt


@given(st.lists(st.one_of(missing_tokens, st.integers(0, 10**6).map(str)), min_size=1))
def test_missing_is_nan_never_zero(cells: list[str]) -> None:
    """Missing placeholders parse to NaN, never 0."""
    result = parse_numbers(pd.Series(cells, dtype="str"), "en")
    is_token = [c in MISSING_TOKENS for c in cells]
    assert result.values[is_token].isna().all()
    assert not result.bad.any()


@given(
    st.lists(st.one_of(st.text(max_size=8), st.none()), max_size=30), st.sampled_from(["en", "id"])
)
def test_bad_cells_flagged_not_dropped(cells: list[str | None], fmt: str) -> None:
    """Any text keeps its row: unreadable cells are flagged bad and NaN, never dropped."""
    series = pd.Series(cells, dtype=object, index=range(100, 100 + len(cells)))
    result = parse_numbers(series, fmt)
    assert result.values.index.equals(series.index)
    assert result.bad.index.equals(series.index)
    assert result.values[result.bad].isna().all()
    assert not (result.bad & result.masked).any()


def test_indonesian_headers_read_dot_groups_as_thousands() -> None:
    """In an export with Indonesian headers, `15.000` reach is fifteen thousand, not fifteen."""
    text = (
        "ID Postingan,Waktu penerbitan,Tanggal,Tayangan,Jangkauan\n"
        '18045123456789012,09/01/2026 10:00,Seumur hidup,"25.120","15.000"\n'
        '18045123456789013,09/02/2026 19:30,Seumur hidup,"31.004","22.871"\n'
    )
    ds = read_files([("konten.csv", text.encode())])
    frame = ds.frame
    assert sorted(frame.loc[frame["source_name"] == "Jangkauan", "value"]) == [15_000, 22_871]
    assert ds.files[0].number_format == "id"
    assert infer_number_format(["15.000"], ",", ["Tanggal", "Jangkauan"]) == ("id", "language")
    assert infer_number_format(["15.000"], ",", ["Date", "Reach"]) == ("en", "default")


def test_typed_parquet_numbers_are_never_reread_as_local_text(tmp_path: Path) -> None:
    """Parquet decimal spend and duration watch time are figures, in an Indonesian file too."""
    table = pa.table({
        "tanggal": pa.array([dt.date(2026, 7, 1), dt.date(2026, 7, 2)]),
        "biaya": pa.array([decimal.Decimal("1234.50"), decimal.Decimal("99.25")],
                          pa.decimal128(10, 2)),
        "waktu tonton": pa.array([312, 60], pa.duration("s")),
    })  # fmt: skip
    path = tmp_path / "harian.parquet"
    pq.write_table(table, path)
    ds = read_files([path])
    frame = ds.frame
    assert frame.loc[frame["metric"] == "spend", "value"].tolist() == [1234.5, 99.25]
    assert frame.loc[frame["metric"] == "watch_time", "value"].tolist() == [312.0, 60.0]
    assert not [p for p in ds.files[0].problems if p.code == "bad_values"]


def test_dot_grouped_counts_under_english_headers_are_thousands() -> None:
    """Counts a spreadsheet set to Indonesian wrote as `15.000` under English headers are
    fifteen thousand, and the page says why the numbers were read that way."""
    text = (
        "Date,Reach,Impressions,Likes\n"
        "2026-07-01,15.000,22.871,523\n"
        "2026-07-02,14.250,21.004,610\n"
        "2026-07-03,16.120,25.300,702\n"
    )
    ds = read_files([("instagram_harian.csv", text.encode())])
    frame = ds.frame
    assert sorted(frame.loc[frame["source_name"] == "Reach", "value"]) == [14_250, 15_000, 16_120]
    assert ds.files[0].number_format == "id"
    said = [i for i in ds.files[0].inferences if i.what == "number_format"]
    assert [i.basis for i in said] == ["thousands"]
