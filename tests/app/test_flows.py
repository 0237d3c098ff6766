"""What the user does over several steps: adding and removing files, demos, starting over."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from kpi_core.models import FileCorrections
from tests.app.test_pages import sidebar_widget, start, texts

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
META = FIXTURES / "meta_ads_manager_en.csv"  # 1-5 Jul 2026
GOOGLE = FIXTURES / "google_ads_campaign_report.csv"  # 1-31 Jul 2026
SHOP = FIXTURES / "tiktok_shop_key_metrics.xlsx"


def upload(at: AppTest, *paths: Path) -> AppTest:
    """Put exactly these files in the uploader (fewer than before: the others' ✕ was clicked)."""
    at.file_uploader[0].set_value([(p.name, p.read_bytes(), "text/csv") for p in paths])
    return at.run()


def cards(at: AppTest) -> list[str]:
    """The file names on the upload page's cards."""
    titles = [m.value.split(" ", 2)[2] for m in at.markdown if m.value.startswith("#### ")]
    return [re.sub(r" :\w+-badge\[.*\]$", "", title) for title in titles]


def card_button(at: AppTest, name: str, action: str) -> object:
    """A card's Remove or Undo button."""
    from kpi_app.corrections import file_key

    return at.button(key=f"card_{file_key(name)}_{action}")


def period(at: AppTest) -> tuple[date, date]:
    """The period the sidebar's date picker shows."""
    return tuple(at.date_input(key="period_widget").value)  # type: ignore[return-value]


def test_removing_a_file_from_the_uploader_takes_it_out_of_the_analysis() -> None:
    """Clicking ✕ on an uploader chip removes that file from the cards and the verdicts."""
    at = upload(start(), META, GOOGLE)
    assert cards(at) == [META.name, GOOGLE.name]
    upload(at, META)
    assert cards(at) == [META.name]
    at.switch_page("pages/verdicts.py").run()
    assert "Google Ads" not in texts(at) and "Facebook" in texts(at)


def test_two_files_of_one_name_are_both_read() -> None:
    """Two different exports with the same file name are both in the analysis, the second as
    `name (2)`; removing one chip keeps the other's figures."""
    other = GOOGLE.read_bytes()
    files = [(META.name, META.read_bytes(), "text/csv"), (META.name, other, "text/csv")]
    at = start()
    at.file_uploader[0].set_value(files).run()
    assert cards(at) == [META.name, f"{META.name} (2)"]
    assert "Google Ads" in texts(at) and "Meta Ads Manager" in texts(at)
    at.file_uploader[0].set_value(files[1:]).run()
    assert len(cards(at)) == 1
    assert "Google Ads" in texts(at) and "Meta Ads Manager" not in texts(at)


def test_each_file_card_removes_its_own_file_and_corrections() -> None:
    """A card's Remove button takes that one file and its corrections out of the analysis."""
    at = start("kafe")
    name = "kafe_kunjungan_toko.csv"
    at.session_state["corrections"] = {name: FileCorrections(channel="tiktok")}
    at.run()
    before = cards(at)
    card_button(at, name, "remove").click().run()
    assert cards(at) == [n for n in before if n != name]
    assert name not in at.session_state["corrections"]


def test_files_stay_listed_when_the_uploader_comes_back_empty() -> None:
    """After leaving the page (or switching language) the uploader is empty: the files still in
    the analysis are listed under it, and nothing is removed by that empty uploader."""
    at = upload(start(), META, GOOGLE)
    at.switch_page("pages/verdicts.py").run()
    at.switch_page("pages/upload.py").run()
    at.selectbox(key="lang_widget").set_value("id").run()
    assert cards(at) == [META.name, GOOGLE.name]
    listed = next(c.value for c in at.caption if c.value.startswith("Sedang dianalisis (2)"))
    assert META.name in listed and GOOGLE.name in listed


def test_the_first_upload_after_a_demo_replaces_the_demo_and_says_so() -> None:
    """Demo files are marked as demo; uploading one's own file replaces them, in one line."""
    at = start("ecom")
    assert all(":gray-badge[Demo]" in m.value for m in at.markdown if m.value.startswith("#### "))
    assert any("Your first upload replaces it" in c.value for c in at.caption)
    upload(at, META)
    assert cards(at) == [META.name]
    assert any("replaced the demo data of Toko Kirana" in i.value for i in at.info)
    assert not any("gray-badge" in m.value for m in at.markdown)


def test_start_over_returns_every_choice_to_its_default() -> None:
    """Start over forgets files, corrections and verdicts set by hand; goals, model and period
    are the defaults again for the next upload."""
    at = start("ecom")
    at.session_state["overrides"] = {("reach", "instagram", "organic"): "kpi"}
    at.session_state["corrections"] = {"ecom_ga4_website.csv": FileCorrections(channel="x")}
    at.date_input(key="period_widget").set_value((date(2026, 3, 1), date(2026, 3, 31))).run()
    next(b for b in at.button if b.label == "Start over").click().run()
    assert not cards(at) and not at.session_state["overrides"]
    assert not at.session_state["corrections"]
    assert sidebar_widget(at.multiselect, "goals").value == ["sales"]
    assert sidebar_widget(at.selectbox, "business_model").value == "online_store"
    upload(at, META)
    assert period(at) == (date(2026, 7, 1), date(2026, 7, 5))


def test_the_period_follows_the_span_of_the_data() -> None:
    """Adding a file with a longer span, or removing it, resets the period to the new span,
    and the date picker shows the period the pages use."""
    at = upload(start(), META)
    at.date_input(key="period_widget").set_value((date(2026, 7, 2), date(2026, 7, 3))).run()
    upload(at, META, GOOGLE)
    assert period(at) == (date(2026, 7, 1), date(2026, 7, 31))
    at.switch_page("pages/verdicts.py").run()
    assert "1 Jul 2026 – 31 Jul 2026" in at.caption[0].value
    at.date_input(key="period_widget").set_value((date(2026, 7, 10), date(2026, 7, 20))).run()
    at.switch_page("pages/upload.py").run()
    card_button(at, GOOGLE.name, "remove").click().run()
    assert period(at) == (date(2026, 7, 1), date(2026, 7, 5))


def test_a_column_set_aside_stays_in_the_editor_and_mappings_are_marked() -> None:
    """A column set to 'not a metric' stays listed; columns the user mapped read '(set by you)';
    the card says what was corrected and its Undo button reads the file as inferred again."""
    at = upload(start(), SHOP)
    fixes = FileCorrections(metrics=(("GMV dari video", None), ("Pembeli", "new_followers")))
    at.session_state["corrections"] = {SHOP.name: fixes}
    at.run()
    editor = next(d.value for d in at.dataframe if "change" in d.value.columns).set_index("column")
    assert editor.loc["GMV dari video", "reads_as"] == "not a metric (set by you)"
    assert editor.loc["GMV dari video", "change"] == "__none__"
    assert editor.loc["Pembeli", "reads_as"] == "New followers (set by you)"
    assert editor.loc["Pesanan", "change"] == "__keep__"
    assert any("Corrected by you: GMV dari video → not a metric" in c.value for c in at.caption)
    card_button(at, SHOP.name, "undo").click().run()
    editor = next(d.value for d in at.dataframe if "change" in d.value.columns).set_index("column")
    assert set(editor["change"]) == {"__keep__"}
    assert editor.loc["Pembeli", "reads_as"] == "Buyers"  # as inferred again
    assert not any("Corrected by you" in c.value for c in at.caption)


def test_mapping_a_column_to_a_metric_the_file_already_reads_warns_of_double_counting() -> None:
    """Pembeli mapped to Purchases while Pesanan reads as Purchases: a warning in each language."""
    at = upload(start(), SHOP)
    at.session_state["corrections"] = {
        SHOP.name: FileCorrections(metrics=(("Pembeli", "purchases"),))
    }
    at.run()
    assert any("“Pesanan”, “Pembeli”" in w.value and "count twice" in w.value for w in at.warning)
    at.selectbox(key="lang_widget").set_value("id").run()
    assert any("terhitung dua kali" in w.value for w in at.warning)


def test_the_funnel_keeps_its_channel_and_window_across_language_period_and_pages() -> None:
    """The funnel's channel and comparison window stay as picked after a language switch, a new
    period, and a visit to another page."""
    at = start("ecom")
    at.switch_page("pages/funnel.py").run()
    at.selectbox(key="funnel_scope_widget").set_value("instagram").run()
    at.get("button_group")[0].set_value("91").run()
    at.selectbox(key="lang_widget").set_value("id").run()
    at.date_input(key="period_widget").set_value((date(2026, 3, 1), date(2026, 6, 30))).run()
    at.switch_page("pages/verdicts.py").run()
    at.switch_page("pages/funnel.py").run()
    assert at.selectbox(key="funnel_scope_widget").value == "instagram"
    assert at.get("button_group")[0].value == "91"
    assert any("91 hari terakhir" in str(b.proto.options) for b in at.get("button_group"))
    assert "Funnel per kanal" not in texts(at)  # one channel: no per-channel grid


def test_verdict_filters_stay_and_the_downloads_say_what_they_hold() -> None:
    """Filters survive a language switch and a visit to another page; one download says it
    holds every metric, the other the rows shown, and with nothing shown only the first stays."""
    at = start("ecom")
    at.switch_page("pages/verdicts.py").run()
    at.multiselect(key="verdicts_filter_verdict_widget").set_value(["kpi"]).run()
    at.selectbox(key="lang_widget").set_value("id").run()
    at.switch_page("pages/upload.py").run()
    at.switch_page("pages/verdicts.py").run()
    assert at.multiselect(key="verdicts_filter_verdict_widget").value == ["kpi"]
    labels = [b.proto.label for b in at.get("download_button")]
    kpis = len(at.metric)  # one card per KPI, and the filter shows the KPIs
    assert (
        labels[0].startswith("Unduh semua ") and labels[1] == f"Unduh {kpis} yang ditampilkan (CSV)"
    )
    at.multiselect(key="verdicts_filter_channel_widget").set_value([]).run()
    assert [b.proto.label for b in at.get("download_button")] == labels[:1]
    assert any("Tidak ada metrik yang cocok" in i.value for i in at.info)


def test_the_funnels_are_built_once_per_view(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening the funnel builds each view once; a language switch, a rerun or a return to a
    business model shown before builds nothing again."""
    import streamlit as st

    from kpi_app import funnel as ui

    built: list[str] = []

    def counted(name: str) -> Callable[..., Any]:
        real = getattr(ui, name)

        def build(*args: Any, **kwargs: Any) -> Any:
            built.append(name)
            return real(*args, **kwargs)

        return build

    for name in ("build_funnel", "channel_funnels", "placement_funnels", "compare_periods"):
        monkeypatch.setattr(ui, name, counted(name))
    st.cache_resource.clear()
    at = start("ecom")
    at.switch_page("pages/funnel.py").run()
    assert sorted(built) == [
        "build_funnel",
        "channel_funnels",
        "compare_periods",
        "placement_funnels",
    ]
    built.clear()
    at.selectbox(key="lang_widget").set_value("id").run()
    at.run()
    assert built == []
    sidebar_widget(at.selectbox, "business_model").set_value("saas").run()
    assert "channel_funnels" in built
    built.clear()
    sidebar_widget(at.selectbox, "business_model").set_value("online_store").run()
    assert built == []


def test_a_file_naming_each_rows_channel_takes_a_channel_for_its_unknown_rows(
    tmp_path: Path,
) -> None:
    """A spreadsheet whose channel column holds Instagram and an unknown name offers a channel
    for the unrecognised rows only: choosing TikTok moves Threads' rows there and Instagram's
    reach stays on Instagram (a channel for the whole file used to move it too)."""
    from kpi_app.corrections import widget_prefix

    sheet = tmp_path / "laporan_tim.csv"
    channels = ("Instagram", "Threads")
    rows = [f"2026-09-0{d},{c},{100 * d},{d}" for d in range(1, 4) for c in channels]
    sheet.write_text("Tanggal,Kanal,Jangkauan,Suka\n" + "\n".join(rows) + "\n")
    at = upload(start(), sheet)
    warning = next(w.value for w in at.warning if "Threads" in w.value)
    assert "Choose the channel of those rows below" in warning
    box = at.selectbox(key=f"{widget_prefix(sheet.name, 'en')}_channel")
    assert box.label == "Unknown channel" and "(Instagram)" in box.help
    box.set_value("tiktok").run()
    assert not any("Threads" in w.value for w in at.warning)
    assert any("| Instagram, TikTok |" in m.value for m in at.markdown)


def test_how_it_was_read_stays_open_when_a_correction_clears_a_warning() -> None:
    """Mapping a file's last unrecognised column removes its warning, and the open 'How it was
    read' panel with the editor the user just used stays open."""
    from kpi_app.corrections import file_key

    at = upload(start(), SHOP)
    key = f"card_{file_key(SHOP.name)}_read"
    at.session_state[key] = True
    at.run()
    at.session_state["corrections"] = {
        SHOP.name: FileCorrections(metrics=(("GMV dari video", None),))
    }
    at.run()
    assert not any("Not recognised as a metric" in w.value for w in at.warning)
    panel = next(e for e in at.expander if e.label == "How it was read")
    assert panel.proto.expanded


def test_the_stage_filter_names_stages_as_the_funnel_does() -> None:
    """The verdicts' stage filter reads 'Awareness', 'Interest' like the funnel and the verdict
    filter beside it ('KPI', 'Supporting'), in English and Indonesian, not 'awareness'."""
    at = start("ecom")
    at.switch_page("pages/verdicts.py").run()
    assert at.multiselect(key="verdicts_filter_stage_widget").options[:2] == [
        "Awareness",
        "Interest",
    ]
    at.selectbox(key="lang_widget").set_value("id").run()
    assert at.multiselect(key="verdicts_filter_stage_widget").options[0] == "Kesadaran"


def test_several_unrecognised_columns_are_listed_in_one_notice(tmp_path: Path) -> None:
    """Three columns not recognised on two channels make one notice, counting three columns,
    that lists them above the KPIs, not six boxes."""
    sheet = tmp_path / "catatan_tim.csv"
    rows = [
        f"2026-09-0{d},{channel},{100 * d},{d},{d + 1},{d + 2}"
        for d in range(1, 4)
        for channel in ("Instagram", "TikTok")
    ]
    sheet.write_text("Tanggal,Kanal,Jangkauan,Skor mood,Catatan angka,Indeks tim\n")
    sheet.write_text(sheet.read_text() + "\n".join(rows) + "\n")
    at = upload(start(), sheet)
    at.switch_page("pages/verdicts.py").run()
    notices = [i.value for i in at.info if "did not match a known metric" in i.value]
    assert len(notices) == 1 and notices[0].startswith("3 columns")
    assert all(name in notices[0] for name in ("Skor mood", "Catatan angka", "Indeks tim"))


def test_an_assumed_currency_can_be_corrected_on_the_files_card() -> None:
    """GA4 revenue, whose export names no currency, is read as USD with 'correct it if wrong';
    choosing IDR in the file's currency box makes it rupiah and says the user set it."""
    from kpi_app.corrections import widget_prefix

    ga4 = ROOT / "sample_data" / "ecom_ga4_website.csv"
    at = upload(start(), ga4)
    assert "read as USD (assumed: correct it if wrong)" in texts(at)
    box = at.selectbox(key=f"{widget_prefix(ga4.name, 'en')}_currency")
    assert box.label == "Currency of amounts the file does not name"
    panel = next(e for e in at.expander if e.label == "How it was read")
    assert _unit_of(panel, "Total revenue") == "$"
    box.set_value("IDR").run()
    assert "read as IDR (set by you)" in texts(at)
    assert "read as USD" not in texts(at)
    panel = next(e for e in at.expander if e.label == "How it was read")
    assert _unit_of(panel, "Total revenue") == "Rp"


def _unit_of(panel: Any, column: str) -> str:
    """The unit the 'How it was read' table gives a column of the file."""
    table = panel.dataframe[0].value
    return str(table.loc[table["Column in the file"] == column, "Unit"].iloc[0])


def test_how_it_was_read_stays_open_across_a_language_switch() -> None:
    """A file's open 'How it was read' panel is still open, as 'Cara file dibaca', after the
    user switches to Bahasa Indonesia, and closed panels stay closed."""
    from kpi_app.corrections import file_key

    at = upload(start(), META, GOOGLE)
    at.session_state[f"card_{file_key(META.name)}_read"] = True
    at.run()
    at.selectbox(key="lang_widget").set_value("id").run()
    panels = [e for e in at.expander if e.label == "Cara file dibaca"]
    assert [p.proto.expanded for p in panels] == [True, False]


def test_open_panels_on_the_verdicts_and_funnel_pages_survive_a_language_switch() -> None:
    """The verdicts' 'Why each metric got its verdict' and the funnel's metric picks, once
    opened, are still open after switching to Bahasa Indonesia."""
    at = start("ecom")
    at.switch_page("pages/verdicts.py").run()
    at.session_state["reasons_facebook_organic"] = True  # the first channel's table
    at.run()
    at.selectbox(key="lang_widget").set_value("id").run()
    opened = [e.proto.expanded for e in at.expander if e.label == "Alasan penilaian setiap metrik"]
    assert opened[0] and not any(opened[1:])
    at.switch_page("pages/funnel.py").run()
    at.session_state["funnel_picks_panel"] = True
    at.run()
    at.selectbox(key="lang_widget").set_value("en").run()
    picks = next(e for e in at.expander if e.label == "Which metric stands for each stage")
    assert picks.proto.expanded
