"""Bodies the fast reader refuses: quotes that never close, huge cells, ragged rows."""

from __future__ import annotations

from kpi_core.ingest import read_files
from kpi_core.labels import problem_message


def _wide(rows: int, broken: int | None = None) -> bytes:
    lines = ["Date,Channel,Notes,Impressions,Spend (IDR)\r\n"]
    for i in range(rows):
        note = '"Promo TV 5 inch, stok terbatas' if i == broken else "ok"
        lines.append(f"2026-01-{1 + i % 28:02d},Facebook,{note},{1000 + i},{150000 + i}\r\n")
    return "".join(lines).encode()


def test_a_quote_that_never_closes_costs_no_later_row() -> None:
    """An opening quote with no closing one is read as text on its row; every later row is kept."""
    ds = read_files([("harian.csv", _wide(400, broken=10))])
    frame = ds.frame
    impressions = frame[frame["metric"] == "impressions"]
    assert len(impressions) == 400
    assert impressions["value"].sum() == sum(1000 + i for i in range(400))
    assert frame.loc[frame["metric"] == "spend", "value"].max() == 150399
    (problem,) = [p for p in ds.files[0].problems if p.code == "unclosed_quote"]
    assert (problem.column, problem.row, problem.count) == ("Notes", 12, 1)
    assert "row 12" in problem_message(problem, "en")
    assert "baris 12" in problem_message(problem, "id")


def test_a_caption_past_the_csv_field_limit_beside_a_ragged_row_is_read() -> None:
    """A 300 KB caption and a row with an extra cell are read, the row counted as reshaped."""
    caption = "Promo " * 50_000
    text = (
        "Post ID,Description,Publish time,Reach,Likes\n"
        f'1,"{caption}",07/01/2026 10:00,100,5\n'
        "2,short,07/02/2026 10:00,200,6,extra\n"
        "3,short,07/03/2026 10:00,300,7\n"
    )
    ds = read_files([("ig_posts.csv", text.encode())])
    reach = ds.frame[ds.frame["metric"] == "reach"]
    assert sorted(reach["value"]) == [100.0, 200.0, 300.0]
    assert [p.count for p in ds.files[0].problems if p.code == "ragged_rows"] == [1]
