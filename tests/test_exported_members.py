"""The public surface of kpi_core changes only on purpose."""

import kpi_core

EXPECTED = {
    "TIDY_COLUMNS", "ActionKind", "Analysis", "BusinessModel", "ChannelKind", "Classification",
    "ColumnReading", "Dataset", "FileCorrections", "FileReport", "Flag", "Goal", "Inference",
    "MetricVerdict", "Placement", "Problem", "Severity", "Stage", "UnreadableFileError", "Verdict",
    "analyse", "channel_label", "classify", "classify_json", "derive_rates", "format_date",
    "format_number", "inference_message", "metric_label", "period_of", "placement_label",
    "problem_message", "read_file", "read_files", "summarise", "t",
}  # fmt: skip


def test_all_lists_exactly_the_public_names() -> None:
    """`kpi_core.__all__` is the agreed public surface, sorted, and every name resolves."""
    assert set(kpi_core.__all__) == EXPECTED
    assert kpi_core.__all__ == sorted(
        kpi_core.__all__, key=lambda n: (not n.isupper(), n[0].islower(), n)
    )
    for name in kpi_core.__all__:
        assert getattr(kpi_core, name) is not None


def test_library_never_imports_streamlit() -> None:
    """kpi_core is a plain library: importing it does not pull in streamlit."""
    import subprocess
    import sys

    code = "import sys, kpi_core, kpi_core.cli; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
