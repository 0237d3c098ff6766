"""Take screenshots of the running app with Debian's Chromium, for a human to look at.

python scripts/screenshot.py [--lang id] [--demo ecom] [--out test-artifacts/]
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    """A TCP port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_app(port: int) -> subprocess.Popen[bytes]:
    """The dashboard served on localhost."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def settle(page: object) -> None:
    """Wait until Streamlit has finished running the script and drawing."""
    page.wait_for_timeout(800)  # type: ignore[attr-defined]
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=60000)  # type: ignore[attr-defined]
    page.wait_for_timeout(500)  # type: ignore[attr-defined]


def main() -> None:
    """Open the app, optionally switch language and load a demo, and save full-page PNGs."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--demo", default="ecom")
    parser.add_argument("--out", default=str(ROOT / "test-artifacts"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    app = start_app(port)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 2600})
            for _ in range(60):
                try:
                    page.goto(f"http://127.0.0.1:{port}/", wait_until="networkidle")
                    break
                except Exception:
                    time.sleep(0.5)
            page.get_by_text("KPI Lens").first.wait_for(timeout=30000)
            if args.lang == "id":
                page.get_by_role("combobox").first.click()
                page.get_by_role("option", name="Bahasa Indonesia").click()
                settle(page)
            page.screenshot(path=str(out / f"upload-empty-{args.lang}.png"), full_page=True)
            if args.demo:
                page.locator(f".st-key-demo_{args.demo} button").click()
                page.locator("h4").first.wait_for(timeout=60000)
                settle(page)
                page.screenshot(
                    path=str(out / f"upload-{args.demo}-{args.lang}.png"), full_page=True
                )
                for link in page.locator('[data-testid="stSidebarNavLink"]').all()[1:]:
                    link.click()
                    settle(page)
                    name = link.get_attribute("href").rstrip("/").rsplit("/", 1)[-1] or "page"
                    page.screenshot(
                        path=str(out / f"{name}-{args.demo}-{args.lang}.png"), full_page=True
                    )
            browser.close()
    finally:
        app.terminate()
        app.wait(timeout=10)


if __name__ == "__main__":
    main()
