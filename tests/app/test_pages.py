"""The dashboard as a user drives it, through Streamlit's AppTest."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
DEMOS = [
    d["id"] for d in tomllib.loads((ROOT / "sample_data" / "datasets.toml").read_text())["datasets"]
]
PAGES = ["pages/upload.py", "pages/verdicts.py", "pages/funnel.py", "pages/ecosystem.py"]


def start(demo: str | None = None, lang: str = "en") -> AppTest:
    """The app started, optionally in Indonesian and with a demo dataset loaded."""
    at = AppTest.from_file(APP, default_timeout=120).run()
    if lang != "en":
        at.selectbox(key="lang_widget").set_value(lang).run()
    if demo:
        at.button(key=f"demo_{demo}").click().run()
    return at


def sidebar_widget(widgets: Any, name: str) -> Any:
    """The sidebar's goals or business-model widget, whatever its current generation."""
    return next(w for w in widgets if w.key and w.key.startswith(f"{name}_widget_"))


def texts(at: AppTest) -> str:
    """Everything the user can read on the page, as one string."""
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption]
    parts += (
        [e.value for e in at.error] + [w.value for w in at.warning] + [i.value for i in at.info]
    )
    parts += [f"{m.label} {m.value}" for m in at.metric] + [h.value for h in at.subheader]
    parts += [h.value for h in at.title]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("demo", DEMOS)
def test_every_page_runs_on_every_demo(demo: str, page: str) -> None:
    """Every page draws each demo dataset without an exception."""
    at = start(demo)
    at.switch_page(page).run()
    assert not at.exception


def test_first_screen_offers_upload_and_demos() -> None:
    """The first screen explains the tool and offers an uploader and a button per demo."""
    at = start()
    assert not at.exception
    assert "KPI" in at.title[0].value
    assert len([b for b in at.button if b.key and b.key.startswith("demo_")]) == len(DEMOS)
    assert "Nothing uploaded yet" in texts(at)


def test_demo_shows_what_was_read_per_file() -> None:
    """After picking a demo, each file reports its platform, channel, placement and rows."""
    at = start("ecom")
    page = texts(at)
    assert "Meta Ads Manager" in page and "Google Analytics 4" in page
    assert "Paid" in page and "Organic" in page
    assert "1 Nov 2025 – 31 Oct 2026" in page


def test_switching_language_translates_the_page() -> None:
    """Bahasa Indonesia turns labels, numbers and dates Indonesian."""
    at = start("ecom", lang="id")
    page = texts(at)
    assert "Yang dipahami KPI Lens" in page
    assert "31 Okt 2026" in page
    assert "2.430" in page  # rows read, with a dot as thousands separator


def test_verdicts_flag_organic_sales_and_cap_kpis() -> None:
    """The online-store demo flags revenue on organic Instagram and shows at most six KPIs."""
    at = start("ecom")
    at.switch_page("pages/verdicts.py").run()
    assert not at.exception
    assert any("organic Instagram" in e.value for e in at.error)
    assert 0 < len(at.metric) <= 6


def test_changing_goals_changes_the_kpis() -> None:
    """Picking awareness instead of sales and leads puts awareness metrics among the KPIs."""
    at = start("ecom")
    at.switch_page("pages/verdicts.py").run()
    before = {m.label for m in at.metric}
    sidebar_widget(at.multiselect, "goals").set_value(["awareness"]).run()
    after = {m.label for m in at.metric}
    assert after != before
    assert {"Reach", "Impressions"} & after


def test_changing_business_model_changes_the_verdicts() -> None:
    """Switching to a brick-and-mortar store re-judges the website metrics and says why."""
    at = start("ecom")
    at.switch_page("pages/verdicts.py").run()
    sidebar_widget(at.selectbox, "business_model").set_value("physical_store").run()
    assert not at.exception
    assert "brick-and-mortar" in texts(at)


def test_upload_through_the_uploader_reads_the_files() -> None:
    """Files given to the uploader are read and reported, a bad one with one clear sentence."""
    at = start()
    fixtures = ROOT / "tests" / "fixtures"
    files = [fixtures / "meta_ads_manager_id_excel.csv", fixtures / "bad" / "garbage.csv"]
    at.file_uploader[0].set_value([(f.name, f.read_bytes(), "text/csv") for f in files]).run()
    assert not at.exception
    page = texts(at)
    assert "Meta Ads Manager" in page
    assert any("garbage.csv is not a spreadsheet" in e.value for e in at.error)
    assert "1 / 2" in page  # files read out of files uploaded


def test_verdict_override_is_marked_as_set_by_the_user() -> None:
    """A verdict the marketer sets wins over the computed one and is marked as theirs."""
    at = start("ecom")
    at.switch_page("pages/verdicts.py").run()
    at.session_state["overrides"] = {("reach", "instagram", "organic"): "kpi"}
    at.run()
    assert "set by you" in texts(at)
    assert any(m.label == "Reach" for m in at.metric)


def card_facts(at: AppTest, name: str) -> str:
    """The facts table drawn under a file's heading on the upload page."""
    texts = [m.value for m in at.markdown]
    heading = next(i for i, m in enumerate(texts) if m.startswith("####") and name in m)
    return next(m for m in texts[heading + 1 :] if m.startswith("|"))


def test_correcting_a_file_channel_flows_everywhere() -> None:
    """Setting a file's channel on the upload page re-reads the file with that channel."""
    from kpi_app.corrections import widget_prefix

    at = start("kafe")
    name = "kafe_instagram_jangkauan.csv"
    assert "Instagram" in card_facts(at, name)
    at.selectbox(key=f"{widget_prefix(name, 'en')}_channel").set_value("tiktok").run()
    assert not at.exception
    facts = card_facts(at, name)
    assert "TikTok" in facts and "Instagram" not in facts


def test_correcting_a_column_metric_changes_what_it_reads_as() -> None:
    """Mapping a column to another metric is applied to the file at once."""
    from kpi_core.labels import metric_label
    from kpi_core.models import FileCorrections

    at = start("kafe")
    name = "kafe_kunjungan_toko.csv"

    def read_as(column: str) -> str:
        table = next(d.value for d in at.dataframe if column in set(d.value.iloc[:, 0]))
        return str(table.set_index(table.columns[0]).loc[column].iloc[0])

    before = read_as("Transaksi")
    at.session_state["corrections"] = {name: FileCorrections(metrics=(("Transaksi", "checkouts"),))}
    at.run()
    assert not at.exception
    assert before != metric_label("checkouts") and read_as("Transaksi") == metric_label("checkouts")


def test_demo_sets_its_goals_and_model_even_after_earlier_choices() -> None:
    """Picking a demo after choosing other goals shows the demo's own goals and model."""
    at = start()
    sidebar_widget(at.multiselect, "goals").set_value(["retention"]).run()
    at.button(key="demo_kafe").click().run()
    assert sidebar_widget(at.multiselect, "goals").value == ["awareness", "sales"]
    assert sidebar_widget(at.selectbox, "business_model").value == "physical_store"


def test_verdicts_warn_about_the_holiday_follower_spike() -> None:
    """The online-store demo's school-holiday follower jump is a warning on the verdicts page."""
    at = start("ecom")
    at.switch_page("pages/verdicts.py").run()
    assert any("school holidays" in w.value for w in at.warning)


EXPECTED = tomllib.loads((ROOT / "tests" / "fixtures" / "expected.toml").read_text())
FIXTURE_FILES = sorted(c["file"] for group in ("fixture", "bad") for c in EXPECTED[group].values())


@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_every_page_survives_every_export_layout(name: str) -> None:
    """Any one export, good or bad, uploaded alone, draws every page without an exception."""
    path = ROOT / "tests" / "fixtures" / name
    at = start()
    at.file_uploader[0].set_value([(path.name, path.read_bytes(), "text/csv")]).run()
    assert not at.exception
    for page in PAGES[1:]:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception[0].value)


def test_clearing_every_goal_puts_the_kept_goals_back_and_says_so() -> None:
    """Emptying the goals box refills it with the goals the page still uses, with a warning."""
    at = start("ecom")
    at.switch_page("pages/verdicts.py").run()
    sidebar_widget(at.multiselect, "goals").set_value([]).run()
    assert sidebar_widget(at.multiselect, "goals").value == ["sales", "leads"]
    assert "your goals stay: Sales, Leads" in at.sidebar.warning[0].value
