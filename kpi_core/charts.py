"""Plotly figures for the funnel views, and the colours and labels every chart shares.

The ecosystem figures are in `ecosystem_charts` and the period comparison in `period_charts`;
all serve the app and the client report.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from kpi_core import catalogue
from kpi_core.figures import format_value
from kpi_core.funnel import STAGES, Funnel
from kpi_core.i18n import t
from kpi_core.labels import metric_label
from kpi_core.models import Stage
from kpi_core.textfit import text_px

VERDICT_COLORS = {"kpi": "#1b7f3b", "supporting": "#2E5BFF", "vanity": "#9e9e9e"}
RED = "#d32f2f"
MISSING = "#b0b0b0"
STAGE_COLORS = ("#1e3a8a", "#1d4ed8", "#2563eb", "#3b82f6", "#60a5fa")
MAX_TILES = 7  # a panel shows the strongest metrics per stage; the rest are counted, not drawn
_TEXT_SIZE = 13.0
# The app's own font first: Streamlit names it "Source Sans" (its web font); under "Source Sans
# Pro" alone the charts fell back to the machine's sans-serif (Noto Sans, wider than the text
# estimates), and a tile's words ran past its edge.
FONT = dict(
    family="Source Sans, Source Sans Pro, Arial, sans-serif", size=_TEXT_SIZE, color="#262730"
)
# Small multiples are laid out by default for the 820 px a 1,280 px window leaves beside
# Streamlit's own sidebar (the app passes its own page width); each panel's x
# axis spans 1.04 (bars are centred on 0); a bar's text needs a little padding either side.
_GRID_PX, _GRID_SPAN, _TEXT_PAD = 820.0, 1.04, 12.0
_GRID_GAP, _GRID_MARGIN = 0.03, 10  # between panels (share of the plot's width); either side


def bar_width(value: float, top: float) -> float:
    """A stage's bar width on a log scale (1.0 for the largest), so 200 beside 100,000 shows."""
    return (math.log10(max(value, 1.0)) + 1) / (math.log10(max(top, 1.0)) + 1)


def stage_name(stage: Stage | None, lang: str) -> str:
    """A stage's name in the chosen language ("" for none)."""
    return "" if stage is None else t(f"funnel.stage.{stage}", lang)


def _pct(value: float | None, lang: str) -> str:
    return format_value(value, "fraction", lang)


def _count(value: float | None, lang: str) -> str:
    return format_value(value, "count", lang)


def short_label(metric: str | None, lang: str) -> str:
    """A metric's label without its explanation in brackets, for tight spaces: "CPM (cost per
    1,000 impressions)" reads as "CPM". Brackets that tell apart metrics of one name stay
    ("Engagement rate (impressions)"), unless the value says it ("0.4 likes per follower")."""
    label = metric_label(metric, lang)
    short = label.split(" (")[0]
    if metric and short in _shared_names(lang) and catalogue.metric(metric).per is None:
        return label
    return short


@cache
def _shared_names(lang: str) -> frozenset[str]:
    """Bracketless labels that more than one catalogue metric has."""
    names = [metric_label(m, lang).split(" (")[0] for m in catalogue.metric_ids()]
    return frozenset(n for n in names if names.count(n) > 1)


def _stage_bars(
    funnel: Funnel, lang: str, detailed: bool, panel_px: float = 0.0
) -> tuple[go.Bar, go.Bar]:
    """The stages' bars, and the hatched bars of stages without data. In a small multiple
    (`panel_px` wide) a bar too narrow for its metric's name shows only its count and %, the
    rest in its hover, so that plotly never shrinks the text past reading."""
    top = max((s.value or 0.0 for s in funnel.stages), default=0.0)
    shown = [s for s in funnel.stages if s.value is not None]
    missing = [s for s in funnel.stages if s.value is None]
    widths = [bar_width(s.value or 0.0, top) if s.value else 0.02 for s in shown]
    full, text, position = [], [], []
    for s, width in zip(shown, widths, strict=True):
        count = f"<b>{_count(s.value, lang)}</b>"
        if detailed:
            full.append(count)
            text.append(count)
            position.append("inside" if width > 0.15 else "outside")
            continue
        # Each small multiple may measure a stage differently: name the metric in the bar.
        # A name is shown whole or left to the hover: a name cut mid-word reads as a typo.
        name = short_label(s.metric, lang)
        pct = ""
        if s.more_than_previous:
            pct = t("funnel.not_a_rate_short", lang)
        elif s.pct_of_previous is not None and s.basis is not None:
            pct = t("chart.pct_of", lang, pct=_pct(s.pct_of_previous, lang),
                    stage=stage_name(s.basis, lang))  # fmt: skip
        lines = [f"{_count(s.value, lang)} · {name}", pct]
        full.append(f"{count} · {name}" + (f"<br>{pct}" if pct else ""))
        room = width / _GRID_SPAN * panel_px - _TEXT_PAD
        # The count is drawn bold, and so measured.
        number = _count(s.value, lang)
        bolder = text_px(number, _TEXT_SIZE, bold=True) - text_px(number, _TEXT_SIZE)
        wide = text_px(lines[0], _TEXT_SIZE) + bolder
        if max(wide, text_px(pct, _TEXT_SIZE)) <= room:
            text.append(full[-1])
            position.append("inside")
            continue
        # Without the name, the % keeps its basis where that fits ("8,6% dari Minat"): a bare
        # "8,6%" does not say of what.
        short = "" if s.more_than_previous else _pct(s.pct_of_previous, lang) if pct else ""
        if short and text_px(pct, _TEXT_SIZE) <= room:
            short = pct
        text.append(count + (f"<br>{short}" if short else ""))
        fits = text_px(_count(s.value, lang), _TEXT_SIZE, bold=True) <= room
        position.append("inside" if fits else "outside")
    present = go.Bar(
        orientation="h", y=[stage_name(s.stage, lang) for s in shown], x=widths,
        base=[-w / 2 for w in widths], text=text, hovertext=full,
        # A sliver (a stage of 0 or 1) cannot hold its number: it goes beside the bar instead.
        textposition=position, insidetextanchor="middle",
        marker=dict(color=[STAGE_COLORS[STAGES.index(s.stage)] for s in shown]),
        customdata=[[s.stage.value, s.metric, s.value, s.pct_of_first, s.pct_of_previous,
                     None if s.basis is None else s.basis.value] for s in shown],
        hovertemplate="%{y}: %{hovertext}<extra></extra>", name="stages", showlegend=False,
    )  # fmt: skip
    # A missing stage is drawn full width and hatched, so it cannot be read as a small count.
    absent = go.Bar(
        orientation="h", y=[stage_name(s.stage, lang) for s in missing], x=[1.0] * len(missing),
        base=[-0.5] * len(missing), text=[t("chart.no_data", lang)] * len(missing),
        textposition="inside", insidetextanchor="middle", textfont=dict(color="#6b6b6b"),
        marker=dict(color="rgba(255,255,255,0)", line=dict(color=MISSING, width=1),
                    pattern=dict(shape="/", fgcolor=MISSING, size=8)),
        customdata=[[s.stage.value, s.metric, None, None, None, None] for s in missing],
        hoverinfo="skip", name="missing", showlegend=False,
    )  # fmt: skip
    return present, absent


def _ticks(funnel: Funnel, lang: str) -> list[str]:
    ticks = []
    for s in funnel.stages:
        what = metric_label(s.metric, lang) if s.value is not None else t("chart.no_data", lang)
        ticks.append(
            f"<b>{stage_name(s.stage, lang)}</b><br><span style='color:#6b6b6b'>{what}</span>"
        )
    return ticks


def _percentages(funnel: Funnel, lang: str) -> list[str]:
    """Each stage's % of previous and % of first, each naming its basis ("" where none)."""
    first = funnel.first
    lines = []
    for s in funnel.stages:
        if s.value is None or first is None:
            lines.append("")
        elif s is first:
            lines.append(t("chart.first_stage", lang))
        else:
            pct_first = t("chart.pct_first", lang, pct=_pct(s.pct_of_first, lang),
                          stage=stage_name(first.stage, lang))  # fmt: skip
            key = "chart.pct_previous_skip" if s.skipped else "chart.pct_previous"
            key = "chart.not_a_rate" if s.more_than_previous else key
            pct_prev = t(
                key, lang, pct=_pct(s.pct_of_previous, lang), stage=stage_name(s.basis, lang)
            )
            lines.append(f"<b>{pct_prev}</b><br>{pct_first}")
    return lines


def funnel_figure(funnel: Funnel, lang: str = "en", title: str = "") -> go.Figure:
    """One funnel: log-width bars, exact counts, % of first and % of previous with their bases."""
    present, absent = _stage_bars(funnel, lang, detailed=True)
    names = [stage_name(s.stage, lang) for s in funnel.stages]
    # The percentages are the tick labels of a second axis on the right: plotly measures them
    # and widens the margin to fit, so no language or window width cuts them off.
    anchor = go.Scatter(x=[None] * len(names), y=names, yaxis="y2", mode="markers",
                        hoverinfo="skip", showlegend=False, name="percentages")  # fmt: skip
    fig = go.Figure([present, absent, anchor])
    # One fixed category range on both axes keeps each label level with its bar.
    stages = dict(range=[len(names) - 0.5, -0.5], categoryorder="array", categoryarray=names,
                  tickvals=names, fixedrange=True, automargin=True)  # fmt: skip
    fig.update_layout(
        title=dict(text=title, subtitle=dict(text=t("chart.log_note", lang))),
        barmode="overlay", height=110 + 84 * len(funnel.stages), font=FONT,
        margin=dict(l=10, r=10, t=70 if title else 40, b=10), plot_bgcolor="white",
        xaxis=dict(visible=False, range=[-0.52, 0.52], fixedrange=True),
        yaxis=dict(**stages, ticktext=_ticks(funnel, lang), tickfont=dict(size=14)),
        yaxis2=dict(**stages, ticktext=_percentages(funnel, lang), overlaying="y", side="right",
                    showgrid=False, zeroline=False, ticks="", tickfont=dict(size=13)),
        meta=dict(kind="funnel", log_width=True, stages=[s.stage.value for s in funnel.stages]),
    )  # fmt: skip
    return fig


def funnel_grid(
    funnels: Sequence[Funnel],
    titles: Sequence[str],
    lang: str = "en",
    columns: int = 3,
    page_px: float = _GRID_PX,
) -> go.Figure:
    """Small multiples: one log-width funnel per channel or placement, side by side, laid out
    for a page `page_px` wide (what a 1,280 px window leaves beside the app's sidebar)."""
    cols = max(1, min(columns, len(funnels)))
    rows = max(1, math.ceil(len(funnels) / cols))
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=list(titles), shared_yaxes=True,
                        horizontal_spacing=_GRID_GAP, vertical_spacing=0.12 / rows)  # fmt: skip
    labels = [stage_name(s, lang) for s in STAGES]
    # A panel's width: the page's, less the margins, the stage names left of the first panel
    # and the gaps between panels (plotly's spacing is a share of the plotting width).
    plot_px = page_px - _GRID_MARGIN * 2 - max(text_px(n, _TEXT_SIZE) for n in labels) - 8
    panel_px = plot_px * (1 - _GRID_GAP * (cols - 1)) / cols
    for i, funnel in enumerate(funnels):
        present, absent = _stage_bars(funnel, lang, detailed=False, panel_px=panel_px)
        for trace in (present, absent):
            fig.add_trace(trace, row=i // cols + 1, col=i % cols + 1)
    fig.update_xaxes(visible=False, range=[-0.52, 0.52], fixedrange=True)
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels,
                     tickvals=labels, fixedrange=True)  # fmt: skip
    fig.update_layout(
        barmode="overlay", height=90 + 330 * rows, font=FONT, plot_bgcolor="white",
        margin=dict(l=_GRID_MARGIN, r=_GRID_MARGIN, t=80, b=10),
        title=dict(text="", subtitle=dict(text=t("chart.log_note", lang))),
        meta=dict(kind="funnel_grid", log_width=True, panels=list(titles)),
    )  # fmt: skip
    return fig
