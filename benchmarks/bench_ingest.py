"""Ingest speed and memory against a bare `pandas.read_csv`, measured in the same run.

Builds a 1,000,000-row long CSV (about 40 MB) and a 100,000-row wide one, then reads each
through kpi_core and through a default `pandas.read_csv`, every read in its own subprocess,
alternating, and prints rows, seconds, peak memory and the ratios (medians of the repeats).
Targets: kpi_core at most 1.3x the bare read's time and 2x its peak memory. A third reader,
`arrow`, is the pyarrow read kpi_core's own starts from (labels dictionary-encoded, ISO days
typed, then into pandas) with none of kpi_core's rules: the floor under kpi_core's figure. A
fourth, `pandas1`, is the same bare `pandas.read_csv` held to one thread: from pandas 3.1 the
default read of a large local file splits it over every core, so the baseline is a parallel read.

    python benchmarks/bench_ingest.py [--repeats 3] [--rows 1000000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

CHANNELS = ["Instagram", "TikTok", "Facebook", "Website", "Shopee"]
PLACEMENTS = ["organic", "paid"]
METRICS = [
    "Reach",
    "Impressions",
    "Likes",
    "Comments",
    "Shares",
    "Link clicks",
    "Spend (IDR)",
    "Purchases",
]

CHILD = r"""
import json, resource, sys, time
path, mode, dates, labels = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
import pandas as pd
import pyarrow as pa, pyarrow.csv as pa_csv
import kpi_core.ingest  # imported in every mode so the baseline carries the same libraries
base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
def read():
    if mode == "pandas":
        return len(pd.read_csv(path))
    if mode == "pandas1":
        with pd.option_context("mode.max_threads", 1):
            return len(pd.read_csv(path))
    if mode == "arrow":
        # kpi_core's reader alone: labels dictionary-encoded, ISO days typed, into pandas.
        types = {name: pa.dictionary(pa.int32(), pa.string()) for name in labels}
        types[dates] = pa.date32()
        table = pa_csv.read_csv(
            path,
            read_options=pa_csv.ReadOptions(block_size=4 << 20),
            convert_options=pa_csv.ConvertOptions(column_types=types),
            memory_pool=pa.system_memory_pool(),
        )
        return len(table.to_pandas(date_as_object=False, coerce_temporal_nanoseconds=True))
    return len(kpi_core.ingest.read_files([path]).frame)
t0 = time.perf_counter()
rows = read()
seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
# A second read in the same process: what an app that has already read one file pays.
t1 = time.perf_counter()
read()
warm = time.perf_counter() - t1
result = {"seconds": seconds, "warm": warm, "peak_kb": peak, "base_kb": base_rss, "rows": rows}
print(json.dumps(result))
"""


def build_long(path: Path, rows: int, rng: np.random.Generator) -> None:
    """A long CSV: date, channel, placement, metric, value."""
    days = np.datetime64("2025-01-01") + rng.integers(0, 365, rows).astype("timedelta64[D]")
    channel = np.array(CHANNELS)[rng.integers(0, len(CHANNELS), rows)]
    placement = np.array(PLACEMENTS)[rng.integers(0, 2, rows)]
    metric = np.array(METRICS)[rng.integers(0, len(METRICS), rows)]
    value = rng.integers(0, 2_000_000, rows)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("date,channel,placement,metric,value\n")
        chunk = 200_000
        for i in range(0, rows, chunk):
            sl = slice(i, i + chunk)
            lines = [
                f"{d},{c},{p},{m},{v}\n"
                for d, c, p, m, v in zip(
                    days[sl].astype(str),
                    channel[sl],
                    placement[sl],
                    metric[sl],
                    value[sl],
                    strict=True,
                )
            ]
            fh.writelines(lines)


def build_wide(path: Path, rows: int, rng: np.random.Generator) -> None:
    """A wide CSV: one row per day and channel, one column per metric."""
    days = np.datetime64("2020-01-01") + (np.arange(rows) // len(CHANNELS)).astype("timedelta64[D]")
    channel = np.array(CHANNELS)[np.arange(rows) % len(CHANNELS)]
    values = rng.integers(0, 500_000, (rows, len(METRICS)))
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("Date,Channel," + ",".join(METRICS) + "\n")
        for d, c, vals in zip(days.astype(str), channel, values, strict=True):
            fh.write(f"{d},{c}," + ",".join(map(str, vals)) + "\n")


# Per file: its date column and its label columns, for the `arrow` floor.
COLUMNS = {"long": ("date", ["channel", "placement", "metric"]), "wide": ("Date", ["Channel"])}
MODES = ("pandas", "kpi_core", "arrow", "pandas1")


def run(path: Path, mode: str, columns: tuple[str, list[str]]) -> dict[str, float]:
    """One read in a fresh interpreter: seconds, peak RSS and the RSS before reading."""
    dates, labels = columns
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), mode, dates, *labels],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    """Build the files, alternate the reads and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--wide-rows", type=int, default=100_000)
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    with tempfile.TemporaryDirectory() as tmp:
        files = {"long": Path(tmp) / "long.csv", "wide": Path(tmp) / "wide.csv"}
        build_long(files["long"], args.rows, rng)
        build_wide(files["wide"], args.wide_rows, rng)
        print(
            f"{'file':6} {'MB':>6} {'reader':8} {'rows in':>9} {'rows out':>9} {'s':>7} "
            f"{'warm s':>7} {'peak MB':>8} {'+MB':>7}"
        )
        for label, path in files.items():
            results: dict[str, list[dict[str, float]]] = {mode: [] for mode in MODES}
            for _ in range(args.repeats):
                for mode in MODES:
                    results[mode].append(run(path, mode, COLUMNS[label]))
            med = {
                mode: {k: statistics.median(r[k] for r in runs) for k in runs[0]}
                for mode, runs in results.items()
            }
            size = path.stat().st_size / 1e6
            for mode, m in med.items():
                print(
                    f"{label:6} {size:6.1f} {mode:8} {med['pandas']['rows']:9.0f} {m['rows']:9.0f} "
                    f"{m['seconds']:7.3f} {m['warm']:7.3f} {m['peak_kb'] / 1024:8.1f} "
                    f"{(m['peak_kb'] - m['base_kb']) / 1024:7.1f}"
                )
            t_ratio = med["kpi_core"]["seconds"] / med["pandas"]["seconds"]
            w_ratio = med["kpi_core"]["warm"] / med["pandas"]["warm"]
            m_ratio = med["kpi_core"]["peak_kb"] / med["pandas"]["peak_kb"]
            pandas_added = med["pandas"]["peak_kb"] - med["pandas"]["base_kb"]
            # Beside a few MB the bare read adds to its imports, a ratio would say nothing.
            added = (
                f"{(med['kpi_core']['peak_kb'] - med['kpi_core']['base_kb']) / pandas_added:.2f}x"
                if pandas_added >= 10 * 1024
                else "n/a (pandas adds under 10 MB)"
            )
            floor = med["arrow"]["seconds"] / med["pandas"]["seconds"]
            serial = med["pandas1"]["seconds"] / med["pandas"]["seconds"]
            print(
                f"{label:6} ratio kpi_core/pandas: time {t_ratio:.2f}x "
                f"(warm {w_ratio:.2f}x; target <= 1.3), "
                f"peak memory {m_ratio:.2f}x (target <= 2), memory above imports {added}; "
                f"the pyarrow read kpi_core starts from (arrow) alone: {floor:.2f}x; "
                f"pandas on one thread: {serial:.2f}x"
            )


if __name__ == "__main__":
    main()
