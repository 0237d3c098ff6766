"""What a column's cells look like, judged from a sample of them."""

from __future__ import annotations

import pandas as pd
import pytest

from kpi_core.ingest.cells import date_like, id_like, placement_column, text_share


@pytest.mark.parametrize(
    ("cells", "words"),
    [
        (["ok", "ok", "promo"], True),
        (["Rp 1.234", "12,5%", "3 jt", "-", "N/A"], False),
        (["1.2K", "undefined", "--"], False),
        # Excel's Indonesian locale puts a no-break space after `Rp`: still money, not a word.
        (["Rp\u00a01.234", "Rp\u00a05.000", "IDR\u202f12"], False),
    ],
)
def test_words_are_told_from_numbers_in_any_format(cells: list[str], words: bool) -> None:
    """Short words are text; money, percentages, shorthand and placeholders are numbers."""
    assert (text_share(pd.Series(cells, dtype="str")) > 0.5) is words


def test_ids_are_long_whole_numbers_typed_or_not() -> None:
    """19-digit ids are ids as text and as the floats one blank cell makes of them."""
    assert id_like(pd.Series(["1830000000000000123", "1830000000000000125"], dtype="str"))
    assert id_like(pd.Series([1.83e18, None, 1.83e18]))
    assert not id_like(pd.Series([1_250.0, 3_400.0]))


def test_a_column_of_organic_and_paid_words_is_a_placement() -> None:
    """`Organic` / `Sponsored` cells make a placement column; other words do not."""
    assert placement_column(pd.Series(["Organic", "Sponsored", "organic"], dtype="str"))
    assert not placement_column(pd.Series(["Organic", "Video"], dtype="str"))


def test_a_column_of_dates_is_seen_as_dates() -> None:
    """Cells that read as dates in either order are dates; campaign names are not."""
    assert date_like(pd.Series(["13/07/2026", "14/07/2026"], dtype="str"))
    assert not date_like(pd.Series(["Promo Juli", "Gajian"], dtype="str"))


def test_the_share_of_words_counts_each_filled_cell_once() -> None:
    """Two words among four filled cells (blanks and spaces left out) are half the column."""
    cells = pd.Series(["promo", " ", None, "12", "diskon", "Rp 5"], dtype="str")
    assert text_share(cells) == 0.5
