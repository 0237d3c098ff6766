"""Generate the demo datasets in ``sample_data/`` (fixed seed, reproducible).

Three invented businesses, each file in a real export layout (see FORMATS.md), so the demo
exercises the readers:

- ``ecom_*``  Toko Kirana, an Indonesian online fashion/hijab store (online_store), 12 months.
- ``kafe_*``  Kopi Senja, a cafe with two outlets in Bandung (physical_store), 11 months.
- ``saas_*``  Rekrut.io, B2B HR recruitment software (saas), 12 months.

The online store's prefix is ``ecom_`` (not ``toko_``) so that its wide social file is the
first CSV in ``ls sample_data/*.csv`` order: ``ecom_a_social_harian.csv``.

Values are invented but internally consistent (reach >= engagements >= clicks >= leads >=
purchases; CPM in IDR 15.000-40.000). Files are written with the csv module, explicit byte
encodings and openpyxl, never with pandas writers.

Run: ``.venv/bin/python scripts/make_sample_data.py`` (or ``make sample-data``).
"""

from __future__ import annotations

import sys
from pathlib import Path as _Path

sys.path.insert(0, str(_Path(__file__).resolve().parent))

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import cast

import numpy as np
from id_numbers import id_dec, id_int
from openpyxl import Workbook

SEED = 20261031
OUT = Path(__file__).resolve().parent.parent / "sample_data"

# The online store and the SaaS cover 12 months; the cafe 11 months (its TikTok Studio file,
# whose dates carry no year, then spans one December -> January rollover).
START = date(2025, 11, 1)
END = date(2026, 10, 31)
KAFE_START = date(2025, 12, 1)

# Calendar facts (2025/26).
RAMADAN_START = date(2026, 2, 18)
LEBARAN = date(2026, 3, 20)  # Idul Fitri 1447 H
# Indonesian school holidays (end of the 2025/26 school year): the follower spike window.
SPIKE_START = date(2026, 6, 22)
SPIKE_END = date(2026, 7, 12)

MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip

Row = Sequence[object]


# --------------------------------------------------------------------------- helpers


def day_range(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def rupiah(n: float) -> str:
    """Indonesian Excel currency format: ``Rp1.234.500``."""
    return "Rp" + id_int(n)


def en_int(n: float) -> str:
    """English integer: comma thousands (``1,234``)."""
    return f"{round(n):,}"


def dmy(d: date, sep: str = "/") -> str:
    return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"


def mdy(d: date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def csv_text(
    rows: Iterable[Row],
    *,
    delimiter: str = ",",
    lineterminator: str = "\r\n",
) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator=lineterminator)
    writer.writerows(rows)
    return buf.getvalue()


def write_bytes(name: str, data: bytes) -> None:
    (OUT / name).write_bytes(data)


def lognormal(rng: np.random.Generator, sigma: float, n: int) -> np.ndarray:
    """Multiplicative noise with mean 1."""
    return rng.lognormal(-(sigma**2) / 2, sigma, n)


def order_values(rng: np.random.Generator, orders: np.ndarray, aov: float) -> np.ndarray:
    """Daily sales in IDR: each order a gamma-distributed basket, rounded to Rp 500."""
    out = np.zeros(len(orders))
    for i, k in enumerate(orders):
        if k > 0:
            out[i] = rng.gamma(4.0, aov / 4.0, int(k)).sum()
    return np.round(out / 500) * 500


def weekday_factor(days: list[date], weights: Sequence[float]) -> np.ndarray:
    return np.array([weights[d.weekday()] for d in days])


# --------------------------------------------------------------------------- calendar


def sales_multiplier(days: list[date], *, twin_big: float, twin_small: float) -> np.ndarray:
    """Online-commerce demand: twin-date sales (11.11, 12.12 Harbolnas...), Ramadan, payday."""
    m = np.ones(len(days))
    for i, d in enumerate(days):
        f = 1.0
        if d.day == d.month:
            f *= twin_big if d.month in (11, 12) else twin_small
        elif d.day == d.month - 1 or d.day == d.month + 1:
            f *= 1.25  # pre-sale teasers and the tail of the sale
        if d.day >= 25 or d.day <= 2:
            f *= 1.12  # gajian (payday)
        if RAMADAN_START <= d < LEBARAN - timedelta(days=6):
            progress = (d - RAMADAN_START).days / (LEBARAN - RAMADAN_START).days
            f *= 1.3 + 1.4 * progress  # Lebaran outfits
        elif LEBARAN - timedelta(days=6) <= d < LEBARAN - timedelta(days=2):
            f *= 2.2  # last orders before the couriers' cut-off
        elif LEBARAN - timedelta(days=2) <= d <= LEBARAN + timedelta(days=3):
            f *= 0.55  # couriers off, everyone mudik
        elif LEBARAN + timedelta(days=4) <= d <= LEBARAN + timedelta(days=11):
            f *= 0.85
        m[i] = f
    return m


def in_spike(d: date) -> bool:
    return SPIKE_START <= d <= SPIKE_END


# --------------------------------------------------------------------------- ecom (Toko Kirana)


def make_ecom(rng: np.random.Generator) -> list[str]:
    days = day_range(START, END)
    n = len(days)
    trend = np.linspace(1.0, 1.25, n)
    sales = sales_multiplier(days, twin_big=3.2, twin_small=1.7)

    # ---- organic social (wide daily file) ----
    spike_factor = np.ones(n)
    for i, d in enumerate(days):
        if in_spike(d):
            t = (d - SPIKE_START).days
            edge = min(t, (SPIKE_END - d).days)
            spike_factor[i] = rng.uniform(3.5, 5.0) if edge < 2 else rng.uniform(6.0, 10.0)
    post_spike = np.array(
        [1.0 + (1.6 if SPIKE_END < d <= SPIKE_END + timedelta(days=28) else 0.0) for d in days]
    )
    promo_content = np.where(sales > 1.5, 1.3, 1.0)
    near_spike = np.array(
        [SPIKE_START - timedelta(days=21) <= d <= SPIKE_END + timedelta(days=21) for d in days]
    )

    social_rows: list[list[str]] = []
    channels: dict[str, dict[str, object]] = {
        "Instagram": dict(
            reach=5200, sigma=0.25, impr=(1.35, 1.75), likes=0.032, comments=0.0022,
            shares=0.0025, saves=0.0045, clicks=0.0075, new=32, start=48_200, spike=True,
        ),
        "TikTok": dict(
            reach=14_000, sigma=0.55, impr=(1.15, 1.45), likes=0.045, comments=0.003,
            shares=0.002, saves=0.003, clicks=0.0012, new=55, start=21_500, spike=True,
        ),
        "Facebook": dict(
            reach=1400, sigma=0.3, impr=(1.2, 1.5), likes=0.02, comments=0.0015,
            shares=0.002, saves=None, clicks=0.006, new=4, start=12_350, spike=False,
        ),
    }  # fmt: skip
    weekly = weekday_factor(days, [1.0, 1.02, 1.0, 1.03, 1.05, 0.95, 0.92])
    cols: dict[str, dict[str, np.ndarray]] = {}
    ig_purchases = np.zeros(n, dtype=int)
    ig_revenue = np.zeros(n)
    for name, p in channels.items():
        base_reach = float(p["reach"])  # type: ignore[arg-type]
        sigma = float(p["sigma"])  # type: ignore[arg-type]
        viral = np.where(rng.random(n) < (0.02 if name == "TikTok" else 0.005), 6.0, 1.0)
        # No viral post explains the school-holiday follower jump: it is not content-driven.
        viral[near_spike] = 1.0
        reach_eng = base_reach * trend * weekly * promo_content * viral * lognormal(rng, sigma, n)
        reach_eng = np.maximum(reach_eng, 50)
        spike = spike_factor if p["spike"] else np.ones(n)
        # New followers see a little more content, but they do not engage or click.
        reach = np.round(reach_eng * np.where(spike > 1, 1.12, 1.0)).astype(int)
        lo, hi = cast(tuple[float, float], p["impr"])
        impressions = np.round(reach * rng.uniform(lo, hi, n)).astype(int)
        re = np.round(reach_eng).astype(int)

        def rate(r: object, extra: np.ndarray | float = 1.0, _re: np.ndarray = re) -> np.ndarray:
            prob = np.clip(float(r) * extra * lognormal(rng, 0.2, n), 0, 0.5)  # type: ignore[arg-type]
            return rng.binomial(_re, prob)

        likes = rate(p["likes"])
        comments = rate(p["comments"])
        shares = rate(p["shares"])
        saves = rate(p["saves"]) if p["saves"] is not None else None
        link_clicks = rate(p["clicks"], np.sqrt(sales))
        base_new = float(p["new"]) * trend * (0.5 + 0.5 * viral)  # type: ignore[arg-type]
        new = rng.poisson(base_new * spike)
        lost = rng.poisson(base_new * 0.28 * post_spike if p["spike"] else base_new * 0.28)
        followers = int(p["start"]) + np.cumsum(new - lost)  # type: ignore[call-overload]
        cols[name] = dict(
            reach=reach, impressions=impressions, likes=likes, comments=comments,
            shares=shares, link_clicks=link_clicks, new=new, followers=followers,
        )  # fmt: skip
        if saves is not None:
            cols[name]["saves"] = saves
        if name == "Instagram":
            # Orders the shop attributes to Instagram (link in bio, story links): the
            # organic-social revenue the product flags.
            ig_purchases = rng.binomial(link_clicks, np.clip(0.028 * np.sqrt(sales), 0, 0.2))
            ig_revenue = order_values(rng, ig_purchases, 189_000)

    header = [
        "Tanggal", "Saluran", "Penempatan", "Jangkauan", "Tayangan", "Suka", "Komentar",
        "Dibagikan", "Disimpan", "Pengikut", "Pengikut baru", "Klik tautan", "Pendapatan (IDR)",
    ]  # fmt: skip
    social_rows.append(header)
    for i, d in enumerate(days):
        for name in channels:
            c = cols[name]
            social_rows.append(
                [
                    dmy(d),
                    name,
                    "Organik",
                    id_int(c["reach"][i]),
                    id_int(c["impressions"][i]),
                    id_int(c["likes"][i]),
                    id_int(c["comments"][i]),
                    id_int(c["shares"][i]),
                    id_int(c["saves"][i]) if "saves" in c else "",
                    id_int(c["followers"][i]),
                    id_int(c["new"][i]),
                    id_int(c["link_clicks"][i]),
                    rupiah(ig_revenue[i]) if name == "Instagram" else "",
                ]
            )
    write_bytes(
        "ecom_a_social_harian.csv",
        csv_text(social_rows, delimiter=";").encode("utf-8-sig"),
    )

    # ---- Meta Ads Manager, Indonesian UI, re-saved by Excel (id-ID) ----
    def window(d: date, centre: date, before: int, after: int) -> bool:
        return centre - timedelta(days=before) <= d <= centre + timedelta(days=after)

    twin_dates = [date(y, m, m) for y, m in ((2025, 11), (2025, 12), (2026, 10))] + [
        date(2026, m, m) for m in range(1, 10)
    ]
    big_sales = [date(2025, 11, 11), date(2025, 12, 12), date(2026, 10, 10)]
    ramadan_push = [RAMADAN_START + timedelta(days=k) for k in range(27)]

    def promo_level(d: date) -> float:
        if any(window(d, c, 5, 1) for c in big_sales):
            return 2.8
        if d in ramadan_push:
            return 2.2
        if any(window(d, c, 2, 0) for c in twin_dates):
            return 1.6
        return 1.0

    campaigns = [
        ("Kirana | Penjualan | Katalog Advantage+", "sales"),
        ("Kirana | CTWA | Konsultasi Ukuran & Stok", "ctwa"),
        ("Kirana | Traffic | Promo Lebaran & Harbolnas", "traffic"),
    ]
    meta_rows: list[list[str]] = [
        [
            "Nama kampanye", "Awal pelaporan", "Akhir pelaporan", "Jumlah yang dibelanjakan (IDR)",
            "Impresi", "Jangkauan", "Klik tautan", "CTR (rasio klik tayang tautan)",
            "CPM (biaya per 1.000 tayangan) (IDR)", "Hasil", "Jenis hasil", "Biaya per hasil",
            "Pembelian", "Nilai konversi pembelian", "Tambah ke keranjang",
        ]
    ]  # fmt: skip
    meta_purchases = np.zeros(n, dtype=int)
    meta_value = np.zeros(n)
    meta_clicks = np.zeros(n, dtype=int)
    for i, d in enumerate(days):
        promo = promo_level(d)
        week = (d - START).days // 7
        for cname, kind in campaigns:
            if kind == "sales":
                # Always on, paused two weeks after Lebaran, bursts around the sales.
                if LEBARAN <= d <= LEBARAN + timedelta(days=13):
                    continue
                spend = 650_000 * promo * lognormal(rng, 0.18, 1)[0] * trend[i]
                ctr = 0.012
            elif kind == "ctwa":
                # Flights: two weeks on, one week off; dark in the quiet months.
                if week % 3 == 2 or d.month in (4, 5):
                    continue
                spend = 320_000 * (1.3 if promo > 1 else 1.0) * lognormal(rng, 0.15, 1)[0]
                ctr = 0.011
            else:
                if promo < 2.0:
                    continue
                spend = 750_000 * lognormal(rng, 0.2, 1)[0]
                ctr = 0.016
            spend = round(spend / 100) * 100
            cpm = float(np.clip(21_000 * (1 + 0.18 * (promo - 1)) * lognormal(rng, 0.12, 1)[0],
                                15_500, 39_500))  # fmt: skip
            impressions = round(spend / cpm * 1000)
            reach = round(impressions / rng.uniform(1.15, 1.6))
            clicks = int(rng.binomial(impressions, ctr * lognormal(rng, 0.15, 1)[0]))
            atc: int | None = None
            purchases: int | None = None
            value: float | None = None
            if kind == "ctwa":
                results = int(rng.binomial(clicks, 0.55))
                result_type = "Percakapan pesan dimulai"
            else:
                atc = int(rng.binomial(clicks, 0.09 if kind == "sales" else 0.035))
                purchases = int(rng.binomial(atc, 0.30 if kind == "sales" else 0.22))
                value = float(order_values(rng, np.array([purchases]), 215_000)[0])
                meta_purchases[i] += purchases
                meta_value[i] += value
                if kind == "sales":
                    results, result_type = purchases, "Pembelian di situs web"
                else:
                    results, result_type = clicks, "Klik tautan"
            if kind != "ctwa":
                meta_clicks[i] += clicks
            meta_rows.append(
                [
                    cname,
                    dmy(d),
                    dmy(d),
                    id_int(spend),
                    id_int(impressions),
                    id_int(reach),
                    id_int(clicks),
                    id_dec(100 * clicks / impressions),
                    id_dec(spend / impressions * 1000),
                    id_int(results) if results else "",
                    result_type,
                    id_dec(spend / results) if results else "",
                    "" if purchases is None else id_int(purchases),
                    "" if value is None else id_int(value),
                    "" if atc is None else id_int(atc),
                ]
            )
    write_bytes("ecom_meta_ads_id.csv", csv_text(meta_rows, delimiter=";").encode("utf-8-sig"))

    # ---- GA4 (website) ----
    web_weekly = weekday_factor(days, [1.05, 1.03, 1.02, 1.0, 0.95, 0.9, 1.02])
    organic_sessions = 2300 * trend * web_weekly * sales**0.6 * lognormal(rng, 0.1, n)
    ig_clicks = cols["Instagram"]["link_clicks"]
    sessions = np.round(organic_sessions + 0.85 * meta_clicks + 0.8 * ig_clicks).astype(int)
    other_purchases = rng.binomial(sessions, np.clip(0.011 * sales**0.25, 0, 0.05))
    other_revenue = order_values(rng, other_purchases, 205_000)
    purchases_web = other_purchases + meta_purchases + ig_purchases
    revenue_web = other_revenue + meta_value + ig_revenue
    checkouts = purchases_web + rng.binomial(sessions, 0.012)
    add_to_carts = checkouts + rng.binomial(sessions, 0.038)
    active_users = np.round(sessions * rng.uniform(0.74, 0.82, n)).astype(int)
    views = np.round(sessions * rng.uniform(2.7, 3.5, n)).astype(int)
    eng_time = rng.uniform(44, 78, n)
    ga4_lines = [
        "# ----------------------------------------",
        "# Ecommerce overview: Date",
        "# Account: Toko Kirana",
        "# Property: tokokirana.co.id - GA4",
        "# ----------------------------------------",
        "#",
        "# All Users",
        f"# Start date: {START:%Y%m%d}",
        f"# End date: {END:%Y%m%d}",
    ]
    ga4_rows: list[list[object]] = [
        [
            "Date", "Sessions", "Active users", "Views",
            "Average engagement time per active user", "Add to carts", "Checkouts",
            "Ecommerce purchases", "Total revenue",
        ]
    ]  # fmt: skip
    for i, d in enumerate(days):
        ga4_rows.append(
            [
                f"{d:%Y%m%d}",
                int(sessions[i]),
                int(active_users[i]),
                int(views[i]),
                f"{eng_time[i]:.6f}".rstrip("0").rstrip("."),
                int(add_to_carts[i]),
                int(checkouts[i]),
                int(purchases_web[i]),
                int(revenue_web[i]),
            ]
        )
    ga4 = "\r\n".join(ga4_lines) + "\r\n" + csv_text(ga4_rows)
    write_bytes("ecom_ga4_website.csv", ga4.encode("utf-8"))

    # ---- Shopee shop-stats workbook ----
    shopee = sales_multiplier(days, twin_big=5.8, twin_small=2.8)
    orders = rng.poisson(38 * trend * weekly * shopee * lognormal(rng, 0.12, n))
    gmv = order_values(rng, orders, 142_000)
    conv = np.clip(0.021 * shopee**0.35 * lognormal(rng, 0.1, n), 0.008, 0.06)
    visitors = np.maximum(np.round(orders / conv), orders).astype(int)
    clicks_products = np.round(visitors * rng.uniform(2.0, 2.6, n)).astype(int)
    repeat = rng.uniform(0.14, 0.22, n)

    def pct(x: float) -> str:
        return id_dec(100 * x) + "%"

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Pesanan Dibuat"
    ws.append(
        [
            "Tanggal", "Total Penjualan (IDR)", "Total Pesanan", "Penjualan per Pesanan",
            "Produk Diklik", "Total Pengunjung", "Tingkat Konversi Pesanan",
            "Tingkat Pembelian Berulang",
        ]
    )  # fmt: skip
    tot_orders, tot_gmv, tot_vis = int(orders.sum()), float(gmv.sum()), int(visitors.sum())
    ws.append(
        [
            f"{dmy(START, '-')} - {dmy(END, '-')}",
            id_int(tot_gmv),
            tot_orders,
            id_int(tot_gmv / tot_orders),
            int(clicks_products.sum()),
            tot_vis,
            pct(tot_orders / tot_vis),
            pct(float(np.average(repeat, weights=np.maximum(orders, 1)))),
        ]
    )
    for i, d in enumerate(days):
        k = int(orders[i])
        ws.append(
            [
                dmy(d, "-"),
                id_int(gmv[i]),
                k,
                id_int(gmv[i] / k) if k else "0",
                int(clicks_products[i]),
                int(visitors[i]),
                pct(k / visitors[i]) if visitors[i] else "0,00%",
                pct(repeat[i]),
            ]
        )
    ws.column_dimensions["A"].width = 26
    wb.save(OUT / "ecom_shopee_pesanan.xlsx")

    return [
        "ecom_a_social_harian.csv",
        "ecom_ga4_website.csv",
        "ecom_meta_ads_id.csv",
        "ecom_shopee_pesanan.xlsx",
    ]


# --------------------------------------------------------------------------- saas (Rekrut.io)

ORGANIC_TITLES = [
    "5 tanda proses rekrutmen Anda terlalu lambat",
    "Cara menyaring 500 lamaran dalam satu sore",
    "Checklist onboarding karyawan baru (template gratis)",
    "Kenapa kandidat terbaik menolak tawaran Anda?",
    "Studi kasus: waktu rekrutmen turun 40% di perusahaan logistik",
    "THR sudah cair, siap menghadapi gelombang resign?",
    "Tren gaji 2026 untuk posisi teknologi di Jakarta",
    "Wawancara terstruktur vs wawancara bebas",
    "Fitur baru: penjadwalan wawancara otomatis",
    "Employer branding untuk UMKM: mulai dari mana?",
    "Webinar: mengukur kualitas rekrutmen",
    "HR bukan hanya administrasi",
    "Data: 62% pelamar melamar lewat ponsel",
    "Tim kami sedang merekrut!",
]
SPONSORED = [
    # (campaign, start, end, creatives, daily impressions)
    ("Rekrut.io | Demo | HR Manager Jabodetabek", date(2026, 1, 12), date(2026, 2, 13), 3, 7000),
    ("Rekrut.io | Webinar Rekrutmen Pasca-Lebaran", date(2026, 4, 6), date(2026, 5, 15), 4, 6500),
    ("Rekrut.io | Whitepaper Tren Rekrutmen 2026", date(2026, 8, 3), date(2026, 9, 18), 3, 8000),
    ("Rekrut.io | Retargeting Free Trial", date(2026, 10, 1), date(2026, 10, 31), 2, 3500),
]
CONTENT_TYPES = ["Image", "Image", "Document", "Video", "Text", "Article"]


def make_saas(rng: np.random.Generator) -> list[str]:
    days = day_range(START, END)
    n = len(days)
    trend = np.linspace(1.0, 1.35, n)
    weekly = weekday_factor(days, [1.0, 1.12, 1.1, 1.0, 0.85, 0.3, 0.25])
    season = np.ones(n)
    for i, d in enumerate(days):
        if date(2025, 12, 24) <= d <= date(2026, 1, 1):
            season[i] = 0.45
        elif LEBARAN - timedelta(days=3) <= d <= LEBARAN + timedelta(days=5):
            season[i] = 0.3
        elif date(2026, 4, 1) <= d <= date(2026, 5, 31):
            season[i] = 1.3  # hiring wave after Lebaran (THR paid, people change jobs)
    sponsored_on = np.zeros(n)
    for _c, s, e, _k, daily in SPONSORED:
        for i, d in enumerate(days):
            if s <= d <= e:
                sponsored_on[i] = daily

    # ---- LinkedIn page analytics workbook ----
    org_impr = np.round(1400 * trend * weekly * season * lognormal(rng, 0.3, n)).astype(int)
    org_unique = np.round(org_impr * rng.uniform(0.62, 0.74, n)).astype(int)
    org_clicks = rng.binomial(org_impr, 0.011)
    org_react = rng.binomial(org_impr, 0.016)
    org_comm = rng.binomial(org_impr, 0.0012)
    org_repost = rng.binomial(org_impr, 0.0008)
    sp_impr = np.round(
        sponsored_on * np.where(weekly < 0.5, 0.5, 1.0) * lognormal(rng, 0.15, n)
    ).astype(int)
    sp_clicks = rng.binomial(sp_impr, 0.0055)
    sp_react = rng.binomial(sp_impr, 0.0035)
    sp_comm = rng.binomial(sp_impr, 0.0002)
    sp_repost = rng.binomial(sp_impr, 0.0001)

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Metrics"
    ws.append(
        [
            "Aggregated daily metrics for the Rekrut.io page, 11/01/2025 - 10/31/2026. "
            "Metrics of the last 48 hours may still change."
        ]
    )
    ws.append(
        [
            "Date",
            "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)",
            "Unique impressions (organic)",
            "Clicks (organic)", "Clicks (sponsored)", "Clicks (total)",
            "Reactions (organic)", "Reactions (sponsored)", "Reactions (total)",
            "Comments (organic)", "Comments (sponsored)", "Comments (total)",
            "Reposts (organic)", "Reposts (sponsored)", "Reposts (total)",
            "Engagement rate (organic)", "Engagement rate (sponsored)", "Engagement rate (total)",
        ]
    )  # fmt: skip

    def er(parts: Sequence[int], impr: int) -> float:
        return round(sum(parts) / impr, 6) if impr else 0.0

    for i, d in enumerate(days):
        og = [int(org_clicks[i]), int(org_react[i]), int(org_comm[i]), int(org_repost[i])]
        sp = [int(sp_clicks[i]), int(sp_react[i]), int(sp_comm[i]), int(sp_repost[i])]
        tot = [a + b for a, b in zip(og, sp, strict=True)]
        oi, si = int(org_impr[i]), int(sp_impr[i])
        ws.append(
            [
                mdy(d),
                oi, si, oi + si,
                int(org_unique[i]),
                og[0], sp[0], tot[0],
                og[1], sp[1], tot[1],
                og[2], sp[2], tot[2],
                og[3], sp[3], tot[3],
                er(og, oi), er(sp, si), er(tot, oi + si),
            ]
        )  # fmt: skip

    posts = wb.create_sheet("All posts")
    posts.append(
        [
            "All posts published by Rekrut.io between 11/01/2025 and 10/31/2026, sponsored "
            "included. Metrics are lifetime totals as of the export date."
        ]
    )
    posts.append(
        [
            "Post title", "Post link", "Post type", "Campaign name", "Created date", "Audience",
            "Impressions", "Views", "Clicks", "Click through rate (CTR)", "Likes", "Comments",
            "Reposts", "Follows", "Engagement rate", "Content Type",
        ]
    )  # fmt: skip
    post_rows: list[tuple[date, list[object]]] = []
    activity = 7_259_000_000_000_000_000
    for i, d in enumerate(days):
        if d.weekday() not in (1, 2, 3):
            continue
        activity += int(rng.integers(10**13, 10**15))
        title = str(rng.choice(ORGANIC_TITLES))
        if rng.random() < 0.3:
            title += "\n\nBaca selengkapnya di blog kami 👇"
        ctype = str(rng.choice(CONTENT_TYPES))
        impr = int(2100 * trend[i] * season[i] * rng.lognormal(-0.18, 0.6))
        clicks = int(rng.binomial(impr, 0.012))
        likes = int(rng.binomial(impr, 0.017))
        comm = int(rng.binomial(impr, 0.0013))
        rep = int(rng.binomial(impr, 0.0009))
        fol = int(rng.binomial(impr, 0.0007))
        views = int(rng.binomial(impr, 0.55)) if ctype == "Video" else ""
        post_rows.append(
            (
                d,
                [
                    title, f"https://www.linkedin.com/feed/update/urn:li:activity:{activity}",
                    "Organic", "", mdy(d), "All followers", impr, views, clicks,
                    round(clicks / impr, 6) if impr else 0, likes, comm, rep, fol,
                    round((clicks + likes + comm + rep + fol) / impr, 6) if impr else 0, ctype,
                ],
            )
        )  # fmt: skip
    for cname, s, e, creatives, daily in SPONSORED:
        span = (e - s).days + 1
        for k in range(creatives):
            activity += int(rng.integers(10**13, 10**15))
            impr = int(daily * span * 0.78 / creatives * rng.uniform(0.7, 1.3))
            clicks = int(rng.binomial(impr, 0.0055))
            likes = int(rng.binomial(impr, 0.0035))
            comm = int(rng.binomial(impr, 0.0002))
            rep = int(rng.binomial(impr, 0.0001))
            fol = int(rng.binomial(impr, 0.0003))
            ctype = "Video" if k == 1 else ("Document" if "Whitepaper" in cname else "Image")
            views = int(rng.binomial(impr, 0.4)) if ctype == "Video" else ""
            post_rows.append(
                (
                    s,
                    [
                        f"{cname.split('| ')[-1]} - materi {k + 1}",
                        f"https://www.linkedin.com/feed/update/urn:li:activity:{activity}",
                        "Sponsored", cname, mdy(s), "Targeted audience", impr, views, clicks,
                        round(clicks / impr, 6), likes, comm, rep, fol,
                        round((clicks + likes + comm + rep + fol) / impr, 6), ctype,
                    ],
                )
            )  # fmt: skip
    post_rows.sort(key=lambda r: r[0], reverse=True)  # LinkedIn lists the newest first
    for _d, row in post_rows:
        posts.append(row)
    wb.save(OUT / "saas_linkedin_metrics.xlsx")

    # ---- website leads (plain English spreadsheet) ----
    sessions = np.round(
        1050 * trend * weekly * season * lognormal(rng, 0.12, n) + 0.8 * (sp_clicks + org_clicks)
    ).astype(int)
    whitepaper_boost = np.array(
        [2.2 if date(2026, 8, 3) <= d <= date(2026, 9, 18) else 1.0 for d in days]
    )
    whitepapers = rng.binomial(sessions, 0.006 * whitepaper_boost)
    signups = rng.binomial(sessions, 0.011)
    trials = rng.binomial(signups, 0.7)
    demos = rng.binomial(sessions, 0.004 * np.where(sponsored_on > 0, 1.4, 1.0))
    qualified = rng.binomial(demos + trials, 0.3)
    web_rows: list[list[object]] = [
        [
            "date", "channel", "Sessions", "Demo requests", "Free trials", "Qualified leads",
            "Whitepaper downloads", "Sign-ups",
        ]
    ]  # fmt: skip
    for i, d in enumerate(days):
        web_rows.append(
            [
                d.isoformat(), "Website", en_int(sessions[i]), en_int(demos[i]),
                en_int(trials[i]), en_int(qualified[i]), en_int(whitepapers[i]),
                en_int(signups[i]),
            ]
        )  # fmt: skip
    write_bytes("saas_website_leads.csv", csv_text(web_rows).encode("utf-8"))

    # ---- email (long format, weekly newsletter on Tuesdays) ----
    email_rows: list[list[object]] = [["date", "channel", "placement", "metric", "value"]]
    subscribers = 3200
    for d in days:
        if d.weekday() != 1:
            continue
        subscribers += int(rng.poisson(38 if d.month in (4, 5, 8, 9) else 24))
        subscribers -= int(rng.poisson(6))
        sent = subscribers + int(rng.poisson(420))  # newsletter + nurture sequences
        clicks = int(rng.binomial(sent, 0.021))
        signups = int(rng.binomial(clicks, 0.06))
        demo = int(rng.binomial(clicks, 0.025))
        for metric, value in (
            ("Emails sent", sent),
            ("Email subscribers", subscribers),
            ("Link clicks", clicks),
            ("Sign-ups", signups),
            ("Demo requests", demo),
        ):
            email_rows.append([d.isoformat(), "Email", "organic", metric, value])
    write_bytes("saas_email.csv", csv_text(email_rows, lineterminator="\n").encode("utf-8"))

    return [
        "saas_linkedin_metrics.xlsx",
        "saas_website_leads.csv",
        "saas_email.csv",
    ]


# --------------------------------------------------------------------------- kafe (Kopi Senja)


def make_kafe(rng: np.random.Generator) -> list[str]:
    days = day_range(KAFE_START, END)
    n = len(days)
    weekly = weekday_factor(days, [0.85, 0.82, 0.85, 0.9, 1.1, 1.55, 1.45])
    event = np.ones(n)
    closed = np.zeros(n, dtype=bool)
    for i, d in enumerate(days):
        if date(2025, 12, 20) <= d <= date(2026, 1, 4):
            event[i] = 1.35  # year-end holidays: Bandung fills with visitors
        elif d == LEBARAN:
            closed[i] = True
        elif LEBARAN < d <= LEBARAN + timedelta(days=9):
            event[i] = 1.3  # libur Lebaran
        elif RAMADAN_START <= d < LEBARAN:
            event[i] = 1.08  # bukber evenings make up for quiet afternoons
        elif in_spike(d):
            event[i] = 1.2  # school holidays
        if d.month in (12, 1, 2, 3):
            event[i] *= 0.95  # rainy season
    trend = np.linspace(1.0, 1.15, n)

    # ---- own spreadsheet: store visits ----
    visits = rng.poisson(300 * weekly * event * trend * lognormal(rng, 0.1, n))
    visits[closed] = 0
    transactions = rng.binomial(visits, 0.62)
    sales = order_values(rng, transactions, 68_000)
    rows: list[list[str]] = [
        ["Tanggal", "Saluran", "Kunjungan toko", "Transaksi", "Penjualan (IDR)"]
    ]
    for i, d in enumerate(days):
        rows.append([dmy(d), "Toko", id_int(visits[i]), id_int(transactions[i]), id_int(sales[i])])
    write_bytes("kafe_kunjungan_toko.csv", csv_text(rows, delimiter=";").encode("utf-8-sig"))

    # ---- Meta Business Suite (Indonesian UI) daily files: UTF-16 LE, sep=, ----
    post_day = weekday_factor(days, [1.0, 1.1, 0.95, 1.0, 1.3, 1.25, 1.05])
    reach = np.round(1900 * post_day * event * trend * lognormal(rng, 0.3, n)).astype(int)
    gaps = rng.choice(n, size=4, replace=False)  # days the export leaves out (zero)
    reach[gaps] = 0
    new_followers = rng.poisson(4.0 * post_day * event * trend * lognormal(rng, 0.35, n))

    def meta_daily(name: str, title: str, values: np.ndarray) -> None:
        lines = ["sep=,", f'"{title}"', '"Tanggal","Primary"']
        for d, v in zip(days, values, strict=True):
            if v > 0:
                lines.append(f'"{d.isoformat()}T00:00:00","{int(v)}"')
        write_bytes(name, ("\n".join(lines) + "\n").encode("utf-16"))  # LE with BOM

    meta_daily("kafe_instagram_jangkauan.csv", "Jangkauan", reach)
    meta_daily("kafe_instagram_pengikut.csv", "Pengikut", new_followers)

    # ---- TikTok Studio Overview.csv (dates without a year) ----
    viral = np.where(rng.random(n) < 0.015, rng.uniform(8, 20, n), 1.0)
    vviews = np.round(2500 * post_day * event * viral * lognormal(rng, 0.5, n)).astype(int)
    profile = rng.binomial(vviews, 0.025)
    likes = rng.binomial(vviews, 0.06)
    comments = rng.binomial(likes, 0.07)
    shares = rng.binomial(likes, 0.08)
    undefined_day = int(rng.integers(30, n - 30))
    tt_rows: list[list[object]] = [
        ["Date", "Video Views", "Profile Views", "Likes", "Comments", "Shares"]
    ]
    for i, d in enumerate(days):
        tt_rows.append(
            [
                f"{MONTHS_EN[d.month - 1]} {d.day}",
                int(vviews[i]),
                "undefined" if i == undefined_day else int(profile[i]),
                int(likes[i]),
                int(comments[i]),
                int(shares[i]),
            ]
        )
    write_bytes("kafe_tiktok_overview.csv", csv_text(tt_rows, lineterminator="\n").encode())

    # ---- Google Business Profile bulk insights (period totals, no date column) ----
    total_visits = int(visits.sum())
    gbp_rows: list[list[object]] = [
        [
            "Store code", "Business name", "Address", "Labels", "Google Search - Mobile",
            "Google Search - Desktop", "Google Maps - Mobile", "Google Maps - Desktop", "Calls",
            "Messages", "Bookings", "Directions", "Website clicks",
        ],
        [
            "Unique store code for the location",
            "Name of the business",
            "Address of the business",
            "Labels assigned to the location",
            "Number of unique users who viewed your Business Profile on Google Search on a "
            "mobile device",
            "Number of unique users who viewed your Business Profile on Google Search on a "
            "desktop computer",
            "Number of unique users who viewed your Business Profile on Google Maps on a mobile "
            "device",
            "Number of unique users who viewed your Business Profile on Google Maps on a desktop "
            "computer",
            "Number of times people clicked the call button on your Business Profile",
            "Number of conversations started from your Business Profile",
            "Number of bookings made from your Business Profile",
            "Number of times people asked for directions to your business",
            "Number of times people clicked the website link on your Business Profile",
        ],
    ]  # fmt: skip
    outlets = [
        ("KS-DAGO-01", "Kopi Senja Dago",
         "Jl. Ir. H. Juanda No. 128, Dago, Kec. Coblong, Kota Bandung, Jawa Barat 40135",
         "Bandung Utara", 0.58),
        ("KS-BRAGA-02", "Kopi Senja Braga",
         "Jl. Braga No. 47, Braga, Kec. Sumur Bandung, Kota Bandung, Jawa Barat 40111",
         "Bandung Pusat", 0.42),
    ]  # fmt: skip
    for code, name, address, label, share in outlets:
        v = total_visits * share
        search_m = int(v * rng.uniform(0.55, 0.65))
        maps_m = int(v * rng.uniform(0.85, 1.0))
        gbp_rows.append(
            [
                code, name, address, label,
                search_m, int(search_m * rng.uniform(0.12, 0.18)),
                maps_m, int(maps_m * rng.uniform(0.04, 0.07)),
                int(v * rng.uniform(0.004, 0.006)), 0, 0,
                int(v * rng.uniform(0.09, 0.12)), int(v * rng.uniform(0.015, 0.022)),
            ]
        )  # fmt: skip
    write_bytes("kafe_google_business.csv", csv_text(gbp_rows, lineterminator="\n").encode())

    return [
        "kafe_kunjungan_toko.csv",
        "kafe_instagram_jangkauan.csv",
        "kafe_instagram_pengikut.csv",
        "kafe_tiktok_overview.csv",
        "kafe_google_business.csv",
    ]


# --------------------------------------------------------------------------- datasets.toml


def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(toml_str(x) for x in items) + "]"


def write_datasets(files: dict[str, list[str]]) -> None:
    meta = [
        dict(
            id="ecom",
            label_en="Toko Kirana (online fashion store)",
            label_id="Toko Kirana (toko fesyen online)",
            desc_en="An Indonesian online hijab and fashion store with a year of Instagram, "
            "TikTok and Facebook posts, Meta ads, website analytics and Shopee orders.",
            desc_id="Toko hijab dan fesyen online di Indonesia dengan data setahun dari "
            "Instagram, TikTok, Facebook, iklan Meta, analitik situs web, dan pesanan Shopee.",
            model="online_store",
            goals=["sales", "leads"],
        ),
        dict(
            id="saas",
            label_en="Rekrut.io (B2B HR software)",
            label_id="Rekrut.io (perangkat lunak HR B2B)",
            desc_en="A B2B recruitment software company with a year of LinkedIn page analytics, "
            "website leads and email newsletter results.",
            desc_id="Perusahaan perangkat lunak rekrutmen B2B dengan data setahun dari analitik "
            "halaman LinkedIn, prospek situs web, dan hasil newsletter email.",
            model="saas",
            goals=["leads", "conversions"],
        ),
        dict(
            id="kafe",
            label_en="Kopi Senja (cafe in Bandung)",
            label_id="Kopi Senja (kafe di Bandung)",
            desc_en="A two-outlet cafe in Bandung with Instagram, TikTok and Google Business "
            "Profile data next to its own daily visitor and sales log.",
            desc_id="Kafe dengan dua gerai di Bandung, lengkap dengan data Instagram, TikTok, "
            "dan Google Business Profile serta catatan harian kunjungan dan penjualannya.",
            model="physical_store",
            goals=["awareness", "sales"],
        ),
    ]
    out = [
        "# Demo datasets, generated by scripts/make_sample_data.py (do not edit by hand).",
        "# Values are invented; layouts follow real exports.",
        "",
    ]
    for m in meta:
        ds_id = str(m["id"])
        out += [
            "[[datasets]]",
            f"id = {toml_str(ds_id)}",
            f"label = {{ en = {toml_str(str(m['label_en']))}, "
            f"id = {toml_str(str(m['label_id']))} }}",
            f"description = {{ en = {toml_str(str(m['desc_en']))}, "
            f"id = {toml_str(str(m['desc_id']))} }}",
            f"business_model = {toml_str(str(m['model']))}",
            f"goals = {toml_list(list(m['goals']))}",
            f"files = {toml_list(files[ds_id])}",
            "",
        ]
    write_bytes("datasets.toml", "\n".join(out).encode("utf-8"))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    # One generator per dataset: changing one dataset does not reshuffle the others.
    seeds = np.random.SeedSequence(SEED).spawn(3)
    files = {
        "ecom": make_ecom(np.random.default_rng(seeds[0])),
        "saas": make_saas(np.random.default_rng(seeds[1])),
        "kafe": make_kafe(np.random.default_rng(seeds[2])),
    }
    write_datasets(files)
    for name in sorted(p.name for p in OUT.iterdir()):
        print(f"{(OUT / name).stat().st_size:>9,}  {name}")


if __name__ == "__main__":
    main()
