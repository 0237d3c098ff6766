"""The file cards of the Your data page, drawn from a file's report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kpi_app.widgets import columns_table
from kpi_core.i18n import t
from kpi_core.ingest import read_files

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(("lang", "organic", "paid"), [("en", "organic", "paid"),
                                                       ("id", "organik", "berbayar")])  # fmt: skip
def test_a_column_read_with_its_placement_names_it_in_the_sentence_case(
    lang: str, organic: str, paid: str
) -> None:
    """ "Read as" writes a column's placement as the rest of the line does: "Impressions
    (organic)", never "Impressions (Organic)"."""
    path = FIXTURES / "linkedin_page_analytics.xlsx"
    report = read_files([path], today=date(2026, 11, 30)).files[0]
    reads_as = list(columns_table(report, lang)[t("column.reads_as", lang)])
    placed = [r for r in reads_as if r.endswith((f"({organic})", f"({paid})"))]
    assert len(placed) >= 4, reads_as
    assert not [
        r for r in reads_as if r.endswith(("(Organic)", "(Paid)", "(Organik)", "(Berbayar)"))
    ]
