"""`kpi-lens`: classify metrics files from the command line (JSON for other tools)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from kpi_core import catalogue
from kpi_core.analysis import analyse, classify_json
from kpi_core.headers import iso_currency
from kpi_core.i18n import format_number, t
from kpi_core.ingest import read_files
from kpi_core.labels import channel_label, metric_label, problem_message
from kpi_core.models import BusinessModel, Goal, Placement


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _channel(text: str) -> str:
    """A channel id from an id or a common name (`Instagram`, `IG`, `Twitter`)."""
    found = catalogue.match_channel(text)
    if found is None:
        ids = ", ".join(catalogue.channel_ids())
        raise argparse.ArgumentTypeError(f"unknown channel {text!r}; use one of: {ids}")
    return found


def _currency(text: str) -> str:
    """An ISO currency code from what the user typed (`idr`, `Rp`)."""
    try:
        return str(iso_currency(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def parser() -> argparse.ArgumentParser:
    """The command line, as DESIGN.md's contract spells it."""
    top = argparse.ArgumentParser(prog="kpi-lens", description="Which of your numbers are KPIs.")
    sub = top.add_subparsers(dest="command", required=True)
    cls = sub.add_parser("classify", help="classify every metric in the files")
    cls.add_argument("files", nargs="+", metavar="FILE")
    cls.add_argument("--goal", action="append", required=True, choices=[g.value for g in Goal])
    cls.add_argument("--model", required=True, choices=[m.value for m in BusinessModel])
    cls.add_argument("--from", dest="start", type=_date)
    cls.add_argument("--to", dest="end", type=_date)
    cls.add_argument("--channel", type=_channel, help="channel for files that do not say")
    cls.add_argument("--placement", choices=[p.value for p in Placement])
    cls.add_argument(
        "--currency", type=_currency, help="currency of amounts the files do not name (IDR, USD)"
    )
    cls.add_argument("--lang", choices=["en", "id"], default="en")
    cls.add_argument("--json", action="store_true", help="print the JSON object")
    return top


def _classify(args: argparse.Namespace) -> int:
    paths = [Path(f) for f in args.files]
    items: list[tuple[str, bytes]] = []
    missing: list[str] = []
    for path in paths:
        try:
            items.append((path.name, path.read_bytes()))
        except OSError:
            missing.append(t("cli.not_found", args.lang, file=str(path)))
    dataset = read_files(
        items, channel=args.channel, placement=args.placement, currency=args.currency
    )
    for line in missing:
        print(line, file=sys.stderr)
    for report in dataset.files:
        for problem in report.problems:
            if problem.code.startswith("unreadable."):
                print(problem_message(problem, args.lang), file=sys.stderr)
    if not dataset.read_any:
        return 2
    analysis = analyse(
        dataset, args.goal, args.model, start=args.start, end=args.end, lang=args.lang
    )
    if args.json:
        json.dump(
            classify_json(dataset, analysis, args.lang), sys.stdout, ensure_ascii=False, indent=2
        )
        sys.stdout.write("\n")
        return 0
    for m in analysis.classification.metrics:
        value = "–" if m.value is None else format_number(m.value, args.lang)
        name = metric_label(m.metric, args.lang, m.source_name)
        print(
            f"{m.verdict.value:<10} {channel_label(m.channel, args.lang):<12} "
            f"{m.placement:<8} {name:<40} {value}"
        )
    for flag in analysis.classification.flags:
        print(f"! {flag.message}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; exit 0 when a file was read, 2 when none could be."""
    cli = parser()
    args = cli.parse_args(argv)
    if args.start and args.end and args.start > args.end:
        cli.error(f"--from {args.start} is after --to {args.end}")
    try:
        return _classify(args)
    except BrokenPipeError:
        # The reader of our output went away (`| head`): not an error worth a message.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        print(t("cli.failed", args.lang, error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
