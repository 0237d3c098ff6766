"""Text fitted into boxes of known width: estimated widths, whole words, an ellipsis at the end."""

from __future__ import annotations

from kpi_core.textfit import NBSP, text_px, to_html, wrap


def test_wider_characters_and_bold_make_wider_text() -> None:
    """`mmm` is wider than `iii`, bold is wider than regular, and width grows with the size."""
    assert text_px("mmm") > text_px("iii")
    assert text_px("Reach", bold=True) > text_px("Reach")
    assert text_px("Reach", size=24) == 2 * text_px("Reach", size=12)


def test_words_move_whole_to_the_next_line() -> None:
    """A name breaks between words, each line within its width, and nothing is lost."""
    lines = wrap([("19,8 rb", True), ("Percakapan pesan dimulai", False)], [100, 100, 100])
    assert to_html(lines) == "<b>19,8 rb</b><br>Percakapan pesan<br>dimulai"
    assert all(text_px(" ".join(w for w, _ in line)) <= 100 for line in lines)


def test_what_does_not_fit_the_last_line_ends_in_an_ellipsis() -> None:
    """Text longer than every line together is cut at the last line with an ellipsis."""
    lines = wrap([("Average order value per returning customer", False)], [80, 80])
    assert len(lines) == 2 and to_html(lines).endswith("…")
    assert text_px(" ".join(w for w, _ in lines[-1])) <= 80


def test_a_word_longer_than_a_line_is_cut() -> None:
    """A single word wider than its line is cut to fit rather than spilling over."""
    (line,) = wrap([("Supercalifragilistic", False)], [60])
    assert line[0][0].endswith("…") and text_px(line[0][0]) <= 60


def test_bold_runs_stay_together_in_markup() -> None:
    """Consecutive bold words share one <b> tag; the first line may be narrower than the rest."""
    lines = wrap([("442 shares per post", True), ("Amplification rate", False)], [90, 200])
    assert to_html(lines) == "<b>442 shares per</b><br><b>post</b> Amplification rate"


def test_words_joined_by_a_no_break_space_stay_on_one_line() -> None:
    """A figure joined with NBSP ("Rp 90,5 rb") moves to the next line whole, never split."""
    lines = wrap([("Biaya per pesanan", False), (f"Rp{NBSP}90,5{NBSP}rb", True)], [120, 120])
    assert to_html(lines) == f"Biaya per pesanan<br><b>Rp{NBSP}90,5{NBSP}rb</b>"
