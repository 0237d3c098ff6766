"""Dashboard re-render time on a 1,000,000-row upload, measured with Streamlit's AppTest.

The first run parses and classifies (cached by file content); each later change of goals,
business model, language or a filter must re-render in well under a second. The funnel page is
timed last: its first draw, a rerun, and a change of business model on it.

    python benchmarks/bench_app.py [--rows 1000000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_ingest import build_long  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402


def run(at: AppTest) -> float:
    """Seconds for one script run."""
    start = time.perf_counter()
    at.run()
    if at.exception:
        raise RuntimeError(at.exception[0].value)
    return time.perf_counter() - start


def main() -> None:
    """Print the first run and the median re-render time per kind of change."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.csv"
        build_long(path, args.rows, np.random.default_rng(7))
        data = path.read_bytes()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.run()
    at.session_state["uploads"] = {"metrics_1m.csv": data}
    first = run(at)
    at.switch_page("pages/verdicts.py")
    first_verdicts = run(at)
    print(
        f"upload of {args.rows:,} rows ({len(data) / 1e6:.0f} MB): upload page {first:.2f} s, "
        f"verdicts page first draw {first_verdicts:.2f} s"
    )
    changes = {
        "goals": [["sales"], ["awareness", "engagement"], ["leads", "sales"]],
        "business model": ["physical_store", "saas", "online_store"],
        "language": ["id", "en", "id", "en", "en"],
    }
    for kind, values in changes.items():
        times = []
        for i in range(args.repeats):
            value = values[i % len(values)]
            if kind == "goals":
                goals = next(m for m in at.multiselect if (m.key or "").startswith("goals_"))
                goals.set_value(value)
            elif kind == "business model":
                model = next(s for s in at.selectbox if (s.key or "").startswith("business_model_"))
                model.set_value(value)
            else:
                at.selectbox(key="lang_widget").set_value(value)
            times.append(run(at))
        report(kind, times)
    times = []
    for i in range(args.repeats):
        verdict_filter = at.multiselect(key="verdicts_filter_verdict_widget")
        verdict_filter.set_value(["kpi"] if i % 2 == 0 else ["kpi", "supporting", "vanity"])
        times.append(run(at))
    report("verdict filter", times)
    funnel(at, args.repeats)


def report(kind: str, times: list[float]) -> None:
    """One line: the median and the slowest of a kind of re-render."""
    print(
        f"change {kind:<15} re-render median {statistics.median(times):.3f} s "
        f"(max {max(times):.3f} s, {len(times)} runs)"
    )


def funnel(at: AppTest, repeats: int) -> None:
    """The funnel page: its first draw, a rerun with nothing changed, and a change of business
    model there (each model drawn once before, so the median is a return to a model)."""
    at.switch_page("pages/funnel.py")
    print(f"funnel page first draw {run(at):.2f} s")
    report("nothing (funnel)", [run(at) for _ in range(repeats)])
    models = ["physical_store", "saas", "online_store"]
    first, times = [], []
    for i in range(repeats + len(models)):
        model = next(s for s in at.selectbox if (s.key or "").startswith("business_model_"))
        model.set_value(models[i % len(models)])
        (first if i < len(models) else times).append(run(at))
    print(f"funnel page, a model's first draw median {statistics.median(first):.2f} s")
    report("model (funnel)", times)


if __name__ == "__main__":
    main()
