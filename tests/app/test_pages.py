"""The dashboard as a user drives it, through Streamlit's AppTest."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kpi_app.sidebar import page_px

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
    """Mapping a column to another metric is applied to the file at once, marked as the user's."""
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
    assert before != metric_label("checkouts")
    assert read_as("Transaksi") == f"{metric_label('checkouts')} (set by you)"


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


def verdict_tables(at: AppTest) -> dict[str, Any]:
    """The per-channel verdict tables by their heading (`Instagram · Organic`)."""
    headings = [m.value[5:] for m in at.markdown if m.value.startswith("#### ")]
    return dict(zip(headings[-len(at.dataframe) :], at.dataframe, strict=True))


def test_verdict_tables_fit_a_1280_window_with_the_flags_in_view() -> None:
    """Each table's columns fit the page a 1,280 px window leaves beside the sidebar, so the
    Flags column shows: organic Instagram's revenue carries its sales flag there."""
    at = start("ecom")
    at.switch_page("pages/verdicts.py").run()
    tables = verdict_tables(at)
    for table in tables.values():
        shown = json.loads(table.proto.columns)
        assert sum(shown[c]["width"] for c in table.value.columns) <= page_px()
        assert list(table.value.columns)[-1] == "flags"
    instagram = tables["Instagram · Organic"].value.set_index("metric")
    assert list(instagram.loc["Revenue", "flags"]) == ["sales on organic"]


def test_a_ratio_named_by_its_metric_says_only_per_what_in_the_narrow_value_column() -> None:
    """GA4's "Sesi dengan interaksi per pengguna" reads "1,1 per pengguna" beside its name (the
    whole "1,1 sesi dengan interaksi per pengguna" was cut at 1,280 px); a rate whose name does
    not say what it counts keeps it (“0,4 komentar per postingan” beside Tingkat percakapan)."""
    at = start(lang="id")
    name = "ga4_user_acquisition.csv"
    data = (ROOT / "tests" / "fixtures" / name).read_bytes()
    at.file_uploader[0].set_value([(name, data, "text/csv")]).run()
    at.switch_page("pages/verdicts.py").run()
    web = verdict_tables(at)["Situs web · Organik"].value.set_index("metric")
    assert web.loc["Sesi dengan interaksi per pengguna", "value"] == "1,1 per pengguna"
    assert all(len(v) <= 28 for v in web["value"])  # what 190 px show at 1,280 px


def test_every_reason_is_readable_whole_under_its_table() -> None:
    """Under each table an expander lists each of its metrics with its verdict and whole reason."""
    at = start("ecom", lang="id")
    at.switch_page("pages/verdicts.py").run()
    tables = list(verdict_tables(at).values())
    assert len(at.expander) == len(tables)
    lines = []
    for table, details in zip(tables, at.expander, strict=True):
        listed = next(iter(details.children.values())).value.split("\n")
        assert len(listed) == len(table.value)
        for line, name in zip(listed, table.value["metric"], strict=True):
            assert f"**{name.removesuffix(' *')}**" in line
            assert len(line.split(": ", 1)[1].split()) > 8  # a whole sentence, not a stub
        lines += listed
    revenue = [line for line in lines if "**Pendapatan**" in line and "penjualan organik" in line]
    assert len(revenue) == 1 and "Instagram organik" in revenue[0]


def test_unrecognised_columns_read_not_recognised_not_vanity() -> None:
    """A column the app could not match is `Not recognised`, not vanity, and the page points to
    the upload page where it can be mapped."""
    at = start()
    shop = ROOT / "tests" / "fixtures" / "tiktok_shop_key_metrics.xlsx"
    social = ROOT / "sample_data" / "ecom_a_social_harian.csv"
    # Every column of the platform fixtures is now read: a marketer's own odd column stands in.
    own = ("tokokita_catatan.csv", b"Tanggal,Channel,Skor zodiak\n2026-07-01,Shopee,5\n")
    files = [(f.name, f.read_bytes(), "text/csv") for f in (shop, social)]
    at.file_uploader[0].set_value([*files, (*own, "text/csv")])
    at.run()
    at.switch_page("pages/verdicts.py").run()
    rows = pd.concat([d.value for d in at.dataframe if "verdict" in d.value.columns])
    unknown = {m for m, v in zip(rows["metric"], rows["verdict"], strict=True) if "unknown" in v}
    assert "Skor zodiak" in unknown
    assert any("Your data page" in link.proto.label for link in at.get("page_link"))
    verdict_filter = at.main.multiselect[0]
    assert "Not recognised" in verdict_filter.options
    verdict_filter.set_value(["vanity"]).run()
    shown = pd.concat([d.value for d in at.dataframe if "verdict" in d.value.columns])
    assert not unknown & set(shown["metric"]) and set(shown["metric"])


def test_over_budget_meter_turns_red_and_the_overridden_card_keeps_its_flag() -> None:
    """Setting organic Instagram revenue as a KPI makes 7 of 6 (in red) and its card still shows
    the sales-on-organic-social flag next to `set by you`."""
    at = start("ecom")
    at.switch_page("pages/verdicts.py").run()
    at.session_state["overrides"] = {("revenue", "instagram", "organic"): "kpi"}
    at.run()
    assert not at.get("progress")  # a full bar would look like six of six
    assert any("KPI budget: 7 of 6 used, 1 over" in e.value for e in at.error)
    markdown = [m.value for m in at.markdown]
    assert ":red-badge[:material/flag: sales on organic]" in markdown
    assert "set by you" in texts(at)


def test_columns_of_one_kpi_share_its_budget_slot() -> None:
    """TikTok Shop's product list splits Adds to cart and Units sold into LIVE, video, product
    card and other columns: twelve KPI cards are six KPIs (metric, channel, placement), so the
    meter reads 6 of 6, not 12 of 6 in red, and says why there are more cards."""
    at = start()
    names = ["tiktok_shop_key_metrics.xlsx", "Product_list_20260701-20260731.xlsx"]
    files = [(n, (ROOT / "tests" / "fixtures" / n).read_bytes(), "text/csv") for n in names]
    at.file_uploader[0].set_value(files).run()
    at.switch_page("pages/verdicts.py").run()
    assert len([m for m in at.metric if m.label.startswith("Adds to cart")]) == 4
    assert not any("KPI budget" in e.value for e in at.error)
    assert at.get("progress")[0].proto.text == "KPI budget: 6 of 6 used"
    assert "The 12 KPI cards are 6 KPIs" in texts(at)


def test_clearing_every_goal_puts_the_kept_goals_back_and_says_so() -> None:
    """Emptying the goals box refills it with the goals the page still uses, with a warning."""
    at = start("ecom")
    at.switch_page("pages/verdicts.py").run()
    sidebar_widget(at.multiselect, "goals").set_value([]).run()
    assert sidebar_widget(at.multiselect, "goals").value == ["sales", "leads"]
    assert "your goals stay: Sales, Leads" in at.sidebar.warning[0].value


def test_a_table_whose_rows_move_after_an_override_starts_afresh() -> None:
    """Overriding a verdict re-sorts its table, so that table is drawn as a new editor (the
    browser would otherwise show the edit on the row that moved into the edited row's place);
    the other tables keep theirs."""
    at = start("ecom")
    at.switch_page("pages/verdicts.py").run()
    before = {name: table.proto.id for name, table in verdict_tables(at).items()}
    at.session_state["overrides"] = {("revenue", "instagram", "organic"): "kpi"}
    at.run()
    after = {name: table.proto.id for name, table in verdict_tables(at).items()}
    assert [name for name in before if before[name] != after[name]] == ["Instagram · Organic"]
    instagram = verdict_tables(at)["Instagram · Organic"].value
    assert list(instagram["override"]).count("kpi") == 1 and instagram["metric"][0] == "Revenue"


def test_google_maps_views_say_mobile_or_desktop() -> None:
    """The cafe's Business Profile counts Maps views on mobile and desktop: each says which."""
    at = start("kafe")
    at.switch_page("pages/verdicts.py").run()
    names = set(pd.concat([t.value for t in verdict_tables(at).values()])["metric"])
    assert {"Views on Google Maps (mobile)", "Views on Google Maps (desktop)"} <= names
    assert "Views on Google Maps" not in names


def test_funnel_drop_off_shows_both_percentages_and_pickers_sit_three_a_row() -> None:
    """The drop-off table has % of first stage and % of previous stage; the five stage pickers
    sit at most three a row, so `Otomatis: Jangkauan` has room."""
    at = start("ecom", lang="id")
    at.switch_page("pages/funnel.py").run()
    table = next(d.value for d in at.dataframe if "Tahap" in d.value.columns)
    assert {"% dari tahap pertama", "% dari tahap sebelumnya"} <= set(table.columns)
    assert table.set_index("Tahap").loc["Kesadaran", "% dari tahap pertama"] == "100,0%"
    assert table.set_index("Tahap").loc["Minat", "% dari tahap sebelumnya"] == "7,5% dari Kesadaran"
    assert "Hilang" in table.columns and len(table.columns) == 6  # the basis is in the cell
    pickers = at.expander[0]
    rows = [c for c in pickers.children.values() if getattr(c, "type", "") == "flex_container"]
    assert [len(r.children) for r in rows] == [3, 3] and len(pickers.selectbox) == 5


def test_the_drop_off_table_rounds_as_the_chart_does() -> None:
    """19,813 conversations of 1,722,829 users are 1.150027 %: the table says "1,2% dari Minat"
    as the chart does, not "1,1%" from a figure rounded twice."""
    at = start("ecom", lang="id")
    at.switch_page("pages/funnel.py").run()
    table = next(d.value for d in at.dataframe if "Tahap" in d.value.columns)
    assert table.set_index("Tahap").loc["Evaluasi", "% dari tahap sebelumnya"] == "1,2% dari Minat"


def test_indonesian_pages_speak_indonesian() -> None:
    """In Bahasa Indonesia the filters' placeholder, the tagline's term for vanity metrics and the
    sales flag are Indonesian, and the follower spike counts new followers per day."""
    at = start("ecom", lang="id")
    assert "metrik vanity" in texts(at) and "kesombongan" not in texts(at)
    at.switch_page("pages/verdicts.py").run()
    assert all(m.proto.placeholder == "Pilih…" for m in at.multiselect)
    assert any("Pendapatan dikaitkan dengan Instagram organik" in e.value for e in at.error)
    assert any("rata-rata pengikut baru hariannya" in w.value for w in at.warning)


def test_the_cafe_funnel_follows_its_business_model_and_names_what_it_leaves_out() -> None:
    """A physical store's funnel converts on store visits, a stage above the one before says it
    is not a rate, and the period comparison names the whole-export totals it leaves out."""
    at = start("kafe")
    at.switch_page("pages/funnel.py").run()
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    stages = next(trace for trace in spec["data"] if trace["name"] == "stages")
    assert {row[0]: row[1] for row in stages["customdata"]}["conversion"] == "store_visits"
    table = next(d.value for d in at.dataframe if "Stage" in d.value.columns).set_index("Stage")
    assert table.loc["Conversion", "% of previous stage"] == "not a rate: more than before"
    left_out = [c.value for c in at.caption if c.value.startswith("Left out of this comparison")]
    assert len(left_out) == 1 and "Calls" in left_out[0] and "Direction requests" in left_out[0]


def test_the_link_to_map_columns_shows_only_when_a_column_is_not_recognised() -> None:
    """The saas demo's columns are all recognised: no link asks the user to map one."""
    at = start("saas")
    at.switch_page("pages/verdicts.py").run()
    assert not any("Your data page" in link.proto.label for link in at.get("page_link"))


def test_the_verdict_filters_show_every_choice_they_hold() -> None:
    """The verdict, channel and stage filters wrap their chips onto more rows, so "Vanity" and
    "Evaluation" are read whole instead of scrolling out of a column."""
    at = start("ecom")
    at.switch_page("pages/verdicts.py").run()
    filters = [m for m in at.multiselect if m.key and "filter" in m.key]
    assert len(filters) == 3 and all(m.proto.wrap for m in filters), [m.key for m in at.multiselect]


def test_a_metric_the_channel_never_used_is_left_out_with_a_note() -> None:
    """The café's Business Profile counts 0 messages and 0 bookings on every row of its export:
    a channel that never used them shows no finding for them (no table row, no "0 Pemesanan"
    on its channel card), and a note names them and says why they are left out."""
    at = start("kafe", lang="id")
    at.switch_page("pages/verdicts.py").run()
    names = set(pd.concat([t.value for t in verdict_tables(at).values()])["metric"])
    assert not names & {"Pemesanan", "Percakapan pesan dimulai"}
    notes = [i.value for i in at.info if "Pemesanan" in i.value]
    assert len(notes) == 1 and "Percakapan pesan dimulai" in notes[0] and "0" in notes[0]
    at.switch_page("pages/ecosystem.py").run()
    charts = " ".join(c.proto.spec for c in at.get("plotly_chart"))
    assert "Pemesanan" not in charts and "Percakapan pesan" not in charts


def test_the_saas_cost_section_says_linkedin_has_no_spend_instead_of_a_dash() -> None:
    """The SaaS demo's LinkedIn Page analytics carry no spend: the "What paid reach costs"
    section has no table row of Spend "–" beside a CTR, and says the spend is not in the files."""
    at = start("saas")
    at.switch_page("pages/ecosystem.py").run()
    assert len(at.dataframe) == 0
    assert any("LinkedIn" in c.value and "no spend in your files" in c.value for c in at.caption)


def test_the_cost_table_keeps_each_figure_on_one_line() -> None:
    """The shop demo's cost table wraps long campaign names, never a figure: "Rp 70,1 jt" and
    "Rp 22.418" stay whole (joined by non-breaking spaces), not "Rp 70,1" over "jt"."""
    at = start("ecom", lang="id")
    at.switch_page("pages/ecosystem.py").run()
    (table,) = at.table
    shown = table.value
    assert list(shown.columns)[-2:] == ["ROAS", "ROI"]
    figures = shown.drop(columns=["Kanal", "Kampanye"]).to_numpy().ravel()
    assert "Rp\u00a070,1\u00a0jt" in set(figures)
    assert not [f for f in figures if " " in f]
