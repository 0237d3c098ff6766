# ruff: noqa: E501  (data tables and platform description strings are kept verbatim)
"""Write the ingest test fixtures in tests/fixtures/ as raw bytes.

Every fixture is written from explicit text/bytes (CSV), openpyxl (xlsx), xlwt (the one
.xls), zipfile (zips) or pyarrow (parquet) -- never pandas -- so BOMs, UTF-16, CRLF,
quoting, ``sep=,`` lines, preambles and description rows survive exactly as the platforms
write them (see /work/shared/FORMATS.md).  Values are invented, layouts are real.

The same script writes ``tests/fixtures/expected.toml``: per fixture, the layout id,
channel, placement and checks whose values come from the very numbers written here.

Run:  .venv/bin/python scripts/make_fixtures.py
The output is deterministic (fixed data, fixed zip timestamps), so re-running it does not
change committed files except where this script changed.
"""

from __future__ import annotations

import sys
from pathlib import Path as _Path

sys.path.insert(0, str(_Path(__file__).resolve().parent))

import codecs
import datetime as dt
import io
import json
import math
import random
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import openpyxl.chart
import pyarrow as pa
import pyarrow.parquet as pq
import xlwt
from id_numbers import id_dec, id_int
from resave import (
    EXCEL_ID,
    EXCEL_ID_SHORT,
    EXCEL_ID_UTF8,
    EXCEL_US,
    SHEETS_ID,
    SHEETS_US,
    Program,
    cell_value,
    parse_csv,
    resave_csv,
    typed,
)

ROOT = Path(__file__).resolve().parent.parent
FIX = ROOT / "tests" / "fixtures"
BAD = FIX / "bad"

ZIP_TIME = (2026, 8, 1, 9, 0, 0)

EXPECTED: dict[str, dict[str, Any]] = {}
BAD_EXPECTED: dict[str, dict[str, Any]] = {}


# --------------------------------------------------------------------------- helpers


def q(value: Any, sep: str = ",", quote_all: bool = False) -> str:
    """One CSV field: quote when needed (or always), doubling inner quotes."""
    s = "" if value is None else str(value)
    if quote_all or any(c in s for c in (sep, '"', "\n", "\r")):
        return '"' + s.replace('"', '""') + '"'
    return s


def csv_text(rows: list[Any], sep: str = ",", eol: str = "\n", quote_all: bool = False) -> str:
    """Rows are lists of fields, or a str that is written verbatim as one line."""
    lines = []
    for r in rows:
        if isinstance(r, str):
            lines.append(r)
        else:
            lines.append(sep.join(q(v, sep, quote_all) for v in r))
    return eol.join(lines) + eol


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)


def utf8_bom(text: str) -> bytes:
    return codecs.BOM_UTF8 + text.encode("utf-8")


def utf16le_bom(text: str) -> bytes:
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


def utf16be_bom(text: str) -> bytes:
    return codecs.BOM_UTF16_BE + text.encode("utf-16-be")


def en_int(n: int) -> str:
    return f"{n:,}"


def dmy(d: dt.date, sep: str = "/") -> str:
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def mdy(d: dt.date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def days(start: dt.date, n: int) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range(n)]


def expect(key: str, **spec: Any) -> None:
    assert key not in EXPECTED, key
    EXPECTED[key] = spec


def check(metric: str, value: float, unit: str, **kw: Any) -> dict[str, Any]:
    c: dict[str, Any] = {"metric": metric}
    c.update({k: v for k, v in kw.items() if k in ("placement",)})
    c["unit"] = unit
    c["value"] = float(value)
    c.update({k: v for k, v in kw.items() if k not in ("placement",)})
    return c


def zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()


def xlsx_bytes(wb: openpyxl.Workbook) -> bytes:
    # Fixed workbook timestamps so the file is reproducible.
    stamp = dt.datetime(2026, 8, 1, 9, 0, 0)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "kpi-lens fixtures"
    buf = io.BytesIO()
    wb.save(buf)
    # openpyxl stamps "now" into docProps/core.xml on save; rewrite the zip deterministically.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re

                data = re.sub(
                    rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                    b'<dcterms:modified xsi:type="dcterms:W3CDTF">2026-08-01T09:00:00Z'
                    b"</dcterms:modified>",
                    data,
                )
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(zi, data)
    return out.getvalue()


def rng(seed: str) -> random.Random:
    return random.Random(seed)


# --------------------------------------------------------------------------- Meta


def meta_fb_posts() -> None:
    name = "meta_fb_posts.csv"
    header = [
        "Post ID",
        "Page ID",
        "Page name",
        "Title",
        "Description",
        "Duration (sec)",
        "Publish time",
        "Caption type",
        "Permalink",
        "Is crosspost",
        "Is share",
        "Post type",
        "Languages",
        "Custom labels",
        "Funded content status",
        "Data comment",
        "Date",
        "Views",
        "Reach",
        "Reactions, Comments and Shares",
        "Reactions",
        "Comments",
        "Shares",
        "Reactions",
        "Total clicks",
        "Link Clicks",
        "Other Clicks",
        "Matched Audience Targeting Consumption (Photo Click)",
        "Negative feedback from users: Hide all",
        "Seconds viewed",
        "Average Seconds viewed",
        "Estimated earnings (USD)",
        "Ad CPM (USD)",
        "Ad impressions",
    ]
    page_id = "100064512345678"
    posts = [
        # id, publish, type, caption, dur, views, reach, react, comm, share, link, other, photo, hide, secs, avg secs, earn, cpm, adimp
        (
            "122109876543210001",
            "07/02/2026 19:00",
            "Photos",
            "Flash sale 7.7 mulai besok! Diskon s.d. 70%, gratis ongkir se-Indonesia.",
            None,
            15230,
            11842,
            212,
            37,
            18,
            0,
            96,
            141,
            3,
            None,
            None,
            None,
            None,
            None,
        ),
        (
            "122109876543210002",
            "07/04/2026 12:30",
            "Reels",
            'Cara pakai serum vitamin C "Glow" dalam 3 langkah',
            45,
            48210,
            30977,
            1280,
            144,
            260,
            0,
            410,
            0,
            12,
            512340,
            10.6,
            0.42,
            3.15,
            1490,
        ),
        (
            "122109876543210003",
            "07/07/2026 09:15",
            "Links",
            "Katalog baru sudah live: tokokita.id/katalog",
            None,
            8120,
            6433,
            64,
            9,
            5,
            388,
            72,
            0,
            1,
            None,
            None,
            None,
            None,
            None,
        ),
        (
            "122109876543210004",
            "07/13/2026 20:45",
            "Photos",
            "Testimoni pelanggan dari Bandung, terima kasih Kak Rina!",
            None,
            9904,
            7810,
            305,
            41,
            11,
            0,
            58,
            96,
            0,
            None,
            None,
            None,
            None,
            None,
        ),
        (
            "122109876543210005",
            "07/15/2026 18:00",
            "Videos",
            "Live unboxing paket Hari Anak Nasional",
            312,
            22150,
            16020,
            488,
            97,
            73,
            0,
            201,
            0,
            4,
            998760,
            45.1,
            0.18,
            2.40,
            750,
        ),
        (
            "122109876543210006",
            "07/21/2026 11:00",
            "Photos",
            "Quiz: tebak produk dari teksturnya, hadiah voucher Rp 100.000",
            None,
            12480,
            9975,
            640,
            530,
            22,
            0,
            130,
            188,
            2,
            None,
            None,
            None,
            None,
            None,
        ),
        (
            "122109876543210007",
            "07/26/2026 16:20",
            "Links",
            "Blog: 5 tips merawat kulit saat musim kemarau",
            None,
            4410,
            3720,
            28,
            3,
            6,
            215,
            40,
            0,
            0,
            None,
            None,
            None,
            None,
            None,
        ),
        (
            "122109876543210008",
            "07/30/2026 19:30",
            "Reels",
            "Behind the scenes gudang Toko Kita, packing 1.000 paket sehari",
            28,
            61320,
            40188,
            2210,
            186,
            402,
            0,
            655,
            0,
            9,
            880110,
            14.4,
            0.51,
            2.95,
            1730,
        ),
    ]
    rows: list[Any] = [header]
    for (
        pid,
        pub,
        ptype,
        cap,
        dur,
        views,
        reach,
        react,
        comm,
        share,
        link,
        other,
        photo,
        hide,
        secs,
        avgs,
        earn,
        cpm,
        adimp,
    ) in posts:
        rows.append(
            [
                pid,
                page_id,
                "Toko Kita Official",
                "",
                cap,
                dur if dur is not None else "",
                pub,
                "",
                f"https://www.facebook.com/{page_id}/posts/{pid}",
                "No",
                "No",
                ptype,
                "",
                "",
                "",
                "",
                "Lifetime",
                views,
                reach,
                react + comm + share,
                react,
                comm,
                share,
                react,
                link + other + photo,
                link,
                other,
                photo,
                hide,
                secs if secs is not None else "",
                avgs if avgs is not None else "",
                earn if earn is not None else "",
                cpm if cpm is not None else "",
                adimp if adimp is not None else "",
            ]
        )
    assert len(header) == 34
    write(FIX / name, utf8_bom(csv_text(rows)))
    p2, p4 = posts[1], posts[3]
    expect(
        "meta_fb_posts",
        file=name,
        layout="meta_fb_posts",
        channel="facebook",
        placement="organic",
        notes="UTF-8 BOM; 34 columns; `Reactions` is a duplicated header (same values: count once); "
        "`Date`=Lifetime so the date is the Publish time (MM/DD/YYYY HH:MM); a header with a comma "
        "inside quotes ('Reactions, Comments and Shares').",
        duplicate_header="Reactions",
        checks=[
            check("reach", p2[6], "count", placement="organic", date="2026-07-04", post_id=p2[0]),
            check("likes", p2[7], "count", placement="organic", date="2026-07-04", post_id=p2[0]),
            check("likes", p4[7], "count", placement="organic", date="2026-07-13", post_id=p4[0]),
            check(
                "link_clicks",
                posts[2][10],
                "count",
                placement="organic",
                date="2026-07-07",
                post_id=posts[2][0],
            ),
        ],
    )


def meta_ig_posts() -> None:
    name = "meta_ig_posts.csv"
    header = [
        "Post ID",
        "Account ID",
        "Account username",
        "Account name",
        "Description",
        "Duration (sec)",
        "Publish time",
        "Permalink",
        "Post type",
        "Data comment",
        "Date",
        "Views",
        "Reach",
        "Likes",
        "Shares",
        "Follows",
        "Comments",
        "Saves",
    ]
    posts = [
        (
            "18045123456789012",
            "07/01/2026 10:00",
            "IG image",
            "Koleksi Juli sudah datang ✨",
            0,
            21500,
            15000,
            1204,
            88,
            12,
            64,
            301,
        ),
        (
            "18045123456789013",
            "07/04/2026 19:30",
            "IG reel",
            "Tutorial hijab pashmina 30 detik",
            30,
            152340,
            98120,
            6610,
            1450,
            210,
            233,
            2840,
        ),
        (
            "18045123456789014",
            "07/09/2026 08:45",
            "IG carousel",
            "5 outfit kondangan di bawah Rp 300 ribu",
            0,
            33120,
            24780,
            2011,
            340,
            31,
            120,
            1502,
        ),
        (
            "18045123456789015",
            "07/14/2026 20:00",
            "IG reel",
            "Restock! Gamis Aisyah warna sage",
            22,
            87400,
            61050,
            3320,
            610,
            95,
            410,
            990,
        ),
        (
            "18045123456789016",
            "07/19/2026 12:15",
            "IG image",
            "Pemenang giveaway minggu ini 🎉",
            0,
            9870,
            7420,
            845,
            12,
            4,
            1320,
            45,
        ),
        (
            "18045123456789017",
            "07/25/2026 18:10",
            "IG carousel",
            "Size chart lengkap, simpan dulu ya",
            0,
            18230,
            13900,
            980,
            205,
            18,
            57,
            3105,
        ),
        (
            "18045123456789018",
            "07/30/2026 21:00",
            "IG reel",
            "Packing order 1.000 paket",
            17,
            64200,
            45110,
            2875,
            390,
            61,
            98,
            410,
        ),
    ]

    def n(v: int) -> str:
        return en_int(v)  # "15,000" -> quoted by q() because of the comma

    rows: list[Any] = [header]
    for pid, pub, ptype, desc, dur, views, reach, likes, shares, follows, comms, saves in posts:
        rows.append(
            [
                pid,
                "17841401234567890",
                "tokokita.id",
                "Toko Kita",
                desc,
                dur,
                pub,
                f"https://www.instagram.com/p/C{pid[-6:]}xYz/",
                ptype,
                "",
                "Lifetime",
                n(views),
                n(reach),
                n(likes),
                n(shares),
                n(follows),
                n(comms),
                n(saves),
            ]
        )
    write(FIX / name, utf8_bom(csv_text(rows)))
    p1, p2 = posts[0], posts[1]
    expect(
        "meta_ig_posts",
        file=name,
        layout="meta_ig_posts",
        channel="instagram",
        placement="organic",
        notes='Quoted thousands "15,000"; Publish time MM/DD/YYYY HH:MM; Date=Lifetime; no clicks.',
        checks=[
            check("reach", 15000, "count", placement="organic", date="2026-07-01", post_id=p1[0]),
            check("likes", p2[7], "count", placement="organic", date="2026-07-04", post_id=p2[0]),
            check(
                "saves",
                posts[5][11],
                "count",
                placement="organic",
                date="2026-07-25",
                post_id=posts[5][0],
            ),
            check(
                "new_followers",
                posts[4][9],
                "count",
                placement="organic",
                date="2026-07-19",
                post_id=posts[4][0],
                source_name="Follows",
            ),
        ],
    )


def meta_page_daily(
    name: str,
    key: str,
    title: str,
    date_word: str,
    values: dict[dt.date, int],
    channel: str,
    metric: str,
    notes: str,
) -> None:
    rows: list[Any] = ["sep=,", q(title, quote_all=True), [date_word, "Primary"]]
    for d, v in values.items():
        rows.append([f"{d.isoformat()}T00:00:00", v])
    text = csv_text(rows[:2]) + csv_text(rows[2:], quote_all=True)
    write(FIX / name, utf16le_bom(text))
    items = list(values.items())
    expect(
        key,
        file=name,
        layout="meta_page_daily",
        channel=channel,
        placement="organic",
        notes=notes,
        checks=[
            check(metric, items[2][1], "count", placement="organic", date=items[2][0].isoformat()),
            check(metric, sum(values.values()), "count", placement="organic", sum=True),
        ],
        gap_dates=["2026-07-05"],
    )


def meta_fb_follows_daily() -> None:
    vals = [14, 9, 21, 6, 0, 11, 8, 17, 12, 5]
    values = {d: v for d, v in zip(days(dt.date(2026, 7, 1), 10), vals, strict=False) if v != 0}
    meta_page_daily(
        "meta_fb_follows_daily.csv",
        "meta_fb_follows_daily",
        "Facebook follows",
        "Date",
        values,
        "facebook",
        "new_followers",
        'UTF-16 LE with BOM; first line sep=,; title line "Facebook follows"; "Date","Primary"; '
        "ISO timestamps; 2026-07-05 (a zero day) is missing.",
    )


def meta_ig_reach_daily_id() -> None:
    vals = [8120, 7450, 10230, 6620, 0, 12980, 9340, 7710, 15020, 8800, 9105, 7330]
    values = {d: v for d, v in zip(days(dt.date(2026, 7, 1), 12), vals, strict=False) if v != 0}
    meta_page_daily(
        "meta_bs_instagram_jangkauan_daily_id.csv",
        "meta_bs_instagram_jangkauan_daily_id",
        "Jangkauan",
        "Tanggal",
        values,
        "instagram",
        "reach",
        'Indonesian UI: title "Jangkauan", "Tanggal","Primary"; UTF-16 LE BOM, sep=,. The file '
        'itself does not name the channel: it comes from the file name ("instagram") or the user.',
    )


def meta_insights_legacy() -> None:
    name = "meta_insights_post_level_legacy.csv"
    header = [
        "Post ID",
        "Permalink",
        "Post Message",
        "Type",
        "Countries",
        "Languages",
        "Posted",
        "Audience Targeting",
        "Lifetime Post Total Reach",
        "Lifetime Post organic reach",
        "Lifetime Post Paid Reach",
        "Lifetime Post Total Impressions",
        "Lifetime Post Organic Impressions",
        "Lifetime Post Paid Impressions",
        "Lifetime Engaged Users",
        "Lifetime Post Consumers",
        "Lifetime Post Consumptions",
    ]
    desc = [
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "Lifetime: The total number of people your Page post was served to. (Unique Users)",
        "Lifetime: The number of people who saw your Page post in News Feed or ticker, or on your Page's Wall. (Unique Users)",
        "Lifetime: The number of people who saw your Page post in an ad or sponsored story. (Unique Users)",
        "Lifetime: The number of impressions of your Page post. (Total Count)",
        "Lifetime: The number of impressions of your Page post in News Feed or ticker, or on your Page's Wall. (Total Count)",
        "Lifetime: The number of impressions of your Page post in an Ad or Sponsored Story. (Total Count)",
        "Lifetime: The number of unique people who engaged in certain ways with your Page post, for example by commenting on, liking, sharing, or clicking upon particular elements of the post. (Unique Users)",
        "Lifetime: The number of people who clicked anywhere in your posts. (Unique Users)",
        "Lifetime: The number of clicks anywhere in your post. (Total Count)",
    ]
    posts = [
        # id suffix, posted, type, msg, org_reach, paid_reach, overlap, org_imp, paid_imp, engaged, consumers, consumptions
        (
            "301",
            "07/02/2026 10:25:00 AM",
            "Photo",
            "Promo awal bulan, cek link di bio",
            5120,
            0,
            0,
            6840,
            0,
            412,
            150,
            233,
        ),
        (
            "302",
            "07/05/2026 07:10:00 PM",
            "Link",
            "Artikel baru: cara memilih skincare",
            3980,
            12450,
            610,
            5012,
            18840,
            905,
            640,
            1022,
        ),
        (
            "303",
            "07/09/2026 12:00:00 PM",
            "Video",
            "Video tutorial, sudah ditonton 10rb kali",
            9410,
            0,
            0,
            12990,
            0,
            1210,
            530,
            811,
        ),
        (
            "304",
            "07/14/2026 08:30:00 AM",
            "Photo",
            "Giveaway! Tag 3 teman",
            7720,
            20300,
            1150,
            10220,
            31450,
            2940,
            1880,
            2605,
        ),
        (
            "305",
            "07/20/2026 06:45:00 PM",
            "Status",
            "Jam operasional toko selama libur sekolah",
            2210,
            0,
            0,
            2790,
            0,
            88,
            20,
            25,
        ),
        (
            "306",
            "07/27/2026 09:00:00 AM",
            "Photo",
            "Produk terlaris bulan ini",
            6105,
            8800,
            420,
            7960,
            11215,
            1175,
            702,
            990,
        ),
    ]
    rows: list[Any] = [header, desc]
    for sfx, posted, typ, msg, org_r, paid_r, ovl, org_i, paid_i, eng, cons, consn in posts:
        pid = f"100064512345678_1221098765432{sfx}"
        rows.append(
            [
                pid,
                f"https://www.facebook.com/tokokita.id/posts/1221098765432{sfx}",
                msg,
                typ,
                "",
                "",
                posted,
                "",
                org_r + paid_r - ovl,
                org_r,
                paid_r,
                org_i + paid_i,
                org_i,
                paid_i,
                eng,
                cons,
                consn,
            ]
        )
    write(FIX / name, csv_text(rows).encode("utf-8"))
    p = posts[3]
    pid = f"100064512345678_1221098765432{p[0]}"
    expect(
        "meta_insights_post_level_legacy",
        file=name,
        layout="meta_insights_post_legacy",
        channel="facebook",
        placement="mixed",
        notes="Two header rows: names, then descriptions (row 2 is not data). Organic/paid are in "
        "the column names; 'Total' columns must not be added to their parts. Posted is "
        "MM/DD/YYYY hh:mm:ss AM/PM.",
        total_not_added=True,
        checks=[
            check("reach", p[4], "count", placement="organic", date="2026-07-14", post_id=pid),
            check("reach", p[5], "count", placement="paid", date="2026-07-14", post_id=pid),
            check(
                "impressions", p[7], "count", placement="organic", date="2026-07-14", post_id=pid
            ),
            check("impressions", sum(x[8] for x in posts), "count", placement="paid", sum=True),
        ],
    )


def meta_ads_en() -> None:
    name = "meta_ads_manager_en.csv"
    header = [
        "Campaign name",
        "Campaign ID",
        "Ad set name",
        "Ad name",
        "Reporting starts",
        "Reporting ends",
        "Day",
        "Amount spent (IDR)",
        "Result type",
        "Results",
        "Cost per result",
        "Reach",
        "Impressions",
        "Frequency",
        "Post engagements",
        "Post reactions",
        "Post comments",
        "Post shares",
        "Link clicks",
        "Clicks (all)",
        "CTR (all)",
        "CPM (cost per 1,000 impressions) (IDR)",
        "CPC (cost per link click) (IDR)",
        "Messaging conversations started",
        "",
        "Link clicks",
    ]
    camps = [
        (
            "CTWA - Promo Juli",
            "120208765432100011",
            "Jabodetabek 25-40",
            "Video testimoni WA",
            "Messaging conversations started",
        ),
        (
            "Traffic - Katalog Baru",
            "120208765432100022",
            "Lookalike 1% pembeli",
            "Carousel katalog",
            "Link clicks",
        ),
    ]
    # per day: spend, reach, impressions, reactions, comments, shares, link clicks, clicks all, msgs
    data = {
        0: [
            (152340.50, 10120, 12450, 88, 12, 4, 140, 231, 37),
            (148900.00, 9805, 11980, 73, 9, 2, 122, 215, 41),
            (160210.25, 10840, 13370, 95, 15, 6, 151, 260, 29),
            (139500.00, 9310, 11200, 61, 7, 3, 118, 199, 33),
            (171880.75, 11460, 14210, 102, 18, 7, 166, 284, 45),
        ],
        1: [
            (98500.00, 15420, 18800, 41, 3, 1, 402, 566, 0),
            (102340.00, 16010, 19530, 38, 2, 2, 431, 590, 0),
            (95210.50, 14880, 18120, 45, 5, 0, 388, 541, 0),
            (110000.00, 16990, 20760, 52, 4, 3, 467, 655, 0),
            (87650.25, 13760, 16540, 33, 1, 1, 355, 498, 0),
        ],
    }
    dates = days(dt.date(2026, 7, 1), 5)
    rows: list[Any] = [header]
    for ci, (cname, cid, adset, ad, rtype) in enumerate(camps):
        for d, (spend, reach, imp, rea, com, sha, lc, call, msg) in zip(
            dates, data[ci], strict=False
        ):
            results = msg if ci == 0 else lc
            ctr = round(call / imp * 100, 6)
            cpm = round(spend / imp * 1000, 2)
            cpc = round(spend / lc, 2)
            rows.append(
                [
                    cname,
                    cid,
                    adset,
                    ad,
                    d.isoformat(),
                    d.isoformat(),
                    d.isoformat(),
                    f"{spend:.2f}".rstrip("0").rstrip("."),
                    rtype,
                    results,
                    round(spend / results, 2),
                    reach,
                    imp,
                    round(imp / reach, 6),
                    rea + com + sha + lc,
                    rea,
                    com,
                    sha,
                    lc,
                    call,
                    ctr,
                    cpm,
                    cpc,
                    msg if ci == 0 else "",
                    "",
                    lc,
                ]
            )
    write(FIX / name, utf8_bom(csv_text(rows)))
    d1 = data[0][1]
    d2 = data[1][2]
    ctr = round(d1[7] / d1[2] * 100, 6)
    expect(
        "meta_ads_manager_en",
        file=name,
        layout="meta_ads",
        channel="facebook",
        placement="paid",
        notes="UTF-8 BOM; currency in headers (IDR); Results means Result type; an empty-named "
        "column and a duplicated 'Link clicks' header (same values: count once). CTR (all) is in "
        "percent units without a % sign (Meta convention): 1.79 means 1.79 %. "
        "'Messaging conversations started' is both a Result type and its own column: "
        "the day's value must not be doubled.",
        duplicate_header="Link clicks",
        checks=[
            check("spend", d1[0], "IDR", placement="paid", date="2026-07-02", campaign=camps[0][0]),
            check(
                "messaging_conversations",
                d1[8],
                "count",
                placement="paid",
                date="2026-07-02",
                campaign=camps[0][0],
                not_doubled=True,
            ),
            check(
                "link_clicks",
                d2[6],
                "count",
                placement="paid",
                date="2026-07-03",
                campaign=camps[1][0],
                not_doubled=True,
            ),
            check(
                "ctr",
                round(ctr / 100, 8),
                "fraction",
                placement="paid",
                date="2026-07-02",
                campaign=camps[0][0],
                tolerance=1e-6,
            ),
            check(
                "cpc_link",
                round(d2[0] / d2[6], 2),
                "IDR",
                placement="paid",
                date="2026-07-03",
                campaign=camps[1][0],
                tolerance=0.01,
            ),
            check(
                "spend",
                round(sum(x[0] for v in data.values() for x in v), 2),
                "IDR",
                placement="paid",
                sum=True,
            ),
        ],
    )


def meta_ads_titlecase_usd() -> None:
    name = "meta_ads_manager_titlecase_usd.csv"
    header = [
        "Campaign Name",
        "Reporting Starts",
        "Reporting Ends",
        "Amount Spent (USD)",
        "Result Indicator",
        "Results",
        "Cost per Results",
        "Reach",
        "Impressions",
        "Link Clicks",
        "Post Reactions",
        "Post Comments",
        "Post Shares",
        "CTR (Link Click-Through Rate)",
        "CPM (Cost per 1,000 Impressions) (USD)",
        "CPC (Cost per Link Click) (USD)",
    ]
    camps = ["Batik Week - Traffic", "Retargeting Cart Abandoners"]
    vals = {
        0: [
            (42.17, 8120, 10230, 211, 54, 6, 3),
            (39.80, 7710, 9650, 188, 47, 4, 1),
            (45.02, 8840, 11120, 240, 61, 9, 5),
        ],
        1: [
            (18.55, 2210, 4820, 96, 12, 1, 0),
            (21.30, 2490, 5310, 110, 15, 2, 1),
            (17.90, 2105, 4470, 85, 9, 0, 0),
        ],
    }
    rows: list[Any] = [header]
    for ci, cname in enumerate(camps):
        for d, (spend, reach, imp, lc, rea, com, sha) in zip(
            days(dt.date(2024, 3, 4), 3), vals[ci], strict=False
        ):
            rows.append(
                [
                    cname,
                    d.isoformat(),
                    d.isoformat(),
                    f"{spend:.2f}",
                    "actions:link_click",
                    lc,
                    f"{spend / lc:.6f}",
                    reach,
                    imp,
                    lc,
                    rea,
                    com,
                    sha,
                    f"{lc / imp * 100:.6f}",
                    f"{spend / imp * 1000:.6f}",
                    f"{spend / lc:.6f}",
                ]
            )
    write(FIX / name, csv_text(rows).encode("utf-8"))
    v = vals[0][1]
    expect(
        "meta_ads_manager_titlecase_usd",
        file=name,
        layout="meta_ads",
        channel="facebook",
        placement="paid",
        notes="Older Title Case export in USD, no BOM, no Day column (Reporting Starts = Reporting "
        "Ends per row); Result Indicator is an internal key (actions:link_click) so Results "
        "duplicates Link Clicks: not doubled.",
        checks=[
            check("spend", v[0], "USD", placement="paid", date="2024-03-05", campaign=camps[0]),
            check(
                "likes",
                v[4],
                "count",
                placement="paid",
                date="2024-03-05",
                campaign=camps[0],
                source_name="Post Reactions",
            ),
            check(
                "link_clicks",
                v[3],
                "count",
                placement="paid",
                date="2024-03-05",
                campaign=camps[0],
                not_doubled=True,
            ),
            check(
                "spend",
                round(sum(x[0] for vv in vals.values() for x in vv), 2),
                "USD",
                placement="paid",
                sum=True,
            ),
        ],
    )


def meta_ads_id_excel() -> None:
    name = "meta_ads_manager_id_excel.csv"
    header = [
        "Nama kampanye",
        "Awal pelaporan",
        "Akhir pelaporan",
        "Jumlah yang dibelanjakan (IDR)",
        "Impresi",
        "Jangkauan",
        "Klik tautan",
        "CTR (rasio klik tayang tautan)",
        "CPM (biaya per 1.000 tayangan) (IDR)",
        "Hasil",
        "Biaya per hasil",
        "Jenis hasil",
        "Pembelian",
        "Nilai konversi pembelian",
        "Percakapan pesan dimulai",
        "Berakhir",
    ]
    camps = [
        ("Promo 7.7; Gratis Ongkir", "Pembelian situs web", "Berlangsung"),
        ("CTWA Juli - Jabodetabek", "Percakapan pesan dimulai", "31/07/2026"),
    ]
    # spend, impressions, reach, link clicks, purchases, purchase value, messages
    vals = {
        0: [
            (1234567.50, 12345, 9870, 228, 14, 15750000, 0),
            (1198200.00, 11870, 9402, 215, 11, 12420000, 0),
            (1310450.25, 13520, 10688, 251, 17, 19880500, 0),
            (1285000.00, 12990, 10211, 240, 12, 13305000, 0),
            (1402330.75, 14410, 11380, 266, 19, 22140750, 0),
        ],
        1: [
            (450000.00, 8120, 6120, 95, 0, 0, 41),
            (462500.50, 8345, 6302, 101, 0, 0, 38),
            (438900.00, 7920, 5988, 88, 0, 0, 36),
            (471250.25, 8510, 6444, 104, 0, 0, 47),
            (455000.00, 8230, 6230, 97, 0, 0, 40),
        ],
    }
    dates = days(dt.date(2026, 7, 12), 5)  # 12/07 .. 16/07: 13..16 prove day-first
    rows: list[Any] = [header]
    for ci, (cname, rtype, ends) in enumerate(camps):
        for d, (spend, imp, reach, lc, pur, pval, msg) in zip(dates, vals[ci], strict=False):
            results = pur if ci == 0 else msg
            rows.append(
                [
                    cname,
                    dmy(d),
                    dmy(d),
                    id_dec(spend),
                    id_int(imp),
                    id_int(reach),
                    id_int(lc),
                    id_dec(lc / imp * 100),
                    id_dec(spend / imp * 1000),
                    id_int(results),
                    id_dec(spend / results),
                    rtype,
                    id_int(pur) if ci == 0 else "",
                    id_int(pval) if ci == 0 else "",
                    id_int(msg) if ci == 1 else "",
                    ends,
                ]
            )
    write(FIX / name, csv_text(rows, sep=";", eol="\r\n").encode("cp1252"))
    v = vals[0][0]
    w = vals[1][3]
    expect(
        "meta_ads_manager_id_excel",
        file=name,
        layout="meta_ads",
        channel="facebook",
        placement="paid",
        notes="Indonesian headers re-saved by Indonesian Excel: ';' delimiter, CRLF, '.' thousands "
        "and ',' decimals ('1.234.567,50', '12.345' is twelve thousand), DD/MM/YYYY dates "
        "(13..16 prove day-first), a quoted campaign name containing ';', Berakhir=Berlangsung. "
        "CTR is in percent units ('1,85' = 1.85 %). Hasil duplicates Pembelian / Percakapan "
        "pesan dimulai via Jenis hasil: not doubled.",
        checks=[
            check(
                "spend",
                1234567.50,
                "IDR",
                placement="paid",
                date="2026-07-12",
                campaign=camps[0][0],
            ),
            check(
                "impressions",
                12345,
                "count",
                placement="paid",
                date="2026-07-12",
                campaign=camps[0][0],
            ),
            check(
                "purchases",
                v[4],
                "count",
                placement="paid",
                date="2026-07-12",
                campaign=camps[0][0],
                not_doubled=True,
            ),
            check(
                "revenue",
                v[5],
                "IDR",
                placement="paid",
                date="2026-07-12",
                campaign=camps[0][0],
                source_name="Nilai konversi pembelian",
            ),
            check(
                "messaging_conversations",
                w[6],
                "count",
                placement="paid",
                date="2026-07-15",
                campaign=camps[1][0],
                not_doubled=True,
            ),
            # `CTR (rasio klik tayang tautan)` is the *link* CTR (tautan = link): ctr_link.
            check(
                "ctr_link",
                round(round(v[3] / v[1] * 100, 2) / 100, 6),
                "fraction",
                placement="paid",
                date="2026-07-12",
                campaign=camps[0][0],
                tolerance=1e-6,
            ),
        ],
    )


def meta_ig_content_id() -> None:
    name = "meta_ig_konten_id.csv"
    header = [
        "ID Postingan",
        "ID Akun",
        "Nama pengguna akun",
        "Nama akun",
        "Deskripsi",
        "Waktu penerbitan",
        "Permalink",
        "Jenis postingan",
        "Tanggal",
        "Tayangan",
        "Jangkauan",
        "Suka",
        "Frekuensi dibagikan",
        "Komentar",
        "Frekuensi disimpan",
        "Kunjungan profil",
        "Balasan",
        "Mengikuti",
    ]
    posts = [
        (
            "18051234567890101",
            "07/04/2026 19:05",
            "Reel Instagram",
            "PROMO 7.7 🔥\nDiskon 50% semua gamis\nKlik link di bio!",
            25410,
            18230,
            1310,
            220,
            64,
            410,
            388,
            0,
            41,
        ),
        (
            "18051234567890102",
            "07/08/2026 12:00",
            "Carousel Instagram",
            "Cara merawat batik tulis:\n1. Cuci tangan\n2. Jangan diperas\n3. Jemur di tempat teduh",
            12880,
            9940,
            702,
            85,
            19,
            1204,
            140,
            0,
            12,
        ),
        (
            "18051234567890103",
            "07/13/2026 20:30",
            "Gambar Instagram",
            "Terima kasih 10rb pengikut! 🙏",
            9120,
            7750,
            1488,
            40,
            233,
            35,
            96,
            0,
            8,
        ),
        (
            "18051234567890104",
            "07/18/2026 09:15",
            "Reel Instagram",
            'Behind the scene pemotretan\nkoleksi "Lebaran Haji"',
            33050,
            24110,
            2105,
            310,
            77,
            520,
            610,
            0,
            57,
        ),
        (
            "18051234567890105",
            "07/22/2026 16:40",
            "Gambar Instagram",
            "Jam buka toko offline Ubud:\nSenin-Sabtu 09.00-21.00",
            4210,
            3605,
            188,
            6,
            10,
            22,
            35,
            0,
            1,
        ),
        (
            "18051234567890106",
            "07/29/2026 18:00",
            "Carousel Instagram",
            "Lookbook Agustus\n(geser untuk lihat semua)",
            15700,
            11820,
            940,
            122,
            31,
            866,
            201,
            0,
            19,
        ),
    ]
    rows: list[Any] = [header]
    for pid, pub, jenis, desc, tay, jang, suka, bagi, kom, simpan, kunj, bal, ikut in posts:
        rows.append(
            [
                pid,
                "17841401234567890",
                "tokokita.id",
                "Toko Kita",
                desc,
                pub,
                f"https://www.instagram.com/reel/C{pid[-5:]}aBc/",
                jenis,
                "Seumur hidup",
                tay,
                jang,
                suka,
                bagi,
                kom,
                simpan,
                kunj,
                bal,
                ikut,
            ]
        )
    write(FIX / name, utf8_bom(csv_text(rows)))
    p = posts[0]
    expect(
        "meta_ig_konten_id",
        file=name,
        layout="meta_ig_posts",
        channel="instagram",
        placement="organic",
        notes="Indonesian per-content export: captions with line breaks inside quotes, US-order "
        "dates even in the Indonesian UI (07/04/2026 is 4 July; 07/13/2026 proves MM/DD), "
        "Tanggal='Seumur hidup' (Lifetime) so the date is Waktu penerbitan.",
        checks=[
            check("likes", p[6], "count", placement="organic", date="2026-07-04", post_id=p[0]),
            check(
                "saves",
                posts[1][9],
                "count",
                placement="organic",
                date="2026-07-08",
                post_id=posts[1][0],
            ),
            check(
                "profile_visits",
                posts[2][10],
                "count",
                placement="organic",
                date="2026-07-13",
                post_id=posts[2][0],
            ),
            check(
                "reach",
                posts[3][5],
                "count",
                placement="organic",
                date="2026-07-18",
                post_id=posts[3][0],
            ),
        ],
    )


# --------------------------------------------------------------------------- X


def x_tweet_activity() -> None:
    name = "tweet_activity_metrics_tokokita_20260701_20260731_en.csv"
    metrics = [
        "impressions",
        "engagements",
        "engagement rate",
        "retweets",
        "replies",
        "likes",
        "user profile clicks",
        "url clicks",
        "hashtag clicks",
        "detail expands",
        "permalink clicks",
        "app opens",
        "app installs",
        "follows",
        "email tweet",
        "dial phone",
        "media views",
        "media engagements",
    ]
    header = (
        ["Tweet id", "Tweet permalink", "Tweet text", "time"]
        + metrics
        + ["promoted " + m for m in metrics]
    )
    assert len(header) == 40
    r = rng("x")
    tweets = []
    base = 1809876543210987000
    texts = [
        "Flash sale 7.7 dimulai jam 00:00 WIB! 🛒 https://t.co/AbC123",
        'Siapa yang sudah checkout semalam? Ceritain dong "haul"-nya 👇',
        "Thread: 5 cara bedain batik tulis dan batik cap 🧵",
        "Restock gamis Aisyah, link di bio #TokoKita",
        "Ongkir gratis se-Jawa sampai Minggu, min. belanja Rp 150.000",
        "Kuis hari ini: warna apa yang paling kamu suka? A. Sage B. Dusty pink",
        "Terima kasih 20rb followers! Giveaway voucher, RT & follow ya",
        "Jam operasional CS selama libur sekolah: 08.00–20.00",
        "Behind the scene gudang kami, 1.000 paket sehari 📦",
        "Promo payday 25 Juli, siapkan wishlist-mu",
    ]
    times = [
        "2026-07-04 00:00 +0000",
        "2026-07-05 13:27 +0000",
        "2026-07-08 02:10 +0000",
        "2026-07-11 09:45 +0000",
        "2026-07-14 11:03 +0000",
        "2026-07-16 05:30 +0000",
        "2026-07-19 14:00 +0000",
        "2026-07-22 01:15 +0000",
        "2026-07-25 00:05 +0000",
        "2026-07-29 12:40 +0000",
    ]
    promoted_idx = 4
    rows: list[Any] = [header]
    for i, (text, t) in enumerate(zip(texts, times, strict=False)):
        tid = str(base + i * 1234567 + 11)
        imp = 424 if i == 0 else r.randint(380, 5200)
        link = "http" in text or "link" in text
        parts = {
            "retweets": r.randint(0, imp // 100),
            "replies": r.randint(0, imp // 200),
            "likes": r.randint(1, imp // 40),
            "user profile clicks": r.randint(0, imp // 150),
            "url clicks": r.randint(1, imp // 60) if link else 0,
            "hashtag clicks": r.randint(0, imp // 300) if "#" in text else 0,
            "detail expands": r.randint(1, imp // 50),
            "permalink clicks": 0,
            "app opens": 0,
            "app installs": 0,
            "follows": r.randint(0, imp // 500),
            "email tweet": 0,
            "dial phone": 0,
            "media engagements": r.randint(0, imp // 80),
        }
        eng = sum(parts.values())
        vals = {
            "impressions": imp,
            "engagements": eng,
            "engagement rate": eng / imp,
            "media views": r.randint(0, imp // 2),
        }
        vals.update(parts)
        row = [tid, f"https://twitter.com/tokokita/status/{tid}", text, t]
        for m in metrics:
            v = vals[m]
            row.append(repr(float(v)) if m == "engagement rate" else f"{float(v):.1f}")
        if i == promoted_idx:
            pimp = 18250
            pparts = {
                "retweets": 35,
                "replies": 12,
                "likes": 410,
                "user profile clicks": 96,
                "url clicks": 512,
                "hashtag clicks": 0,
                "detail expands": 230,
                "permalink clicks": 0,
                "app opens": 0,
                "app installs": 0,
                "follows": 44,
                "email tweet": 0,
                "dial phone": 0,
                "media engagements": 0,
            }
            peng = sum(pparts.values())
            pv = {
                "impressions": pimp,
                "engagements": peng,
                "engagement rate": peng / pimp,
                "media views": 0,
            }
            pv.update(pparts)
            for m in metrics:
                v = pv[m]
                row.append(repr(float(v)) if m == "engagement rate" else f"{float(v):.1f}")
            promo = (tid, t, vals, pv)
        else:
            row += ["-"] * len(metrics)
        tweets.append((tid, t, vals))
        rows.append(row)
    write(FIX / name, csv_text(rows, quote_all=True).encode("utf-8"))
    t0 = tweets[0]
    ptid, _pt, _pvals, ppv = promo
    expect(
        "x_tweet_activity",
        file=name,
        layout="x_tweet_activity",
        channel="x",
        placement="mixed",
        notes='Legacy 40-column export, every field quoted, counts like "424.0", engagement rate '
        "a fraction, time '2026-07-04 00:00 +0000', 19-digit Tweet ids (read as text). "
        "'promoted ...' columns are paid placement and '-' (missing, not zero) except on one tweet.",
        checks=[
            check(
                "impressions", 424, "count", placement="organic", date="2026-07-04", post_id=t0[0]
            ),
            # X divides engagements by impressions: layouts.toml remaps its `engagement rate`
            # to engagement_rate_impressions (DESIGN: rates name their basis).
            check(
                "engagement_rate_impressions",
                t0[2]["engagement rate"],
                "fraction",
                placement="organic",
                date="2026-07-04",
                post_id=t0[0],
                tolerance=1e-9,
            ),
            check(
                "impressions",
                ppv["impressions"],
                "count",
                placement="paid",
                date="2026-07-14",
                post_id=ptid,
            ),
            check(
                "link_clicks",
                ppv["url clicks"],
                "count",
                placement="paid",
                date="2026-07-14",
                post_id=ptid,
                source_name="promoted url clicks",
            ),
            check("impressions", 18250, "count", placement="paid", sum=True),
        ],
        id_column="Tweet id",
    )


def x_account_analytics() -> None:
    name = "account_analytics_content_2026-07-01_2026-07-31.csv"
    header = [
        "Post id",
        "Date",
        "Post text",
        "Post Link",
        "Impressions",
        "Likes",
        "Engagements",
        "Bookmarks",
        "Shares",
        "New follows",
        "Replies",
        "Reposts",
        "Profile visits",
        "Detail Expands",
        "URL Clicks",
        "Hashtag Clicks",
        "Permalink Clicks",
    ]
    posts = [
        (
            dt.date(2026, 7, 2),
            "Koleksi batik baru sudah rilis, cek di https://t.co/Xy12",
            1234,
            45,
            120,
            6,
            3,
            2,
            5,
            4,
            9,
            30,
            18,
            0,
            0,
        ),
        (
            dt.date(2026, 7, 6),
            "Pagi! Siapa yang sudah sarapan sebelum belanja? ☕",
            860,
            21,
            48,
            1,
            0,
            0,
            7,
            2,
            3,
            15,
            0,
            0,
            0,
        ),
        (
            dt.date(2026, 7, 9),
            "Thread tips packing aman untuk kirim keramik 🧵",
            5120,
            188,
            602,
            95,
            14,
            11,
            22,
            31,
            40,
            230,
            12,
            0,
            0,
        ),
        (
            dt.date(2026, 7, 14),
            "Giveaway 14 Juli: follow + repost, diumumkan Jumat",
            12873,
            644,
            1980,
            33,
            52,
            87,
            140,
            410,
            301,
            290,
            0,
            22,
            0,
        ),
        (
            dt.date(2026, 7, 17),
            "Live shopping malam ini jam 19.00 di TikTok, mampir ya",
            2045,
            60,
            188,
            4,
            8,
            3,
            9,
            12,
            15,
            44,
            31,
            0,
            2,
        ),
        (
            dt.date(2026, 7, 21),
            "Testimoni dari @rina_bdg, terima kasih kak!",
            990,
            37,
            71,
            2,
            1,
            1,
            4,
            3,
            6,
            17,
            0,
            0,
            0,
        ),
        (
            dt.date(2026, 7, 26),
            "Promo payday 25-27 Juli: diskon ekstra 10% pakai kode GAJIAN",
            3488,
            102,
            420,
            58,
            20,
            6,
            11,
            28,
            35,
            140,
            96,
            0,
            0,
        ),
    ]
    rows: list[Any] = [header]
    ids = []
    for i, (d, text, imp, likes, eng, bm, sh, nf, rep, rp, pv, de, url, ht, pl) in enumerate(posts):
        pid = str(1812345678901234567 + i * 98765432)
        ids.append(pid)
        date_s = f"{d:%a}, {d:%b} {d.day}, {d.year}"
        rows.append(
            [
                pid,
                date_s,
                text,
                f"https://x.com/tokokita/status/{pid}",
                en_int(imp),
                likes,
                en_int(eng),
                bm,
                sh,
                nf,
                rep,
                rp,
                pv,
                de,
                url,
                ht,
                pl,
            ]
        )
    write(FIX / name, utf8_bom(csv_text(rows)))
    assert rows[4][1] == "Tue, Jul 14, 2026", rows[4][1]
    expect(
        "x_account_analytics_content",
        file=name,
        layout="x_account_analytics",
        channel="x",
        placement="organic",
        notes="2024+ export with BOM, dates 'Tue, Jul 14, 2026' (quoted: they contain commas), "
        "quoted thousands '\"1,234\"', 19-digit Post ids.",
        id_column="Post id",
        checks=[
            check(
                "impressions",
                12873,
                "count",
                placement="organic",
                date="2026-07-14",
                post_id=ids[3],
            ),
            check(
                "impressions", 1234, "count", placement="organic", date="2026-07-02", post_id=ids[0]
            ),
            check(
                "new_followers",
                87,
                "count",
                placement="organic",
                date="2026-07-14",
                post_id=ids[3],
                source_name="New follows",
            ),
            check(
                "profile_visits",
                301,
                "count",
                placement="organic",
                date="2026-07-14",
                post_id=ids[3],
            ),
        ],
    )


def x_ads_xlsx() -> None:
    name = "x_ads_results.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "results"
    header = [
        "Time period",
        "Placement",
        "Tweet Text",
        "Campaign ID",
        "Tweet ID",
        "Impressions",
        "Spend",
        "Likes",
        "Retweets",
        "Replies",
        "Link clicks",
    ]
    ws.append(header)
    rows = [
        (
            "Jul 1, 2026 - Jul 1, 2026",
            "X timelines",
            "Flash sale 7.7 dimulai jam 00:00 WIB!",
            "1a2b3c",
            "1809876543210987011",
            18250,
            152.35,
            410,
            35,
            12,
            512,
        ),
        (
            "Jul 2, 2026 - Jul 2, 2026",
            "X timelines",
            "Flash sale 7.7 dimulai jam 00:00 WIB!",
            "1a2b3c",
            "1809876543210987011",
            9120,
            80.10,
            122,
            9,
            "-",
            240,
        ),
        (
            "Jul 3, 2026 - Jul 3, 2026",
            "X search",
            "Restock gamis Aisyah",
            "1a2b3c",
            "1809876543212221112",
            4410,
            41.00,
            "-",
            "-",
            "-",
            88,
        ),
        (
            "Jul 4, 2026 - Jul 4, 2026",
            "X timelines",
            "Restock gamis Aisyah",
            "4d5e6f",
            "1809876543212221112",
            7005,
            66.20,
            58,
            4,
            2,
            131,
        ),
        (
            "Jul 5, 2026 - Jul 5, 2026",
            "X profiles",
            "Promo payday",
            "4d5e6f",
            "1809876543214445556",
            "-",
            0,
            "-",
            "-",
            "-",
            "-",
        ),
        (
            "Jul 6, 2026 - Jul 6, 2026",
            "X timelines",
            "Promo payday",
            "4d5e6f",
            "1809876543214445556",
            12890,
            118.75,
            301,
            22,
            9,
            377,
        ),
    ]
    for r in rows:
        ws.append(list(r))
    # trailing empty rows: cells that exist but hold empty strings (Excel leaves these behind)
    for rr in range(len(rows) + 2, len(rows) + 6):
        for cc in range(1, len(header) + 1):
            ws.cell(row=rr, column=cc).value = ""
    write(FIX / name, xlsx_bytes(wb))
    expect(
        "x_ads_results",
        file=name,
        layout="x_ads",
        channel="x",
        placement="paid",
        notes="Sheet 'results'; '-' mixed with numbers in one column (missing, not zero); "
        "Tweet IDs stored as text; 4 trailing empty rows. Time period is a one-day range. "
        "Spend has no currency in the file (account currency): unit is whatever the reader "
        "reports for an unstated currency, so no spend check here.",
        checks=[
            check(
                "impressions",
                18250,
                "count",
                placement="paid",
                date="2026-07-01",
                post_id="1809876543210987011",
            ),
            check("link_clicks", 512 + 240 + 88 + 131 + 377, "count", placement="paid", sum=True),
            check("likes", 410 + 122 + 58 + 301, "count", placement="paid", sum=True),
        ],
        rows=6,
    )


# --------------------------------------------------------------------------- TikTok


def tiktok_studio_zip() -> None:
    name = "tiktok_studio_export.zip"
    ds = days(dt.date(2025, 12, 26), 14)  # Dec 26 .. Jan 8
    month = lambda d: f"{d:%B} {d.day}"  # noqa: E731  "December 26"
    day_month = lambda d: f"{d.day} {d:%B}"  # noqa: E731  "26 December"
    r = rng("tiktok")
    overview = [["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]]
    ov = {}
    for d in ds:
        vv, pv, lk, cm, sh = (
            r.randint(800, 9000),
            r.randint(20, 300),
            r.randint(40, 900),
            r.randint(0, 60),
            r.randint(0, 80),
        )
        ov[d] = (vv, pv, lk, cm, sh)
        overview.append([month(d), vv, "undefined" if d == dt.date(2026, 1, 1) else pv, lk, cm, sh])
    followers = [["Date", "Followers", "Difference in followers from previous day"]]
    fcount = 20480
    fh = {}
    for d in ds:
        diff = r.randint(-5, 60)
        fcount += diff
        fh[d] = (fcount, diff)
        followers.append([day_month(d), fcount, diff])
    viewers = [["Date", "Total Viewers", "New Viewers", "Returning Viewers"]]
    for d in ds:
        tv = r.randint(500, 6000)
        nv = r.randint(100, tv)
        viewers.append(
            [
                month(d),
                tv,
                "undefined" if d.day in (30, 31) else nv,
                "undefined" if d.day in (30, 31) else tv - nv,
            ]
        )
    content = [
        [
            "Time",
            "Video title",
            "Video link",
            "Post time",
            "Total likes",
            "Total comments",
            "Total shares",
            "Total views",
        ]
    ]
    vids = [
        ("7451234567890123456", dt.date(2025, 12, 27), "Haul akhir tahun 🎁", 1820, 64, 120, 40210),
        ("7452345678901234567", dt.date(2025, 12, 31), "Countdown promo 1.1", 930, 31, 88, 18760),
        (
            "7453456789012345678",
            dt.date(2026, 1, 3),
            "Outfit kerja minggu pertama",
            410,
            12,
            19,
            8830,
        ),
        ("7454567890123456789", dt.date(2026, 1, 6), "Restock hijab voal", 2205, 140, 301, 52110),
    ]
    for vid, d, title, lk, cm, sh, vv in vids:
        content.append(
            [
                month(d),
                title,
                f"https://www.tiktok.com/@tokokita.id/video/{vid}",
                month(d),
                lk,
                cm,
                sh,
                vv,
            ]
        )
    members = [
        ("Overview.csv", csv_text(overview, quote_all=False).encode("utf-8")),
        ("Content.csv", csv_text(content).encode("utf-8")),
        ("FollowerHistory.csv", csv_text(followers).encode("utf-8")),
        ("Viewers.csv", csv_text(viewers).encode("utf-8")),
    ]
    write(FIX / name, zip_bytes(members))
    expect(
        "tiktok_studio_export",
        file=name,
        layout="tiktok_studio",
        channel="tiktok",
        placement="organic",
        reference_date="2026-01-09",
        notes="Zip of Overview/Content/FollowerHistory/Viewers. Dates have no year: 'December 26' "
        "(Overview, Viewers, Content) and '26 December' (FollowerHistory); the window runs "
        "Dec 26 -> Jan 8, so with reference (download) date 2026-01-09 December is 2025 and "
        "January 2026 (latest year that puts no date in the future). 'undefined' is missing.",
        checks=[
            check(
                "video_views",
                ov[dt.date(2025, 12, 30)][0],
                "count",
                placement="organic",
                date="2025-12-30",
            ),
            check(
                "video_views",
                ov[dt.date(2026, 1, 2)][0],
                "count",
                placement="organic",
                date="2026-01-02",
            ),
            check(
                "followers",
                fh[dt.date(2025, 12, 31)][0],
                "count",
                placement="organic",
                date="2025-12-31",
            ),
            check(
                "followers",
                fh[dt.date(2026, 1, 8)][0],
                "count",
                placement="organic",
                date="2026-01-08",
            ),
        ],
        missing=[{"metric": "profile_visits", "date": "2026-01-01", "reason": "undefined"}],
    )


def tiktok_business_csv() -> None:
    name = "tiktok_business_export.csv"
    header = [
        "date",
        "video views",
        "reached audience",
        "profile views",
        "likes",
        "shares",
        "comments",
        "phone clicks",
        "leads",
        "net growth",
        "new followers",
        "lost followers",
    ]
    r = rng("ttbiz")
    rows: list[Any] = [header]
    data = {}
    for d in days(dt.date(2026, 7, 1), 10):
        vv = r.randint(2000, 15000)
        reach = int(vv * r.uniform(0.55, 0.8))
        nf, lf = r.randint(10, 120), r.randint(0, 25)
        rec = (
            vv,
            reach,
            r.randint(40, 400),
            r.randint(100, 1800),
            r.randint(5, 150),
            r.randint(2, 90),
            r.randint(0, 12),
            r.randint(0, 8),
            nf - lf,
            nf,
            lf,
        )
        data[d] = rec
        rows.append([d.isoformat(), *rec])
    write(FIX / name, csv_text(rows).encode("utf-8"))
    d3 = data[dt.date(2026, 7, 3)]
    expect(
        "tiktok_business_export",
        file=name,
        layout="tiktok_business",
        channel="tiktok",
        placement="organic",
        notes="Business-account variant: lower-case headers, ISO dates, phone clicks and leads.",
        checks=[
            check(
                "reach",
                d3[1],
                "count",
                placement="organic",
                date="2026-07-03",
                source_name="reached audience",
            ),
            check(
                "leads", sum(v[7] for v in data.values()), "count", placement="organic", sum=True
            ),
            check("new_followers", d3[9], "count", placement="organic", date="2026-07-03"),
            check(
                "calls",
                d3[6],
                "count",
                placement="organic",
                date="2026-07-03",
                source_name="phone clicks",
            ),
        ],
    )


# --------------------------------------------------------------------------- LinkedIn


LI_METRICS_DESC = (
    "Aggregated daily page update metrics for Toko Kita B2B. Sponsored metrics "
    "include sponsored content and direct sponsored content; total = organic + "
    "sponsored."
)
LI_POSTS_DESC = (
    "All posts published by Toko Kita B2B in the selected range. Metrics are "
    "lifetime to date; sponsored posts include paid delivery."
)


def linkedin_data() -> tuple[list[list[Any]], list[list[Any]], dict[str, Any]]:
    r = rng("linkedin")
    header = ["Date"]
    for m in ["Impressions", "Clicks", "Reactions", "Comments", "Reposts", "Engagement rate"]:
        header += [f"{m} (organic)", f"{m} (sponsored)", f"{m} (total)"]
    rows: list[list[Any]] = [header]
    by_date = {}
    for d in days(dt.date(2026, 7, 1), 14):
        o_imp, s_imp = r.randint(300, 2500), (r.randint(1500, 9000) if d.day % 3 else 0)
        parts = {}
        for m in ["Clicks", "Reactions", "Comments", "Reposts"]:
            lo = {"Clicks": (10, 90), "Reactions": (5, 60), "Comments": (0, 9), "Reposts": (0, 6)}[
                m
            ]
            so = r.randint(*lo)
            sp = r.randint(*lo) * 2 if s_imp else 0
            parts[m] = (so, sp)
        o_eng = sum(p[0] for p in parts.values())
        s_eng = sum(p[1] for p in parts.values())
        row: list[Any] = [mdy(d), o_imp, s_imp, o_imp + s_imp]
        for m in ["Clicks", "Reactions", "Comments", "Reposts"]:
            row += [parts[m][0], parts[m][1], parts[m][0] + parts[m][1]]
        row += [
            round(o_eng / o_imp, 6),
            round(s_eng / s_imp, 6) if s_imp else "",
            round((o_eng + s_eng) / (o_imp + s_imp), 6),
        ]
        rows.append(row)
        by_date[d] = (o_imp, s_imp, parts)
    posts_header = [
        "Post title",
        "Post link",
        "Post type",
        "Campaign name",
        "Created date",
        "Audience",
        "Impressions",
        "Views",
        "Clicks",
        "Click through rate (CTR)",
        "Likes",
        "Comments",
        "Reposts",
        "Follows",
        "Engagement rate",
        "Content Type",
    ]
    posts = [
        (
            "Webinar: digitalisasi UMKM ekspor",
            "Organic",
            "",
            dt.date(2026, 7, 2),
            3120,
            "",
            141,
            22,
            4,
            6,
            9,
            "Image",
        ),
        (
            "Studi kasus: 3x repeat order dengan katalog B2B",
            "Sponsored",
            "B2B Leads Juli",
            dt.date(2026, 7, 6),
            18450,
            "",
            402,
            96,
            11,
            5,
            14,
            "Document",
        ),
        (
            "Lowongan: Key Account Manager Jakarta",
            "Organic",
            "",
            dt.date(2026, 7, 9),
            5210,
            "",
            230,
            61,
            7,
            12,
            3,
            "Text",
        ),
        (
            "Video: tur pabrik Pekalongan",
            "Sponsored",
            "Brand Video Q3",
            dt.date(2026, 7, 13),
            22040,
            8120,
            388,
            144,
            19,
            21,
            27,
            "Video",
        ),
        (
            "Rilis katalog grosir Agustus",
            "Organic",
            "",
            dt.date(2026, 7, 14),
            2780,
            "",
            97,
            30,
            2,
            1,
            2,
            "Article",
        ),
    ]
    prows: list[list[Any]] = [posts_header]
    for i, (title, ptype, camp, d, imp, views, clicks, likes, com, rep, fol, ctype) in enumerate(
        posts
    ):
        prows.append(
            [
                title,
                f"https://www.linkedin.com/feed/update/urn:li:activity:72198765432109{i:05d}",
                ptype,
                camp,
                mdy(d),
                "All followers" if ptype == "Organic" else "Targeted",
                imp,
                views,
                clicks,
                round(clicks / imp, 6),
                likes,
                com,
                rep,
                fol,
                round((clicks + likes + com + rep + fol) / imp, 6),
                ctype,
            ]
        )
    return rows, prows, {"by_date": by_date, "posts": posts, "prows": prows}


def linkedin_expected(key: str, name: str, info: dict[str, Any], fmt: str) -> None:
    bd = info["by_date"]
    d13 = bd[dt.date(2026, 7, 13)]
    d14 = bd[dt.date(2026, 7, 14)]
    expect(
        key,
        file=name,
        layout="linkedin_page",
        channel="linkedin",
        placement="mixed",
        notes=f"{fmt}: sheets 'Metrics' and 'All posts', a description line above each header; "
        "dates MM/DD/YYYY as text (07/13/2026 proves month-first); placement in the column name; "
        "'(total)' = organic + sponsored and must not be added to its parts. Checks are on the "
        "Metrics sheet.",
        total_not_added=True,
        checks=[
            check(
                "impressions",
                d13[0],
                "count",
                placement="organic",
                date="2026-07-13",
                sheet="Metrics",
                total_not_added=True,
            ),
            check(
                "impressions", d13[1], "count", placement="paid", date="2026-07-13", sheet="Metrics"
            ),
            check(
                "clicks",
                d14[2]["Clicks"][0],
                "count",
                placement="organic",
                date="2026-07-14",
                sheet="Metrics",
            ),
            check(
                "impressions",
                sum(v[0] for v in bd.values()),
                "count",
                placement="organic",
                sum=True,
                sheet="Metrics",
            ),
        ],
    )


def linkedin_xls() -> None:
    name = "linkedin_page_analytics.xls"
    metrics, posts, info = linkedin_data()
    wb = xlwt.Workbook(encoding="utf-8")
    for title, desc, rows in (
        ("Metrics", LI_METRICS_DESC, metrics),
        ("All posts", LI_POSTS_DESC, posts),
    ):
        ws = wb.add_sheet(title)
        ws.write(0, 0, desc)
        for ri, row in enumerate(rows, start=1):
            for ci, v in enumerate(row):
                ws.write(ri, ci, v)
    buf = io.BytesIO()
    wb.save(buf)
    write(FIX / name, buf.getvalue())
    linkedin_expected("linkedin_page_analytics_xls", name, info, "Old binary .xls (xlrd)")


def linkedin_xlsx() -> None:
    name = "linkedin_page_analytics.xlsx"
    metrics, posts, info = linkedin_data()
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, desc, rows in (
        ("Metrics", LI_METRICS_DESC, metrics),
        ("All posts", LI_POSTS_DESC, posts),
    ):
        ws = wb.create_sheet(title)
        ws.append([desc])
        for row in rows:
            ws.append(row)
    write(FIX / name, xlsx_bytes(wb))
    linkedin_expected("linkedin_page_analytics_xlsx", name, info, ".xlsx")


LI_VISITORS_DESC = (
    "Aggregated daily page visitor metrics for Toko Kita B2B. Total = desktop + mobile; "
    "total page views include every tab of the page."
)


def linkedin_visitors_xls() -> None:
    """LinkedIn's visitors workbook: `Visitor metrics` (per tab and in total, each on desktop,
    on mobile and in `(total)`) and a `Location` breakdown sheet."""
    name = "tokokita-b2b_visitors_1785542400000.xls"
    r = rng("linkedin-visitors")
    tabs = ["Overview", "Life", "Jobs"]
    header = ["Date"]
    for tab in [*tabs, "Total"]:
        for figure in ("page views", "unique visitors"):
            header += [f"{tab} {figure} ({device})" for device in ("desktop", "mobile", "total")]
    rows: list[list[Any]] = [header]
    page_views: dict[dt.date, tuple[int, int]] = {}
    for d in days(dt.date(2026, 7, 1), 14):
        row: list[Any] = [mdy(d)]
        sums = [[0, 0], [0, 0]]  # page views, unique visitors: desktop, mobile
        for _ in tabs:
            views = (r.randint(20, 140), r.randint(15, 120))
            people = (r.randint(10, views[0]), r.randint(8, views[1]))
            for f, (desk, mob) in enumerate((views, people)):
                row += [desk, mob, desk + mob]
                sums[f][0] += desk
                sums[f][1] += mob
        for desk, mob in sums:
            row += [desk, mob, desk + mob]
        rows.append(row)
        page_views[d] = (sums[0][0], sums[0][1])
    location = [["Location", "Total views"], ["Jakarta, Indonesia", 1210], ["Surabaya", 388]]
    wb = xlwt.Workbook(encoding="utf-8")
    for title, lines in (("Visitor metrics", rows), ("Location", location)):
        ws = wb.add_sheet(title)
        ws.write(0, 0, LI_VISITORS_DESC)
        for ri, line in enumerate(lines, start=1):
            for ci, v in enumerate(line):
                ws.write(ri, ci, v)
    buf = io.BytesIO()
    wb.save(buf)
    write(FIX / name, buf.getvalue())
    d13 = page_views[dt.date(2026, 7, 13)]
    expect(
        "linkedin_page_visitors_xls",
        file=name,
        layout="linkedin_page_visitors",
        channel="linkedin",
        placement="organic",
        notes="Old binary .xls: sheet 'Visitor metrics' (a description line above the header; "
        "dates MM/DD/YYYY) and a 'Location' breakdown sheet (left out). Each tab's page views "
        "and unique visitors and the page's 'Total' come as (desktop), (mobile) and (total): "
        "the devices are parts of their '(total)', the tabs parts of 'Total ...'. Page views "
        "are the 'Total page views (total)' column, once.",
        total_not_added=True,
        checks=[
            check(
                "page_views",
                sum(d13),
                "count",
                placement="organic",
                date="2026-07-13",
                source_name="Total page views (total)",
                total_not_added=True,
            ),
            check(
                "page_views",
                sum(sum(v) for v in page_views.values()),
                "count",
                placement="organic",
                sum=True,
            ),
            check(
                "users", sum(row[-1] for row in rows[1:]), "count", placement="organic", sum=True
            ),
        ],
    )


# --------------------------------------------------------------------------- YouTube


# The YouTube Studio zip's member names and headers, as the English and the Indonesian UI
# write them.
YT_WORDS = {
    "en": {
        "members": ("Table data.csv", "Chart data.csv", "Totals.csv"),
        "header": [
            "Content",
            "Video title",
            "Video publish time",
            "Duration",
            "Views",
            "Watch time (hours)",
            "Subscribers",
            "Average view duration",
            "Impressions",
            "Impressions click-through rate (%)",
        ],
        "date": "Date",
    },
    "id": {
        "members": ("Data tabel.csv", "Data diagram.csv", "Total.csv"),
        "header": [
            "Konten",
            "Judul video",
            "Waktu publikasi video",
            "Durasi",
            "Penayangan",
            "Waktu tonton (jam)",
            "Subscriber",
            "Durasi rata-rata dilihat",
            "Tayangan",
            "Rasio klik-tayang tayangan (%)",
        ],
        "date": "Tanggal",
    },
}


def youtube_zip() -> None:
    youtube_export("youtube_studio_export.zip", "youtube_studio_export", "en")


def youtube_zip_id() -> None:
    # The zip is named as Studio names it: nothing in the name says YouTube.
    youtube_export("Konten 2025-06-10_2025-06-16 Toko Kita.zip", "youtube_studio_export_id", "id")


def youtube_export(name: str, key: str, lang: str) -> None:
    words = YT_WORDS[lang]
    # id, title, publish, duration(s), views, avg view dur (s), impressions, ctr %, subs
    vids = [
        (
            "aB3dE5fG7hI",
            "Review jujur gamis Aisyah (setelah 3 bulan)",
            "Feb 19, 2023",
            845,
            1250,
            312,
            43706,
            2.86,
            14,
        ),
        (
            "Qw7Er9Ty1Ui",
            "Cara melipat hijab untuk traveling",
            "Jun 9, 2025",
            185,
            60,
            90,
            3120,
            1.92,
            0,
        ),
        ("-Zk9QwErT1u", "Live unboxing paket 6.6", "Jun 6, 2025", 3620, 517, 420, 15880, 3.26, 5),
    ]
    if lang == "id":
        # `Feb 19, 2023` reads `19 Feb 2023` in the Indonesian UI.
        vids = [
            (v[0], v[1], "{1} {0} {2}".format(*v[2].replace(",", "").split()), *v[3:]) for v in vids
        ]
    period = days(dt.date(2025, 6, 10), 7)
    header = list(words["header"])

    def hms(s: int) -> str:
        return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"

    tot_views = sum(v[4] for v in vids)
    tot_secs = sum(v[4] * v[5] for v in vids)
    tot_imp = sum(v[6] for v in vids)
    tot_clicks = sum(round(v[6] * v[7] / 100) for v in vids)
    table: list[Any] = [
        header,
        [
            "Total",
            "",
            "",
            "",
            tot_views,
            f"{tot_secs / 3600:.4f}",
            sum(v[8] for v in vids),
            hms(round(tot_secs / tot_views)),
            tot_imp,
            f"{tot_clicks / tot_imp * 100:.2f}",
        ],
    ]
    for vid, title, pub, dur, views, avd, imp, ctr, subs in vids:
        table.append(
            [
                vid,
                title,
                pub,
                dur,
                views,
                f"{views * avd / 3600:.4f}",
                subs,
                hms(avd),
                imp,
                f"{ctr:.2f}",
            ]
        )
    # Chart data: split each video's views over the 7 days, deterministic
    r = rng("yt")
    chart: list[Any] = [[words["date"], *header[:4], header[4]]]
    per_day = {d: 0 for d in period}
    for vid, title, pub, dur, views, *_ in vids:
        weights = [r.randint(1, 10) for _ in period]
        split = [views * w // sum(weights) for w in weights]
        split[-1] += views - sum(split)
        for d, v in zip(period, split, strict=False):
            chart.append([d.isoformat(), vid, title, pub, dur, v])
            per_day[d] += v
    totals: list[Any] = [[words["date"], header[4]]]
    totals += [[dmy(d, "-"), per_day[d]] for d in period]
    members = [
        (member, csv_text(rows).encode("utf-8"))
        for member, rows in zip(words["members"], (table, chart, totals), strict=True)
    ]
    write(FIX / name, zip_bytes(members))
    assert sum(per_day.values()) == tot_views
    watch, avd, ctr = header[5], header[7], header[9]
    notes = {
        "en": "",
        "id": "Indonesian UI: members 'Data tabel.csv', 'Data diagram.csv', 'Total.csv'; headers "
        "'Tanggal', 'Konten', 'Penayangan' (views), 'Tayangan' (impressions), 'Waktu tonton "
        "(jam)', 'Durasi rata-rata dilihat', 'Rasio klik-tayang tayangan (%)'; publish time "
        "'19 Feb 2023'. Otherwise as the English zip: ",
    }[lang]
    expect(
        key,
        file=name,
        layout="youtube_studio",
        channel="youtube",
        placement="organic",
        notes=notes
        + "Zip: Table data.csv (first data row 'Total' is not data; period totals per video, no "
        "date), Chart data.csv (long, per video per day, ISO dates), Totals.csv (daily, "
        "'13-06-2025' DD-MM-YYYY). All three describe the same 1,827 views: views over the "
        "whole zip must equal the per-video sum, not double or triple it. Watch time (hours) "
        "-> seconds; Average view duration H:MM:SS -> seconds; CTR in percent units; one video "
        "id starts with '-' (an id, not a placeholder). Publish time 'Feb 19, 2023'.",
        checks=[
            check("video_views", tot_views, "count", placement="organic", sum=True),
            check(
                "watch_time",
                5400,
                "seconds",
                placement="organic",
                post_id="Qw7Er9Ty1Ui",
                source_name=watch,
            ),
            check(
                "average_view_duration",
                312,
                "seconds",
                placement="organic",
                post_id="aB3dE5fG7hI",
                source_name=avd,
            ),
            check(
                "ctr",
                0.0286,
                "fraction",
                placement="organic",
                post_id="aB3dE5fG7hI",
                source_name=ctr,
                tolerance=1e-9,
            ),
            # `Subscribers` is the net change in the period: net growth, not new followers.
            check(
                "net_follower_growth",
                14,
                "count",
                placement="organic",
                post_id="aB3dE5fG7hI",
                source_name=header[6],
            ),
            # The finest member (Chart data: per video per day) wins the overlap, so the day's
            # views are one row per video: summed, they must equal the day's total once.
            check(
                "video_views",
                per_day[dt.date(2025, 6, 13)],
                "count",
                placement="organic",
                date="2025-06-13",
                sum=True,
            ),
        ],
    )


# --------------------------------------------------------------------------- GA4


def ga4_card(title: str) -> list[Any]:
    """The `#` comment block GA4 writes above each report or card of a CSV export."""
    return [
        "# ----------------------------------------",
        f"# {title}",
        "# Account: Toko Kita",
        "# Property: tokokita.id - GA4",
        "# ----------------------------------------",
        "#",
        "# All Users",
        "# Start date: 20260701",
        "# End date: 20260731",
        "",
    ]


def ga4_csv() -> None:
    name = "ga4_pages_and_screens.csv"
    pre = ga4_card("Pages and screens: Page path and screen class")
    header = [
        "Page path and screen class",
        "Views",
        "Active users",
        "Views per active user",
        "Average engagement time per active user",
        "Event count",
        "Key events",
        "Total revenue",
    ]
    pages = [
        ("/", 18420, 9210, 52.31, 40112, 310, 48250000),
        ("/katalog", 9870, 5102, 68.04, 25410, 122, 21340500),
        ("/promo#ramadan", 4210, 3388, 41.5, 11020, 64, 9875000),
        ("/produk/gamis-aisyah", 6605, 4021, 95.12, 19876, 143, 30120750.5),
        ("/cart", 3120, 1877, 37.8, 10240, 0, 0),
        ("/checkout", 1544, 1205, 88.25, 6330, 211, 0),
        ("/blog/tips-merawat-batik", 2280, 2011, 120.7, 5120, 3, 0),
        ("/hubungi-kami?utm_source=ig#form", 645, 590, 33.3, 1802, 27, 0),
    ]
    rows: list[Any] = [*list(pre), header]
    for path, views, users, eng, ev, key, rev in pages:
        rows.append([path, views, users, f"{views / users:.4f}", eng, ev, key, rev])
    write(FIX / name, csv_text(rows, eol="\r\n").encode("utf-8"))
    expect(
        "ga4_pages_and_screens",
        file=name,
        layout="ga4",
        channel="website",
        placement="organic",
        notes="Nine leading '#' comment lines then a blank line, CRLF; '#' inside page paths "
        "(/promo#ramadan) is data. No date column: the period is in the comments "
        "(20260701-20260731). 'Total revenue' carries no currency (property currency).",
        period=["2026-07-01", "2026-07-31"],
        checks=[
            check("page_views", 4210, "count", placement="organic", row="/promo#ramadan"),
            check("page_views", sum(p[1] for p in pages), "count", placement="organic", sum=True),
            check("users", 3388, "count", placement="organic", row="/promo#ramadan"),
            check(
                "time_on_page",
                41.5,
                "seconds",
                placement="organic",
                row="/promo#ramadan",
                source_name="Average engagement time per active user",
            ),
        ],
    )


def ga4_snapshot_csv() -> None:
    """GA4's reports snapshot: one CSV of several cards, each under its own `#` comment block;
    the first card counts the days of the period (`Nth day`), the others cover it whole."""
    name = "ga4_reports_snapshot.csv"
    card = ga4_card
    r = rng("ga4-snapshot")
    by_day = [r.randint(1100, 1900) for _ in range(31)]
    rows: list[Any] = card("Reports snapshot: Active users by Nth day")
    rows.append(["Nth day", "Active users"])
    rows += [[f"{n:04d}", users] for n, users in enumerate(by_day)]
    rows.append("")
    rows += card("Reports snapshot: Active users by Country")
    rows.append(["Country", "Active users"])
    rows += [["Indonesia", 30120], ["Malaysia", 1840], ["Singapore", 966], ["(not set)", 75]]
    rows.append("")
    pages = [("/", 18420), ("/katalog", 9870), ("/produk/gamis-aisyah", 6605)]
    rows += card("Reports snapshot: Views by Page path and screen class")
    rows.append(["Page path and screen class", "Views"])
    rows += [list(p) for p in pages]
    write(FIX / name, csv_text(rows, eol="\r\n").encode("utf-8"))
    day = "Reports snapshot: Active users by Nth day"
    expect(
        "ga4_reports_snapshot",
        file=name,
        layout="ga4",
        channel="website",
        placement="organic",
        notes="Three '#'-headed sections, CRLF. 'Nth day' (0000...0030) counts the days from the "
        "comment block's 'Start date: 20260701': row N is 1 July + N days. The Country card's "
        "users cover the whole period and repeat the daily ones: they are left out (the finer "
        "daily section wins) and the user is told, naming both sections by their titles.",
        checks=[
            check("users", by_day[12], "count", placement="organic", date="2026-07-13"),
            check("users", sum(by_day), "count", placement="organic", sum=True),
            check("users", by_day[30], "count", placement="organic", date="2026-07-31", sheet=day),
            check("page_views", sum(v for _, v in pages), "count", placement="organic", sum=True),
        ],
    )


def ga4_acquisition_csvs() -> None:
    """GA4's user and traffic acquisition reports and its e-commerce items report, with the
    columns GA4 shows by default: per-user and per-session rates, key event rates, `Total users`
    beside `Users` and new beside returning users."""
    groups = ["Organic Social", "Paid Social", "Organic Search", "Direct", "Email", "Referral"]
    r = rng("ga4-acquisition")
    users = {g: r.randint(300, 4000) for g in groups}
    new = {g: int(users[g] * r.uniform(0.6, 0.85)) for g in groups}
    header = [
        "First user primary channel group (Default Channel Group)", "Total users", "New users",
        "Returning users", "Average engagement time per active user",
        "Engaged sessions per active user", "Event count", "Key events", "User key event rate",
        "Total revenue",
    ]  # fmt: skip
    rows: list[Any] = [*ga4_card("User acquisition: First user primary channel group"), header]
    for g in groups:
        rows.append([g, users[g], new[g], users[g] - new[g], round(r.uniform(20, 90), 2),
                     round(r.uniform(0.5, 1.4), 4), users[g] * r.randint(6, 14),
                     r.randint(5, 80), round(r.uniform(0.01, 0.05), 4),
                     r.randint(0, 40) * 125000])  # fmt: skip
    name = "ga4_user_acquisition.csv"
    write(FIX / name, csv_text(rows, eol="\r\n").encode("utf-8"))
    expect(
        "ga4_user_acquisition",
        file=name,
        layout="ga4",
        channel="website",
        placement="organic",
        notes="GA4 User acquisition with its default columns: new and returning users are "
        "metrics of their own, engaged sessions per active user a ratio (1.2, not 1.2 %) and "
        "the user key event rate a fraction.",
        checks=[
            check("users", sum(users.values()), "count", placement="organic", sum=True),
            check("new_users", sum(new.values()), "count", placement="organic", sum=True),
            check("returning_users", sum(users.values()) - sum(new.values()), "count",
                  placement="organic", sum=True),
            # Channel groups key no rows (see channels.toml): a rate is checked over the file,
            # which still tells a ratio (1.2) from a percent divided by 100 (0.012).
            check("engaged_sessions_per_user", sum(row[5] for row in rows[-6:]), "fraction",
                  placement="organic", sum=True),
            check("user_conversion_rate", sum(row[8] for row in rows[-6:]), "fraction",
                  placement="organic", sum=True),
        ],
    )  # fmt: skip

    sessions = {g: int(users[g] * r.uniform(1.1, 1.6)) for g in groups}
    header = [
        "Session primary channel group (Default Channel Group)", "Users", "Total users",
        "Sessions", "Engaged sessions", "Average engagement time per session",
        "Engaged sessions per user", "Events per session", "Engagement rate", "Event count",
        "Key events", "Session key event rate", "Bounce rate", "Total revenue", "Purchase revenue",
    ]  # fmt: skip
    rows = [*ga4_card("Traffic acquisition: Session primary channel group"), header]
    for g in groups:
        engaged = int(sessions[g] * r.uniform(0.45, 0.7))
        events = sessions[g] * r.randint(4, 9)
        revenue = r.randint(0, 40) * 125000
        rows.append([g, users[g] - r.randint(5, 40), users[g], sessions[g], engaged,
                     round(r.uniform(20, 90), 2), round(engaged / users[g], 4),
                     round(events / sessions[g], 4), round(engaged / sessions[g], 4), events,
                     r.randint(5, 80), round(r.uniform(0.01, 0.05), 4),
                     round(1 - engaged / sessions[g], 4), revenue, revenue])  # fmt: skip
    name = "ga4_traffic_acquisition.csv"
    write(FIX / name, csv_text(rows, eol="\r\n").encode("utf-8"))
    expect(
        "ga4_traffic_acquisition",
        file=name,
        layout="ga4",
        channel="website",
        placement="organic",
        notes="GA4 Traffic acquisition: `Users` (active users) beside `Total users` counts the "
        "total once, and `Purchase revenue` beside `Total revenue` is a part of it, not added; "
        "events per session are a ratio (5.2, not 5.2 %), the bounce rate a fraction.",
        checks=[
            check("users", sum(users.values()), "count", placement="organic", sum=True),
            check("sessions", sum(sessions.values()), "count", placement="organic", sum=True),
            check("revenue", sum(row[13] for row in rows[-6:]), "USD", placement="organic",
                  sum=True),
            check("events_per_session", sum(row[7] for row in rows[-6:]), "fraction",
                  placement="organic", sum=True),
            check("bounce_rate", sum(row[12] for row in rows[-6:]), "fraction",
                  placement="organic", sum=True),
        ],
    )  # fmt: skip

    items = [("Gamis Aisyah", 4210, 380, 96, 28800000), ("Hijab Voal Motif", 6120, 702, 240,
             19200000), ("Tunik Batik Sekar", 2315, 190, 41, 8200000)]  # fmt: skip
    rows = [*ga4_card("E-commerce purchases: Item name"),
            ["Item name", "Items viewed", "Items added to cart", "Items purchased",
             "Item revenue"], *[list(i) for i in items]]  # fmt: skip
    name = "ga4_ecommerce_items.csv"
    write(FIX / name, csv_text(rows, eol="\r\n").encode("utf-8"))
    expect(
        "ga4_ecommerce_items",
        file=name,
        layout="ga4",
        channel="website",
        placement="organic",
        notes="GA4 E-commerce purchases by item: items viewed are product views (evaluation), "
        "items added to cart adds to cart, items purchased units sold, item revenue revenue.",
        checks=[
            check(
                "product_views", sum(i[1] for i in items), "count", placement="organic", sum=True
            ),
            check("add_to_cart", sum(i[2] for i in items), "count", placement="organic", sum=True),
            check("units_sold", sum(i[3] for i in items), "count", placement="organic", sum=True),
            check("revenue", sum(i[4] for i in items), "USD", placement="organic", sum=True),
        ],
    )


# --------------------------------------------------------------------------- Shopee


def shopee_shop_stats() -> None:
    name = "tokokita.shopee-shop-stats.20260701_20260707.xlsx"
    header = [
        "Tanggal",
        "Total Penjualan (IDR)",
        "Total Pesanan",
        "Penjualan per Pesanan",
        "Produk Diklik",
        "Total Pengunjung",
        "Tingkat Konversi Pesanan",
        "Total Potensi Pembeli",
        "Tingkat Pembelian Berulang",
    ]
    r = rng("shopee")
    ds = days(dt.date(2026, 7, 1), 7)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    sheets = {}
    base = [
        (
            d,
            r.randint(60, 180),
            r.randint(95, 210) * 1000,
            r.randint(2500, 7000),
            r.randint(1800, 5200),
        )
        for d in ds
    ]
    for sheet, scale in (
        ("Pesanan Dibuat", 1.0),
        ("Pesanan Siap Dikirim", 0.82),
        ("Pesanan Dibayar", 0.91),
    ):
        ws = wb.create_sheet(sheet)
        ws.append(header)
        daily = []
        for d, o, price, clicks, visitors in base:
            orders = int(o * scale)
            sales = orders * price
            buyers = int(orders * 0.93)
            daily.append((d, sales, orders, clicks, visitors, buyers))
        tot_sales = sum(x[1] for x in daily)
        tot_orders = sum(x[2] for x in daily)
        tot_vis = sum(x[4] for x in daily)
        ws.append(
            [
                f"{dmy(ds[0], '-')}-{dmy(ds[-1], '-')}",
                tot_sales,
                tot_orders,
                round(tot_sales / tot_orders),
                sum(x[3] for x in daily),
                tot_vis,
                id_dec(tot_orders / tot_vis * 100) + "%",
                sum(x[5] for x in daily),
                "12,50%",
            ]
        )
        for d, sales, orders, clicks, vis, buyers in daily:
            ws.append(
                [
                    dmy(d, "-"),
                    sales,
                    orders,
                    round(sales / orders),
                    clicks,
                    vis,
                    id_dec(orders / vis * 100) + "%",
                    buyers,
                    "11,80%",
                ]
            )
        sheets[sheet] = daily
    # a traffic-source sheet split into titled sections, each with its own header
    ws = wb.create_sheet("Sumber Lalu Lintas")
    ws.append(["Sumber Lalu Lintas Toko"])
    ws.append(["Sumber", "Pengunjung", "Produk Dilihat"])
    internal = (
        ("Pencarian", 8120, 20410),
        ("Halaman Toko", 3305, 9120),
        ("Rekomendasi", 5210, 11880),
    )
    for src, a, b in internal:
        ws.append([src, a, b])
    ws.append([])
    ws.append(["Sumber Lalu Lintas Eksternal"])
    ws.append(["Sumber", "Pengunjung", "Pesanan"])
    for src, a, b in (("Instagram", 1204, 41), ("TikTok", 2210, 77), ("WhatsApp", 455, 30)):
        ws.append([src, a, b])
    write(FIX / name, xlsx_bytes(wb))
    dib = sheets["Pesanan Dibuat"]
    expect(
        "shopee_shop_stats",
        file=name,
        layout="shopee_shop_stats",
        channel="shopee",
        placement="organic",
        notes="Order sheets: header row 1, whole-period summary on row 2 (Tanggal "
        "'01-07-2026-07-07-2026', not a day), daily rows DD-MM-YYYY. Three order sheets hold "
        "created/ready/paid orders of the same days: checks are on 'Pesanan Dibuat'. "
        "'Sumber Lalu Lintas' has two titled sections with their own headers: each is read as a "
        "table of its own (its visitors and orders repeat the order sheet's, its product views "
        "are its own).",
        checks=[
            check(
                "revenue",
                dib[2][1],
                "IDR",
                placement="organic",
                date="2026-07-03",
                sheet="Pesanan Dibuat",
                source_name="Total Penjualan (IDR)",
            ),
            check(
                "revenue",
                sum(x[1] for x in dib),
                "IDR",
                placement="organic",
                sum=True,
                sheet="Pesanan Dibuat",
                summary_not_added=True,
            ),
            check(
                "purchases",
                sum(x[2] for x in dib),
                "count",
                placement="organic",
                sum=True,
                sheet="Pesanan Dibuat",
                source_name="Total Pesanan",
                summary_not_added=True,
            ),
            check(
                "purchases",
                dib[0][2],
                "count",
                placement="organic",
                date="2026-07-01",
                sheet="Pesanan Dibuat",
                source_name="Total Pesanan",
            ),
            check(
                "page_views",
                sum(x[2] for x in internal),
                "count",
                placement="organic",
                sum=True,
                source_name="Produk Dilihat",
            ),
        ],
    )


def shopee_ads_csv() -> None:
    name = "Data+Keseluruhan+Iklan+Shopee-01_07_2026-31_07_2026.csv"
    pre = [
        "Laporan Data Keseluruhan Iklan Shopee",
        "Username,tokokita.official",
        "Nama Toko,Toko Kita Official",
        "ID Toko,358123467",
        "Waktu Laporan Dibuat,01/08/2026 09:12",
        "Periode,01/07/2026 - 31/07/2026",
        "",
    ]
    header = [
        "Urutan",
        "Nama Iklan",
        "Status",
        "Jenis Iklan",
        "Kode Produk",
        "Tampilan Iklan",
        "Mode Bidding",
        "Penempatan Iklan",
        "Tanggal Mulai",
        "Tanggal Selesai",
        "Dilihat",
        "Jumlah Klik",
        "Persentase Klik",
        "Konversi",
        "Tingkat konversi",
        "Biaya per Konversi",
        "Produk Terjual",
        "Omzet Penjualan",
        "Biaya",
        "Efektifitas Iklan",
        "Persentase Biaya Iklan terhadap Penjualan dari Iklan (ACOS)",
        "Tambah ke Keranjang",
    ]
    ads = [
        (
            "Gamis Aisyah Sage - Iklan Produk",
            "Berjalan",
            "Iklan Produk",
            "23456789012",
            "Pencarian",
            "Manual",
            "Pencarian",
            "01/07/2026",
            "Tidak Terbatas",
            125400,
            6972,
            14,
            6972.27,
            820450.5,
            58,
        ),
        (
            "Hijab Voal Premium",
            "Berjalan",
            "Iklan Produk",
            "23456789013",
            "Semua",
            "Otomatis",
            "Semua",
            "01/07/2026",
            "Tidak Terbatas",
            88210,
            3115,
            9,
            2450.5,
            512300.0,
            31,
        ),
        (
            "Iklan Toko - Toko Kita",
            "Berjalan",
            "Iklan Toko",
            "-",
            "Pencarian",
            "Manual",
            "Pencarian",
            "05/07/2026",
            "31/07/2026",
            40120,
            1503,
            4,
            1180.0,
            98500.25,
            12,
        ),
        (
            "Batik Tulis Pekalongan",
            "Dijeda",
            "Iklan Produk",
            "23456789015",
            "Rekomendasi",
            "Otomatis",
            "Rekomendasi",
            "01/07/2026",
            "15/07/2026",
            22050,
            640,
            2,
            210.75,
            6972.27,
            5,
        ),
        (
            "Mukena Travel Set",
            "Berjalan",
            "Iklan Produk",
            "23456789016",
            "Semua",
            "Otomatis",
            "Semua",
            "10/07/2026",
            "Tidak Terbatas",
            51330,
            2288,
            11,
            3998.4,
            301250.0,
            44,
        ),
    ]
    rows: list[Any] = [header]
    for i, (
        nm,
        st,
        jenis,
        kode,
        tamp,
        mode,
        pen,
        mulai,
        selesai,
        seen,
        clicks,
        conv,
        rev_k,
        spend,
        atc,
    ) in enumerate(ads, 1):
        revenue = round(rev_k * 1000, 2)
        rows.append(
            [
                i,
                nm,
                st,
                jenis,
                kode,
                tamp,
                mode,
                pen,
                mulai,
                selesai,
                seen,
                clicks,
                f"{clicks / seen * 100:.2f}%",
                conv,
                f"{conv / clicks * 100:.2f}%",
                f"{spend / conv:.2f}",
                conv,
                f"{revenue:.2f}".rstrip("0").rstrip("."),
                f"{spend:.2f}".rstrip("0").rstrip("."),
                f"{revenue / spend:.2f}",
                f"{spend / revenue * 100:.2f}%",
                atc,
            ]
        )
    text = "\n".join(pre) + "\n" + csv_text(rows)
    write(FIX / name, utf8_bom(text))
    lines = text.split("\n")
    assert lines[7].startswith("Urutan"), lines[7]
    a0 = ads[0]
    expect(
        "shopee_ads_overall",
        file=name,
        layout="shopee_ads",
        channel="shopee",
        placement="paid",
        notes="Preamble (title, Username, Nama Toko, ID Toko, Waktu Laporan Dibuat, Periode, "
        "blank); header on line 8. Plain dot decimals ('820450.5', '6972270'), percent strings ('5.56%'), "
        "Tanggal Selesai 'Tidak Terbatas' (ad end date, not a reporting date). Rows are "
        "period totals for 01/07/2026 - 31/07/2026 (DD/MM/YYYY). Kode Produk '-' on a shop ad.",
        period=["2026-07-01", "2026-07-31"],
        checks=[
            check(
                "impressions",
                a0[9],
                "count",
                placement="paid",
                campaign=a0[0],
                source_name="Dilihat",
            ),
            check(
                "ctr",
                round(round(a0[10] / a0[9] * 100, 2) / 100, 6),
                "fraction",
                placement="paid",
                campaign=a0[0],
                tolerance=1e-9,
            ),
            check(
                "spend",
                round(sum(a[13] for a in ads), 2),
                "IDR",
                placement="paid",
                sum=True,
                source_name="Biaya",
            ),
            check(
                "revenue",
                6972270,
                "IDR",
                placement="paid",
                campaign=a0[0],
                source_name="Omzet Penjualan",
            ),
            check("add_to_cart", sum(a[14] for a in ads), "count", placement="paid", sum=True),
            check(
                "roas",
                round(6972270 / a0[13], 2),
                "fraction",
                placement="paid",
                campaign=a0[0],
                source_name="Efektifitas Iklan",
                tolerance=0.005,
            ),
        ],
    )


def shopee_discount_xlsx() -> None:
    name = "tokokita.shopee-discount.20260701_20260731.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Diskon"
    ws.append(
        [
            "Nama Promosi",
            "Periode Promosi",
            "Penjualan (IDR)",
            "Pesanan",
            "Produk Terjual",
            "Pembeli",
        ]
    )
    comps = [
        ("Diskon 7.7", "01/07/2026 - 07/07/2026", 48500000, 410, 655, 388),
        ("Payday Sale", "25/07/2026 - 27/07/2026", 31250000, 260, 402, 247),
        ("Flash Sale Harian", "01/07/2026 - 31/07/2026", 20250000, 180, 233, 171),
    ]
    total = (80000000, 680, 1032, 640)  # de-duplicated: components overstate it by a quarter
    ws.append(["Semua", "01/07/2026 - 31/07/2026", *total])
    for c in comps:
        ws.append(list(c))
    write(FIX / name, xlsx_bytes(wb))
    assert sum(c[2] for c in comps) == total[0] * 1.25
    expect(
        "shopee_discount",
        file=name,
        layout="shopee_discount",
        channel="shopee",
        placement="organic",
        notes="'Semua' is a de-duplicated total (orders that used several promotions counted "
        "once); the promotion rows add up to 125 % of it. The period total must be the Semua "
        "figure, never Semua + components nor the sum of components.",
        period=["2026-07-01", "2026-07-31"],
        checks=[
            check(
                "revenue",
                total[0],
                "IDR",
                placement="organic",
                sum=True,
                source_name="Penjualan (IDR)",
            ),
            check(
                "purchases", total[1], "count", placement="organic", sum=True, source_name="Pesanan"
            ),
        ],
    )


# --------------------------------------------------------------------------- TikTok Shop / Ads


def shop_sheet(*lines: list[Any]) -> tuple[openpyxl.Workbook, Any]:
    """A TikTok Shop Seller Center workbook: one sheet, `Sheet1`, opening with these rows (the
    period line, any title or group row, then the header)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for line in lines:
        ws.append(line)
    return wb, ws


def tiktok_shop_key_metrics() -> None:
    name = "tiktok_shop_key_metrics.xlsx"
    wb, ws = shop_sheet(
        ["Tanggal analisis: 01/07/2026\u201314/07/2026"],
        ["Ringkasan data"],
        [
            None,
            "GMV",
            "GMV dari LIVE kreator",
            "GMV dari video",
            "Pengunjung",
            "Pendapatan bruto",
            "Pesanan",
            "Pembeli",
            "Tingkat konversi",
        ],
    )
    r = rng("ttshop")
    data = {}
    for d in days(dt.date(2026, 7, 1), 14):
        gmv = 10945407 if d.day == 1 else r.randint(4_000_000, 18_000_000)
        live = int(gmv * r.uniform(0.2, 0.5))
        video = int(gmv * r.uniform(0.1, 0.3))
        vis = 1639 if d.day == 1 else r.randint(6000, 21000)
        orders = 88 if d.day == 1 else r.randint(40, 160)
        conv = 0.0537 if d.day == 1 else round(orders / vis, 4)
        data[d] = (gmv, vis, orders, conv)
        ws.append(
            [
                dmy(d),
                f"Rp{id_int(gmv)}",
                f"Rp{id_int(live)}",
                f"Rp{id_int(video)}",
                id_int(vis),
                f"Rp{id_int(int(gmv * 0.92))}",
                id_int(orders),
                id_int(int(orders * 0.95)),
                id_dec(conv * 100) + "%",
            ]
        )
    write(FIX / name, xlsx_bytes(wb))
    d1 = data[dt.date(2026, 7, 1)]
    d14 = data[dt.date(2026, 7, 14)]
    expect(
        "tiktok_shop_key_metrics",
        file=name,
        layout="tiktok_shop_key_metrics",
        channel="tokopedia",
        placement="organic",
        notes="TikTok Shop Seller Center (also carries Tokopedia shops): row 1 'Tanggal analisis: "
        "01/07/2026\u201314/07/2026' with an en dash, row 2 'Ringkasan data', header on row 3 "
        "with a blank first cell (that column holds DD/MM/YYYY dates), numbers as Indonesian text "
        "('Rp10.945.407', '12.345', '5,37%'). Channel: a marketplace, so 'tokopedia' "
        "(kind marketplace) rather than the social 'tiktok' channel.",
        checks=[
            check(
                "gmv",
                10945407,
                "IDR",
                placement="organic",
                date="2026-07-01",
                source_name="GMV",
            ),
            check(
                "conversion_rate",
                0.0537,
                "fraction",
                placement="organic",
                date="2026-07-01",
                source_name="Tingkat konversi",
                tolerance=1e-9,
            ),
            check(
                "users",
                d14[1],
                "count",
                placement="organic",
                date="2026-07-14",
                source_name="Pengunjung",
            ),
            check(
                "purchases",
                d1[2],
                "count",
                placement="organic",
                date="2026-07-01",
                source_name="Pesanan",
            ),
        ],
    )


def _order_lines(
    seed: str,
) -> list[tuple[str, str, str, str, int, int, int, dt.datetime, dt.datetime | None, str]]:
    """Order lines over three days: multi-SKU orders repeat their order amount on each line."""
    r = rng(seed)
    products = [
        ("1729384756102938475", "Gamis Aisyah", 185000),
        ("1729384756102938476", "Hijab Voal Polos", 45000),
        ("1729384756102938477", "Mukena Travel", 129000),
        ("1729384756102938478", "Bergo Instan", 35000),
    ]
    provinces = ["Jawa Barat", "DKI Jakarta", "Banten", "Jawa Timur", "Sumatera Utara"]
    statuses = [
        "Selesai",
        "Selesai",
        "Dikirim",
        "Selesai",
        "Dibatalkan",
        "Selesai",
        "Belum dibayar",
        "Selesai",
    ]
    lines = []
    n = 576543210987654300
    for i, status in enumerate(statuses * 2):
        n += r.randint(3, 40)
        created = dt.datetime(
            2026, 9, 1 + i % 3, r.randint(0, 22), r.randint(0, 59), r.randint(0, 59)
        )
        if i == 3:
            created = dt.datetime(2026, 9, 1, 23, 51, 7)  # paid after midnight, counted on the 1st
        picked = r.sample(products, r.choice([1, 1, 2, 3]))
        qty = [r.randint(1, 3) for _ in picked]
        subtotals = [int(p[2] * q * r.choice([1.0, 0.9])) for p, q in zip(picked, qty, strict=True)]
        amount = sum(subtotals) + 12000  # shipping on the order, not on its lines
        paid = (
            None
            if status in ("Dibatalkan", "Belum dibayar")
            else created + dt.timedelta(minutes=14)
        )
        province = r.choice(provinces)
        for (sku, name, _), q, sub in zip(picked, qty, subtotals, strict=True):
            lines.append((str(n), status, sku, name, q, sub, amount, created, paid, province))
    return lines


def _order_figures(
    lines: list[Any], no_sale: tuple[str, ...]
) -> dict[dt.date, tuple[int, int, int]]:
    """Per creation day: distinct orders, units and the lines' subtotals of orders that sold."""
    days: dict[dt.date, tuple[set[str], int, int]] = {}
    for order, status, _, _, q, sub, _, created, _, _ in lines:
        if status in no_sale:
            continue
        ids, units, money = days.get(created.date(), (set(), 0, 0))
        days[created.date()] = (ids | {order}, units + q, money + sub)
    return {d: (len(ids), u, m) for d, (ids, u, m) in days.items()}


def _stamp(t: dt.datetime | None) -> str:
    return "" if t is None else f"{dmy(t.date())} {t:%H:%M:%S}"


def tiktok_shop_orders_csv() -> None:
    name = "Semua pesanan-2026-09-03-10_00.csv"
    lines = _order_lines("ttsorders-en")
    header = [
        "Order ID",
        "Order Status",
        "SKU ID",
        "Product Name",
        "Quantity",
        "SKU Subtotal After Discount",
        "Order Amount",
        "Created Time",
        "Paid Time",
        "Province",
    ]
    described = [
        "Platform unique order ID.",
        "Status of the order.",
        "Platform unique SKU ID.",
        "Name of the product.",
        "Quantity of the SKU in the order.",
        "Subtotal of the SKU after discounts.",
        "Total amount the buyer paid for the order.",
        "Time the order was created.",
        "Time the order was paid.",
        "Province of the shipping address.",
    ]
    english = {
        "Selesai": "Completed",
        "Dikirim": "Shipped",
        "Dibatalkan": "Cancelled",
        "Belum dibayar": "Unpaid",
    }
    rows: list[Any] = [header, described]
    for order, status, sku, prod, q, sub, amount, created, paid, prov in lines:
        cells = [
            order,
            english[status],
            sku,
            prod,
            q,
            sub,
            amount,
            _stamp(created),
            _stamp(paid),
            prov,
        ]
        rows.append([f"{c}\t" for c in cells])
    write(FIX / name, utf8_bom(csv_text(rows, eol="\r\n")))
    figures = _order_figures(lines, ("Dibatalkan", "Belum dibayar"))
    first = dt.date(2026, 9, 1)
    expect(
        "tiktok_shop_orders_en",
        file=name,
        layout="tiktok_shop_orders",
        channel="tokopedia",
        placement="organic",
        notes="TikTok Shop Seller Center orders ('Semua pesanan'): one row per order line (SKU), a description row under the header, every cell ending in a tab, 18-digit order ids and 19-digit SKU ids, DD/MM/YYYY HH:MM:SS times, the order amount repeated on each line of an order. Read as daily figures by creation day: purchases = distinct orders, units_sold = sum of Quantity, revenue = sum of the SKU subtotals (never the order amount); Cancelled and Unpaid orders are no sales.",
        checks=[
            *_order_day_checks(
                figures, first, ("Order ID", "Quantity", "SKU Subtotal After Discount")
            ),
            check(
                "revenue", sum(f[2] for f in figures.values()), "IDR", placement="organic", sum=True
            ),
            check(
                "purchases",
                sum(f[0] for f in figures.values()),
                "count",
                placement="organic",
                sum=True,
            ),
        ],
    )


def _order_day_checks(
    figures: dict[dt.date, tuple[int, int, int]], day: dt.date, names: tuple[str, str, str]
) -> list[dict[str, Any]]:
    """One day's orders, units and revenue, each from the column of the export that holds it."""
    kinds = (("purchases", "count"), ("units_sold", "count"), ("revenue", "IDR"))
    return [
        check(metric, figures[day][i], unit, placement="organic", date=day.isoformat(),
              source_name=names[i])
        for i, (metric, unit) in enumerate(kinds)
    ]  # fmt: skip


def tiktok_shop_orders_xlsx_id() -> None:
    name = "Semua pesanan-2026-09-03-11_30.xlsx"
    lines = _order_lines("ttsorders-id")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "OrderSKUList"
    ws.append(
        [
            "ID Pesanan",
            "Status Pesanan",
            "ID SKU",
            "Nama Produk",
            "Jumlah",
            "Subtotal SKU Setelah Diskon",
            "Jumlah Pesanan",
            "Waktu Dibuat",
            "Waktu Dibayar",
            "Provinsi",
        ]
    )
    ws.append(
        [
            "ID pesanan unik dari platform.",
            "Status pesanan saat ini.",
            "ID SKU unik dari platform.",
            "Nama produk di toko.",
            "Jumlah SKU dalam pesanan.",
            "Subtotal SKU setelah semua diskon.",
            "Total yang dibayar pembeli untuk pesanan.",
            "Waktu pesanan dibuat oleh pembeli.",
            "Waktu pesanan dibayar oleh pembeli.",
            "Provinsi alamat pengiriman.",
        ]
    )
    for order, status, sku, prod, q, sub, amount, created, paid, prov in lines:
        cells = [
            order,
            status,
            sku,
            prod,
            str(q),
            f"Rp{id_int(sub)}",
            f"Rp{id_int(amount)}",
            _stamp(created),
            _stamp(paid),
            prov,
        ]
        ws.append([f"{c}\t" for c in cells])
    write(FIX / name, xlsx_bytes(wb))
    figures = _order_figures(lines, ("Dibatalkan", "Belum dibayar"))
    second = dt.date(2026, 9, 2)
    expect(
        "tiktok_shop_orders_id",
        file=name,
        layout="tiktok_shop_orders",
        channel="tokopedia",
        placement="organic",
        notes="The same orders export from the Indonesian UI as .xlsx: headers 'ID Pesanan, Status Pesanan, ID SKU, Nama Produk, Jumlah, Subtotal SKU Setelah Diskon, Jumlah Pesanan, Waktu Dibuat, Waktu Dibayar, Provinsi' (here 'Jumlah' is a quantity and 'Jumlah Pesanan' the order amount, not a count of orders), Indonesian money text ('Rp185.000'), every cell text ending in a tab, statuses 'Selesai', 'Dikirim', 'Dibatalkan', 'Belum dibayar'.",
        checks=[
            *_order_day_checks(
                figures, second, ("ID Pesanan", "Jumlah", "Subtotal SKU Setelah Diskon")
            ),
            check(
                "units_sold",
                sum(f[1] for f in figures.values()),
                "count",
                placement="organic",
                sum=True,
            ),
        ],
    )


def tiktok_shop_videos() -> None:
    name = "Video_list_20260701-20260731.xlsx"
    r = rng("ttsvideos")
    wb, ws = shop_sheet(
        ["[Rentang Tanggal]: 2026-07-01 ~ 2026-07-31"],
        [
            "Video",
            "ID Video",
            "Nama kreator",
            "Waktu posting",
            "Durasi video",
            "Penayangan",
            "GMV",
            "Pesanan",
            "Pembeli",
            "Produk terjual",
            "Klik produk",
            "CTR",
        ],
    )
    rows = []
    for i, title in enumerate(
        [
            "Gamis Aisyah try on #ootd",
            "5 gaya hijab voal",
            "Mukena travel muat di tas",
            "Review bergo instan",
            "Outfit lebaran hemat",
        ]
    ):
        views = r.randint(2_000, 60_000)
        clicks = int(views * r.uniform(0.01, 0.05))
        orders = max(1, int(clicks * r.uniform(0.02, 0.08)))
        gmv = orders * r.choice([45000, 129000, 185000])
        posted = dt.datetime(2026, 6 if i == 0 else 7, 28 if i == 0 else 2 + 6 * i, 19, 0)
        vid = f"73918273645192837{40 + i}"
        rows.append((vid, views, gmv, orders, clicks))
        ws.append(
            [
                title,
                vid,
                "tokokita.id",
                f"{posted:%Y-%m-%d %H:%M}",
                f"{r.randint(15, 90)}s",
                id_int(views),
                f"Rp{id_int(gmv)}",
                id_int(orders),
                id_int(orders),
                id_int(orders + 1),
                id_int(clicks),
                id_dec(round(clicks / views * 100, 2)) + "%",
            ]
        )
    write(FIX / name, xlsx_bytes(wb))
    vid, views, gmv, orders, clicks = rows[0]
    expect(
        "tiktok_shop_videos",
        file=name,
        layout="tiktok_shop_videos",
        channel="tokopedia",
        placement="organic",
        id_column="ID Video",
        notes="TikTok Shop Seller Center video list: line 1 '[Rentang Tanggal]: 2026-07-01 ~ 2026-07-31', header on line 2, one row per video with its figures for that period (a video posted in June still earns in July: rows are dated by the period, not by 'Waktu posting'), 19-digit video ids, Indonesian number text. A video's GMV is its share of the shop's GMV (creator_gmv), never added to the shop's GMV.",
        checks=[
            check(
                "video_views", views, "count", placement="organic", date="2026-07-01", post_id=vid
            ),
            check(
                "creator_gmv",
                gmv,
                "IDR",
                placement="organic",
                date="2026-07-01",
                post_id=vid,
                source_name="GMV",
            ),
            check("purchases", sum(x[3] for x in rows), "count", placement="organic", sum=True),
            check(
                "product_clicks",
                clicks,
                "count",
                placement="organic",
                date="2026-07-01",
                post_id=vid,
            ),
        ],
    )


def tiktok_shop_lives() -> None:
    name = "Live_list_20260701-20260731.xlsx"
    r = rng("ttslives")
    wb, ws = shop_sheet(
        ["Date Range: 2026-07-01 ~ 2026-07-31"],
        [
            "Nama LIVE",
            "Waktu mulai",
            "Durasi",
            "Penonton",
            "Penayangan",
            "GMV",
            "Pesanan",
            "Pembeli",
            "Produk terjual",
            "Klik produk",
            "Pengikut baru",
        ],
    )
    rows = []
    for i, title in enumerate(
        ["LIVE Jumat Berkah", "LIVE Flash Sale 7.7", "LIVE Gajian Sale", "LIVE Koleksi Baru"]
    ):
        viewers = r.randint(800, 5000)
        views = int(viewers * r.uniform(2, 4))
        orders = r.randint(5, 60)
        gmv = orders * r.randint(80_000, 160_000)
        rows.append((viewers, views, gmv, orders, title))
        ws.append(
            [
                title,
                f"2026-07-{4 + 7 * i:02d} 19:00",
                f"{1 + i % 2}h {15 * (i + 1)}min",
                id_int(viewers),
                id_int(views),
                f"Rp{id_int(gmv)}",
                id_int(orders),
                id_int(orders - 1),
                id_int(orders + 3),
                id_int(r.randint(200, 1500)),
                id_int(r.randint(10, 90)),
            ]
        )
    write(FIX / name, xlsx_bytes(wb))
    expect(
        "tiktok_shop_lives",
        file=name,
        layout="tiktok_shop_lives",
        channel="tokopedia",
        placement="organic",
        notes="TikTok Shop Seller Center LIVE list: line 1 'Date Range: 2026-07-01 ~ 2026-07-31' (English even in the Indonesian UI), header on line 2, one row per LIVE session with 'Waktu mulai' and 'Durasi' ('1h 15min') as attributes; rows are dated by the period. 'Nama LIVE' keys each row (post_id), as 'ID Video' does a video's. A LIVE's GMV is its share of the shop's GMV (creator_gmv).",
        checks=[
            check(
                "creator_gmv",
                rows[1][2],
                "IDR",
                placement="organic",
                date="2026-07-01",
                post_id=rows[1][4],
                source_name="GMV",
            ),
            check(
                "creator_gmv",
                sum(x[2] for x in rows),
                "IDR",
                placement="organic",
                sum=True,
                source_name="GMV",
            ),
            check("purchases", sum(x[3] for x in rows), "count", placement="organic", sum=True),
            check(
                "reach",
                sum(x[0] for x in rows),
                "count",
                placement="organic",
                sum=True,
                source_name="Penonton",
            ),
            check(
                "video_views",
                sum(x[1] for x in rows),
                "count",
                placement="organic",
                sum=True,
                source_name="Penayangan",
            ),
        ],
    )


# A product list's metrics per group, each followed by the previous period's figure and the change
# against it: (header, kind) where kind says how the cell is written.
_PRODUCT_METRICS = (
    ("GMV", "money"),
    ("GMV dari kreator", "money"),
    ("Produk terjual", "count"),
    ("Pesanan", "count"),
    ("Pembeli", "count"),
    ("Tayangan produk", "count"),
    ("Klik produk", "count"),
    ("CTR", "rate"),
    ("Tingkat konversi", "rate"),
    ("Pengunjung", "count"),
    ("Tambah ke keranjang", "count"),
    ("Rata-rata nilai pesanan", "money"),
)
# `Semua` totals the groups beside it, which split each product's figures between them.
_PRODUCT_GROUPS = ("Semua", "LIVE", "Video", "Kartu produk", "Lainnya")


def _product_figures(r: random.Random) -> dict[str, float]:
    """One product's figures in one group (a LIVE's, a video's...) for the period."""
    views = r.randint(300, 9000)
    clicks = int(views * r.uniform(0.02, 0.09))
    visitors = int(clicks * r.uniform(0.7, 0.95))
    carts = int(visitors * r.uniform(0.05, 0.2))
    orders = int(carts * r.uniform(0.3, 0.8))
    price = r.choice([45_000, 89_000, 129_000, 185_000])
    gmv = orders * price
    return {
        "GMV": gmv,
        "GMV dari kreator": int(gmv * r.uniform(0.0, 0.6)),
        "Produk terjual": orders + orders // 4,
        "Pesanan": orders,
        "Pembeli": orders - orders // 10,
        "Tayangan produk": views,
        "Klik produk": clicks,
        "Pengunjung": visitors,
        "Tambah ke keranjang": carts,
    }


def _product_cells(fig: dict[str, float], before: dict[str, float]) -> list[str]:
    """A group's cells: each metric, then its previous period's figure and the change."""

    def rates(f: dict[str, float]) -> dict[str, float]:
        return {
            **f,
            "CTR": f["Klik produk"] / f["Tayangan produk"] if f["Tayangan produk"] else 0.0,
            "Tingkat konversi": f["Pesanan"] / f["Pengunjung"] if f["Pengunjung"] else 0.0,
            "Rata-rata nilai pesanan": f["GMV"] / f["Pesanan"] if f["Pesanan"] else 0.0,
        }

    now, then = rates(fig), rates(before)

    def cell(value: float, kind: str) -> str:
        if kind == "money":
            return f"Rp{id_int(round(value))}"
        if kind == "rate":
            return id_dec(round(value * 100, 2)) + "%"
        return id_int(int(value))

    cells = []
    for header, kind in _PRODUCT_METRICS:
        change = (now[header] - then[header]) / then[header] if then[header] else 0.0
        sign = "+" if change >= 0 else "-"
        cells += [
            cell(now[header], kind),
            cell(then[header], kind),
            f"{sign}{id_dec(round(abs(change) * 100, 1))}%",
        ]
    return cells


def tiktok_shop_products() -> None:
    name = "Product_list_20260701-20260731.xlsx"
    r = rng("ttsproducts")
    lead = ["ID Produk", "Nama produk", "SKU", "Status", "Kategori", "Harga", "Stok"]
    block = [h for m, _ in _PRODUCT_METRICS for h in (m, "Periode sebelumnya", "Perubahan")]
    groups: list[str | None] = [None] * len(lead)
    for group in _PRODUCT_GROUPS:
        # Written once over its block's first column, as the export leaves it.
        groups += [group] + [None] * (len(block) - 1)
    wb, ws = shop_sheet(
        ["[Rentang Tanggal]: 2026-07-01 ~ 2026-07-31"],
        groups,
        lead + block * len(_PRODUCT_GROUPS),
    )
    products = [
        "Gamis Aisyah Sage", "Hijab Voal Motif", "Mukena Travel Parasut", "Bergo Instan Jersey",
        "Tunik Linen Rayon", "Pashmina Kaos", "Rok Plisket Premium", "Khimar Syari Wolfis",
        "Kaftan Lebaran", "Inner Ninja Rajut", "Cardigan Rajut Oversize", "Set Koko Anak",
    ]  # fmt: skip
    totals: dict[str, float] = {}
    first: dict[str, Any] = {}
    for i, title in enumerate(products):
        pid = f"17298765432109{i + 1:05d}"
        parts = {g: _product_figures(r) for g in _PRODUCT_GROUPS[1:]}
        whole = {k: sum(p[k] for p in parts.values()) for k in parts["LIVE"]}
        cells = _product_cells(whole, _product_figures(r))
        for group in _PRODUCT_GROUPS[1:]:
            cells += _product_cells(parts[group], _product_figures(r))
        price = r.choice([45_000, 89_000, 129_000, 185_000])
        status = "Aktif" if i % 5 else "Nonaktif"
        ws.append(
            [pid, title, f"SKU-{i + 1:03d}", status, "Busana Muslim", f"Rp{id_int(price)}",
             id_int(r.randint(0, 900)), *cells]
        )  # fmt: skip
        for k, v in whole.items():
            totals[k] = totals.get(k, 0) + v
        if i == 0:
            first = {"id": pid, "live": parts["LIVE"], "whole": whole}
    write(FIX / name, xlsx_bytes(wb))
    expect(
        "tiktok_shop_products",
        file=name,
        layout="tiktok_shop_products",
        channel="tokopedia",
        placement="organic",
        id_column="ID Produk",
        notes="TikTok Shop Seller Center product list: line 1 '[Rentang Tanggal]: 2026-07-01 ~ "
        "2026-07-31', line 2 names groups of columns once at each block's first cell ('Semua', "
        "'LIVE', 'Video', 'Kartu produk', 'Lainnya'), header on line 3 with 187 columns whose "
        "names repeat: each group repeats the same 12 metrics, and each metric is followed by "
        "'Periode sebelumnya' and 'Perubahan' (the previous period's figure and the change, "
        "no figure of this period). 'Semua' is the total of the other groups and is not added "
        "to them; 19-digit product ids key the rows (post_id) and stay text; 'GMV dari kreator' "
        "is creator_gmv, kept apart from the shop's GMV; Indonesian number text "
        "('Rp10.945.407', '5,37%', '+12,5%').",
        checks=[
            check("gmv", totals["GMV"], "IDR", placement="organic", sum=True),
            check("creator_gmv", totals["GMV dari kreator"], "IDR", placement="organic", sum=True),
            check("purchases", totals["Pesanan"], "count", placement="organic", sum=True),
            check("product_clicks", totals["Klik produk"], "count", placement="organic", sum=True),
            check(
                "gmv",
                first["live"]["GMV"],
                "IDR",
                placement="organic",
                date="2026-07-01",
                post_id=first["id"],
                source_name="GMV (LIVE)",
            ),
            check(
                "impressions",
                first["live"]["Tayangan produk"],
                "count",
                placement="organic",
                date="2026-07-01",
                post_id=first["id"],
                source_name="Tayangan produk (LIVE)",
            ),
        ],
    )


def tiktok_ads_gmv_max() -> None:
    name = "tiktok_ads_gmv_max_id.csv"
    header = [
        "Nama kampanye",
        "ID Campaign",
        "ID produk",
        "Jenis materi iklan",
        "Biaya",
        "Pesanan SKU",
        "Biaya per pesanan",
        "Pendapatan kotor",
        "ROI",
        "Mata uang",
        "cost_per_onsite_shopping_sku",
    ]
    rows_in = [
        (
            "GMV Max - Gamis",
            "1834567890123456",
            "1729876543210987654",
            "VIDEO",
            1523400.55,
            61,
            9876540.0,
        ),
        (
            "GMV Max - Gamis",
            "1834567890123456",
            "1729876543210987655",
            "PRODUCT_CARD",
            412300.2,
            18,
            2210400.0,
        ),
        (
            "GMV Max - Hijab",
            "1834567890123499",
            "1729876543210987700",
            "VIDEO",
            880250.0,
            40,
            5120000.5,
        ),
        (
            "GMV Max - Hijab",
            "1834567890123499",
            "1729876543210987701",
            "LIVE",
            301200.75,
            9,
            1030500.0,
        ),
        ("GMV Max - Mukena", "1834567890124000", "1729876543210988001", "VIDEO", 12.345, 0, 0.0),
    ]
    rows: list[Any] = [header]
    for nm, cid, pid, jenis, cost, orders, rev in rows_in:
        cpo = f"{cost / orders:.2f}" if orders else "0.00"
        roi = f"{rev / cost:.2f}" if cost else "0.00"
        rows.append([nm, cid, pid, jenis, f"{cost}", orders, cpo, f"{rev:.2f}", roi, "IDR", cpo])
    write(FIX / name, csv_text(rows).encode("utf-8"))
    expect(
        "tiktok_ads_gmv_max_id",
        file=name,
        layout="tiktok_ads_gmv_max",
        channel="tiktok",
        placement="paid",
        notes="Indonesian headers but plain dot decimals ('1523400.55'; '12.345' here is twelve "
        "point three, NOT twelve thousand: the file's other values prove the dot is decimal); "
        "currency in a 'Mata uang' column; an untranslated internal key header "
        "(cost_per_onsite_shopping_sku) and internal keys as values (PRODUCT_CARD); 16-19 "
        "digit ids. No date column (period chosen at export).",
        checks=[
            check(
                "spend",
                round(sum(x[4] for x in rows_in), 3),
                "IDR",
                placement="paid",
                sum=True,
                source_name="Biaya",
                tolerance=0.001,
            ),
            check(
                "revenue",
                round(sum(x[6] for x in rows_in), 2),
                "IDR",
                placement="paid",
                sum=True,
                source_name="Pendapatan kotor",
            ),
            check(
                "purchases",
                sum(x[5] for x in rows_in),
                "count",
                placement="paid",
                sum=True,
                source_name="Pesanan SKU",
            ),
            check(
                "spend",
                12.345,
                "IDR",
                placement="paid",
                campaign="GMV Max - Mukena",
                source_name="Biaya",
                tolerance=1e-9,
            ),
        ],
    )


def tiktok_ads_manager_en() -> None:
    name = "tiktok_ads_manager_report.csv"
    header = [
        "By Day",
        "Campaign name",
        "Currency",
        "Cost",
        "Impressions",
        "Reach",
        "CPM",
        "Clicks (destination)",
        "CPC (destination)",
        "CTR (destination)",
        "Conversions",
        "Cost per conversion",
    ]
    camps = ["Traffic - Katalog Juli", "Conversion - Checkout"]
    vals = {
        0: [
            (250000.0, 48210, 30120, 612, 10),
            (231500.5, 45020, 28810, 577, 8),
            (262000.0, 50330, 31900, 640, 12),
            (0.85, "<5", "<5", 0, 0),
            (244120.25, 47100, 29980, 598, 11),
        ],
        1: [
            (410000.0, 30550, 21020, 388, 41),
            (398500.0, 29870, 20555, 371, 38),
            (425300.75, 31990, 22010, 402, 45),
            (401000.0, 30020, 20900, 380, 0),
            (415250.0, 31100, 21430, 395, 43),
        ],
    }
    ds = days(dt.date(2026, 7, 1), 5)
    rows: list[Any] = [header]
    for ci, cname in enumerate(camps):
        for d, (cost, imp, reach, clicks, conv) in zip(ds, vals[ci], strict=False):
            masked = isinstance(imp, str)
            rows.append(
                [
                    d.isoformat(),
                    cname,
                    "IDR",
                    f"{cost:.2f}",
                    imp,
                    reach,
                    "--" if masked else f"{cost / imp * 1000:.2f}",
                    clicks,
                    f"{cost / clicks:.2f}" if clicks else "--",
                    "--" if masked or not clicks else f"{clicks / imp * 100:.2f}%",
                    conv,
                    f"{cost / conv:.2f}" if conv else "--",
                ]
            )
    all_v = [v for vv in vals.values() for v in vv]
    tot_cost = round(sum(v[0] for v in all_v), 2)
    tot_imp = sum(v[1] for v in all_v if not isinstance(v[1], str))
    tot_clicks = sum(v[3] for v in all_v)
    rows.append(
        [
            "Total",
            "--",
            "IDR",
            f"{tot_cost:.2f}",
            tot_imp,
            "--",
            f"{tot_cost / tot_imp * 1000:.2f}",
            tot_clicks,
            f"{tot_cost / tot_clicks:.2f}",
            f"{tot_clicks / tot_imp * 100:.2f}%",
            sum(v[4] for v in all_v),
            "--",
        ]
    )
    write(FIX / name, utf8_bom(csv_text(rows)))
    d2 = vals[0][1]
    expect(
        "tiktok_ads_manager_report",
        file=name,
        layout="tiktok_ads_manager",
        channel="tiktok",
        placement="paid",
        notes="English Ads Manager report: 'By Day' date column, Currency column, impressions "
        "masked '<5' (missing, never 5 or 0), '--' placeholders, a final 'Total' row (not data). "
        "'Clicks (destination)' are link clicks and 'CPC (destination)' is cpc_link.",
        checks=[
            check(
                "spend",
                tot_cost,
                "IDR",
                placement="paid",
                sum=True,
                source_name="Cost",
                tolerance=0.01,
            ),
            check(
                "link_clicks",
                d2[3],
                "count",
                placement="paid",
                date="2026-07-02",
                campaign=camps[0],
                source_name="Clicks (destination)",
            ),
            check(
                "cpc_link",
                round(d2[0] / d2[3], 2),
                "IDR",
                placement="paid",
                date="2026-07-02",
                campaign=camps[0],
                tolerance=0.01,
            ),
            check("impressions", tot_imp, "count", placement="paid", sum=True),
        ],
        missing=[
            {"metric": "impressions", "date": "2026-07-04", "campaign": camps[0], "reason": "<5"}
        ],
    )


# --------------------------------------------------------------------------- Google


def google_ads_csv() -> None:
    name = "google_ads_campaign_report.csv"
    header = [
        "Campaign status",
        "Campaign",
        "Budget",
        "Budget type",
        "Currency code",
        "Impr.",
        "Clicks",
        "CTR",
        "Avg. CPC",
        "Cost",
        "Conversions",
        "Cost / conv.",
    ]
    camps = [
        ("Enabled", "Search - Brand Toko Kita", 150000.0, 88120, 9210, 4516727.66, 412.0),
        ("Enabled", "Search - Gamis Generic", 300000.0, 210450, 6120, 8120450.3, 188.5),
        ("Paused", "PMax - Katalog", 500000.0, 1204300, 14220, 12990100.0, 301.0),
        ("Enabled", "Display - Remarketing", 100000.0, 350210, 1450, 2104500.5, None),
    ]
    rows: list[Any] = ["Campaign report", "July 1, 2026 - July 31, 2026", header]

    def money(x: float) -> str:
        return f"{x:,.2f}"

    for st, nm, bud, imp, clk, cost, conv in camps:
        rows.append(
            [
                st,
                nm,
                money(bud),
                "Daily",
                "IDR",
                en_int(imp),
                en_int(clk),
                f"{clk / imp * 100:.2f}%",
                money(cost / clk),
                money(cost),
                " --" if conv is None else f"{conv:,.2f}",
                " --" if conv is None else money(cost / conv),
            ]
        )
    ti = sum(c[3] for c in camps)
    tc = sum(c[4] for c in camps)
    tcost = round(sum(c[5] for c in camps), 2)
    tconv = sum(c[6] for c in camps if c[6] is not None)
    for label in ("Total: Account", "Total: Search campaigns", "Total: Campaigns"):
        if label == "Total: Search campaigns":
            sub = camps[:2]
            i, c, co = sum(x[3] for x in sub), sum(x[4] for x in sub), sum(x[5] for x in sub)
            cv = sum(x[6] for x in sub)
        else:
            i, c, co, cv = ti, tc, tcost, tconv
        rows.append(
            [
                label,
                " --",
                " --",
                " --",
                "IDR",
                en_int(i),
                en_int(c),
                f"{c / i * 100:.2f}%",
                money(co / c),
                money(co),
                f"{cv:,.2f}",
                money(co / cv),
            ]
        )
    write(FIX / name, csv_text(rows).encode("utf-8"))
    expect(
        "google_ads_campaign_report",
        file=name,
        layout="google_ads",
        channel="search",
        placement="paid",
        notes="Line 1 title 'Campaign report', line 2 date range, header on line 3; 'Total: "
        "Account' / 'Total: Search campaigns' / 'Total: Campaigns' rows are not data; ' --' "
        "(leading space) is missing; quoted comma-thousands numbers ('\"4,516,727.66\"'); "
        "currency from the 'Currency code' column. Rows are period totals (no date column).",
        period=["2026-07-01", "2026-07-31"],
        checks=[
            check(
                "spend",
                4516727.66,
                "IDR",
                placement="paid",
                campaign="Search - Brand Toko Kita",
                source_name="Cost",
            ),
            check("spend", tcost, "IDR", placement="paid", sum=True, tolerance=0.01),
            check("clicks", tc, "count", placement="paid", sum=True),
            check("conversions", tconv, "count", placement="paid", sum=True),
        ],
        missing=[{"metric": "conversions", "campaign": "Display - Remarketing", "reason": " --"}],
    )


# --------------------------------------------------------------------------- default columns
# The columns the platforms' standard reports carry by default (beyond the ones above): every
# one must be read as a metric, a part of another or an attribute, never as unknown.


def meta_ads_presets_en() -> None:
    """Meta Ads Manager with its engagement, video and messaging preset columns: outbound clicks
    and unique link clicks beside link clicks, page engagement beside post engagements, new
    messaging contacts beside conversations, and views held past each threshold."""
    name = "meta_ads_presets_en.csv"
    header = [
        "Campaign name", "Campaign delivery", "Reporting starts", "Reporting ends",
        "Amount spent (IDR)", "Reach", "Impressions", "Link clicks", "Unique link clicks",
        "Outbound clicks", "Landing page views", "Cost per landing page view (IDR)",
        "Post engagements", "Page engagement", "Cost per post engagement (IDR)",
        "3-second video plays", "ThruPlays", "Cost per ThruPlay (IDR)", "Video plays at 25%",
        "Video plays at 100%", "Video average play time", "Messaging conversations started",
        "New messaging contacts", "Cost per messaging conversation started (IDR)",
        "Quality ranking", "Engagement rate ranking",
    ]  # fmt: skip
    r = rng("meta-ads-presets")
    camps = []
    for nm in ("CTWA - Gamis Lebaran", "Video - Hijab Voal", "Traffic - Katalog"):
        spend = r.randint(800, 4000) * 1000
        imp = r.randint(40_000, 160_000)
        link = r.randint(600, 2500)
        eng = r.randint(1500, 6000)
        plays3 = r.randint(8000, 30000)
        thru = int(plays3 * r.uniform(0.2, 0.4))
        convs = r.randint(40, 300)
        camps.append({
            "name": nm, "spend": spend, "reach": int(imp / r.uniform(1.2, 1.8)), "imp": imp,
            "link": link, "unique": int(link * 0.9), "out": int(link * 0.8),
            "lpv": int(link * 0.6), "eng": eng, "page": eng + r.randint(20, 200),
            "plays3": plays3, "thru": thru, "q25": int(plays3 * 0.6), "q100": int(thru * 0.7),
            "avg": r.randint(4, 12), "convs": convs, "contacts": int(convs * 0.7),
        })  # fmt: skip
    rows: list[Any] = [header]
    for c in camps:
        rows.append([
            c["name"], "active", "2026-07-01", "2026-07-31", c["spend"], c["reach"], c["imp"],
            c["link"], c["unique"], c["out"], c["lpv"], f"{c['spend'] / c['lpv']:.2f}", c["eng"],
            c["page"], f"{c['spend'] / c['eng']:.2f}", c["plays3"], c["thru"],
            f"{c['spend'] / c['thru']:.2f}", c["q25"], c["q100"], f"00:00:{c['avg']:02d}",
            c["convs"], c["contacts"], f"{c['spend'] / c['convs']:.2f}", "Average",
            "Below average - Bottom 35% of ads",
        ])  # fmt: skip
    write(FIX / name, utf8_bom(csv_text(rows)))
    first = camps[0]
    expect(
        "meta_ads_presets_en",
        file=name,
        layout="meta_ads",
        channel="facebook",
        placement="paid",
        notes="Meta Ads presets: `Unique link clicks` beside `Link clicks` are a part of them, "
        "`Outbound clicks` a metric of their own, `New messaging contacts` people, not "
        "conversations, `Page engagement` apart from `Post engagements`; 3-second plays, "
        "ThruPlays and quartiles each their own id; `00:00:07` is 7 seconds; rankings are words.",
        known_columns=True,
        checks=[
            check("link_clicks", sum(c["link"] for c in camps), "count", placement="paid",
                  sum=True),
            check("outbound_clicks", sum(c["out"] for c in camps), "count", placement="paid",
                  sum=True),
            check("engagements", sum(c["eng"] for c in camps), "count", placement="paid",
                  sum=True),
            check("messaging_conversations", sum(c["convs"] for c in camps), "count",
                  placement="paid", sum=True),
            check("messaging_contacts", first["contacts"], "count", placement="paid",
                  campaign=first["name"]),
            check("video_views_3s", sum(c["plays3"] for c in camps), "count", placement="paid",
                  sum=True),
            check("thruplays", first["thru"], "count", placement="paid", campaign=first["name"]),
            check("video_completions", first["q100"], "count", placement="paid",
                  campaign=first["name"]),
            check("average_view_duration", first["avg"], "seconds", placement="paid",
                  campaign=first["name"]),
            check("cost_per_conversation", round(first["spend"] / first["convs"], 2), "IDR",
                  placement="paid", campaign=first["name"]),
        ],
    )  # fmt: skip


def youtube_content_defaults_zip() -> None:
    """YouTube Studio's Content tab with the columns Studio offers beside the basic ones: the
    `Total` row first, `Engaged views` a part of `Views`, `Estimated revenue` the creator's
    earnings, percentages in percent units and card and end-screen clicks."""
    name = "Content 2026-07-01_2026-07-31 Toko Kita.zip"
    header = [
        "Content", "Video title", "Video publish time", "Duration", "Views", "Engaged views",
        "Watch time (hours)", "Subscribers", "Estimated revenue (USD)", "Impressions",
        "Impressions click-through rate (%)", "Average view duration",
        "Average percentage viewed (%)", "Stayed to watch (%)", "Card clicks",
        "End screen element clicks",
    ]  # fmt: skip
    vids = [
        ("kL2mN4pQ6rS", "Tutorial hijab pashmina 1 menit", "Jul 3, 2026", 62, 8120, 6410, 81.2,
         21, 4.12, 120400, 4.1, "0:00:36", 58.1, 71.4, 12, 40),
        ("tU8vW0xY2zA", "Koleksi gamis Lebaran 2026", "Jul 10, 2026", 512, 2310, 2010, 110.5,
         9, 2.75, 60210, 2.9, "0:02:52", 33.6, 0.0, 31, 88),
    ]  # fmt: skip
    views = sum(v[4] for v in vids)
    rows: list[Any] = [header]
    rows.append(["Total", "", "", "", views, sum(v[5] for v in vids),
                 round(sum(v[6] for v in vids), 1), sum(v[7] for v in vids),
                 round(sum(v[8] for v in vids), 2), sum(v[9] for v in vids), 3.8, "0:01:04",
                 44.2, 71.4, sum(v[14] for v in vids), sum(v[15] for v in vids)])  # fmt: skip
    for v in vids:
        rows.append(list(v))
    data = zip_bytes([("Table data.csv", csv_text(rows).encode("utf-8"))])
    write(FIX / name, data)
    expect(
        "youtube_content_defaults",
        file=name,
        layout="youtube_studio",
        channel="youtube",
        placement="organic",
        notes="YouTube Studio content table with its optional default columns: the Total row is "
        "not added, `Engaged views` beside `Views` are a part of them, `Estimated revenue (USD)` "
        "is the creator's earnings (never sales), `Average percentage viewed (%)` 58.1 is "
        "0.581, card and end-screen clicks add up as clicks.",
        known_columns=True,
        checks=[
            check("video_views", views, "count", placement="organic", sum=True),
            check("estimated_earnings", round(sum(v[8] for v in vids), 2), "USD",
                  placement="organic", sum=True),
            check("average_percentage_viewed", 0.581, "fraction", placement="organic",
                  post_id="kL2mN4pQ6rS"),
            check("stayed_to_watch", 0.714, "fraction", placement="organic",
                  post_id="kL2mN4pQ6rS"),
            check("clicks", sum(v[14] + v[15] for v in vids), "count", placement="organic",
                  sum=True),
            check("watch_time", 81.2 * 3600, "seconds", placement="organic",
                  post_id="kL2mN4pQ6rS"),
        ],
    )  # fmt: skip


def google_ads_defaults_csv() -> None:
    """Google Ads' campaign view with its default columns: `Views` (video) beside `Impr.`,
    `All conv.` beside `Conversions`, average cost and interaction rate, optimization score."""
    name = "google_ads_campaigns_default_columns.csv"
    header = [
        "Campaign status", "Campaign", "Budget", "Currency code", "Status", "Optimization score",
        "Campaign type", "Impr.", "Interactions", "Interaction rate", "Avg. cost", "Cost",
        "Views", "Conversions", "All conv.", "Conv. value", "All conv. value",
        "Bid strategy type",
    ]  # fmt: skip
    camps = [
        ("Search - Brand Toko Kita", "Search", 88120, 9210, 0, 412.0, 455.5, 20600000.0,
         22100000.0, 4516727.66, "86.4%"),
        ("YouTube - Gamis Lebaran", "Video", 240300, 30110, 28950, 12.0, 19.0, 600000.0,
         950000.0, 3120400.5, "72.0%"),
    ]  # fmt: skip
    rows: list[Any] = ["Campaign report", "July 1, 2026 - July 31, 2026", header]

    def money(x: float) -> str:
        return f"{x:,.2f}"

    for nm, kind, imp, inter, views, conv, allc, val, allv, cost, score in camps:
        rows.append([
            "Enabled", nm, money(150000.0), "IDR", "Eligible", score, kind, en_int(imp),
            en_int(inter), f"{inter / imp * 100:.2f}%", money(cost / inter), money(cost),
            en_int(views) if views else " --", f"{conv:,.2f}", f"{allc:,.2f}", money(val),
            money(allv), "Maximize conversions",
        ])  # fmt: skip
    rows.append([
        "Total: Campaigns", " --", " --", "IDR", " --", " --", " --",
        en_int(sum(c[2] for c in camps)), en_int(sum(c[3] for c in camps)), " --", " --",
        money(sum(c[9] for c in camps)), en_int(sum(c[4] for c in camps)),
        f"{sum(c[5] for c in camps):,.2f}", f"{sum(c[6] for c in camps):,.2f}",
        money(sum(c[7] for c in camps)), money(sum(c[8] for c in camps)), " --",
    ])  # fmt: skip
    write(FIX / name, csv_text(rows).encode("utf-8"))
    brand = camps[0]
    expect(
        "google_ads_default_columns",
        file=name,
        layout="google_ads",
        channel="search",
        placement="paid",
        notes="Google Ads' default campaign columns: `Views` are video views, not more "
        "impressions; `All conv.` and `All conv. value` widen `Conversions` and `Conv. value` "
        "and are never added to them; `Avg. cost` is the cost per interaction, `Interaction "
        "rate` interactions per impression; `Optimization score` is advice, not a metric.",
        period=["2026-07-01", "2026-07-31"],
        known_columns=True,
        checks=[
            check("impressions", sum(c[2] for c in camps), "count", placement="paid", sum=True),
            check("video_views", 28950, "count", placement="paid", sum=True),
            check("conversions", sum(c[5] for c in camps), "count", placement="paid", sum=True),
            check("all_conversions", sum(c[6] for c in camps), "count", placement="paid",
                  sum=True),
            check("revenue", sum(c[7] for c in camps), "IDR", placement="paid", sum=True),
            check("engagement_rate_impressions", round(brand[3] / brand[2], 4), "fraction",
                  placement="paid", campaign=brand[0]),
            check("cost_per_engagement", round(brand[9] / brand[3], 2), "IDR", placement="paid",
                  campaign=brand[0]),
        ],
        missing=[{"metric": "video_views", "campaign": brand[0], "reason": " --"}],
    )  # fmt: skip


def shopee_ads_direct_csv() -> None:
    """Shopee Ads with its direct columns (`Langsung`): each is a part of the figure beside it."""
    name = "Data+Keseluruhan+Iklan+Shopee-01_08_2026-31_08_2026.csv"
    pre = [
        "Laporan Data Keseluruhan Iklan Shopee", "Username,tokokita.official",
        "Nama Toko,Toko Kita Official", "ID Toko,358123467",
        "Waktu Laporan Dibuat,01/09/2026 08:30", "Periode,01/08/2026 - 31/08/2026", "",
    ]  # fmt: skip
    header = [
        "Urutan", "Nama Iklan", "Status", "Jenis Iklan", "Tanggal Mulai", "Tanggal Selesai",
        "Dilihat", "Jumlah Klik", "Konversi", "Konversi Langsung", "Produk Terjual",
        "Terjual Langsung", "Omzet Penjualan", "Penjualan Langsung dari Iklan", "Biaya",
        "Efektifitas Iklan", "Efektivitas Langsung",
    ]  # fmt: skip
    ads = [
        ("Gamis Aisyah Sage", 48210, 1320, 61, 44, 70, 51, 12810000, 9520000, 1830500),
        ("Hijab Voal Motif", 30112, 880, 35, 30, 40, 33, 3120000, 2710000, 650200),
    ]
    rows: list[Any] = [*pre, header]
    for i, (nm, imp, clk, conv, dconv, sold, dsold, rev, drev, cost) in enumerate(ads, 1):
        rows.append([
            i, nm, "Berjalan", "Iklan Produk", "01/08/2026", "Tidak Terbatas", imp, clk, conv,
            dconv, sold, dsold, rev, drev, cost, f"{rev / cost:.2f}", f"{drev / cost:.2f}",
        ])  # fmt: skip
    write(FIX / name, csv_text(rows).encode("utf-8"))
    expect(
        "shopee_ads_direct",
        file=name,
        layout="shopee_ads",
        channel="shopee",
        placement="paid",
        notes="Shopee Ads' direct (`Langsung`) conversions, units, sales and ROAS are the part "
        "the ad itself brought: never added to the conversions, units and sales beside them.",
        known_columns=True,
        checks=[
            check("conversions", sum(a[3] for a in ads), "count", placement="paid", sum=True),
            check("units_sold", sum(a[5] for a in ads), "count", placement="paid", sum=True),
            check("revenue", sum(a[7] for a in ads), "IDR", placement="paid", sum=True),
            check("roas", round(ads[0][7] / ads[0][9], 2), "fraction", placement="paid",
                  campaign=ads[0][0]),
        ],
    )  # fmt: skip


def gbp_csv() -> None:
    name = "google_business_profile_insights.csv"
    header = [
        "Store code",
        "Business name",
        "Address",
        "Labels",
        "Google Search - Mobile",
        "Google Search - Desktop",
        "Google Maps - Mobile",
        "Google Maps - Desktop",
        "Calls",
        "Messages",
        "Bookings",
        "Directions",
        "Website clicks",
    ]
    desc = [
        "",
        "",
        "",
        "",
        "Number of unique users that viewed the Business Profile on Google Search on mobile devices",
        "Number of unique users that viewed the Business Profile on Google Search on desktop devices",
        "Number of unique users that viewed the Business Profile on Google Maps on mobile devices",
        "Number of unique users that viewed the Business Profile on Google Maps on desktop devices",
        "Number of times the business phone number was clicked",
        "Number of unique conversations started with the business",
        "Number of bookings made from the Business Profile",
        "Number of unique requests for directions to the business",
        "Number of times the website link was clicked",
    ]
    locs = [
        (
            "TK-JKT-01",
            "Toko Kita Kemang",
            "Jl. Kemang Raya No. 12, Jakarta Selatan, DKI Jakarta 12730",
            "Jakarta, Flagship",
            8120,
            1204,
            5530,
            310,
            142,
            38,
            0,
            412,
            356,
        ),
        (
            "TK-BDG-01",
            "Toko Kita Dago",
            "Jl. Ir. H. Juanda No. 88, Bandung, Jawa Barat 40135",
            "Bandung",
            4210,
            602,
            3880,
            145,
            88,
            21,
            0,
            265,
            190,
        ),
        (
            "TK-SBY-01",
            "Toko Kita Tunjungan",
            "Jl. Tunjungan No. 5, Surabaya, Jawa Timur 60275",
            "Surabaya",
            3305,
            455,
            2910,
            98,
            61,
            9,
            0,
            188,
            120,
        ),
        (
            "TK-DPS-01",
            "Toko Kita Ubud",
            "Jl. Monkey Forest No. 21, Ubud, Bali 80571",
            "Bali, Tourist",
            5122,
            980,
            7410,
            402,
            77,
            54,
            12,
            530,
            244,
        ),
    ]
    rows: list[Any] = [header, desc] + [list(loc) for loc in locs]
    write(FIX / name, csv_text(rows).encode("utf-8"))
    expect(
        "google_business_profile_insights",
        file=name,
        layout="gbp_insights",
        channel="store",
        placement="organic",
        notes="Row 2 holds long descriptions (not data); one row per location (Store code), no "
        "date column (period chosen at export). Channel 'search' (Google Search/Maps listing); "
        "the signals matter most for a physical store.",
        checks=[
            check(
                "direction_requests",
                412,
                "count",
                placement="organic",
                row="TK-JKT-01",
                source_name="Directions",
            ),
            check(
                "direction_requests",
                sum(loc[11] for loc in locs),
                "count",
                placement="organic",
                sum=True,
            ),
            check("calls", sum(loc[8] for loc in locs), "count", placement="organic", sum=True),
        ],
    )


# --------------------------------------------------------------------------- generic


LONG_ROWS = [
    ("2026-07-01", "Instagram", "organic", "Reach", 15230),
    ("2026-07-01", "Instagram", "paid", "Amount spent (IDR)", 250000),
    ("2026-07-01", "Instagram", "paid", "Link clicks", 412),
    ("2026-07-01", "Website", "organic", "Sessions", 3120),
    ("2026-07-01", "Email", "organic", "Clicks", 210),
    ("2026-07-02", "Instagram", "organic", "Reach", 14110),
    ("2026-07-02", "Instagram", "paid", "Amount spent (IDR)", 265500.5),
    ("2026-07-02", "Instagram", "paid", "Link clicks", 398),
    ("2026-07-02", "Website", "organic", "Sessions", 2980),
    ("2026-07-02", "Email", "organic", "Clicks", 188),
    ("2026-07-03", "IG", "organic", "Reach", 16890),
    ("2026-07-03", "Website", "organic", "Sessions", 3405),
    ("2026-07-03", "Shopee", "organic", "Revenue (IDR)", 12500000),
]


def generic_long_csv() -> None:
    name = "generic_long.csv"
    rows: list[Any] = [["date", "channel", "placement", "metric", "value"]]
    rows += [list(r) for r in LONG_ROWS]
    write(FIX / name, csv_text(rows).encode("utf-8"))
    expect(
        "generic_long",
        file=name,
        layout="long",
        channel="mixed",
        placement="mixed",
        notes="Tidy long format; channel names are free text ('IG' = instagram); currency in "
        "the metric name.",
        checks=[
            check(
                "reach", 16890, "count", placement="organic", date="2026-07-03", channel="instagram"
            ),
            check(
                "spend", 265500.5, "IDR", placement="paid", date="2026-07-02", channel="instagram"
            ),
            check(
                "sessions",
                3120 + 2980 + 3405,
                "count",
                placement="organic",
                sum=True,
                channel="website",
            ),
            check(
                "revenue", 12500000, "IDR", placement="organic", date="2026-07-03", channel="shopee"
            ),
        ],
    )


def generic_parquet() -> None:
    name = "generic_long.parquet"
    table = pa.table(
        {
            "date": pa.array([dt.date.fromisoformat(r[0]) for r in LONG_ROWS], pa.date32()),
            "channel": pa.array([r[1] for r in LONG_ROWS], pa.string()),
            "placement": pa.array([r[2] for r in LONG_ROWS], pa.string()),
            "metric": pa.array([r[3] for r in LONG_ROWS], pa.string()),
            "value": pa.array([float(r[4]) for r in LONG_ROWS], pa.float64()),
        }
    )
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="snappy")
    write(FIX / name, buf.getvalue())
    expect(
        "generic_long_parquet",
        file=name,
        layout="long",
        channel="mixed",
        placement="mixed",
        notes="Same rows as generic_long.csv as Parquet (date32, string, float64).",
        checks=[
            check(
                "reach", 16890, "count", placement="organic", date="2026-07-03", channel="instagram"
            ),
            check(
                "link_clicks", 412 + 398, "count", placement="paid", sum=True, channel="instagram"
            ),
        ],
    )


def generic_wide_id() -> None:
    name = "generic_wide_harian_id.csv"
    header = [
        "Tanggal",
        "Kanal",
        "Penempatan",
        "Jangkauan",
        "Tayangan",
        "Suka",
        "Klik tautan",
        "Biaya iklan",
        "Penjualan",
        "CTR",
    ]
    rows: list[Any] = [header]
    data = [
        ("13/07/2026", "Instagram", "Organik", "1,2 rb", "2 jt", "340", "85", "", "", "3,2%"),
        (
            "13/07/2026",
            "Instagram",
            "Berbayar",
            "45,6 rb",
            "120 rb",
            "1.204",
            "2.310",
            "Rp 1.234.567",
            "Rp 8.450.000",
            "1,9%",
        ),
        ("13/07/2026", "TikTok", "Organik", "12.345", "30,5 rb", "2.101", "44", "", "", "0,14%"),
        ("14/07/2026", "Instagram", "Organik", "1.150", "1,8 jt", "298", "77", "", "", "4,28%"),
        (
            "14/07/2026",
            "Instagram",
            "Berbayar",
            "44 rb",
            "118,2 rb",
            "1.150",
            "2.205",
            "Rp 1.198.000",
            "Rp 7.920.500",
            "1,87%",
        ),
        ("14/07/2026", "TikTok", "Organik", "13 rb", "31 rb", "2.404", "51", "", "", "0,16%"),
        ("15/07/2026", "Instagram", "Organik", "980", "950 rb", "270", "60", "", "", "6,3%"),
        (
            "15/07/2026",
            "Shopee",
            "Organik",
            "-",
            "8,1 rb",
            "-",
            "902",
            "",
            "Rp 15.400.000",
            "11,1%",
        ),
    ]
    rows += [list(r) for r in data]
    write(FIX / name, utf8_bom(csv_text(rows, sep=";", eol="\r\n")))
    expect(
        "generic_wide_harian_id",
        file=name,
        layout="wide",
        channel="mixed",
        placement="mixed",
        notes="Wide daily sheet with a channel column and a placement column (Organik/Berbayar), "
        "Indonesian locale: ';', CRLF, BOM, DD/MM/YYYY, 'Rp 1.234.567', '3,2%', shorthand "
        "'1,2 rb' (1,200) and '2 jt' (2,000,000), '12.345' is twelve thousand, '-' is missing.",
        checks=[
            check(
                "reach", 1200, "count", placement="organic", date="2026-07-13", channel="instagram"
            ),
            # `Tayangan` is Meta's Indonesian for `Views` (the catalogue's video_views label),
            # not impressions (`Impresi`).
            check(
                "video_views",
                2000000,
                "count",
                placement="organic",
                date="2026-07-13",
                channel="instagram",
            ),
            check(
                "spend", 1234567, "IDR", placement="paid", date="2026-07-13", channel="instagram"
            ),
            check(
                "ctr",
                0.032,
                "fraction",
                placement="organic",
                date="2026-07-13",
                channel="instagram",
                tolerance=1e-9,
            ),
            check(
                "reach", 12345, "count", placement="organic", date="2026-07-13", channel="tiktok"
            ),
        ],
        missing=[{"metric": "reach", "date": "2026-07-15", "channel": "shopee", "reason": "-"}],
    )


def generic_cp1252() -> None:
    name = "generic_old_excel_cp1252.csv"
    rows: list[Any] = [
        ["Date", "Channel", "Campaign", "Impressions", "Clicks", "Spend (IDR)"],
        ["2026-07-01", "Instagram", "Promo Café Latte – Été", 12040, 310, 450000],
        ["2026-07-01", "Facebook", "Crème brûlée “Weekend”", 8020, 145, 300000],
        ["2026-07-02", "Instagram", "Promo Café Latte – Été", 11880, 298, 450000],
        ["2026-07-02", "Facebook", "Crème brûlée “Weekend”", 7710, 139, 300000],
        ["2026-07-03", "Instagram", "Promo Café Latte – Été", 13105, 344, 475000],
        ["2026-07-03", "Facebook", "Señor Kopi ½ harga", 6540, 122, 250000],
    ]
    write(FIX / name, csv_text(rows, eol="\r\n").encode("cp1252"))
    expect(
        "generic_old_excel_cp1252",
        file=name,
        layout="wide",
        channel="mixed",
        placement="paid",
        placement_in_file=False,
        notes="cp1252 bytes from old Excel (é=0xE9, en dash=0x96, curly quotes 0x93/0x94, ½=0xBD): "
        "invalid as UTF-8; must decode to 'Promo Café Latte – Été', never 'CafÃ©'. CRLF. No "
        "placement column: spend implies paid, but the file does not say (the user's --placement).",
        checks=[
            check(
                "impressions",
                12040,
                "count",
                date="2026-07-01",
                channel="instagram",
                campaign="Promo Café Latte – Été",
            ),
            check("spend", 450000 + 300000 + 450000 + 300000 + 475000 + 250000, "IDR", sum=True),
        ],
    )


def generic_utf16be() -> None:
    name = "generic_utf16be.csv"
    rows: list[Any] = [
        ["Date", "Channel", "Placement", "Impressions", "Clicks", "Spend (IDR)"],
        ["2026-07-01", "LinkedIn", "paid", 22040, 388, 1500000],
        ["2026-07-02", "LinkedIn", "paid", 19870, 341, 1450000],
        ["2026-07-03", "LinkedIn", "paid", 21010, 365, 1480000],
        ["2026-07-01", "LinkedIn", "organic", 3120, 141, ""],
        ["2026-07-02", "LinkedIn", "organic", 2890, 120, ""],
        ["2026-07-03", "YouTube", "organic", 15880, 518, ""],
    ]
    write(FIX / name, utf16be_bom(csv_text(rows)))
    expect(
        "generic_utf16be",
        file=name,
        layout="wide",
        channel="mixed",
        placement="mixed",
        notes="UTF-16 BE with BOM (FE FF); blank spend on organic rows is missing.",
        checks=[
            check(
                "impressions",
                19870,
                "count",
                placement="paid",
                date="2026-07-02",
                channel="linkedin",
            ),
            check(
                "spend",
                1500000 + 1450000 + 1480000,
                "IDR",
                placement="paid",
                sum=True,
                channel="linkedin",
            ),
        ],
    )


def generic_tab() -> None:
    name = "generic_tab_delimited.tsv"
    rows: list[Any] = [
        ["Date", "Channel", "Sessions", "Users", "Conversions", "Revenue (IDR)"],
        ["2026-07-01", "Website", 3120, 2650, 41, "5,120,000"],
        ["2026-07-01", "Email", 640, 602, 12, "1,450,000"],
        ["2026-07-02", "Website", 2980, 2501, 37, "4,880,500"],
        ["2026-07-02", "Email", 588, 560, 9, "1,020,000"],
        ["2026-07-03", "Website", 3405, 2877, 46, "6,010,250"],
        ["2026-07-03", "WhatsApp", 0, 0, 15, "2,250,000"],
    ]
    write(FIX / name, csv_text(rows, sep="\t").encode("utf-8"))
    expect(
        "generic_tab_delimited",
        file=name,
        layout="wide",
        channel="mixed",
        placement="organic",
        placement_in_file=False,
        notes="Tab-delimited; values with ',' thousands are not split (the delimiter is tab).",
        checks=[
            check("sessions", 2980, "count", date="2026-07-02", channel="website"),
            check("revenue", 5120000, "IDR", date="2026-07-01", channel="website"),
            check("conversions", 41 + 37 + 46, "count", sum=True, channel="website"),
        ],
    )


# --------------------------------------------------------------------------- bad inputs


def bad_files() -> None:
    write(BAD / "empty.csv", b"")
    BAD_EXPECTED["empty"] = {"file": "bad/empty.csv", "unreadable": True, "reason": "zero bytes"}
    r = rng("garbage")
    garbage = b"\x89PNG\r\n\x1a\n" + bytes(r.randrange(256) for _ in range(4096))
    write(BAD / "garbage.csv", garbage)
    BAD_EXPECTED["garbage"] = {
        "file": "bad/garbage.csv",
        "unreadable": True,
        "reason": "binary bytes (PNG magic + noise) with a .csv extension",
    }
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Date", "Impressions"])
    ws.append(["2026-07-01", 100])
    full = xlsx_bytes(wb)
    write(BAD / "truncated.xlsx", full[: len(full) // 2])
    BAD_EXPECTED["truncated"] = {
        "file": "bad/truncated.xlsx",
        "unreadable": True,
        "reason": "xlsx cut in half: corrupt zip",
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        info = zipfile.ZipInfo("Table data.csv", date_time=ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=False) as fh:
            fh.write(b"Content,Views\n")
            chunk = b"0" * (1 << 20)
            for _ in range(200):
                fh.write(chunk)
    data = buf.getvalue()
    assert len(data) < 300_000, len(data)
    write(BAD / "zip_bomb.zip", data)
    BAD_EXPECTED["zip_bomb"] = {
        "file": "bad/zip_bomb.zip",
        "unreadable": True,
        "reason": "member 'Table data.csv' declares ~200 MB uncompressed "
        "(ratio > 1000:1): refuse before extracting",
        "declared_uncompressed_bytes": 200 * (1 << 20) + 14,
    }
    rows: list[Any] = [
        ["date", "channel", "impressions", "clicks"],
        ["2026-07-01", "Instagram", "1200", "31"],
        ["2026-07-02", "Instagram", "abc", "28"],
        ["2026-07-03", "Instagram", "1350", "35"],
        ["2026-07-04", "Instagram", "12..3", "30"],
        ["2026-07-05", "Instagram", "1410", "40"],
        ["2026-07-06", "Instagram", "", "22"],
    ]
    write(BAD / "bad_values.csv", csv_text(rows).encode("utf-8"))
    BAD_EXPECTED["bad_values"] = {
        "file": "bad/bad_values.csv",
        "unreadable": False,
        "bad_values": 2,
        "column": "impressions",
        "reason": "'abc' and '12..3' cannot be read as numbers (reported, not zero); the blank "
        "cell is simply missing; other rows are read",
        "checks": [
            check("impressions", 1200 + 1350 + 1410, "count", sum=True, channel="instagram"),
            check("clicks", 31 + 28 + 35 + 30 + 40 + 22, "count", sum=True, channel="instagram"),
        ],
    }

    # A hand-kept daily sheet: two rows lost their date, one has a date no order can read.
    rows = [
        ["Tanggal", "Kanal", "Jangkauan", "Klik tautan"],
        ["2026-07-01", "Instagram", "1.200", "31"],
        ["", "Instagram", "1.300", "28"],
        ["2026-07-03", "Instagram", "1.350", "35"],
        ["32/13/2026", "Instagram", "1.380", "30"],
        ["  ", "Instagram", "1.400", "40"],
        ["2026-07-06", "Instagram", "1.410", "22"],
    ]
    write(BAD / "bad_dates.csv", csv_text(rows, ";").encode("utf-8"))
    BAD_EXPECTED["bad_dates"] = {
        "file": "bad/bad_dates.csv",
        "unreadable": False,
        "undated_rows": 2,
        "bad_dates": 1,
        "column": "Tanggal",
        "reason": "two rows have figures but an empty date cell (one holds only spaces) and one "
        "has an impossible date: each kind is counted in its own sentence, the rows are left out, "
        "the other three days are read",
        "checks": [
            check("reach", 1200 + 1350 + 1410, "count", sum=True, channel="instagram"),
            check("link_clicks", 31 + 35 + 22, "count", sum=True, channel="instagram"),
        ],
    }


# --------------------------------------------------------------------------- doubted columns


def youtube_subscribers_zip() -> None:
    """YouTube Studio's daily table with the subscriber and upload columns Studio offers:
    `Subscribers` is the net change (gained minus lost) and goes negative on a bad day."""
    name = "youtube_subscribers_by_day.zip"
    header = [
        "Date", "Views", "Subscribers", "Subscribers gained", "Subscribers lost",
        "Videos added", "Videos published",
    ]  # fmt: skip
    # date, views, gained, lost, added, published
    rows_in = [
        (dt.date(2026, 7, 1), 1840, 12, 3, 2, 1),
        (dt.date(2026, 7, 2), 960, 2, 9, 0, 0),
        (dt.date(2026, 7, 3), 2210, 25, 4, 1, 1),
        (dt.date(2026, 7, 4), 530, 0, 6, 1, 0),
    ]
    yt_date = lambda d: f"{d:%b} {d.day}, {d.year}"  # noqa: E731  "Jul 1, 2026"
    rows: list[Any] = [header]
    totals = [sum(r[i] for r in rows_in) for i in range(1, 6)]
    rows.append(["Total", totals[0], totals[1] - totals[2], *totals[1:]])
    for d, views, gained, lost, added, published in rows_in:
        rows.append([yt_date(d), views, gained - lost, gained, lost, added, published])
    data = zip_bytes([("Table data.csv", csv_text(rows).encode("utf-8"))])
    write(FIX / name, data)
    expect(
        "youtube_subscribers_by_day",
        file=name,
        layout="youtube_studio",
        channel="youtube",
        placement="organic",
        notes="YouTube Studio table by day: `Subscribers` is net (gained minus lost), negative on "
        "2 and 4 July; it is net follower growth, never new followers nor a follower total. "
        "`Subscribers gained` are the new followers, `Subscribers lost` the lost ones. `Videos "
        "added` and `Videos published` both count uploads: the published ones are the posts, "
        "the added ones are not added to them. The Total row is not data.",
        known_columns=True,
        checks=[
            check("net_follower_growth", totals[1] - totals[2], "count", placement="organic",
                  sum=True),
            check("net_follower_growth", -7.0, "count", placement="organic", date="2026-07-02"),
            check("new_followers", totals[1], "count", placement="organic", sum=True),
            check("lost_followers", totals[2], "count", placement="organic", sum=True),
            check("posts", totals[4], "count", placement="organic", sum=True),
            check("video_views", totals[0], "count", placement="organic", sum=True),
        ],
    )  # fmt: skip


def youtube_videos_added_zip() -> None:
    """A YouTube table whose only upload count is `Videos added`: those are the posts."""
    name = "youtube_videos_added.zip"
    rows: list[Any] = [
        ["Date", "Views", "Subscribers", "Videos added"],
        ["Total", 2800, 3, 3],
        ["Jul 1, 2026", 1800, 5, 2],
        ["Jul 2, 2026", 1000, -2, 1],
    ]
    write(FIX / name, zip_bytes([("Table data.csv", csv_text(rows).encode("utf-8"))]))
    expect(
        "youtube_videos_added",
        file=name,
        layout="youtube_studio",
        channel="youtube",
        placement="organic",
        notes="YouTube Studio table by day whose only upload count is `Videos added`: read as "
        "posts. `Subscribers` alone is still the net change, kept negative (-2 on 2 July).",
        known_columns=True,
        checks=[
            check("posts", 3.0, "count", placement="organic", sum=True),
            check("net_follower_growth", -2.0, "count", placement="organic", date="2026-07-02"),
        ],
    )


def meta_ig_posts_plays_views() -> None:
    """An Instagram post export from the months Meta carried both `Plays` and `Views` (it
    replaced Plays with Views in 2025): the two are one figure counted two ways."""
    name = "meta_ig_posts_plays_and_views.csv"
    header = [
        "Post ID", "Account ID", "Account username", "Account name", "Description",
        "Duration (sec)", "Publish time", "Permalink", "Post type", "Data comment", "Date",
        "Plays", "Views", "Reach", "Likes", "Shares", "Follows", "Comments", "Saves",
    ]  # fmt: skip
    # id, publish, type, caption, duration, plays, views, reach, likes, shares, follows, comm, saves
    posts = [
        ("18051230000000001", "01/06/2025 19:00", "IG reel", "Tutorial pashmina", 28, 40210,
         48920, 30110, 2210, 410, 35, 96, 880),
        ("18051230000000002", "01/09/2025 12:30", "IG reel", "Gamis baru", 19, "15,300",
         "17,940", "11,020", 640, 88, 6, 21, 230),
    ]  # fmt: skip
    rows: list[Any] = [header]
    for pid, pub, kind, cap, dur, plays, views, reach, *rest in posts:
        rows.append([pid, "17841400000000000", "tokokita", "Toko Kita", cap, dur, pub,
                     f"https://www.instagram.com/reel/{pid[-6:]}/", kind, "", "Lifetime", plays,
                     views, reach, *rest])  # fmt: skip
    write(FIX / name, utf8_bom(csv_text(rows)))
    expect(
        "meta_ig_posts_plays_and_views",
        file=name,
        layout="meta_ig_posts",
        channel="instagram",
        placement="organic",
        notes="Instagram post export carrying both `Plays` (the old name) and `Views` (its 2025 "
        "replacement): views are the `Views` column alone, never Plays + Views.",
        known_columns=True,
        checks=[
            check("video_views", 48920 + 17940, "count", placement="organic", sum=True),
            check("video_views", 48920.0, "count", placement="organic",
                  post_id="18051230000000001"),
        ],
    )  # fmt: skip


def meta_fb_posts_negative_feedback() -> None:
    """A Facebook post export with each kind of negative feedback in its own column."""
    name = "meta_fb_posts_negative_feedback.csv"
    header = [
        "Post ID", "Page ID", "Page name", "Title", "Description", "Publish time", "Permalink",
        "Post type", "Date", "Views", "Reach", "Reactions, Comments and Shares", "Reactions",
        "Comments", "Shares", "Total clicks",
        "Negative feedback from users: Hide all", "Negative feedback from users: Hide",
        "Negative feedback from users: Report as spam",
        "Negative feedback from users: Unlike page",
    ]  # fmt: skip
    # id, publish, type, views, reach, reactions, comments, shares, clicks, hide all, hide,
    # spam, unlike
    posts = [
        ("123456789012345_1001", "07/02/2026 09:00", "Photos", 5120, 3980, 210, 18, 9, 66, 4, 7,
         1, 2),
        ("123456789012345_1002", "07/05/2026 18:30", "Videos", 8840, 6010, 402, 35, 21, 120, 1, 3,
         0, 1),
    ]  # fmt: skip
    rows: list[Any] = [header]
    for pid, pub, kind, views, reach, rx, cm, sh, clicks, *negative in posts:
        rows.append([pid, "123456789012345", "Toko Kita", "", "Promo", pub,
                     f"https://www.facebook.com/{pid}", kind, "Lifetime", views, reach,
                     rx + cm + sh, rx, cm, sh, clicks, *negative])  # fmt: skip
    write(FIX / name, utf8_bom(csv_text(rows)))
    col = {k: sum(p[9 + i] for p in posts) for i, k in enumerate(("all", "hide", "spam", "unlike"))}
    expect(
        "meta_fb_posts_negative_feedback",
        file=name,
        layout="meta_fb_posts",
        channel="facebook",
        placement="organic",
        notes="Facebook post export with every kind of negative feedback: `Hide all`, `Hide`, "
        "`Report as spam` and `Unlike page` are each recognised, none is added to another and "
        "none to the engagements (`Reactions, Comments and Shares`).",
        known_columns=True,
        checks=[
            check("negative_feedback", col["all"], "count", placement="organic", sum=True),
            check("hides", col["hide"], "count", placement="organic", sum=True),
            check("spam_reports", col["spam"], "count", placement="organic", sum=True),
            check("page_unlikes", col["unlike"], "count", placement="organic", sum=True),
            check("engagements", sum(p[5] + p[6] + p[7] for p in posts), "count",
                  placement="organic", sum=True),
        ],
    )  # fmt: skip


def google_ads_impression_share_csv() -> None:
    """Google Ads' campaign report with impression share, which it writes as a bound (`< 10%`,
    `> 90%`) when the share is outside what it reports exactly, and `--` where it has none."""
    name = "google_ads_impression_share.csv"
    header = ["Campaign", "Currency code", "Impr.", "Clicks", "Cost", "Search impr. share"]
    rows: list[Any] = [
        "Campaign report",
        "July 1, 2026 - July 31, 2026",
        header,
        ["Search - Brand Toko Kita", "IDR", "88,120", "9,210", "4,516,727.66", "> 90%"],
        ["Search - Gamis Generic", "IDR", "210,450", "6,120", "8,120,450.30", "41.27%"],
        ["Search - Kompetitor", "IDR", "3,410", "95", "301,200.00", "< 10%"],
        ["Display - Remarketing", "IDR", "350,210", "1,450", "2,104,500.50", " --"],
        ["PMax - Katalog", "IDR", "1,204,300", "14,220", "12,990,100.00", "  --"],
        ["Total: Account", "IDR", "1,856,490", "31,095", "28,032,978.46", "--"],
    ]
    write(FIX / name, csv_text(rows).encode("utf-8"))
    expect(
        "google_ads_impression_share",
        file=name,
        layout="google_ads",
        channel="search",
        placement="paid",
        notes="Google Ads impression share: `41.27%` is 0.4127; `> 90%` and `< 10%` are bounds, "
        "not figures, and are missing with a note (never 0.9 or 0.1, never a crash); ` --` and "
        "`  --` are missing, never zero.",
        period=["2026-07-01", "2026-07-31"],
        known_columns=True,
        checks=[
            check("impression_share", 0.4127, "fraction", placement="paid",
                  campaign="Search - Gamis Generic", tolerance=1e-9),
            check("impressions", 1856490.0, "count", placement="paid", sum=True),
        ],
        missing=[
            {"metric": "impression_share", "campaign": "Search - Brand Toko Kita",
             "reason": "> 90%"},
            {"metric": "impression_share", "campaign": "Search - Kompetitor", "reason": "< 10%"},
            {"metric": "impression_share", "campaign": "Display - Remarketing", "reason": " --"},
            {"metric": "impression_share", "campaign": "PMax - Katalog", "reason": "  --"},
        ],
    )  # fmt: skip


def tiktok_studio_watch_time_zip() -> None:
    """TikTok Studio's overview with watch time written in hours, minutes and seconds."""
    name = "tiktok_studio_watch_time.zip"
    rows: list[Any] = [
        ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares",
         "Total watch time", "Average watch time"],
        ["July 1", 5210, 88, 410, 12, 30, "12h:3m:4s", "8s"],
        ["July 2", 3120, 51, 260, 9, 14, "3m:4s", "45s"],
        ["July 3", 4480, 70, 330, 7, 22, "1h:0m:0s", "0s"],
    ]  # fmt: skip
    data = zip_bytes([("Overview.csv", csv_text(rows).encode("utf-8"))])
    write(FIX / name, data)
    expect(
        "tiktok_studio_watch_time",
        file=name,
        layout="tiktok_studio",
        channel="tiktok",
        placement="organic",
        notes="TikTok Studio overview whose watch times read `12h:3m:4s`, `3m:4s`, `45s`: "
        "seconds (43384, 184, 45), not bad cells.",
        reference_date="2026-11-23",
        known_columns=True,
        checks=[
            check("watch_time", 12 * 3600 + 3 * 60 + 4, "seconds", placement="organic",
                  date="2026-07-01"),
            check("watch_time", 184.0, "seconds", placement="organic", date="2026-07-02"),
            check("watch_time", 43384 + 184 + 3600, "seconds", placement="organic", sum=True),
            check("average_view_duration", 45.0, "seconds", placement="organic",
                  date="2026-07-02"),
            check("average_view_duration", 0.0, "seconds", placement="organic",
                  date="2026-07-03"),
        ],
    )  # fmt: skip


# --------------------------------------------------------------------------- re-saved exports
# The exports above as a marketer uploads them after opening them in Excel or Google Sheets and
# saving again (scripts/resave.py models what each program writes). Each must read to the same
# figures as the untouched export, or tell the user what the program destroyed.

# key: (original fixture, zip member or sheet the user opened, its number format, which of the
# original's checks apply to that part)
RESAVE_SOURCES: dict[str, tuple[str, str | None, str, tuple[str, ...] | None]] = {
    "meta_fb_posts": ("meta_fb_posts.csv", None, "en", None),
    "meta_ig_posts": ("meta_ig_posts.csv", None, "en", None),
    "tiktok_studio_export": ("tiktok_studio_export.zip", "Overview.csv", "en", ("video_views",)),
    "tiktok_business_export": ("tiktok_business_export.csv", None, "en", None),
    "youtube_studio_export": (
        "youtube_studio_export.zip",
        "Table data.csv",
        "en",
        ("video_views", "watch_time", "average_view_duration", "ctr", "net_follower_growth"),
    ),
    "linkedin_page_analytics_xlsx": ("linkedin_page_analytics.xlsx", "Metrics", "en", None),
    "ga4_pages_and_screens": ("ga4_pages_and_screens.csv", None, "en", None),
    "meta_ads_manager_en": ("meta_ads_manager_en.csv", None, "en", None),
    "google_ads_campaign_report": ("google_ads_campaign_report.csv", None, "en", None),
    "shopee_ads_overall": (
        "Data+Keseluruhan+Iklan+Shopee-01_07_2026-31_07_2026.csv",
        None,
        "en",
        None,
    ),
}
# Every source is saved by each of these; a few special cases follow.
RESAVE_COMMON: dict[str, tuple[str, Program]] = {
    "excel_id": (
        "Excel, Indonesian settings, CSV (Comma delimited): `;`, cp1252, CRLF, decimal comma, day-first dates, ids in scientific notation, emptied columns and rows left in the used range",
        EXCEL_ID,
    ),
    "excel_id_utf8": (
        "Excel, Indonesian settings, CSV UTF-8: as excel_id with a UTF-8 BOM",
        EXCEL_ID_UTF8,
    ),
    "excel_us": (
        "Excel, English (US) settings, CSV: `,`, cp1252, CRLF, month-first dates `7/1/2026`, `1,234.5` only where the export grouped thousands, ids in scientific notation",
        EXCEL_US,
    ),
    "sheets": (
        "Google Sheets download (.csv): UTF-8 without BOM, LF, `7/1/2026` dates, ids in scientific notation",
        SHEETS_US,
    ),
    "xlsx_excel": (
        "Saved as .xlsx by Excel (Indonesian settings) after opening the CSV: numbers as numbers, dates as serials read day-first, percentages as fractions with a % format, ids as rounded numbers",
        EXCEL_ID,
    ),
}


def _resave_rows(source: str, part: str | None) -> tuple[str, list[list[str]]]:
    """The name and cells of the file (or zip member, or sheet) the user opened."""
    path = FIX / source
    if path.suffix == ".zip":
        assert part is not None
        return part, parse_csv(zipfile.ZipFile(path).read(part).decode("utf-8-sig"))
    if path.suffix == ".xlsx":
        assert part is not None
        sheet = openpyxl.load_workbook(path)[part]
        rows = [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]
        return f"{path.stem}.csv", rows
    return path.name, parse_csv(path.read_bytes().decode("utf-8-sig"))


def _resaved_workbook(
    rows: list[list[str]],
    fmt: str,
    prog: Program,
    title: str,
    *,
    as_text: bool = False,
    total: str | None = None,
    extra_sheets: bool = False,
    sheets: bool = False,
) -> bytes:
    """The cells as a workbook the program saved: typed as it read them, or kept as text."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title[:31]
    for i, row in enumerate(rows, start=1):
        for j, text in enumerate(row, start=1):
            value, number_format = cell_value(
                typed(text, fmt, prog), as_text=text if as_text else None, sheets=sheets
            )
            if value is not None:
                ws.cell(i, j, value).number_format = number_format
    if total:
        # The user's own totals row: a sum under every column of numbers.
        last = ws.max_row
        ws.cell(last + 1, 1, total)
        for j in range(2, ws.max_column + 1):
            cells = [ws.cell(i, j).value for i in range(2, last + 1)]
            if all(isinstance(v, int | float) for v in cells[-3:]):
                ws.cell(last + 1, j, sum(v for v in cells if isinstance(v, int | float)))
    if extra_sheets:
        notes = wb.create_sheet("Catatan")
        notes["A1"] = "Catatan: angka Juli belum final, dicek ulang tanggal 5."
        notes["A2"] = "Dibuat oleh tim marketing Toko Kita"
        chart = openpyxl.chart.BarChart()
        chart.add_data(
            openpyxl.chart.Reference(ws, min_col=2, min_row=1, max_row=6), titles_from_data=True
        )
        wb.create_chartsheet("Grafik").add_chart(chart)
    return xlsx_bytes(wb)


def _resaved_checks(key: str, keep: tuple[str, ...] | None, ids_lost: bool) -> list[dict[str, Any]]:
    """The original's checks that hold for the part re-saved; where the program rounded the ids,
    a post is found by its date instead."""
    checks = []
    for c in EXPECTED[key]["checks"]:
        if keep is not None and (
            c["metric"] not in keep or ("date" in c and "post_id" not in c and c.get("sum"))
        ):
            continue
        c = {k: v for k, v in c.items() if k != "sheet"}
        if ids_lost and "post_id" in c:
            c = {k: v for k, v in c.items() if k != "post_id"}
        checks.append(c)
    return checks


def resaved_exports() -> None:
    jobs: list[tuple[str, str, str, Program | None, dict[str, Any]]] = []
    for key in RESAVE_SOURCES:
        for variant, (note, prog) in RESAVE_COMMON.items():
            jobs.append((key, variant, note, prog, {"xlsx": variant.startswith("xlsx")}))
    jobs += [
        (
            "tiktok_business_export",
            "excel_id_short",
            "Excel with the Indonesian short date `d/m/yyyy` (`1/7/2026`)",
            EXCEL_ID_SHORT,
            {},
        ),
        (
            "shopee_ads_overall",
            "excel_id_short",
            "Excel with the Indonesian short date `d/m/yyyy` (`1/7/2026`)",
            EXCEL_ID_SHORT,
            {},
        ),
        (
            "tiktok_business_export",
            "sheets_id",
            "Google Sheets set to Indonesia: `,` between cells, decimal comma in quotes, `1/7/2026` dates no cell proves day-first",
            SHEETS_ID,
            {},
        ),
        (
            "tiktok_studio_export",
            "xlsx_excel_us",
            "Saved as .xlsx by Excel (English US): `December 26` became a date of the year it was saved, shown `26-Dec`",
            EXCEL_US,
            {"xlsx": True},
        ),
        (
            "meta_fb_posts",
            "xlsx_excel_us",
            "Saved as .xlsx by Excel (English US): month-first dates read right, ids rounded",
            EXCEL_US,
            {"xlsx": True},
        ),
        (
            "meta_ig_posts",
            "xlsx_text",
            "Saved as .xlsx with every cell stored as text (Excel's green triangles)",
            EXCEL_ID,
            {"xlsx": True, "as_text": True},
        ),
        (
            "meta_ads_manager_en",
            "xlsx_text",
            "Saved as .xlsx with every cell stored as text (Excel's green triangles)",
            EXCEL_ID,
            {"xlsx": True, "as_text": True},
        ),
        (
            "meta_ads_manager_en",
            "xlsx_total",
            "Saved as .xlsx with the user's own `Total` row under the data",
            EXCEL_ID,
            {"xlsx": True, "total": "Total"},
        ),
        (
            "shopee_ads_overall",
            "xlsx_jumlah",
            "Saved as .xlsx with the user's own `Jumlah` row under the data",
            EXCEL_ID,
            {"xlsx": True, "total": "Jumlah"},
        ),
        (
            "ga4_pages_and_screens",
            "xlsx_grand_total",
            "Saved as .xlsx with the user's own `Grand Total` row under the data",
            EXCEL_US,
            {"xlsx": True, "total": "Grand Total"},
        ),
        (
            "tiktok_business_export",
            "xlsx_notes_chart",
            "Saved as .xlsx with a notes sheet and a chart sheet added",
            EXCEL_ID,
            {"xlsx": True, "extra_sheets": True},
        ),
        *(
            (
                key,
                "sheets_xlsx",
                "Google Sheets download (.xlsx): numbers as numbers, dates typed with Sheets' m/d/yyyy formats, ids rounded to 15 digits",
                SHEETS_US,
                {"xlsx": True, "sheets": True},
            )
            for key in (
                "meta_ig_posts",
                "tiktok_business_export",
                "ga4_pages_and_screens",
                "meta_ads_manager_en",
                "shopee_ads_overall",
                "linkedin_page_analytics_xlsx",
            )
        ),
        (
            "google_ads_campaign_report",
            "excel_id_messy",
            "Excel (Indonesian): a row and a column inserted before the table, emptied columns and rows after it, and the user's own formulas over the missing conversions showing #N/A and #DIV/0!",
            EXCEL_ID,
            {"lead": True, "errors": {(6, 10): "#N/A", (6, 11): "#DIV/0!"}},
        ),
    ]
    for key, variant, note, prog, opts in jobs:
        source, part, fmt, keep = RESAVE_SOURCES[key]
        name, rows = _resave_rows(source, part)
        stem = name.rsplit(".", 1)[0]
        if opts.pop("xlsx", False):
            assert prog is not None
            name = f"{stem}.xlsx"
            data = _resaved_workbook(rows, fmt, prog, stem, **opts)
        else:
            assert prog is not None
            pad = {"pad_columns": 2, "pad_rows": 2} if prog.encoding == "cp1252" else {}
            data = resave_csv(
                rows, fmt, prog, lead=opts.get("lead", False), errors=opts.get("errors"), **pad
            )
        file = f"resaved/{variant}/{name}"
        write(FIX / file, data)
        ids_lost = key in ("meta_fb_posts", "meta_ig_posts") and not opts.get("as_text")
        original = EXPECTED[key]
        spec: dict[str, Any] = {
            "file": file,
            "layout": original["layout"],
            "channel": original["channel"],
            "placement": original["placement"],
            "notes": note,
            "resaved_from": source,
        }
        if part:
            spec["resaved_part"] = part
        for extra in ("reference_date", "placement_in_file"):
            if extra in original:
                spec[extra] = original[extra]
        if ids_lost:
            spec["ids_lost"] = True
        spec["checks"] = _resaved_checks(key, keep, ids_lost)
        expect(f"resaved_{variant}_{key}", **spec)


# --------------------------------------------------------------------------- expected.toml


def toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        assert math.isfinite(v)
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(x)}" for k, x in v.items()) + " }"
    if isinstance(v, list):
        if v and isinstance(v[0], dict):
            return "[\n" + "".join(f"  {toml_value(x)},\n" for x in v) + "]"
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    raise TypeError(type(v))


def write_expected() -> None:
    out = [
        "# Expected results for the ingest fixtures. GENERATED by scripts/make_fixtures.py:",
        "# edit the script, not this file.",
        "#",
        "# [fixture.<key>]  file (relative to tests/fixtures), layout (reader id), channel,",
        "#   placement (organic | paid | mixed: per row), notes, and checks.",
        "# Each check: metric (canonical id), placement, unit (count | fraction | seconds |",
        "#   ISO currency), value, and the row selectors that apply: date (omitted when the file",
        "#   has no dates), post_id, campaign, channel, sheet, row (a dimension value such as a",
        "#   page path or store code), source_name (the column the value comes from).",
        "#   sum = true        value is the sum of the metric over the whole file for that",
        "#                     channel/placement (and sheet, when given): proves totals/summary",
        "#                     rows were not added;",
        "#   not_doubled       the value appears in two columns (e.g. Results + its own column)",
        "#                     and must be counted once;",
        "#   total_not_added   '(total)' columns are not added to their parts;",
        "#   tolerance         absolute tolerance (default: 1e-6 relative).",
        "# missing = [...]: cells that must be missing (NaN / no row), never zero.",
        "# gap_dates: days with no row in the file (Meta omits zero days): no value may be",
        "#   invented for them (absent, or 0 if the reader fills gaps).",
        '# channel = "mixed" / placement = "mixed" at table level: the file carries several;',
        "#   then each check names its channel and/or placement. A check without placement is",
        "#   on a file that does not say (the default or the user's --placement applies);",
        "#   placement_in_file = false marks such files (table placement = the intended choice).",
        "# reference_date: 'today' for yearless-date inference.",
        "# known_columns = true: every column is read (a metric, a part of another, an",
        "#   attribute): none is left unknown.",
        "# [bad.<key>]: unreadable = true (an error, no traceback) or bad_values = N in column.",
        "",
    ]
    for key, spec in EXPECTED.items():
        out.append(f"[fixture.{key}]")
        for k, v in spec.items():
            out.append(f"{k} = {toml_value(v)}")
        out.append("")
    for key, spec in BAD_EXPECTED.items():
        out.append(f"[bad.{key}]")
        for k, v in spec.items():
            out.append(f"{k} = {toml_value(v)}")
        out.append("")
    text = "\n".join(out)
    parsed = tomllib.loads(text)
    for key, spec in parsed["fixture"].items():
        assert (FIX / spec["file"]).is_file(), spec["file"]
        assert spec["checks"], key
    write(FIX / "expected.toml", text.encode("utf-8"))


def main() -> None:
    FIX.mkdir(parents=True, exist_ok=True)
    BAD.mkdir(parents=True, exist_ok=True)
    for fn in (
        meta_fb_posts,
        meta_ig_posts,
        meta_fb_follows_daily,
        meta_ig_reach_daily_id,
        meta_insights_legacy,
        meta_ads_en,
        meta_ads_titlecase_usd,
        meta_ads_id_excel,
        meta_ig_content_id,
        x_tweet_activity,
        x_account_analytics,
        x_ads_xlsx,
        tiktok_studio_zip,
        tiktok_business_csv,
        linkedin_xls,
        linkedin_xlsx,
        linkedin_visitors_xls,
        youtube_zip,
        youtube_zip_id,
        ga4_csv,
        ga4_snapshot_csv,
        ga4_acquisition_csvs,
        shopee_shop_stats,
        shopee_ads_csv,
        shopee_discount_xlsx,
        tiktok_shop_key_metrics,
        tiktok_shop_orders_csv,
        tiktok_shop_orders_xlsx_id,
        tiktok_shop_videos,
        tiktok_shop_lives,
        tiktok_shop_products,
        tiktok_ads_gmv_max,
        tiktok_ads_manager_en,
        google_ads_csv,
        gbp_csv,
        meta_ads_presets_en,
        youtube_content_defaults_zip,
        google_ads_defaults_csv,
        shopee_ads_direct_csv,
        generic_long_csv,
        generic_parquet,
        generic_wide_id,
        generic_cp1252,
        generic_utf16be,
        generic_tab,
        youtube_subscribers_zip,
        youtube_videos_added_zip,
        meta_ig_posts_plays_views,
        meta_fb_posts_negative_feedback,
        google_ads_impression_share_csv,
        tiktok_studio_watch_time_zip,
        resaved_exports,
        bad_files,
    ):
        fn()
    write_expected()
    total = sum(p.stat().st_size for p in FIX.rglob("*") if p.is_file())
    print(f"wrote {len(EXPECTED)} fixtures + {len(BAD_EXPECTED)} bad files, {total:,} bytes")


if __name__ == "__main__":
    main()
