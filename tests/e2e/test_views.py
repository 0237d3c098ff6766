"""The funnel and channel-ecosystem views in a real browser, on a demo and on an uploaded set."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.harness import ARTIFACTS, ROOT, no_exception, settle

pytestmark = pytest.mark.e2e
FUNNEL, ECOSYSTEM = 2, 3  # positions in the sidebar navigation

FIGURES = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(
    el => ({meta: el.layout && el.layout.meta, data: (el.data || []).map(
        tr => ({name: tr.name, y: tr.y, z: tr.z, customdata: tr.customdata}))}))"""


def figures(page: Any) -> list[dict[str, Any]]:
    """Every plotly figure drawn on the page: its meta and its traces' data."""
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    return list(page.evaluate(FIGURES))


def of_kind(page: Any, kind: str) -> list[dict[str, Any]]:
    """The drawn figures of one kind (funnel, funnel_grid, ecosystem_matrix, channel, period)."""
    return [f for f in figures(page) if (f["meta"] or {}).get("kind") == kind]


def visit(page: Any, index: int, heading: str) -> None:
    """Open one page from the sidebar and wait until its heading and charts are drawn."""
    page.locator('[data-testid="stSidebarNavLink"]').nth(index).click()
    page.get_by_role("heading", name=heading).first.wait_for(timeout=90_000)
    settle(page)
    page.locator(".js-plotly-plot").first.wait_for(timeout=90_000)
    # The previous page's charts fade out while the new ones draw: wait until none is stale.
    page.locator('[data-stale="true"]').first.wait_for(state="detached", timeout=90_000)
    settle(page)


def to_indonesian(page: Any) -> None:
    """Switch the language in the sidebar and wait until the English charts are gone."""
    page.locator(".st-key-lang_widget").click()
    page.get_by_role("option", name="Bahasa Indonesia").click()
    settle(page)
    page.locator('[data-stale="true"]').first.wait_for(state="detached", timeout=90_000)
    settle(page)


def shoot(page: Any, name: str) -> None:
    """A full-page screenshot of the main area into test-artifacts/."""
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(int(height) + 50, 9000)})
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)
    page.set_viewport_size({"width": 1400, "height": 2400})


def test_demo_funnel_and_ecosystem_in_both_languages(page: Any) -> None:
    """The shop demo draws five stages, five channels and Instagram's red flag, in en and id."""
    page.locator(".st-key-demo_ecom button").click()
    page.locator("h4").first.wait_for(timeout=90_000)
    settle(page)

    visit(page, FUNNEL, "Your funnel")
    no_exception(page)
    main = of_kind(page, "funnel")[0]
    assert main["meta"]["stages"] == [
        "awareness",
        "interest",
        "evaluation",
        "conversion",
        "retention",
    ]
    drawn = next(tr for tr in main["data"] if tr["name"] == "stages")
    assert [row[0] for row in drawn["customdata"]] == [
        "awareness",
        "interest",
        "evaluation",
        "conversion",
    ]
    missing = next(tr for tr in main["data"] if tr["name"] == "missing")
    assert missing["y"] == ["Retention"]
    grids = {len(g["meta"]["panels"]) for g in of_kind(page, "funnel_grid")}
    assert grids == {2, 5}  # organic vs paid; Facebook, Instagram, Shopee, TikTok, Website
    assert page.get_by_text("not a tracked cohort", exact=False).count() == 1
    shoot(page, "e2e-funnel-ecom-en.png")

    visit(page, ECOSYSTEM, "Channel ecosystems")
    no_exception(page)
    matrix = of_kind(page, "ecosystem_matrix")[0]
    assert (
        len(matrix["meta"]["rows"]) == 6
    )  # Facebook organic and paid, Instagram, Shopee, TikTok, Website
    assert matrix["meta"]["red_flags"] == ["instagram/organic/conversion"]
    assert len(of_kind(page, "channel")) == 5
    assert page.get_by_text("Revenue is attached to organic Instagram", exact=False).count() == 1
    shoot(page, "e2e-ecosystem-ecom-en.png")

    to_indonesian(page)
    no_exception(page)
    assert page.get_by_text("Ekosistem kanal").count() >= 1
    assert len(of_kind(page, "channel")) == 5
    shoot(page, "e2e-ecosystem-ecom-id.png")
    visit(page, FUNNEL, "Funnel Anda")
    no_exception(page)
    main = of_kind(page, "funnel")[0]
    missing = next(tr for tr in main["data"] if tr["name"] == "missing")
    assert missing["y"] == ["Retensi"]
    assert page.get_by_text("bukan kohort yang dilacak", exact=False).count() == 1
    shoot(page, "e2e-funnel-ecom-id.png")


def test_uploaded_multi_platform_set_in_both_languages(page: Any) -> None:
    """Meta ads plus a social sheet: four stages, three channels, the red flag on organic sales."""
    page.get_by_text("Upload your exports").wait_for(timeout=60_000)
    files = [ROOT / "tests" / "fixtures" / "meta_ads_manager_id_excel.csv",
             ROOT / "sample_data" / "ecom_a_social_harian.csv"]  # fmt: skip
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        [str(f) for f in files]
    )
    page.get_by_text("What KPI Lens understood").wait_for(timeout=90_000)
    settle(page)

    visit(page, FUNNEL, "Your funnel")
    no_exception(page)
    main = of_kind(page, "funnel")[0]
    drawn = next(tr for tr in main["data"] if tr["name"] == "stages")
    assert len(drawn["customdata"]) == 4
    panels = [g["meta"]["panels"] for g in of_kind(page, "funnel_grid")]
    assert sorted(len(p) for p in panels) == [2, 3]  # organic vs paid; Facebook, Instagram, TikTok
    shoot(page, "e2e-funnel-upload-en.png")

    visit(page, ECOSYSTEM, "Channel ecosystems")
    no_exception(page)
    matrix = of_kind(page, "ecosystem_matrix")[0]
    assert sorted(matrix["meta"]["rows"]) == [
        "facebook/organic", "facebook/paid", "instagram/organic", "tiktok/organic",
    ]  # fmt: skip
    assert matrix["meta"]["red_flags"] == ["instagram/organic/conversion"]
    assert page.get_by_text("Revenue is attached to organic Instagram", exact=False).count() == 1
    assert page.locator('[data-testid="stTable"]').count() == 1  # the paid-efficiency table
    shoot(page, "e2e-ecosystem-upload-en.png")

    to_indonesian(page)
    no_exception(page)
    assert (
        page.get_by_text("Pendapatan dikaitkan dengan Instagram organik", exact=False).count() == 1
    )
    shoot(page, "e2e-ecosystem-upload-id.png")
    visit(page, FUNNEL, "Funnel Anda")
    no_exception(page)
    shoot(page, "e2e-funnel-upload-id.png")


# Each channel card's tile labels: how far each one's text runs past the right edge of its tile.
_TILE_OVERFLOW = """() => Array.from(document.querySelectorAll('.js-plotly-plot'))
    .filter(el => el.layout && el.layout.meta && el.layout.meta.kind === 'channel')
    .flatMap(el => {
        const tiles = Array.from(el.querySelectorAll('.shapelayer path'))
            .map(p => p.getBoundingClientRect());
        return Array.from(el.querySelectorAll('g.annotation text')).flatMap(text => {
            const box = text.getBoundingClientRect(), y = (box.top + box.bottom) / 2;
            const tile = tiles.find(r => r.left <= box.left + 2 && box.left + 2 <= r.right
                                         && r.top <= y && y <= r.bottom);
            return tile ? [[text.textContent, Math.round(box.right - tile.right + 4)]] : [];
        });
    })"""


@pytest.mark.parametrize(
    ("files", "demo"),
    [
        (["tiktok_shop_key_metrics.xlsx", "Video_list_20260701-20260731.xlsx",
          "Live_list_20260701-20260731.xlsx", "Product_list_20260701-20260731.xlsx"], None),
        ([], "kafe"),
    ],
)  # fmt: skip
def test_every_tile_label_stays_inside_its_tile_at_1280(
    page: Any, files: list[str], demo: str | None
) -> None:
    """At 1,280 px in Bahasa Indonesia, every tile of the channel cards keeps its words inside
    it, with a margin: "Tambah ke keranjang (kartu produk)" of TikTok Shop and "Dilihat di
    Google Maps (desktop)" of the café ran past their tile's edge."""
    page.set_viewport_size({"width": 1280, "height": 2400})
    page.get_by_text("Upload your exports").wait_for(timeout=60_000)
    settle(page)
    to_indonesian(page)
    if demo:
        page.locator(f".st-key-demo_{demo} button").click()
    else:
        fixtures = ROOT / "tests" / "fixtures"
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            [str(fixtures / f) for f in files]
        )
    page.get_by_text("Yang dipahami KPI Lens").wait_for(timeout=90_000)
    settle(page)
    visit(page, ECOSYSTEM, "Ekosistem kanal")
    tiles = page.evaluate(_TILE_OVERFLOW)
    assert len(tiles) > 10
    assert [(text, over) for text, over in tiles if over > 0] == []


# Each table on the page: how far its widest row runs past the table's box (0 when it fits).
_TABLE_OVERFLOW = """() => Array.from(
        document.querySelectorAll('[data-testid="stTable"], [data-testid="stDataFrame"]'))
    .map(box => {
        const grid = box.querySelector('.dvn-scroller');
        if (grid) return grid.scrollWidth - grid.clientWidth;
        const right = box.getBoundingClientRect().right;
        const scrolled = Array.from(box.querySelectorAll('*'))
            .map(el => el.scrollWidth - el.clientWidth);
        return Math.max(...scrolled, ...Array.from(box.querySelectorAll('th, td'))
            .map(cell => cell.getBoundingClientRect().right - right));
    })"""


def test_the_paid_cost_table_shows_every_column_at_1280(page: Any) -> None:
    """At 1,280 px in Bahasa Indonesia, the shop demo's cost table fits its page: "Biaya per
    pesanan", ROAS and ROI are in view, not hidden past the right edge behind a scroll bar."""
    page.set_viewport_size({"width": 1280, "height": 2400})
    page.get_by_text("Upload your exports").wait_for(timeout=60_000)
    settle(page)
    to_indonesian(page)
    page.locator(".st-key-demo_ecom button").click()
    page.get_by_text("Yang dipahami KPI Lens").wait_for(timeout=90_000)
    settle(page)
    visit(page, ECOSYSTEM, "Ekosistem kanal")
    overflow = page.evaluate(_TABLE_OVERFLOW)
    assert len(overflow) == 1 and overflow[0] <= 1, overflow
    assert page.get_by_role("columnheader", name="ROI").first.is_visible()
