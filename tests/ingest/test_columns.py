"""What a column is when its header alone does not say: ids and notes are not metrics."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kpi_core.ingest import read_files
from kpi_core.labels import problem_message
from tests.workbooks import rows, xls, xlsx


def test_an_id_column_with_a_blank_cell_stays_an_id() -> None:
    """A 19-digit id column with one blank cell is an attribute, never a metric summed as floats."""
    text = (
        "Date,Creative ID,Impressions,Spend (USD)\n"
        "2026-09-01,1830000000000000123,1000,1.50\n"
        "2026-09-02,,1100,1.60\n"
        "2026-09-03,1830000000000000125,1200,1.70\n"
    )
    ds = read_files([("ads.csv", text.encode())])
    roles = {c.source_name: c.role for c in ds.files[0].columns}
    assert roles["Creative ID"] == "attribute"
    assert set(ds.frame["source_name"]) == {"Impressions", "Spend (USD)"}


def test_an_unnamed_id_column_typed_as_floats_is_an_attribute() -> None:
    """Long whole numbers under a header the catalogue does not know are ids, not a metric."""
    text = "Date,Creative,Reach\n2026-09-01,183000000000123,10\n2026-09-02,,20\n"
    text += "2026-09-03,183000000000125,30\n"
    ds = read_files([("ads.csv", text.encode())])
    roles = {c.source_name: c.role for c in ds.files[0].columns}
    assert roles["Creative"] == "attribute"


def test_a_notes_column_of_short_words_is_text_not_an_unknown_metric() -> None:
    """A column of short words (`ok`) is an attribute: no cell of it is reported as a bad number."""
    lines = ["Date,Channel,Notes,Reach\n"]
    lines += [f"2026-09-{1 + i % 28:02d},Instagram,ok,{i}\n" for i in range(50)]
    ds = read_files([("harian.csv", "".join(lines).encode())])
    report = ds.files[0]
    assert {c.source_name: c.role for c in report.columns}["Notes"] == "attribute"
    assert not [p for p in report.problems if p.code == "bad_values"]


def test_a_narrower_column_of_the_same_metric_is_not_added() -> None:
    """`Website purchases` beside `Purchases` is part of them: purchases are counted once."""
    text = (
        "Campaign name,Day,Amount spent (IDR),Purchases,Website purchases\n"
        "Sales,2026-09-01,200000,3,2\n"
        "Sales,2026-09-02,200000,4,4\n"
    )
    ds = read_files([("ads.csv", text.encode())])
    frame = ds.frame
    assert frame.loc[frame["metric"] == "purchases", "value"].sum() == 7
    roles = {c.source_name: c.role for c in ds.files[0].columns}
    assert roles["Website purchases"] == "part"


def test_mobile_and_desktop_columns_of_one_metric_are_both_added() -> None:
    """Columns that split a metric (`- Mobile`, `- Desktop`) are both added, neither a part."""
    text = (
        "Store code,Business name,Google Maps - Mobile,Google Maps - Desktop,Calls\n"
        "K1,Kafe,100,20,5\n"
    )
    ds = read_files([("gbp.csv", text.encode())])
    roles = {c.source_name: c.role for c in ds.files[0].columns}
    assert roles["Google Maps - Mobile"] == roles["Google Maps - Desktop"] == "metric"


def test_posts_without_a_date_column_are_dated_by_their_publish_time() -> None:
    """An Instagram post export with no `Date` column dates each post by its `Publish time`."""
    text = (
        "Post ID,Account ID,Account username,Publish time,Reach,Likes\n"
        "18045123456789012,17841400000000001,tokokita,09/01/2026 10:00,1500,81\n"
        "18045123456789013,17841400000000001,tokokita,09/13/2026 19:30,2200,99\n"
    )
    ds = read_files([("ig_posts.csv", text.encode())])
    report = ds.files[0]
    assert (report.date_from, report.date_to) == ("2026-09-01", "2026-09-13")
    assert ds.frame["date"].notna().all()


def test_a_repeated_header_with_the_same_figures_is_counted_once() -> None:
    """Meta's second `Reactions` column, equal to the first, is not added again."""
    text = b"Date,Reactions,Reactions\n2026-09-01,212,212\n2026-09-02,,\n2026-09-03,64,64\n"
    ds = read_files([("posts.csv", text)], channel="facebook")
    assert ds.frame["value"].sum() == 276
    assert [p.code for p in ds.files[0].problems] == ["duplicate_columns"]


def test_a_repeated_header_with_other_figures_is_read_and_reported() -> None:
    """A second `Reach` with other figures is data: read under its own name, with a warning."""
    text = b"Date,Reach,Likes,Reach,Likes\n2026-09-01,1000,100,3000,300\n"
    text += b"2026-09-02,1001,101,3001,301\n"
    ds = read_files([("report.csv", text)], channel="instagram")
    by_name = ds.frame.groupby("source_name", observed=True)["value"].sum().to_dict()
    assert by_name == {"Reach": 2001, "Likes": 201, "Reach (copy 2)": 6001, "Likes (copy 2)": 601}
    (told,) = [p for p in ds.files[0].problems if p.code == "repeated_columns"]
    assert "2 column(s) repeat an earlier column's name" in problem_message(told, "en")


def test_the_same_metric_under_an_english_and_an_indonesian_header_is_counted_once() -> None:
    """`Jangkauan` holding the very cells of `Reach` beside it is a copy: reach is not doubled."""
    text = b"Date,Channel,Reach,Jangkauan\n2026-07-01,Instagram,1000,1000\n"
    text += b"2026-07-02,Instagram,2000,2000\n"
    ds = read_files([("rekap.csv", text)])
    assert ds.frame.loc[ds.frame["metric"] == "reach", "value"].sum() == 3000
    assert [p.code for p in ds.files[0].problems] == ["duplicate_columns"]


def test_a_linkedin_posts_campaign_dates_do_not_date_its_organic_posts() -> None:
    """`Campaign start date` (blank for organic posts) is not the date: no organic post is lost."""
    text = (
        "Post title,Post link,Post type,Created date,Campaign start date,Impressions,Clicks\n"
        "Hello,https://l/1,Organic,07/02/2026,,2500,40\n"
        "Webinar,https://l/2,Sponsored,07/03/2026,07/03/2026,12000,210\n"
    )
    ds = read_files([("posts.csv", text.encode())])
    assert ds.files[0].rows_read == 2
    assert ds.frame.loc[ds.frame["metric"] == "impressions", "value"].sum() == 14500


def test_an_age_breakdown_column_is_not_a_metric() -> None:
    """Meta's `Age` breakdown (`18-24`) describes the row: no cell of it is a bad number."""
    text = (
        "Campaign name,Age,Gender,Reporting starts,Reporting ends,Amount spent (USD),Impressions\n"
        "Brand,18-24,female,2026-07-01,2026-07-31,12.5,1000\n"
        "Brand,25-34,male,2026-07-01,2026-07-31,12.5,1000\n"
    )
    ds = read_files([("ads.csv", text.encode())])
    assert {c.source_name: c.role for c in ds.files[0].columns}["Age"] == "attribute"
    assert not [p for p in ds.files[0].problems if p.code == "bad_values"]


def _linkedin_visitors() -> list[list[Any]]:
    """LinkedIn's visitor metrics sheet: a description line, then each section's page views
    and unique visitors on desktop, on mobile and in total, then the page's own totals."""
    sections = ["Overview", "Life", "Jobs"]
    header: list[Any] = ["Date"]
    for name in [*sections, "Total"]:
        for figure in ("page views", "unique visitors"):
            header += [f"{name} {figure} ({device})" for device in ("desktop", "mobile", "total")]
    lines: list[list[Any]] = [["Daily visitor metrics of Toko Kita B2B; total = desktop + mobile."]]
    lines.append(header)
    for day in range(1, 4):
        cells: list[Any] = [f"07/{day:02d}/2026"]
        sums = [[0, 0], [0, 0]]  # page views, unique visitors: desktop, mobile
        for k in range(len(sections)):
            for f in range(2):
                desktop, mobile = 10 * (k + 1) + day + f, 5 * (k + 1) + day
                cells += [desktop, mobile, desktop + mobile]
                sums[f][0] += desktop
                sums[f][1] += mobile
        for desktop, mobile in sums:
            cells += [desktop, mobile, desktop + mobile]
        lines.append(cells)
    return lines


_BOOKS: dict[str, Callable[[list[list[Any]]], bytes]] = {
    "xlsx": lambda lines: xlsx(rows(*lines), titles=("Visitor metrics",)),
    "xls": lambda lines: xls("Visitor metrics", lines),
}


@pytest.mark.parametrize("kind", sorted(_BOOKS))
def test_linkedin_desktop_and_mobile_visitors_are_not_added_to_their_total(kind: str) -> None:
    """LinkedIn's page views are the `Total page views (total)` column, once, and no visitor
    column is an unknown metric: desktop and mobile are parts of their `(total)`."""
    lines = _linkedin_visitors()
    header, body = lines[1], lines[2:]
    ds = read_files([(f"tokokita_visitors.{kind}", _BOOKS[kind](lines))])
    frame, report = ds.frame, ds.files[0]
    page_views = sum(r[header.index("Total page views (total)")] for r in body)
    visitors = sum(r[header.index("Total unique visitors (total)")] for r in body)
    assert frame.loc[frame["metric"] == "page_views", "value"].sum() == page_views
    assert frame.loc[frame["metric"] == "users", "value"].sum() == visitors
    assert not report.unknown_columns
    roles = {c.source_name: c.role for c in report.columns}
    assert roles["Total page views (mobile)"] == roles["Overview page views (desktop)"] == "device"
    assert roles["Jobs unique visitors (total)"] == "part"
