"""A real browser against the running app: Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.harness import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, serve_app

__all__ = ["ARTIFACTS", "ROOT"]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium; skipped with how to get it, except under CI where it must exist."""
    if Path(CHROMIUM).exists() or shutil.which("chromium"):
        return CHROMIUM if Path(CHROMIUM).exists() else str(shutil.which("chromium"))
    message = "Chromium is missing: `apt-get install chromium` (.ci/run does this)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """The dashboard served on localhost for the whole test session."""
    try:
        with serve_app() as url:
            yield url
    except RuntimeError as exc:
        pytest.fail(str(exc))


@pytest.fixture
def page(chromium_path: str, app_url: str) -> Iterator[object]:
    """A fresh browser page on the app's first screen."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 2400})
        errors: list[str] = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        tab.goto(app_url, wait_until="domcontentloaded")
        yield tab
        browser.close()
        assert not errors, errors
