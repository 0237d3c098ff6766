"""The ecosystem figures: the red flag exactly where organic social carries sales, and each
channel's own signal starred."""

from __future__ import annotations

from kpi_core.classify import classify
from kpi_core.derive import derive_rates, summarise
from kpi_core.ecosystem import channel_ecosystems, ecosystem_matrix
from kpi_core.ecosystem_charts import channel_figure, matrix_figure
from tests.frames import shop


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
    starred = [a.text for a in fig.layout.annotations if a.text.startswith("★")]
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
