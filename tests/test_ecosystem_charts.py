"""The ecosystem figures: the red flag exactly where organic social carries sales, and each
channel's own signal starred."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from kpi_core.classify import classify
from kpi_core.derive import derive_rates, summarise
from kpi_core.ecosystem import channel_ecosystems, ecosystem_matrix
from kpi_core.ecosystem_charts import TILE_TEXT_PX, channel_figure, matrix_figure
from kpi_core.textfit import text_px
from tests.frames import shop, tidy


def both_placements() -> pd.DataFrame:
    """The shop with organic Facebook posts too, and paid chats whose name is long."""
    extra = tidy([
        ("2026-01-05", "facebook", "organic", "reach", 20_000, "count"),
        ("2026-01-05", "facebook", "organic", "likes", 900, "count"),
        ("2026-01-05", "facebook", "organic", "followers", 4_000, "count"),
        ("2026-01-05", "facebook", "paid", "messaging_conversations", 300, "count", "A"),
    ])  # fmt: skip
    return pd.concat([shop(), extra], ignore_index=True)


def test_matrix_draws_the_red_flag_exactly_where_organic_social_carries_sales() -> None:
    """In the channel x stage matrix only organic Instagram's conversion cell is red."""
    verdicts = classify(derive_rates(summarise(shop())), ["sales", "leads"], "online_store")
    fig = matrix_figure(ecosystem_matrix(verdicts))
    heat = fig.data[0]
    red = [(y, x) for y, row in zip(heat.y, heat.z, strict=True)
           for x, z in zip(heat.x, row, strict=True) if z == 4]  # fmt: skip
    assert red == [("<b>Instagram</b> · Organic", "Conversion")]
    assert fig.layout.meta["red_flags"] == ["instagram/organic/conversion"]
    assert any("organic Instagram" in cell for row in heat.customdata for cell in row)
    paid_row = heat.y.index("<b>Facebook</b> · Paid")
    assert "CPM" in heat.text[paid_row][0]


def test_channel_panel_stars_the_channels_own_signal() -> None:
    """Instagram's panel draws saves and shares with the signal outline and the revenue tile red."""
    verdicts = classify(derive_rates(summarise(shop())), ["sales"], "online_store")
    eco = next(e for e in channel_ecosystems(verdicts) if e.channel == "instagram")
    fig = channel_figure(eco)
    assert fig.layout.meta["signals"] == ["saves", "shares"]
    starred = [a.text for a in fig.layout.annotations if a.text.startswith("<b>★")]
    assert len(starred) == 2
    assert any("⚑" in a.text for a in fig.layout.annotations)


def test_indonesian_matrix_names_channels_stages_and_cells_in_indonesian() -> None:
    """The Indonesian matrix says `Berbayar`, `Konversi` and `Penjualan di sosial organik`."""
    verdicts = classify(derive_rates(summarise(shop())), ["sales", "leads"], "online_store")
    fig = matrix_figure(ecosystem_matrix(verdicts), "id")
    heat = fig.data[0]
    assert "<b>Facebook</b> · Berbayar" in heat.y
    assert "Konversi" in heat.x
    assert "Paid" not in " ".join(heat.y)
    assert "⚑ Penjualan di sosial organik" in [tr.name for tr in fig.data[1:]]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_tiles_wrap_whole_names_inside_their_tile(lang: str) -> None:
    """Tile names wrap onto lines that fit the tile at a 1,280 px window, none cut short."""
    summary = derive_rates(summarise(both_placements()))
    verdicts = classify(summary, ["sales", "leads"], "online_store", lang=lang)
    for eco in channel_ecosystems(verdicts):
        fig = channel_figure(eco, lang)
        texts = [a.text for a in fig.layout.annotations if a.font.color == "white"]
        assert len(texts) == len(fig.layout.shapes) == len(fig.layout.meta["tiles"])
        low, high = fig.layout.yaxis.range
        px_per_row = (fig.layout.height - 8) / (high - low)
        tile_px = min(shape.y1 - shape.y0 for shape in fig.layout.shapes) * px_per_row
        for text in texts:
            lines = re.sub("</?b>", "", text).split("<br>")
            assert "…" not in text and len(lines) <= 3
            assert all(text_px(line) <= TILE_TEXT_PX for line in lines)
            assert tile_px >= 15 * len(lines) + 4  # a 12 px line needs about 15 px


def test_paid_tiles_are_tagged_where_a_channel_has_both_placements() -> None:
    """On Facebook (organic and paid) each paid tile carries a PAID tag; organic ones do not."""
    summary = derive_rates(summarise(both_placements()))
    verdicts = classify(summary, ["sales", "leads"], "online_store", lang="id")
    eco = next(e for e in channel_ecosystems(verdicts) if e.channel == "facebook")
    fig = channel_figure(eco, "id")
    tags = [a for a in fig.layout.annotations if a.text == "<b>IKLAN</b>"]
    drawn = [p for _m, p in fig.layout.meta["tiles"]][: len(fig.layout.shapes)]
    assert len(tags) == drawn.count("paid") > 0
    assert "berbayar" not in " ".join(a.text for a in fig.layout.annotations).lower()


def test_matrix_counts_kpis_in_the_plural() -> None:
    """A cell with two KPIs says `2 KPIs`, one with a single KPI `1 KPI`."""
    summary = derive_rates(summarise(both_placements()))
    verdicts = classify(summary, ["sales", "leads"], "online_store")
    cells = [c for row in matrix_figure(ecosystem_matrix(verdicts)).data[0].text for c in row]
    counts = {c.split("</b>")[0].removeprefix("<b>") for c in cells if "KPI" in c}
    assert counts and all(c == "1 KPI" or c.endswith(" KPIs") for c in counts)


def test_a_rate_whose_value_names_it_is_not_named_twice() -> None:
    """Views per user reads `4 views per user` on its tile, not followed by its name again."""
    frame = tidy([
        ("2026-01-05", "website", "organic", "page_views", 4_000, "count"),
        ("2026-01-05", "website", "organic", "users", 1_000, "count"),
    ])  # fmt: skip
    verdicts = classify(derive_rates(summarise(frame)), ["sales"], "online_store")
    (eco,) = channel_ecosystems(verdicts)
    texts = [a.text for a in channel_figure(eco).layout.annotations if a.font.color == "white"]
    tile = next(text for text in texts if "per user" in text)
    assert tile == "<b>4 views per user</b>"
