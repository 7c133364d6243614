"""glassnet.Playground in a real marimo app (``marimo run``), driven by headless Chromium.

marimo runs the notebook's cells when the page opens, with a fresh kernel for
each page. The widget lives in a shadow root, where its stylesheets must be
too (the bundle puts them inside the playground's element). A button re-runs a
cell that prints what the kernel holds, so the test reads the engine's own
numbers.
"""

from __future__ import annotations

import re
import time

import pytest
from notebook_hosts import Marimo

NOTEBOOK = """import marimo

app = marimo.App()


@app.cell
def _():
    import marimo as mo

    import glassnet

    return glassnet, mo


@app.cell
def _(glassnet):
    pg = glassnet.Playground(dataset="circle", speed="max")
    pg
    return (pg,)


@app.cell
def _(mo):
    read = mo.ui.button(value=0, on_click=lambda n: n + 1, label="Read the kernel")
    read
    return (read,)


@app.cell
def _(mo, pg, read):
    read.value
    _weights = pg.network.layers[0].weights
    mo.md(f"KERNEL epoch={pg.session.epoch} sum={float(_weights.sum())!r}")
    return


if __name__ == "__main__":
    app.run()
"""

KERNEL = re.compile(r"KERNEL epoch=(\d+) sum=(\S+)")


@pytest.fixture(scope="module")
def marimo_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("marimo")
    (folder / "playground.py").write_text(NOTEBOOK)
    app = Marimo(folder / "playground.py").start()
    yield app
    app.stop()


def read_kernel(page, after: tuple[int, str] | None = None) -> tuple[int, str]:
    """What the kernel holds: (epoch, sum of the first layer's weights), after a re-run."""
    if after is not None:
        page.get_by_role("button", name="Read the kernel").click()
    deadline = time.monotonic() + 20
    while True:
        found = KERNEL.search(page.locator("body").inner_text())
        seen = (int(found[1]), found[2]) if found else None
        if seen and seen != after or time.monotonic() > deadline:
            return seen
        time.sleep(0.1)


def test_a_marimo_notebook_shows_a_playground_whose_play_button_trains_the_network(
    browser, marimo_app
):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    started = time.monotonic()
    page.goto(marimo_app.url)
    widget = page.locator(".glassnet[data-ready='true']")
    widget.wait_for(timeout=90000)
    print(f"\nmarimo page opened -> first drawn network: {time.monotonic() - started:.2f} s")
    # Its stylesheets reached the shadow root it lives in.
    assert widget.evaluate("el => el.getRootNode() instanceof ShadowRoot")
    assert widget.locator("header.gn-top").evaluate("el => getComputedStyle(el).display") == "flex"
    before = read_kernel(page)
    assert before[0] == 0
    widget.get_by_role("button", name="Play", exact=True).click()
    page.wait_for_function(
        "el => Number(el.textContent.replace(/,/g, '')) >= 30",
        arg=widget.locator(".gn-epoch-value").element_handle(),
        timeout=30000,
    )
    widget.get_by_role("button", name="Pause", exact=True).click()
    after = read_kernel(page, before)
    assert after[0] >= 30 and after[1] != before[1]  # the kernel's weights changed
    context.close()
