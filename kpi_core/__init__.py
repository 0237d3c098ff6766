"""KPI Lens: which of a marketer's social-media numbers are KPIs, and which are vanity.

>>> from kpi_core import read_files, analyse
>>> data = read_files(["ads.csv", "instagram.csv"])
>>> result = analyse(data, goals=["sales"], model="online_store")
>>> [m.source_name for m in result.classification.kpis]
"""

from kpi_core.analysis import Analysis, analyse, classify_json, period_of
from kpi_core.classify import Classification, Flag, MetricVerdict, classify
from kpi_core.derive import derive_rates, summarise
from kpi_core.i18n import format_date, format_number, t
from kpi_core.ingest import Dataset, UnreadableFileError, read_file, read_files
from kpi_core.labels import (
    channel_label,
    inference_message,
    metric_label,
    placement_label,
    problem_message,
)
from kpi_core.models import (
    TIDY_COLUMNS,
    ActionKind,
    BusinessModel,
    ChannelKind,
    ColumnReading,
    FileCorrections,
    FileReport,
    Goal,
    Inference,
    Placement,
    Problem,
    Severity,
    Stage,
    Verdict,
)

__all__ = [
    "TIDY_COLUMNS",
    "ActionKind",
    "Analysis",
    "BusinessModel",
    "ChannelKind",
    "Classification",
    "ColumnReading",
    "Dataset",
    "FileCorrections",
    "FileReport",
    "Flag",
    "Goal",
    "Inference",
    "MetricVerdict",
    "Placement",
    "Problem",
    "Severity",
    "Stage",
    "UnreadableFileError",
    "Verdict",
    "analyse",
    "channel_label",
    "classify",
    "classify_json",
    "derive_rates",
    "format_date",
    "format_number",
    "inference_message",
    "metric_label",
    "period_of",
    "placement_label",
    "problem_message",
    "read_file",
    "read_files",
    "summarise",
    "t",
]
