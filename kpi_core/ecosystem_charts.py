"""Plotly figures for the ecosystem view: channels by stage, and each channel's metrics as tiles."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from kpi_core.charts import FONT, MAX_TILES, MISSING, RED, VERDICT_COLORS, short_label, stage_name
from kpi_core.classify import MetricVerdict
from kpi_core.ecosystem import ChannelEcosystem, StageCell
from kpi_core.figures import format_value
from kpi_core.funnel import STAGES
from kpi_core.i18n import t
from kpi_core.labels import channel_label, distinguish, placement_label
from kpi_core.models import Verdict
from kpi_core.textfit import NBSP, to_html, wrap


def _cell_text(cell: StageCell, lang: str) -> str:
    if cell.red_flag:
        return f"<b>{t('chart.red_flag_cell', lang)}</b>"
    if not cell.metrics:
        return t("chart.no_metrics", lang)
    head = t("chart.metric" if cell.metrics == 1 else "chart.metrics", lang, n=cell.metrics)
    if cell.kpis:
        kpis = t("chart.kpi", lang) if cell.kpis == 1 else t("chart.kpis", lang, n=cell.kpis)
        head = f"<b>{kpis}</b> · {head}"
    lines = [head]
    for m in cell.efficiency[:2]:
        name = short_label(m.metric, lang)
        value = format_value(m.value, m.unit, lang, m.metric, compact=True)
        # Long cost names wrap so the name and figure stay inside the cell, the figure whole.
        lines.append(to_html(wrap([(name, False), (_whole(value), True)], [CELL_TEXT_PX] * 3)))
    return "<br>".join(lines)


def _whole(value: str) -> str:
    """A short figure kept on one line ("Rp 90,5 rb"); a long one ("442 shares per post") may
    wrap."""
    return value.replace(" ", NBSP) if len(value) <= 12 else value


_CODES = {None: 0, Verdict.VANITY: 1, Verdict.SUPPORTING: 2, Verdict.KPI: 3}
_SCALE = [
    "#f3f4f6",
    VERDICT_COLORS["vanity"],
    VERDICT_COLORS["supporting"],
    VERDICT_COLORS["kpi"],
    RED,
]


def matrix_figure(cells: Sequence[StageCell], lang: str = "en") -> go.Figure:
    """Channels by stage, coloured by the best verdict, red where organic social carries sales."""
    rows = list(dict.fromkeys((c.channel, c.placement) for c in cells))
    names = [f"<b>{channel_label(ch, lang)}</b> · {placement_label(p, lang)}" for ch, p in rows]
    cols = [stage_name(s, lang) for s in STAGES]
    grid = {(c.channel, c.placement, c.stage): c for c in cells}
    z, text, hover = [], [], []
    for ch, p in rows:
        line = [grid[(ch, p, s)] for s in STAGES]
        z.append([4 if c.red_flag else _CODES[c.verdict] for c in line])
        text.append([_cell_text(c, lang) for c in line])
        hover.append([c.message or "" for c in line])
    n = len(_SCALE)
    red = [f"{c.channel}/{c.placement}/{c.stage.value}" for c in cells if c.red_flag]
    scale = [[edge, color] for i, color in enumerate(_SCALE) for edge in (i / n, (i + 1) / n)]
    fig = go.Figure(go.Heatmap(
        z=z, x=cols, y=names, text=text, texttemplate="%{text}", customdata=hover,
        hovertemplate="%{y} · %{x}<br>%{customdata}<extra></extra>", colorscale=scale,
        zmin=-0.5, zmax=n - 0.5, showscale=False, xgap=4, ygap=4,
        textfont=dict(color="white", size=12),
    ))  # fmt: skip
    legend = [(t(f"badge.{v}", lang), VERDICT_COLORS[v]) for v in ("kpi", "supporting", "vanity")]
    legend.append((t("chart.red_flag", lang), RED))
    for name, color in legend:
        fig.add_scatter(x=[None], y=[None], mode="markers", name=name,
                        marker=dict(symbol="square", size=14, color=color))  # fmt: skip
    fig.update_layout(
        height=110 + 80 * len(rows), font=FONT, plot_bgcolor="white",
        margin=dict(l=10, r=10, t=40, b=40),
        legend=dict(orientation="h", y=-0.02, x=0, yanchor="top"),
        xaxis=dict(side="top", fixedrange=True, showgrid=False),
        yaxis=dict(autorange="reversed", fixedrange=True, showgrid=False),
        meta=dict(kind="ecosystem_matrix", rows=[f"{ch}/{p}" for ch, p in rows], red_flags=red),
    )  # fmt: skip
    return fig


# A matrix cell at a 1,280 px window is about 130 px wide.
CELL_TEXT_PX = 120
# A channel panel at its narrowest (a 1,280 px window with the sidebar open) is about 780 px for
# five stages: a tile leaves about 130 px of text per line, three lines at most.
TILE_TEXT_PX = 130
TILE_LINES = 3
_TAG_PX = 38  # the paid tag in a tile's top-right corner takes this much of the first line
_LINE_PX, _HEADER_PX = 15, 34


def _tile(
    m: MetricVerdict, label: str, eco: ChannelEcosystem, lang: str
) -> tuple[str, str, bool, bool]:
    """The tile's text (value in bold, then the name, wrapped to fit), colour, star and tag."""
    value = format_value(m.value, m.unit, lang, m.metric, compact=True)
    signal = m in eco.signals
    flagged = "sales_on_organic_social" in m.flags
    tagged = len(eco.placements) > 1 and m.placement == "paid"
    marks = ("★ " if signal else "") + ("⚑ " if flagged else "")
    widths = [TILE_TEXT_PX - (_TAG_PX if tagged else 0)] + [TILE_TEXT_PX] * (TILE_LINES - 1)
    # "4 views per user" already names the metric "Views per user": no need to say it twice.
    named = value.casefold().endswith(label.casefold())
    lines = wrap([(marks + _whole(value), True), ("" if named else label, False)], widths)
    color = RED if flagged else VERDICT_COLORS[m.verdict.value]
    return to_html(lines), color, signal, tagged


def _labels(metrics: list[MetricVerdict], lang: str) -> dict[MetricVerdict, str]:
    """Each tile's name; two columns read as one metric on one placement say which is which."""
    short = [short_label(m.metric, lang) if m.metric else m.source_name for m in metrics]
    names = distinguish(
        short, [m.source_name for m in metrics], [m.placement for m in metrics], lang=lang
    )
    return dict(zip(metrics, names, strict=True))


def _ranked(
    eco: ChannelEcosystem, fig: go.Figure, lang: str
) -> list[tuple[int, int, MetricVerdict]]:
    """(column, row, metric) per tile drawn; a stage with more than fits says how many more."""
    order = {Verdict.KPI: 0, Verdict.SUPPORTING: 1, Verdict.VANITY: 2}
    tiles = []
    for col, (_stage, metrics) in enumerate(eco.by_stage):
        ranked = sorted(metrics, key=lambda m: (m not in eco.signals, order[m.verdict]))
        if not metrics:
            fig.add_annotation(x=col + 0.5, y=-0.5, text="–", showarrow=False,
                               font=dict(color=MISSING))  # fmt: skip
        if len(ranked) > MAX_TILES:
            more = t("chart.more", lang, n=len(ranked) - MAX_TILES + 1)
            fig.add_annotation(x=col + 0.5, y=-MAX_TILES + 0.5, showarrow=False, text=more,
                               font=dict(color="#6b6b6b"))  # fmt: skip
            ranked = ranked[: MAX_TILES - 1]
        tiles += [(col, row, m) for row, m in enumerate(ranked)]
    return tiles


def channel_figure(eco: ChannelEcosystem, lang: str = "en") -> go.Figure:
    """One channel's metrics as tiles by stage, coloured by verdict, its best signal starred, and
    paid tiles tagged where the channel has both placements."""
    fig = go.Figure()
    tiles = _ranked(eco, fig, lang)
    labels = _labels([m for _c, _r, m in tiles], lang)
    drawn = [(col, row, *_tile(m, labels[m], eco, lang)) for col, row, m in tiles]
    # Every row is as tall as the tile with the most lines, so tiles line up across stages.
    lines = max((text.count("<br>") + 1 for _c, _r, text, *_ in drawn), default=1)
    row_px = 16 + _LINE_PX * lines
    top = _HEADER_PX / row_px
    for col, (stage, _metrics) in enumerate(eco.by_stage):
        fig.add_annotation(x=col + 0.5, y=top / 2, text=f"<b>{stage_name(stage, lang)}</b>",
                           showarrow=False, font=dict(size=13, color="#262730"))  # fmt: skip
    tag = f"<b>{t('chart.paid_tag', lang)}</b>"
    for col, row, text, color, signal, tagged in drawn:
        outline = dict(color="#f5b700", width=3) if signal else dict(color=color, width=0)
        fig.add_shape(type="rect", x0=col + 0.02, x1=col + 0.98, y0=-row - 0.94,
                      y1=-row - 0.06, fillcolor=color, line=outline)  # fmt: skip
        fig.add_annotation(x=col + 0.06, y=-row - 0.5, text=text, showarrow=False, xanchor="left",
                           align="left", font=dict(color="white", size=12))  # fmt: skip
        if tagged:
            fig.add_annotation(x=col + 0.95, y=-row - 0.1, xanchor="right", yanchor="top",
                               text=tag, showarrow=False, bgcolor="white", borderpad=1,
                               font=dict(color=color, size=9))  # fmt: skip
    depth = min(max((len(ms) for _, ms in eco.by_stage), default=0), MAX_TILES) or 1
    fig.update_layout(
        height=8 + _HEADER_PX + row_px * depth, font=FONT, plot_bgcolor="white",
        margin=dict(l=4, r=4, t=4, b=4),
        xaxis=dict(visible=False, range=[0, len(STAGES)], fixedrange=True),
        yaxis=dict(visible=False, range=[-depth, top], fixedrange=True),
        meta=dict(kind="channel", channel=eco.channel, signals=[m.metric for m in eco.signals],
                  tiles=[[m.metric or m.source_name, m.placement] for _c, _r, m in tiles]),
    )  # fmt: skip
    return fig
