"""Browser tests: the real server on a free port, driven by Debian's headless Chromium.

Fixtures:
- ``server``: the base URL of a glassnet server started in a thread for the test session
- ``dev_server``: one that serves the readable modules (``glassnet --dev``), for tests that
  import a module of static/ on their own
- ``browser``: one Chromium for the test session
- ``page``: a fresh page at 1280x800 that fails the test on any console error
- ``playground``: opens the playground in ``page`` and waits for the first drawn frame

Under CI=true a missing Chromium fails the run instead of skipping it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from live_server import ServerThread

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def server():
    running = ServerThread().start()
    yield running.url
    running.stop()


@pytest.fixture(scope="session")
def dev_server():
    running = ServerThread(dev=True).start()
    yield running.url
    running.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"{CHROMIUM} is missing; CI must run the browser tests (apt-get install chromium)"
            )
        pytest.skip(f"{CHROMIUM} is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    yield page
    context.close()
    if not request.node.get_closest_marker("allow_console_errors"):
        assert not problems, f"console errors: {problems}"


@pytest.fixture
def playground(page, server):
    """A function that opens the playground (at a path) and waits for its first frame."""

    def open_playground(path: str = "/"):
        page.goto(server + path)
        page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
        return page

    return open_playground
