"""What a rate's figures are counted in: percent numbers become fractions only when they are."""

from __future__ import annotations

import pytest

from kpi_core.ingest import read_files
from kpi_core.labels import inference_message

META_ADS = (
    "\ufeffCampaign name,Day,Amount spent (IDR),Impressions,Link clicks,CTR (all),"
    "CTR (link click-through rate)\n"
    "Awareness,2026-09-01,150000,10000,12,0.41,0.12\n"
    "Awareness,2026-09-02,150000,11000,15,0.47,0.14\n"
)


def _values(data: bytes, name: str, source: str) -> list[float]:
    frame = read_files([(name, data)]).frame
    return sorted(frame.loc[frame["source_name"] == source, "value"].round(6))


def test_meta_ads_ctr_below_one_is_still_a_percent() -> None:
    """Meta Ads writes CTR 0.41 meaning 0.41 %: it becomes 0.0041, however small every day is."""
    assert _values(META_ADS.encode(), "ads.csv", "CTR (all)") == [0.0041, 0.0047]
    assert _values(META_ADS.encode(), "ads.csv", "CTR (link click-through rate)") == [
        0.0012,
        0.0014,
    ]


def test_a_percent_header_divides_small_values_too() -> None:
    """`Impressions click-through rate (%)` 0.62 is 0.62 %; the user is told why it was divided."""
    text = (
        "Date,Views,Impressions click-through rate (%)\n2026-09-01,100,0.62\n2026-09-02,90,0.84\n"
    )
    ds = read_files([("channel.csv", text.encode())])
    frame = ds.frame
    rates = frame.loc[frame["metric"] == "ctr", "value"].round(6).tolist()
    assert rates == [0.0062, 0.0084]
    (note,) = [i for i in ds.files[0].inferences if i.what == "percent_units"]
    assert "header" in inference_message(note, "en")
    assert "header-nya" in inference_message(note, "id")


@pytest.mark.parametrize(
    ("rates", "expected"),
    [(("0.05", "0.07"), [0.05, 0.07]), (("5", "7"), [0.05, 0.07])],
    ids=["fractions-stay", "percent-numbers-divided"],
)
def test_an_unmarked_rate_is_a_percent_only_when_a_value_is_above_one(
    rates: tuple[str, str], expected: list[float]
) -> None:
    """Without a header or platform that says percent, only a value above 1 proves it."""
    text = (
        f"Date,Impressions,Engagement rate\n2026-09-01,100,{rates[0]}\n2026-09-02,90,{rates[1]}\n"
    )
    assert _values(text.encode(), "sheet.csv", "Engagement rate") == expected


def test_each_cell_keeps_the_currency_it_names() -> None:
    """`$12.50` beside `IDR 150,000.00` in one column: dollars stay USD, rupiah stay IDR."""
    text = (
        "Date,Channel,Placement,Spend,Impressions\n"
        "2026-09-01,Facebook,Paid,$12.50,1000\n"
        '2026-09-01,TikTok,Paid,"IDR 150,000.00",2000\n'
        "2026-09-02,Facebook,Paid,$13.50,1100\n"
    )
    frame = read_files([("spend.csv", text.encode())]).frame
    spend = frame[frame["metric"] == "spend"]
    by_channel = spend.groupby(["channel", "unit"], observed=True)["value"].sum().to_dict()
    assert by_channel == {("facebook", "USD"): 26.0, ("tiktok", "IDR"): 150_000.0}


def test_per_session_and_per_user_figures_are_not_percentages() -> None:
    """GA4's 5.2 events per session stay 5.2 (a ratio the catalogue reads per session), while
    its engagement rate 0.61 stays a fraction and a bounce rate of 38.9 is 38.9 %."""
    data = (
        b"Session default channel group,Sessions,Events per session,Engagement rate,Bounce rate\n"
        b"Organic Social,1800,5.2,0.61,38.9\n"
    )
    assert _values(data, "ga4.csv", "Events per session") == [5.2]
    assert _values(data, "ga4.csv", "Engagement rate") == [0.61]
    assert _values(data, "ga4.csv", "Bounce rate") == [0.389]
