"""The plotly figure of a period against the one before it, stage by stage, on a log axis."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from kpi_core.charts import FONT, RED, STAGE_COLORS, stage_name
from kpi_core.figures import format_value
from kpi_core.i18n import t
from kpi_core.labels import metric_label
from kpi_core.periods import PeriodComparison


def _decade(value: float, lang: str) -> str:
    """A power of ten as a tick: 1K, 10K, 1M (1 rb, 10 rb, 1 jt), without a trailing ".0"."""
    text = format_value(value, "count", lang, compact=True)
    return text.replace(",0 ", " ").replace(".0", "") if value >= 1000 else text


def period_figure(comparison: PeriodComparison, lang: str = "en") -> go.Figure:
    """This period against the one before, per stage, on a log axis, with the change labelled."""
    shown = [c for c in comparison.changes if c.current is not None or c.previous is not None]
    labels = [
        f"<b>{stage_name(c.stage, lang)}</b><br>{metric_label(c.metric, lang)}" for c in shown
    ]
    fig = go.Figure()
    for name, values, color in (
        (t("chart.previous", lang), [c.previous for c in shown], "#b8c4d6"),
        (t("chart.current", lang), [c.current for c in shown], STAGE_COLORS[1]),
    ):
        fig.add_bar(orientation="h", y=labels, x=[v if v else None for v in values], name=name,
                    marker_color=color, text=[format_value(v, "count", lang) for v in values],
                    textposition="outside", cliponaxis=False)  # fmt: skip
    for label, c in zip(labels, shown, strict=True):
        change = c.change
        text = (
            "–"
            if change is None
            else ("+" if change > 0 else "") + format_value(change, "fraction", lang)
        )
        color = "#6b6b6b" if change is None else ("#1b7f3b" if change >= 0 else RED)
        fig.add_annotation(x=1.0, xref="paper", y=label, text=f"<b>{text}</b>", showarrow=False,
                           xanchor="left", font=dict(color=color, size=14))  # fmt: skip
    # The axis ends half a decade past the largest bar, so its figure, written outside the bar,
    # stays clear of the change labelled at the right edge.
    figures = [v for c in shown for v in (c.current, c.previous) if v]
    span = [math.log10(min(figures)) - 0.3, math.log10(max(figures)) + 0.5] if figures else None
    # One tick per power of ten, written the language's way (1 rb, 10 rb, 1 jt): plotly's own
    # log ticks add a bare "2" and "5" between them that read as counts.
    decades = [10.0**k for k in range(math.ceil(span[0]), math.floor(span[1]) + 1)] if span else []
    fig.update_layout(
        barmode="group", height=120 + 80 * len(shown), font=FONT, plot_bgcolor="white",
        margin=dict(l=10, r=80, t=30, b=40), legend=dict(orientation="h", y=1.08),
        xaxis=dict(type="log", title=t("chart.period_axis", lang), showgrid=False, range=span,
                   tickvals=decades, ticktext=[_decade(v, lang) for v in decades]),
        yaxis=dict(autorange="reversed"), meta=dict(kind="period", log_axis=True),
    )  # fmt: skip
    return fig
