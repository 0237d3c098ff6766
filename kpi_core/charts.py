"""Plotly figures for the funnel and ecosystem views, shared by the app and the client report."""

from __future__ import annotations

import math
from collections.abc import Sequence

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from kpi_core.classify import MetricVerdict
from kpi_core.ecosystem import ChannelEcosystem, StageCell
from kpi_core.funnel import STAGES, Funnel, PeriodComparison
from kpi_core.i18n import t
from kpi_core.labels import channel_label, format_value, metric_label, placement_label
from kpi_core.models import Stage, Verdict

VERDICT_COLORS = {"kpi": "#1b7f3b", "supporting": "#2E5BFF", "vanity": "#9e9e9e"}
RED = "#d32f2f"
MISSING = "#b0b0b0"
STAGE_COLORS = ("#1e3a8a", "#1d4ed8", "#2563eb", "#3b82f6", "#60a5fa")
MAX_TILES = 7  # a panel shows the strongest metrics per stage; the rest are counted, not drawn
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=13, color="#262730")


def bar_width(value: float, top: float) -> float:
    """A stage's bar width on a log scale (1.0 for the largest), so 200 beside 100,000 shows."""
    return (math.log10(max(value, 1.0)) + 1) / (math.log10(max(top, 1.0)) + 1)


def _stage(stage: Stage | None, lang: str) -> str:
    return "" if stage is None else t(f"funnel.stage.{stage}", lang)


def _pct(value: float | None, lang: str) -> str:
    return format_value(value, "fraction", lang)


def _count(value: float | None, lang: str) -> str:
    return format_value(value, "count", lang)


def _short(metric: str | None, lang: str) -> str:
    # "CPM (cost per 1,000 impressions)" reads as "CPM" where space is short.
    return metric_label(metric, lang).split(" (")[0]


def _stage_bars(funnel: Funnel, lang: str, detailed: bool) -> tuple[go.Bar, go.Bar]:
    top = max((s.value or 0.0 for s in funnel.stages), default=0.0)
    shown = [s for s in funnel.stages if s.value is not None]
    missing = [s for s in funnel.stages if s.value is None]
    widths = [bar_width(s.value or 0.0, top) if s.value else 0.02 for s in shown]
    text = []
    for s in shown:
        line = f"<b>{_count(s.value, lang)}</b>"
        if not detailed:
            # Each small multiple may measure a stage differently: name the metric in the bar.
            name = _short(s.metric, lang)
            line += f" · {name if len(name) <= 16 else name[:15] + '…'}"
        if not detailed and s.pct_of_previous is not None and s.basis is not None:
            line += "<br>" + t("chart.pct_of", lang, pct=_pct(s.pct_of_previous, lang),
                                stage=_stage(s.basis, lang))  # fmt: skip
        text.append(line)
    present = go.Bar(
        orientation="h", y=[_stage(s.stage, lang) for s in shown], x=widths,
        base=[-w / 2 for w in widths], text=text,
        # A sliver (a stage of 0 or 1) cannot hold its number: it goes beside the bar instead.
        textposition=["inside" if w > 0.15 else "outside" for w in widths],
        insidetextanchor="middle",
        marker=dict(color=[STAGE_COLORS[STAGES.index(s.stage)] for s in shown]),
        customdata=[[s.stage.value, s.metric, s.value, s.pct_of_first, s.pct_of_previous,
                     None if s.basis is None else s.basis.value] for s in shown],
        hovertemplate="%{y}: %{text}<extra></extra>", name="stages", showlegend=False,
    )  # fmt: skip
    # A missing stage is drawn full width and hatched, so it cannot be read as a small count.
    absent = go.Bar(
        orientation="h", y=[_stage(s.stage, lang) for s in missing], x=[1.0] * len(missing),
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
        ticks.append(f"<b>{_stage(s.stage, lang)}</b><br><span style='color:#6b6b6b'>{what}</span>")
    return ticks


def funnel_figure(funnel: Funnel, lang: str = "en", title: str = "") -> go.Figure:
    """One funnel: log-width bars, exact counts, % of first and % of previous with their bases."""
    present, absent = _stage_bars(funnel, lang, detailed=True)
    fig = go.Figure([present, absent])
    first = funnel.first
    for s in funnel.stages:
        if s.value is None or first is None:
            continue
        if s is first:
            line = t("chart.first_stage", lang)
        else:
            pct_first = t("chart.pct_first", lang, pct=_pct(s.pct_of_first, lang),
                          stage=_stage(first.stage, lang))  # fmt: skip
            key = "chart.pct_previous_skip" if s.skipped else "chart.pct_previous"
            pct_prev = t(key, lang, pct=_pct(s.pct_of_previous, lang), stage=_stage(s.basis, lang))
            line = f"<b>{pct_prev}</b><br>{pct_first}"
        fig.add_annotation(x=0.54, y=_stage(s.stage, lang), text=line, showarrow=False,
                           xanchor="left", align="left", font=dict(size=13))  # fmt: skip
    fig.update_layout(
        title=dict(text=title, subtitle=dict(text=t("chart.log_note", lang))),
        barmode="overlay", height=110 + 84 * len(funnel.stages), font=FONT,
        margin=dict(l=10, r=10, t=70 if title else 40, b=10), plot_bgcolor="white",
        xaxis=dict(visible=False, range=[-0.52, 1.1], fixedrange=True),
        yaxis=dict(autorange="reversed", tickvals=[_stage(s.stage, lang) for s in funnel.stages],
                   ticktext=_ticks(funnel, lang), fixedrange=True, tickfont=dict(size=14)),
        meta=dict(kind="funnel", log_width=True, stages=[s.stage.value for s in funnel.stages]),
    )  # fmt: skip
    return fig


def funnel_grid(
    funnels: Sequence[Funnel], titles: Sequence[str], lang: str = "en", columns: int = 3
) -> go.Figure:
    """Small multiples: one log-width funnel per channel or placement, side by side."""
    cols = max(1, min(columns, len(funnels)))
    rows = max(1, math.ceil(len(funnels) / cols))
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=list(titles), shared_yaxes=True,
                        horizontal_spacing=0.03, vertical_spacing=0.12 / rows)  # fmt: skip
    for i, funnel in enumerate(funnels):
        present, absent = _stage_bars(funnel, lang, detailed=False)
        for trace in (present, absent):
            fig.add_trace(trace, row=i // cols + 1, col=i % cols + 1)
    labels = [_stage(s, lang) for s in STAGES]
    fig.update_xaxes(visible=False, range=[-0.52, 0.52], fixedrange=True)
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=labels,
                     tickvals=labels, fixedrange=True)  # fmt: skip
    fig.update_layout(
        barmode="overlay", height=90 + 330 * rows, font=FONT, plot_bgcolor="white",
        margin=dict(l=10, r=10, t=80, b=10),
        title=dict(text="", subtitle=dict(text=t("chart.log_note", lang))),
        meta=dict(kind="funnel_grid", log_width=True, panels=list(titles)),
    )  # fmt: skip
    return fig


def period_figure(comparison: PeriodComparison, lang: str = "en") -> go.Figure:
    """This period against the one before, per stage, on a log axis, with the change labelled."""
    shown = [c for c in comparison.changes if c.current is not None or c.previous is not None]
    labels = [f"<b>{_stage(c.stage, lang)}</b><br>{metric_label(c.metric, lang)}" for c in shown]
    fig = go.Figure()
    for name, values, color in (
        (t("chart.previous", lang), [c.previous for c in shown], "#b8c4d6"),
        (t("chart.current", lang), [c.current for c in shown], STAGE_COLORS[1]),
    ):
        fig.add_bar(orientation="h", y=labels, x=[v if v else None for v in values], name=name,
                    marker_color=color, text=[_count(v, lang) for v in values],
                    textposition="outside", cliponaxis=False)  # fmt: skip
    for label, c in zip(labels, shown, strict=True):
        change = c.change
        text = "–" if change is None else ("+" if change > 0 else "") + _pct(change, lang)
        color = "#6b6b6b" if change is None else ("#1b7f3b" if change >= 0 else RED)
        fig.add_annotation(x=1.0, xref="paper", y=label, text=f"<b>{text}</b>", showarrow=False,
                           xanchor="left", font=dict(color=color, size=14))  # fmt: skip
    fig.update_layout(
        barmode="group", height=120 + 80 * len(shown), font=FONT, plot_bgcolor="white",
        margin=dict(l=10, r=80, t=30, b=40), legend=dict(orientation="h", y=1.08),
        xaxis=dict(type="log", title=t("chart.log_axis", lang), showgrid=False),
        yaxis=dict(autorange="reversed"), meta=dict(kind="period", log_axis=True),
    )  # fmt: skip
    return fig


def _cell_text(cell: StageCell, lang: str) -> str:
    if cell.red_flag:
        return f"<b>{t('chart.red_flag_cell', lang)}</b>"
    if not cell.metrics:
        return t("chart.no_metrics", lang)
    head = t("chart.metric" if cell.metrics == 1 else "chart.metrics", lang, n=cell.metrics)
    if cell.kpis:
        head = f"<b>{t('chart.kpis', lang, n=cell.kpis)}</b> · {head}"
    lines = [head]
    for m in cell.efficiency[:2]:
        name = _short(m.metric, lang)
        value = format_value(m.value, m.unit, lang, m.metric, compact=True)
        # Long cost names take their own line so the figure stays inside the cell.
        lines.append(f"{name}<br><b>{value}</b>" if len(name) > 8 else f"{name} <b>{value}</b>")
    return "<br>".join(lines)


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
    cols = [_stage(s, lang) for s in STAGES]
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


def _tile(m: MetricVerdict, eco: ChannelEcosystem, lang: str) -> tuple[str, str, bool]:
    label = _short(m.metric, lang) if m.metric else m.source_name
    if len(eco.placements) > 1 and m.placement == "paid":
        label += f" · {placement_label(m.placement, lang).lower()}"
    value = format_value(m.value, m.unit, lang, m.metric, compact=True)
    # A tile is about 27 characters wide at full page width; longer labels would spill over.
    room = max(8, 25 - len(value))
    label = label if len(label) <= room else label[: room - 1] + "…"
    signal = m in eco.signals
    flagged = "sales_on_organic_social" in m.flags
    text = f"{'★ ' if signal else ''}{'⚑ ' if flagged else ''}<b>{value}</b> {label}"
    color = RED if flagged else VERDICT_COLORS[m.verdict.value]
    return text, color, signal


def channel_figure(eco: ChannelEcosystem, lang: str = "en") -> go.Figure:
    """One channel's metrics as tiles by stage, coloured by verdict, its best signal starred."""
    order = {Verdict.KPI: 0, Verdict.SUPPORTING: 1, Verdict.VANITY: 2}
    depth = min(max((len(ms) for _, ms in eco.by_stage), default=0), MAX_TILES) or 1
    fig = go.Figure()
    for col, (stage, metrics) in enumerate(eco.by_stage):
        fig.add_annotation(x=col + 0.5, y=0.55, text=f"<b>{_stage(stage, lang)}</b>",
                           showarrow=False, font=dict(size=13, color="#262730"))  # fmt: skip
        if not metrics:
            fig.add_annotation(x=col + 0.5, y=-0.5, text="–", showarrow=False,
                               font=dict(color=MISSING))  # fmt: skip
        ranked = sorted(metrics, key=lambda m: (m not in eco.signals, order[m.verdict]))
        if len(ranked) > MAX_TILES:
            more = len(ranked) - MAX_TILES + 1
            fig.add_annotation(
                x=col + 0.5,
                y=-MAX_TILES + 0.5,
                showarrow=False,
                text=t("chart.more", lang, n=more),
                font=dict(color="#6b6b6b"),
            )
            ranked = ranked[: MAX_TILES - 1]
        for row, m in enumerate(ranked):
            text, color, signal = _tile(m, eco, lang)
            fig.add_shape(type="rect", x0=col + 0.02, x1=col + 0.98, y0=-row - 0.92, y1=-row - 0.08,
                          fillcolor=color, line=dict(color="#f5b700" if signal else color,
                                                     width=3 if signal else 0))  # fmt: skip
            fig.add_annotation(x=col + 0.05, y=-row - 0.5, text=text, showarrow=False,
                               xanchor="left", font=dict(color="white", size=12))  # fmt: skip
    fig.update_layout(
        height=70 + 36 * depth, font=FONT, plot_bgcolor="white", margin=dict(l=4, r=4, t=4, b=4),
        xaxis=dict(visible=False, range=[0, len(STAGES)], fixedrange=True),
        yaxis=dict(visible=False, range=[-depth - 0.05, 0.9], fixedrange=True),
        meta=dict(kind="channel", channel=eco.channel, signals=[m.metric for m in eco.signals]),
    )  # fmt: skip
    return fig
