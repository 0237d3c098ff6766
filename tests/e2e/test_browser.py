"""The dashboard in a real browser: upload two platforms' exports, pick goals, read verdicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.e2e.harness import ARTIFACTS, ROOT, RUNNING, no_exception, settle

pytestmark = pytest.mark.e2e
FIXTURES = ROOT / "tests" / "fixtures"


def test_upload_two_platforms_and_read_verdicts_in_both_languages(page: Any) -> None:
    """Two uploaded exports give verdict badges, the organic-sales flag and Indonesian labels."""
    page.get_by_text("Upload your exports").wait_for(timeout=60_000)
    files = [
        FIXTURES / "meta_ads_manager_id_excel.csv",
        ROOT / "sample_data" / "ecom_a_social_harian.csv",
    ]
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [str(f) for f in files]
    )
    page.get_by_text("What KPI Lens understood").wait_for(timeout=90_000)
    settle(page)
    for f in files:
        assert page.get_by_role("heading", name=f.name).count() == 1
    assert page.get_by_text("Meta Ads Manager").count() >= 1
    no_exception(page)
    page.screenshot(path=str(ARTIFACTS / "e2e-upload-en.png"), full_page=True)

    goals = page.locator('[class*="st-key-goals_widget_en"]')
    goals.locator("input").click()
    page.get_by_role("option", name="awareness").click()
    page.keyboard.press("Escape")
    settle(page)

    page.locator('[data-testid="stSidebarNavLink"]').nth(1).click()
    page.get_by_text("Your KPIs").wait_for(timeout=90_000)
    settle(page)
    no_exception(page)
    assert page.get_by_text("is attached to organic", exact=False).count() >= 1
    canvas = page.locator('[data-testid="stDataFrame"]')
    assert canvas.count() >= 2  # one table per channel
    assert page.locator('[data-testid="stMetric"]').count() >= 1
    page.screenshot(path=str(ARTIFACTS / "e2e-verdicts-en.png"), full_page=True)

    page.locator(".st-key-lang_widget").click()
    page.get_by_role("option", name="Bahasa Indonesia").click()
    page.get_by_text("KPI Anda").wait_for(timeout=60_000)
    settle(page)
    no_exception(page)
    assert page.get_by_text("Yang perlu ditindaklanjuti").count() == 1
    assert page.get_by_text("organik", exact=False).count() >= 1
    page.screenshot(path=str(ARTIFACTS / "e2e-verdicts-id.png"), full_page=True)


def test_bad_file_is_one_sentence_and_the_rest_stays(page: Any) -> None:
    """A garbage upload shows one clear sentence and the good file beside it is still read."""
    page.get_by_text("Upload your exports").wait_for(timeout=60_000)
    files = [FIXTURES / "bad" / "garbage.csv", FIXTURES / "google_ads_campaign_report.csv"]
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [str(Path(f)) for f in files]
    )
    page.get_by_text("What KPI Lens understood").wait_for(timeout=90_000)
    settle(page)
    no_exception(page)
    assert (
        page.get_by_text("garbage.csv is not a spreadsheet or CSV file", exact=False).count() == 1
    )
    assert page.get_by_text("Google Ads").count() >= 1


def test_override_a_verdict_in_place(page: Any) -> None:
    """Setting a metric's verdict in the table makes it a KPI card marked as set by the user."""
    page.get_by_text("Upload your exports").wait_for(timeout=60_000)
    page.locator(".st-key-demo_kafe button").click()
    page.locator("h4").first.wait_for(timeout=90_000)
    settle(page)
    page.locator('[data-testid="stSidebarNavLink"]').nth(1).click()
    page.get_by_text("Your KPIs").wait_for(timeout=90_000)
    settle(page)
    cards = page.locator('[data-testid="stMetric"]').count()
    grid = page.locator('[data-testid="stDataFrame"]').first.bounding_box()
    assert grid is not None
    # "Your verdict" is the second column; the second row is the first non-KPI on Instagram.
    page.mouse.dblclick(grid["x"] + 160, grid["y"] + 36 * 2 + 18)
    page.get_by_role("option", name="KPI", exact=True).click()
    page.keyboard.press("Enter")
    settle(page)
    no_exception(page)
    assert page.locator('[data-testid="stMetric"]').count() == cards + 1
    assert page.get_by_text("set by you").count() == 1
    page.screenshot(path=str(ARTIFACTS / "e2e-override-en.png"), full_page=True)


def test_settling_waits_for_the_run_to_end(page: Any) -> None:
    """Once the app has settled after a click, its run is over and the whole page is drawn:
    no spinner left and the funnel's drop-off table in place (screenshots and tests see the
    finished page, not the first half of it)."""
    page.get_by_text("Upload your exports").wait_for(timeout=60_000)
    page.locator(".st-key-demo_saas button").click()
    settle(page)
    assert not page.evaluate(RUNNING)
    page.locator('[data-testid="stSidebarNavLink"]').nth(2).click()
    settle(page)
    assert not page.evaluate(RUNNING)
    assert page.locator('[data-testid="stSpinner"]').count() == 0
    assert page.get_by_text("Where people drop off").count() == 1


def test_an_open_reading_panel_stays_open_in_the_other_language(page: Any) -> None:
    """The 'How it was read' panel a user opened is open again as 'Cara file dibaca' after the
    switch to Bahasa Indonesia, the other file's closed panel stays closed, and a panel the
    user closes stays closed after switching back."""
    page.get_by_text("Upload your exports").wait_for(timeout=60_000)
    files = [FIXTURES / "meta_ads_manager_en.csv", FIXTURES / "google_ads_campaign_report.csv"]
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [str(f) for f in files]
    )
    page.get_by_text("What KPI Lens understood").wait_for(timeout=90_000)
    settle(page)
    page.get_by_text("How it was read").first.click()
    settle(page)
    _switch_language(page, "Bahasa Indonesia", "Cara file dibaca")
    no_exception(page)
    assert _open_panels(page) == [True, False]
    page.get_by_text("Cara file dibaca").first.click()
    settle(page)
    _switch_language(page, "English", "How it was read")
    assert _open_panels(page) == [False, False]


def _switch_language(page: Any, language: str, shows: str) -> None:
    """Pick a language in the sidebar and wait until the page shows a text of it."""
    page.locator(".st-key-lang_widget").click()
    page.get_by_role("option", name=language).click()
    page.get_by_text(shows).first.wait_for(timeout=60_000)
    settle(page)


def _open_panels(page: Any) -> list[bool]:
    """Which of the page's expanders are open, top to bottom."""
    panels = page.locator('[data-testid="stExpander"] details')
    return [panels.nth(i).get_attribute("open") is not None for i in range(panels.count())]


def test_the_goals_box_keeps_its_goals_after_the_first_upload(page: Any) -> None:
    """Uploading a file as the very first step leaves "Sales" in the goals box, as the pages
    still judge by it (the box showed "Choose…" while every page said "Goals: sales")."""
    page.get_by_text("Upload your exports").wait_for(timeout=60_000)
    settle(page)
    goals = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]')
    assert "Sales" in goals.inner_text()
    upload = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    upload.set_input_files([str(FIXTURES / "ga4_user_acquisition.csv")])
    page.get_by_text("What KPI Lens understood").wait_for(timeout=90_000)
    settle(page)
    assert "Sales" in goals.inner_text()


def test_the_uploader_is_explained_in_indonesian_around_streamlits_own_words(page: Any) -> None:
    """Streamlit writes its uploader's button and size limit in English only: on an Indonesian
    page the label above it says, in Indonesian, which button to click, by the word the button
    shows."""
    page.get_by_text("Upload your exports").wait_for(timeout=60_000)
    settle(page)
    _switch_language(page, "Bahasa Indonesia", "Unggah file ekspor Anda")
    uploader = page.locator('[data-testid="stFileUploader"]')
    label = uploader.locator('[data-testid="stWidgetLabel"]').inner_text()
    # The button's text follows its icon's name (`upload`): the word shown is the last line.
    button = uploader.locator("section button").first.inner_text().strip().splitlines()[-1]
    assert button and f"klik {button}" in label and "Seret" in label


# Glide, which draws st.dataframe, scrolls a table wider than its box inside this element.
_SCROLLERS = """() => Array.from(
        document.querySelectorAll('[data-testid="stDataFrame"] .dvn-scroller'))
    .filter(el => el.clientWidth > 0)
    .map(el => el.scrollWidth - el.clientWidth)"""


def test_the_columns_table_shows_its_match_column_without_scrolling(page: Any) -> None:
    """At 1280 px, in Bahasa Indonesia, the LinkedIn visitors file's column table fits its panel:
    the Match column is in view, not pushed past the edge by long descriptions."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_text("Upload your exports").wait_for(timeout=60_000)
    settle(page)
    _switch_language(page, "Bahasa Indonesia", "Unggah file ekspor Anda")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [str(FIXTURES / "tokokita-b2b_visitors_1785542400000.xls")]
    )
    page.get_by_text("Cara file dibaca").first.wait_for(timeout=90_000)
    settle(page)
    page.get_by_text("Cara file dibaca").first.click()
    settle(page)
    overflow = page.evaluate(_SCROLLERS)
    assert overflow and max(overflow) <= 1


# Each chosen goal's chip in the sidebar: how much of its text is cut off (0 when it fits).
_CUT_CHIPS = """() => Array.from(
        document.querySelectorAll('[data-testid="stSidebar"] [data-tag] span[title]'))
    .filter(el => el.clientWidth > 0)
    .map(el => [el.innerText, el.scrollWidth - el.clientWidth])"""


# Streamlit's own sidebar width, which the first visit after the server starts opens at: the
# page config's wider width only reaches the sessions after it.
_DEFAULT_SIDEBAR = """[data-testid="stSidebar"] {
    width: 300px !important; min-width: 300px !important; max-width: 300px !important; }"""


@pytest.mark.parametrize(
    ("language", "shows"),
    [("English", "Upload your exports"), ("Bahasa Indonesia", "Unggah file ekspor Anda")],
)
def test_every_chosen_goal_reads_whole_in_the_sidebar(page: Any, language: str, shows: str) -> None:
    """At 1280 px, in a sidebar of Streamlit's default 300 px (the first visit's), every goal's
    chip shows its whole name in both languages: never "Awareness (kesadar…"."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_text("Upload your exports").wait_for(timeout=60_000)
    settle(page)
    page.add_style_tag(content=_DEFAULT_SIDEBAR)
    if language != "English":
        _switch_language(page, language, shows)
    goals = page.locator('[class*="st-key-goals_widget"]').first
    for _ in range(5):
        goals.locator("input").click()
        page.get_by_role("option").first.click()
        page.keyboard.press("Escape")
        settle(page)
    chips = page.evaluate(_CUT_CHIPS)
    assert len(chips) == 6 and all(cut <= 1 for _, cut in chips), chips
