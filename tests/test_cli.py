"""The `kpi-lens classify` contract: JSON valid against the committed schema, exit codes, stderr."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pandas as pd
import pytest

from kpi_core.cli import main

ROOT = Path(__file__).parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EXPECTED = tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))
SCHEMA = json.loads(resources.files("kpi_core.data").joinpath("classify.schema.json").read_text())


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any] | None, str]:
    """Run the command in-process; the JSON (validated against the schema), and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    data = json.loads(out) if out.strip() else None
    if data is not None:
        jsonschema.validate(data, SCHEMA)
    return code, data, err


def test_schema_is_a_valid_json_schema() -> None:
    """The committed schema is itself valid draft 2020-12."""
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("key", sorted(EXPECTED["fixture"]))
def test_every_fixture_classifies_with_valid_json(
    key: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every export layout classifies: exit 0, JSON valid against the schema, verdicts given."""
    path = FIXTURES / EXPECTED["fixture"][key]["file"]
    code, data, err = run(
        capsys,
        "classify",
        str(path),
        "--goal",
        "sales",
        "--goal",
        "leads",
        "--model",
        "online_store",
        "--json",
    )
    assert code == 0, err
    assert data is not None and data["metrics"]
    assert data["files"][0]["name"] == path.name
    assert {m["verdict"] for m in data["metrics"]} <= {"kpi", "supporting", "vanity"}
    # The budget counts (metric, channel, placement): a product list's `GMV (LIVE)` and `GMV
    # (Video)` are one KPI read from two columns.
    kpis = {
        (m["metric"], m["channel"], m["placement"])
        for m in data["metrics"]
        if m["verdict"] == "kpi"
    }
    assert len(kpis) <= 6


def test_unreadable_files_exit_2_with_one_line_each(capsys: pytest.CaptureFixture[str]) -> None:
    """When no file can be read the command exits 2 with one line per file on stderr."""
    bad = [FIXTURES / "bad" / "garbage.csv", FIXTURES / "bad" / "empty.csv"]
    code, data, err = run(
        capsys, "classify", *map(str, bad), "--goal", "sales", "--model", "b2b", "--json"
    )
    assert code == 2
    assert data is None
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert "garbage.csv" in lines[0] and "empty.csv" in lines[1]


def test_one_bad_file_among_good_ones_still_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad file beside a good one is reported on stderr and in `files`; the rest is classified."""
    code, data, err = run(
        capsys,
        "classify",
        str(FIXTURES / "bad" / "garbage.csv"),
        str(FIXTURES / "generic_long.csv"),
        "--goal",
        "awareness",
        "--model",
        "online_store",
        "--json",
    )
    assert code == 0
    assert data is not None
    assert [f["layout"] for f in data["files"]] == ["unreadable", "long"]
    assert data["files"][0]["problems"][0]["severity"] == "error"
    assert len(err.strip().splitlines()) == 1


def test_missing_path_is_one_line_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    """A path that does not exist is one line on stderr."""
    code, _, err = run(
        capsys, "classify", "nope/missing.csv", "--goal", "sales", "--model", "b2b", "--json"
    )
    assert code == 2
    assert "missing.csv" in err and "Traceback" not in err


def test_period_limits_every_figure(capsys: pytest.CaptureFixture[str]) -> None:
    """`--from`/`--to` set the period and every value is for that period only."""
    path = str(ROOT / "sample_data" / "ecom_ga4_website.csv")
    args = ("classify", path, "--goal", "sales", "--model", "online_store", "--json")
    _, whole, _ = run(capsys, *args)
    _, july, _ = run(capsys, *args, "--from", "2026-07-01", "--to", "2026-07-31")
    assert whole is not None and july is not None
    assert july["period"] == {"from": "2026-07-01", "to": "2026-07-31"}
    sessions = {
        d: next(m["value"] for m in x["metrics"] if m["metric"] == "sessions")
        for d, x in (("y", whole), ("m", july))
    }
    assert 0 < sessions["m"] < sessions["y"] / 6


def test_reasons_speak_indonesian_with_lang_id(capsys: pytest.CaptureFixture[str]) -> None:
    """`--lang id` writes every reason and flag message in Bahasa Indonesia."""
    path = str(ROOT / "sample_data" / "ecom_a_social_harian.csv")
    _, en, _ = run(capsys, "classify", path, "--goal", "sales", "--model", "online_store", "--json")
    _, idn, _ = run(
        capsys,
        "classify",
        path,
        "--goal",
        "sales",
        "--model",
        "online_store",
        "--lang",
        "id",
        "--json",
    )
    assert en is not None and idn is not None
    assert [m["verdict"] for m in en["metrics"]] == [m["verdict"] for m in idn["metrics"]]
    assert all(
        a["reason"] != b["reason"] for a, b in zip(en["metrics"], idn["metrics"], strict=True)
    )
    flag = next(f for f in idn["flags"] if f["code"] == "sales_on_organic_social")
    assert flag["channel"] == "instagram" and "organik" in flag["message"].lower()


def test_names_made_for_headers_read_in_indonesian(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """With `--lang id`, `(column 4)` and `(copy 2)` read `(kolom 4)` and `(salinan 2)`."""
    path = tmp_path / "harian.csv"
    path.write_bytes(b"Date,Reach,Reach,\n2026-07-01,100,200,7\n2026-07-02,110,210,8\n")
    argv = ["classify", str(path), "--goal", "sales", "--model", "online_store", "--json"]
    _, out, _ = run(capsys, *argv, "--channel", "instagram", "--lang", "id")
    assert out is not None
    messages = [m["reason"] for m in out["metrics"]] + [f["message"] for f in out["flags"]]
    messages += [p["message"] for f in out["files"] for p in f["problems"]]
    told = " ".join(messages)
    assert "“(kolom 4)”" in told and "“Reach (salinan 2)”" in told
    assert "(column" not in told and "(copy" not in told


def test_the_platform_a_file_was_recognised_as_reads_in_the_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With `--lang id`, a file's `platform` is the Indonesian name the upload page shows."""
    path = str(ROOT / "sample_data" / "kafe_kunjungan_toko.csv")
    argv = ["classify", path, "--goal", "sales", "--model", "physical_store", "--json"]
    _, en, _ = run(capsys, *argv)
    _, idn, _ = run(capsys, *argv, "--lang", "id")
    assert en is not None and idn is not None
    assert en["files"][0]["platform"] == "Spreadsheet (one column per metric)"
    assert idn["files"][0]["platform"] == "Spreadsheet (satu kolom per metrik)"
    assert idn["files"][0]["layout"] == en["files"][0]["layout"] == "wide"


def test_an_old_xls_with_padding_leaves_stdout_to_the_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An .xls with bytes past its last sector is read, and stdout holds only the JSON (the
    Excel library's warning about it used to be printed above it)."""
    path = tmp_path / "linkedin.xls"
    path.write_bytes((FIXTURES / "linkedin_page_analytics.xls").read_bytes() + bytes(10))
    code, out, _ = run(capsys, "classify", str(path), "--goal", "leads", "--model", "b2b", "--json")
    assert code == 0 and out is not None
    assert out["files"][0]["rows_read"] > 0


def test_console_script_never_prints_a_traceback() -> None:
    """The installed `kpi-lens` exits 2 on an unreadable file with one clean line on stderr."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "kpi_core.cli",
            "classify",
            str(FIXTURES / "bad" / "truncated.xlsx"),
            "--goal",
            "sales",
            "--model",
            "b2b",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_holiday_follower_spike_is_in_the_flags(capsys: pytest.CaptureFixture[str]) -> None:
    """The online-store demo's June-July follower jump is flagged with its dates."""
    path = str(ROOT / "sample_data" / "ecom_a_social_harian.csv")
    _, data, _ = run(
        capsys, "classify", path, "--goal", "sales", "--model", "online_store", "--json"
    )
    assert data is not None
    spikes = [f for f in data["flags"] if f["code"] == "follower_spike"]
    assert {f["channel"] for f in spikes} == {"instagram", "tiktok"}
    assert all(f["from"] == "2026-06-22" and f["to"] == "2026-07-12" for f in spikes)


def test_the_same_export_given_twice_is_counted_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Two paths to one export with one file name: both listed, the second as `name (2)` with
    a problem saying its rows were not added, and the figures are those of one copy."""
    data = (FIXTURES / "meta_ads_manager_en.csv").read_bytes()
    paths = [tmp_path / "a" / "ads.csv", tmp_path / "b" / "ads.csv"]
    for path in paths:
        path.parent.mkdir()
        path.write_bytes(data)
    args = ("--goal", "sales", "--model", "online_store", "--json")
    _, once, _ = run(capsys, "classify", str(paths[0]), *args)
    code, twice, _ = run(capsys, "classify", *map(str, paths), *args)
    assert code == 0 and once is not None and twice is not None
    assert [f["name"] for f in twice["files"]] == ["ads.csv", "ads.csv (2)"]
    first, second = ([p["code"] for p in f["problems"]] for f in twice["files"])
    assert second == [*first, "overlap"]
    assert twice["metrics"] == once["metrics"]


def test_a_shorter_period_leaves_undated_store_totals_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--from/--to inside the data: the cafe's undated Calls have no value, and a flag says why."""
    files = [str(ROOT / "sample_data" / f) for f in ("kafe_kunjungan_toko.csv",
                                                     "kafe_google_business.csv")]  # fmt: skip
    args = ["--goal", "sales", "--model", "physical_store", "--json"]
    _, whole, _ = run(capsys, "classify", *files, *args)
    _, october, _ = run(
        capsys, "classify", *files, *args, "--from", "2026-10-01", "--to", "2026-10-31"
    )
    assert whole is not None and october is not None
    calls = [m for m in whole["metrics"] if m["metric"] == "calls"]
    assert [m["value"] for m in calls] == [509] and calls[0]["flags"] == ["undated_included"]
    calls = [m for m in october["metrics"] if m["metric"] == "calls"]
    assert [m["value"] for m in calls] == [None] and calls[0]["flags"] == ["undated_left_out"]
    assert "undated_left_out" in {f["code"] for f in october["flags"]}


def test_files_covering_different_periods_are_flagged_in_the_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Instagram in June beside TikTok from 25 June to August: periods_differ, from/to 25-30 Jun."""
    header = "date,channel,placement,metric,value\n"
    june = [f"2026-06-{d:02d},Instagram,organic,Reach,100" for d in range(1, 31)]
    later = pd.date_range("2026-06-25", "2026-08-31").strftime("%Y-%m-%d")
    (tmp_path / "ig.csv").write_text(header + "\n".join(june) + "\n")
    (tmp_path / "tt.csv").write_text(
        header + "".join(f"{d},TikTok,organic,Reach,5\n" for d in later)
    )
    paths = [str(tmp_path / "ig.csv"), str(tmp_path / "tt.csv")]
    _, data, _ = run(capsys, "classify", *paths, "--goal", "awareness", "--model", "b2b", "--json")
    assert data is not None
    (flag,) = [f for f in data["flags"] if f["code"] == "periods_differ"]
    assert (flag["from"], flag["to"]) == ("2026-06-25", "2026-06-30")


def test_channel_option_takes_a_common_name_and_keeps_the_organic_sales_flag(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--channel IG means instagram: revenue on that organic channel is flagged, JSON valid."""
    path = tmp_path / "sheet.csv"
    path.write_bytes(b"Date,Reach,Revenue (IDR)\n2026-07-01,1000,500000\n2026-07-02,900,250000\n")
    args = ("--goal", "sales", "--model", "online_store", "--json", "--channel", "IG")
    code, data, _ = run(capsys, "classify", str(path), *args)
    assert code == 0 and data is not None
    assert data["files"][0]["channel"] == "instagram"
    assert "sales_on_organic_social" in {f["code"] for f in data["flags"]}


def test_currency_option_names_the_money_a_file_leaves_unlabelled(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """--currency IDR makes GA4's unlabelled revenue rupiah in the JSON, and says so per file."""
    ga4 = str(ROOT / "sample_data" / "ecom_ga4_website.csv")
    args = ("--goal", "sales", "--model", "online_store", "--json", "--currency", "idr")
    code, data, _ = run(capsys, "classify", ga4, *args)
    assert code == 0 and data is not None
    revenue = [m for m in data["metrics"] if m["metric"] == "revenue" and not m["derived"]]
    assert revenue and {m["unit"] for m in revenue} == {"IDR"}


@pytest.mark.parametrize(
    ("extra", "said"),
    [
        (["--channel", "bogus"], "unknown channel 'bogus'"),
        (["--currency", "rupiah"], "unknown currency 'rupiah'"),
        (["--from", "2026-08-01", "--to", "2026-07-01"], "--from 2026-08-01 is after --to"),
    ],
)
def test_bad_options_are_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], extra: list[str], said: str
) -> None:
    """An unknown channel or a period that ends before it starts is a usage error, not JSON."""
    demo = str(ROOT / "sample_data" / "saas_email.csv")
    with pytest.raises(SystemExit) as stop:
        main(["classify", demo, "--goal", "leads", "--model", "saas", "--json", *extra])
    out, err = capsys.readouterr()
    assert stop.value.code == 2 and not out and said in err


def test_shop_videos_and_lives_give_one_figure_per_metric(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The key metrics beside a video and a LIVE list: purchases are the shop's 1,567 (the
    videos' and LIVEs' own are kept by item, not added), views are the videos' and LIVEs'."""
    files = [
        str(FIXTURES / n)
        for n in (
            "tiktok_shop_key_metrics.xlsx",
            "Video_list_20260701-20260731.xlsx",
            "Live_list_20260701-20260731.xlsx",
        )
    ]
    code, data, _ = run(capsys, "classify", *files, "--goal", "sales", "--model", "online_store",
                        "--json")  # fmt: skip
    assert code == 0 and data is not None
    figures: dict[str, list[float]] = {}
    for item in data["metrics"]:
        figures.setdefault(str(item["metric"]), []).append(item["value"])
    assert figures["purchases"] == [1567.0]
    assert figures["buyers"] == [1482.0]
    assert figures["video_views"] == [162765.0 + 21592.0]
    problems = [p for f in data["files"] for p in f["problems"]]
    assert [p["code"] for p in problems] == ["shares", "shares"]
    assert {p["severity"] for p in problems} == {"info"}


def test_the_online_store_demo_states_each_cost_of_facebook_ads_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """On the online-store demo, Facebook ads' cost per order is one figure, Rp 90,472 (all
    Facebook ad spend over all its orders, as the cost table's all-campaigns row says), not a
    CPA of Rp 79,546 beside it; the click-to-WhatsApp chats cost Rp 3,538 each (spend over chats
    on that campaign's rows), not the Rp 3,695 mean of daily costs."""
    from kpi_core.ecosystem import ecosystem_matrix, paid_efficiency
    from kpi_core.ingest import read_files

    names = [
        "ecom_a_social_harian.csv", "ecom_ga4_website.csv", "ecom_meta_ads_id.csv",
        "ecom_shopee_pesanan.xlsx",
    ]  # fmt: skip
    paths = [str(ROOT / "sample_data" / n) for n in names]
    code, data, err = run(
        capsys, "classify", *paths, "--goal", "sales", "--model", "online_store", "--json"
    )
    assert code == 0 and data is not None, err
    paid = [m for m in data["metrics"] if (m["channel"], m["placement"]) == ("facebook", "paid")]
    money = ("spend", "revenue")
    costs = {m["metric"]: m for m in paid if m["unit"] == "IDR" and m["metric"] not in money}
    assert "cpa" not in costs and "cost_per_result" not in costs
    per_order = [m for m in paid if m["metric"] == "cost_per_purchase"]
    assert len(per_order) == 1
    assert per_order[0]["value"] == pytest.approx(419_790_300 / 4_640)
    chat = costs["cost_per_conversation"]
    assert (chat["value"], chat["value_basis"]) == (pytest.approx(70_089_300 / 19_813), "ratio")
    assert all(m["value_basis"] == "ratio" for m in costs.values())
    # The matrix cell and the cost table's all-campaigns row say the same.
    dataset = read_files([(Path(p).name, Path(p).read_bytes()) for p in paths])
    table = paid_efficiency(dataset.frame)
    whole = table[(table["channel"] == "facebook") & table["campaign"].isna()].iloc[0]
    assert whole["cost_per_purchase"] == pytest.approx(per_order[0]["value"])
    from kpi_core.analysis import analyse

    cells = ecosystem_matrix(analyse(dataset, ["sales"], "online_store").classification)
    cell = next(
        c for c in cells if (c.channel, c.placement, c.stage) == ("facebook", "paid", "conversion")
    )
    shown = [(m.metric, m.value) for m in cell.efficiency if m.metric != "roas"]
    assert shown == [("cost_per_purchase", pytest.approx(whole["cost_per_purchase"]))]
