"""Take screenshots of the running app with Debian's Chromium, for a human to look at.

python scripts/screenshot.py [--lang id] [--demo ecom | --upload FILE...] [--out test-artifacts/]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.harness import CHROMIUM, CHROMIUM_ARGS, serve_app, settle  # noqa: E402


def main() -> None:
    """Open the app, optionally switch language and load a demo, and save full-page PNGs."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--demo", default="ecom")
    parser.add_argument("--upload", nargs="+", default=[], help="export files to upload instead")
    parser.add_argument("--out", default=str(ROOT / "test-artifacts"))
    args = parser.parse_args()
    # Uploaded exports are named "upload" in the screenshots' file names.
    source = "upload" if args.upload else args.demo
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with serve_app() as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 2600})
        page.goto(url, wait_until="domcontentloaded")
        page.get_by_text("KPI Lens").first.wait_for(timeout=30000)
        if args.lang == "id":
            page.get_by_role("combobox").first.click()
            page.get_by_role("option", name="Bahasa Indonesia").click()
            settle(page)
        page.screenshot(path=str(out / f"upload-empty-{args.lang}.png"), full_page=True)
        if source:
            if args.upload:
                page.locator("input[type=file]").set_input_files(args.upload)
            else:
                page.locator(f".st-key-demo_{args.demo} button").click()
            page.locator("h4").first.wait_for(timeout=60000)
            settle(page)
            page.screenshot(path=str(out / f"upload-{source}-{args.lang}.png"), full_page=True)
            for link in page.locator('[data-testid="stSidebarNavLink"]').all()[1:]:
                link.click()
                settle(page)
                name = (link.get_attribute("href") or "page").rstrip("/").rsplit("/", 1)[-1]
                shot = out / f"{name}-{source}-{args.lang}.png"
                page.screenshot(path=str(shot), full_page=True)
        browser.close()


if __name__ == "__main__":
    main()
