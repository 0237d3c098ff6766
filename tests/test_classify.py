"""KPI, supporting or vanity: properties and rules of the classification."""

from __future__ import annotations

from typing import Any

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi_core import catalogue
from kpi_core.classify import Classification, classify, rules
from kpi_core.derive import derive_rates, summarise
from kpi_core.labels import in_sentence
from kpi_core.models import TIDY_COLUMNS, BusinessModel, ChannelKind, Goal, Verdict

CHANNELS = [c.id for c in catalogue.load().channels]
METRICS = list(catalogue.metric_ids())
SOCIAL = {c.id for c in catalogue.load().channels if c.kind is ChannelKind.SOCIAL}
SALES = {m.id for m in catalogue.load().metrics if m.sales}


def _unit(metric: str) -> str:
    unit = catalogue.metric(metric).unit
    return "IDR" if unit == "money" else unit


records = st.tuples(
    st.sampled_from(["2026-01-01", "2026-01-02", "2026-01-03"]),
    st.sampled_from(CHANNELS),
    st.sampled_from(["organic", "paid"]),
    st.sampled_from([*METRICS, None]),
    st.integers(min_value=0, max_value=10_000),
    st.sampled_from(["p1", "p2", None]),
)
goal_sets = st.sets(st.sampled_from(list(Goal)))
models = st.sampled_from(list(BusinessModel))


def frame_of(rows: list[tuple[Any, ...]], file: str = "a.csv") -> pd.DataFrame:
    """A tidy frame from generated (day, channel, placement, metric, value, post) records."""
    out = [
        (pd.Timestamp(day), ch, pl, m, float(v), _unit(m) if m else "count",
         catalogue.metric(m).label.en if m else "Mystery column", None, post, file)
        for day, ch, pl, m, v, post in rows
    ]  # fmt: skip
    frame = pd.DataFrame(out, columns=list(TIDY_COLUMNS[:10]))
    for extra in TIDY_COLUMNS[10:]:  # later columns (the table inside a file) follow the file
        frame[extra] = frame["file"]
    return frame


def run(frame: pd.DataFrame, goals: Any, model: Any, **kw: Any) -> Classification:
    """Summarise, derive and classify a frame."""
    return classify(derive_rates(summarise(frame)), goals, model, **kw)


def signature(result: Classification) -> tuple[Any, ...]:
    """What must not change when rows are shuffled or split: verdicts, values and flags."""
    rows = sorted(
        (m.source_name, m.channel, m.placement, m.unit, m.verdict, m.rule, m.value, m.flags)
        for m in result.metrics
    )
    return tuple(rows), tuple(sorted((f.code, f.message) for f in result.flags))


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(
    st.lists(st.sampled_from(METRICS), min_size=1, max_size=12, unique=True),
    st.sampled_from(CHANNELS), st.sampled_from(["organic", "paid"]), goal_sets, models,
    st.sampled_from(["en", "id"]),
)  # fmt: skip
def test_classification_is_total(
    metrics: list[str], channel: str, placement: str, goals: set[Goal], model: BusinessModel,
    lang: str,
) -> None:  # fmt: skip
    """Every catalogue metric, goal set and model gets a verdict, a rule and a reason."""
    frame = frame_of([("2026-01-01", channel, placement, m, 5, None) for m in metrics])
    result = run(frame, goals, model, lang=lang)
    ids = {r.id for r in rules().rule}
    assert {m.metric for m in result.metrics if not m.derived} == set(metrics)
    for verdict in result.metrics:
        assert verdict.verdict in Verdict and verdict.rule in ids and verdict.reason
        assert verdict.value is None or verdict.value == verdict.value  # never NaN
    assert all(f.message for f in result.flags)


@SETTINGS
@given(st.lists(records, min_size=1, max_size=60), goal_sets, models)
def test_never_more_than_six_computed_kpis(rows: list[Any], goals: set[Goal], model: Any) -> None:
    """No classification computes more than six KPI triples, and the budget says why."""
    result = run(frame_of(rows), goals, model)
    triples = {(m.metric, m.channel, m.placement) for m in result.kpis}
    assert len(triples) <= rules().budget.size
    squeezed = [m for m in result.metrics if m.rule == "kpi_budget"]
    assert bool(squeezed) == any(f.code == "too_many_kpis" for f in result.flags)


@SETTINGS
@given(st.lists(records, min_size=1, max_size=40), goal_sets, models)
def test_sales_on_organic_social_is_never_a_kpi(rows: list[Any], goals: Any, model: Any) -> None:
    """A sales or revenue metric on organic social is never a computed KPI and always flagged."""
    result = run(frame_of(rows), goals, model)
    for m in result.metrics:
        if m.metric in SALES and m.channel in SOCIAL and m.placement == "organic":
            assert m.verdict is not Verdict.KPI
            assert "sales_on_organic_social" in m.flags
            assert any(
                f.code == "sales_on_organic_social" and f.channel == m.channel for f in result.flags
            )


@SETTINGS
@given(st.lists(records, min_size=2, max_size=40), goal_sets, models, st.randoms())
def test_shuffling_or_splitting_rows_changes_nothing(
    rows: list[Any], goals: Any, model: Any, rnd: Any
) -> None:
    """Shuffling a file's rows or splitting it into two files leaves verdicts, values, flags."""
    whole = frame_of(rows)
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    cut = len(rows) // 2
    split = pd.concat(
        [frame_of(shuffled[:cut], "one.csv"), frame_of(shuffled[cut:], "two.csv")],
        ignore_index=True,
    )
    expected = signature(run(whole, goals, model))
    assert signature(run(frame_of(shuffled), goals, model)) == expected
    assert signature(run(split, goals, model)) == expected


def _instagram(
    *metrics: str, channel: str = "instagram", placement: str = "organic"
) -> pd.DataFrame:
    return frame_of([("2026-01-01", channel, placement, m, 50, None) for m in metrics])


def test_overrides_win_and_say_so() -> None:
    """An override replaces the computed verdict, is marked overridden and cites `override`."""
    result = run(_instagram("followers"), ["sales"], "online_store",
                 overrides={("followers", "instagram", "organic"): Verdict.KPI})  # fmt: skip
    (m,) = result.metrics
    assert (m.verdict, m.rule, m.overridden) == (Verdict.KPI, "override", True)


def test_override_past_six_raises_too_many_kpis() -> None:
    """An override that takes the KPI count past six raises too_many_kpis."""
    metrics = ("reach", "impressions", "comments", "shares", "saves", "video_views")
    base = run(_instagram(*metrics, "posts"), ["awareness", "engagement"], "online_store")
    assert len(base.kpis) <= 6
    more = run(
        _instagram(*metrics, "likes"), ["awareness", "engagement"], "online_store",
        overrides={("likes", "instagram", "organic"): "kpi"},
    )  # fmt: skip
    assert len(more.kpis) == 7
    assert [f.code for f in more.flags].count("too_many_kpis") == 1


def test_overridden_sales_metric_keeps_its_flag() -> None:
    """An overridden sales metric on organic social keeps the sales_on_organic_social flag."""
    result = run(_instagram("revenue"), ["sales"], "online_store",
                 overrides={("revenue", "instagram", "organic"): "kpi"})  # fmt: skip
    (m,) = result.metrics
    assert m.overridden and "sales_on_organic_social" in m.flags


def test_sales_on_paid_social_is_not_flagged() -> None:
    """Paid social with tracked purchases is a different case: a KPI, no flag."""
    result = run(_instagram("purchases", placement="paid"), ["sales"], "online_store")
    (m,) = result.metrics
    assert m.verdict is Verdict.KPI and not m.flags and not result.flags


def test_goal_without_kpi_names_what_would_serve_it() -> None:
    """A chosen goal with no candidate in the data is flagged, naming the metrics it needs."""
    result = run(_instagram("reach"), ["awareness", "leads"], "b2b")
    (flag,) = [f for f in result.flags if f.code == "goal_without_kpi"]
    assert flag.goal is Goal.LEADS and "Demo requests" in flag.message


def test_budget_squeeze_is_not_goal_without_kpi() -> None:
    """A goal whose candidates were squeezed out by the budget is not goal_without_kpi."""
    frame = pd.concat(
        [_instagram("reach", "impressions", "video_views", channel=ch) for ch in CHANNELS[:4]]
    )
    result = run(frame, ["awareness"], "online_store")
    codes = [f.code for f in result.flags]
    assert "too_many_kpis" in codes and "goal_without_kpi" not in codes
    assert "12" in next(f.message for f in result.flags if f.code == "too_many_kpis")


def test_each_goal_gets_its_best_candidate_first() -> None:
    """The budget fills goal by goal: every goal with a candidate gets a KPI before the rest."""
    frame = pd.concat(
        [_instagram("reach", "impressions", "video_views", channel=ch) for ch in CHANNELS[:4]]
        + [_instagram("leads", channel="linkedin", placement="paid")]
    )
    result = run(frame, ["awareness", "leads"], "online_store")
    assert any(m.metric == "leads" for m in result.kpis)


def test_the_last_slot_goes_to_the_larger_volume_of_one_metric() -> None:
    """With one KPI slot left for one metric on two channels, the larger volume gets it."""
    rows = [
        ("2026-01-01", ch, "organic", "conversions", 50, None)
        for ch in ("website", "email", "shopee", "tokopedia", "whatsapp")
    ]
    rows += [("2026-01-01", "email", "organic", "sign_ups", 274, None),
             ("2026-01-01", "website", "organic", "sign_ups", 4_069, None)]  # fmt: skip
    result = run(frame_of(rows), ["conversions"], "saas")
    sign_ups = {m.channel: m for m in result.metrics if m.metric == "sign_ups"}
    assert sign_ups["website"].verdict is Verdict.KPI
    assert (sign_ups["email"].verdict, sign_ups["email"].rule) == (Verdict.SUPPORTING, "kpi_budget")


def test_roi_beside_roas_takes_no_second_kpi_slot() -> None:
    """ROI beside ROAS on one channel supports it, saying why, and ROAS stays the KPI."""
    frame = frame_of([
        ("2026-01-01", "facebook", "paid", "revenue", 8_000, None),
        ("2026-01-01", "facebook", "paid", "spend", 2_000, None),
        ("2026-01-01", "facebook", "paid", "purchases", 40, None),
    ])  # fmt: skip
    result = run(frame, ["sales"], "online_store")
    rates = {m.metric: m for m in result.metrics if m.metric in ("roas", "roi")}
    assert rates["roas"].verdict is Verdict.KPI and rates["roas"].value == 4.0
    roi = rates["roi"]
    assert (roi.verdict, roi.rule, roi.value) == (Verdict.SUPPORTING, "same_parts_one_kpi", 3.0)
    assert "ROAS" in roi.reason
    assert not any(f.code == "too_many_kpis" for f in result.flags)


def test_a_shops_buyers_measure_sales_beside_its_orders() -> None:
    """A shop's buyers (people who bought, TikTok Shop's `Pembeli`) qualify as a sales KPI
    beside its orders, and are never added to them."""
    frame = frame_of([
        ("2026-01-01", "tokopedia", "organic", "purchases", 120, None),
        ("2026-01-01", "tokopedia", "organic", "buyers", 95, None),
    ])  # fmt: skip
    result = run(frame, ["sales"], "online_store")
    found = {m.metric: m for m in result.metrics}
    assert found["buyers"].verdict is Verdict.KPI and found["buyers"].value == 95
    assert found["purchases"].value == 120


def test_a_metric_named_inside_a_reason_reads_as_a_common_noun() -> None:
    """Inside a sentence a metric's name is lowercase ('Dalam penjualan SaaS, permintaan
    demo…'), while at the start, in acronyms and for a file's own column it keeps its capital."""
    frame = frame_of([
        ("2026-01-01", "website", "organic", "demo_requests", 40, None),
        ("2026-01-01", "website", "organic", "sessions", 9_000, None),
    ])  # fmt: skip
    for lang, inside in (("en", ", demo requests shows"), ("id", ", permintaan demo menunjukkan")):
        result = run(frame, ["leads"], "saas", lang=lang)
        reason = next(m.reason for m in result.metrics if m.metric == "demo_requests")
        assert inside in reason
    assert in_sentence("ROAS (return on ad spend)") == "ROAS (return on ad spend)"
    assert in_sentence("Instagram reach") == "Instagram reach"


def test_unknown_metric_offers_the_closest_candidates() -> None:
    """A column the catalogue cannot map is flagged with its closest known metrics."""
    frame = _instagram("reach").assign(metric=None, source_name="Jangkauan unik")
    result = run(frame, ["awareness"], "online_store")
    (flag,) = [f for f in result.flags if f.code == "unknown_metric"]
    assert "Reach" in flag.message and flag.source_name == "Jangkauan unik"


def test_reasons_speak_the_chosen_language() -> None:
    """Reasons come in Bahasa Indonesia when asked, naming the metric's Indonesian label."""
    (en,) = run(_instagram("reach"), ["awareness"], "physical_store").metrics
    (id_,) = run(_instagram("reach"), ["awareness"], "physical_store", lang="id").metrics
    assert "Reach" in en.reason and "Jangkauan" in id_.reason and en.reason != id_.reason


def test_rules_name_catalogue_metrics() -> None:
    """Every metric id the rules file names exists in the catalogue."""
    named = {m for g in rules().goal.values() for m in (*g.candidates, *g.paid_only)}
    named |= {m for r in rules().rule for m in r.metrics}
    assert named <= set(METRICS), sorted(named - set(METRICS))


def test_a_shops_returning_buyers_measure_retention() -> None:
    """Shopee's existing buyers (people who bought again) are a retention KPI, the seed's repeat
    purchase counted in people."""
    frame = frame_of([("2026-01-01", "shopee", "organic", "returning_buyers", 40, None)])
    result = run(frame, ["retention"], "online_store")
    (m,) = result.metrics
    assert m.verdict is Verdict.KPI and not result.flags


def test_cost_per_chat_is_a_paid_leads_kpi() -> None:
    """What a click-to-WhatsApp chat costs is the lead's price on paid social: a leads KPI."""
    frame = frame_of([("2026-01-01", "facebook", "paid", "cost_per_conversation", 3_500, None)])
    result = run(frame, ["leads"], "online_store")
    (m,) = result.metrics
    assert m.verdict is Verdict.KPI
