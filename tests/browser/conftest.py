"""Browser tests: the real server on a free port, driven by Debian's headless Chromium.

Fixtures:
- ``server``: the base URL of a glassnet server started in a thread for the test session
- ``browser``: one Chromium for the test session
- ``page``: a fresh page at 1280x800 that fails the test on any console error
- ``playground``: opens the playground in ``page`` and waits for the first drawn frame

Under CI=true a missing Chromium fails the run instead of skipping it.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest

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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """A uvicorn server for the glassnet app, in a thread, on a free port."""

    def __init__(self, **app_options):
        import uvicorn

        from glassnet.server import create_app

        self.port = _free_port()
        config = uvicorn.Config(
            create_app(**app_options), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.thread.start()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/health", timeout=1).read()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the glassnet server did not start within 15 s")

    def stop(self):
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def server():
    running = ServerThread().start()
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
