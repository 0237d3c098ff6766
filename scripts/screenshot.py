"""Take screenshots of the running app with Debian's Chromium, for a human to look at.

python scripts/screenshot.py [--lang en --lang id] [--demo ecom | --upload FILE...]
                             [--width 1280 --width 1400] [--page kpis ...] [--out test-artifacts/]

Each page is shot whole: Streamlit scrolls inside its own container, so a full-page screenshot
of the window would stop at the window's height. The window is sized to the content instead,
and every shot waits until Streamlit is idle (no run in progress, no skeleton or stale element,
every chart drawn) and the content's height has stopped changing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.harness import CHROMIUM, CHROMIUM_ARGS, RUNNING, serve_app  # noqa: E402

# Chromium cannot capture a surface taller than 16,384 px.
MAX_HEIGHT = 16_000
WINDOW_HEIGHT = 900
# The tallest scrolling box: Streamlit's main area (the sidebar scrolls separately and is shorter).
CONTENT_HEIGHT = """() => Math.max(document.documentElement.scrollHeight,
    ...Array.from(document.querySelectorAll('*'))
        .filter(el => /auto|scroll/.test(getComputedStyle(el).overflowY))
        .map(el => el.scrollHeight))"""
# True once a run has finished and everything it drew is on screen.
IDLE = f"""() => {{
    if (({RUNNING})()) return false;
    if (document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]')) return false;
    const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
    return Array.from(charts).every(c => c.querySelector('.js-plotly-plot .main-svg'));
}}"""


def wait_idle(page: Any, timeout: float = 120) -> None:
    """Wait until Streamlit has been idle for two checks in a row, half a second apart."""
    deadline = time.monotonic() + timeout
    calm = 0
    while calm < 2:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the page did not settle within {timeout:.0f} s")
        page.wait_for_timeout(500)
        calm = calm + 1 if page.evaluate(IDLE) else 0


def fit_to_content(page: Any, width: int) -> int:
    """Size the window to the content's height, again until the height stops changing."""
    height = 0
    for _ in range(6):
        wanted = min(int(page.evaluate(CONTENT_HEIGHT)), MAX_HEIGHT)
        if wanted == height:
            break
        height = wanted
        page.set_viewport_size({"width": width, "height": height})
        # Charts and tables redraw for the new window before the height is measured again.
        wait_idle(page)
    return height


def shoot(page: Any, path: Path, width: int) -> None:
    """One whole page, from a window as tall as its content, back to a normal window after."""
    wait_idle(page)
    if fit_to_content(page, width) >= MAX_HEIGHT:
        print(f"{path.name}: cut at {MAX_HEIGHT} px", file=sys.stderr)
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": width, "height": WINDOW_HEIGHT})
    print(path, flush=True)


def session(
    browser: Any, url: str, args: argparse.Namespace, lang: str, width: int, out: Path
) -> None:
    """One fresh browser tab: pick the language, load the data, then shoot each page."""
    page = browser.new_page(viewport={"width": width, "height": WINDOW_HEIGHT})
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_text("KPI Lens").first.wait_for(timeout=60_000)
    wait_idle(page)
    if lang == "id":
        page.locator(".st-key-lang_widget").click()
        page.get_by_role("option", name="Bahasa Indonesia").click()
        wait_idle(page)
    if "data" in args.page or not args.page:
        shoot(page, out / f"data-empty-{lang}-{width}.png", width)
    source = "upload" if args.upload else args.demo
    if args.upload:
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(args.upload)
    else:
        page.locator(f".st-key-demo_{args.demo} button").click()
    page.locator("h4").first.wait_for(timeout=120_000)
    links = page.locator('[data-testid="stSidebarNavLink"]')
    for i in range(links.count()):
        link = links.nth(i)
        name = (link.get_attribute("href") or "page").rstrip("/").rsplit("/", 1)[-1]
        name = "data" if i == 0 else name  # the default page's link is the bare URL
        if args.page and name not in args.page:
            continue
        if i:
            link.click()
        if args.open_panels:
            wait_idle(page)
            summaries = page.locator('[data-testid="stExpander"] details:not([open]) > summary')
            for _ in range(summaries.count()):
                summaries.first.click()  # each click re-runs nothing: panels open client-side
                page.wait_for_timeout(200)
        shoot(page, out / f"{name}-{source}-{lang}-{width}.png", width)
    page.close()


def main() -> None:
    """Serve the app once and shoot every page for each language and window width asked for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", choices=["en", "id"], help="repeatable")
    parser.add_argument("--width", action="append", type=int, help="window width; repeatable")
    parser.add_argument("--demo", default="ecom")
    parser.add_argument("--upload", nargs="+", default=[], help="export files to upload instead")
    parser.add_argument(
        "--page", action="append", default=[], help="data, kpis, journey or channels; repeatable"
    )
    parser.add_argument(
        "--open-panels", action="store_true", help="open every collapsed panel before each shot"
    )
    parser.add_argument("--out", default=str(ROOT / "test-artifacts"))
    args = parser.parse_args()
    args.upload = [str(Path(f).resolve()) for f in args.upload]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with serve_app() as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in args.lang or ["en"]:
            for width in args.width or [1400]:
                session(browser, url, args, lang, width, out)
        browser.close()


if __name__ == "__main__":
    main()
