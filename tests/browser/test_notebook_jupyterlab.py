"""glassnet.Playground in a real JupyterLab, driven by headless Chromium, read back from the kernel.

One JupyterLab server and one notebook (one kernel) serve every test here; each
test adds its own cells with its own playgrounds, as a person would. What the
kernel holds is read with jupyter_client on the kernel's connection file, so a
test sees the engine's own arrays, not what the page shows.
"""

from __future__ import annotations

import time

import pytest
from notebook_hosts import JupyterLab, evaluate, execute

KERNEL_STATE = """() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.sessionContext || !panel.context.isReady) return "opening";
  const kernel = panel.sessionContext.isReady && panel.sessionContext.session?.kernel;
  return kernel ? `${kernel.connectionStatus}/${kernel.status}` : "no kernel";
}"""

# Add a cell at the end with this code and run it (not waiting: a cell may train for long).
RUN_NEW_CELL = """async (code) => {
  const app = window.jupyterapp;
  const notebook = app.shell.currentWidget.content;
  notebook.activeCellIndex = notebook.widgets.length - 1;
  await app.commands.execute("notebook:insert-cell-below");
  notebook.activeCell.model.sharedModel.setSource(code);
  const index = notebook.activeCellIndex;
  app.commands.execute("notebook:run-cell");
  return index;
}"""

CELL_DONE = """(index) => {
  const cell = window.jupyterapp.shell.currentWidget.content.widgets[index];
  return cell.model.executionCount !== null && cell.model.sharedModel.execution_state !== "running";
}"""


class Notebook:
    """One open notebook: its page, its kernel, and a way to run new cells in it."""

    def __init__(self, lab: JupyterLab, page):
        self.lab, self.page = lab, page
        self.kernel = None  # a client of the notebook's kernel, once it runs

    def run(self, code: str):
        """Run code in a new cell at the end; returns the cell (a locator)."""
        index = self.page.evaluate(RUN_NEW_CELL, code)
        return self.page.locator(".jp-Notebook .jp-Cell").nth(index), index

    def wait_done(self, index: int, timeout: float = 60):
        self.page.wait_for_function(CELL_DONE, arg=index, timeout=timeout * 1000, polling=100)
        self.wait_idle(timeout)

    def wait_idle(self, timeout: float = 60):
        state = f"({KERNEL_STATE})() === 'connected/idle'"
        self.page.wait_for_function(state, timeout=timeout * 1000, polling=100)

    def value(self, expression: str):
        return evaluate(self.kernel, expression)

    def until(self, expression: str, predicate, timeout: float = 20):
        """Poll the kernel until ``predicate(value)``; returns the value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.value(expression)
            if predicate(value) or time.monotonic() > deadline:
                return value
            time.sleep(0.2)


@pytest.fixture(scope="module")
def notebook(browser, tmp_path_factory):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    lab = JupyterLab(tmp_path_factory.mktemp("jupyterlab")).start()
    document = new_notebook(cells=[new_code_cell("import glassnet")])
    document.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nbformat.write(document, lab.root / "playgrounds.ipynb")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{lab.url}/lab/tree/playgrounds.ipynb?reset")
    opened = Notebook(lab, page)
    opened.wait_idle(timeout=120)  # a cold kernel takes 10-20 s on a busy machine
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(CELL_DONE, arg=0, timeout=60000, polling=100)
    opened.kernel = lab.kernel_client("playgrounds.ipynb")
    execute(opened.kernel, "import numpy as np\nfrom glassnet.session import Session")
    yield opened
    opened.kernel.stop_channels()
    context.close()
    lab.stop()


def epoch_shown(widget) -> int:
    return int(widget.locator(".gn-epoch-value").inner_text().replace(",", ""))


def wait_for_epoch_shown(widget, epoch: int):
    """Wait until the widget shows this epoch (its last frame may still be on its way)."""
    widget.page.wait_for_function(
        "([el, epoch]) => Number(el.textContent.replace(/,/g, '')) === epoch",
        arg=[widget.locator(".gn-epoch-value").element_handle(), epoch],
        timeout=20000,
    )


def test_a_cell_shows_a_playground_whose_play_button_trains_the_network_in_the_kernel(notebook):
    started = time.monotonic()
    cell, _ = notebook.run("pg = glassnet.Playground(dataset='circle', speed='max')\npg")
    widget = cell.locator(".glassnet[data-ready='true']")
    widget.wait_for(timeout=60000)
    print(f"\ncell run -> first drawn network: {time.monotonic() - started:.2f} s")
    before = notebook.value("pg.network.layers[0].weights.tolist()")
    widget.get_by_role("button", name="Play", exact=True).click()
    notebook.page.wait_for_function(
        "el => Number(el.textContent.replace(/,/g, '')) >= 30",
        arg=widget.locator(".gn-epoch-value").element_handle(),
        timeout=30000,
    )
    widget.get_by_role("button", name="Pause", exact=True).click()
    assert notebook.until("pg.session.playing", lambda playing: not playing) is False
    assert notebook.value("pg.session.epoch") >= 30
    assert notebook.value("pg.network.layers[0].weights.tolist()") != before
    wait_for_epoch_shown(widget, notebook.value("pg.session.epoch"))
    # Python opens the step-through on a point; its panel (and its own stylesheet) loads.
    execute(notebook.kernel, "pg.step_through(point=12)")
    panel = widget.locator("section.gn-explain:not([hidden])")
    panel.wait_for(timeout=20000)
    assert panel.locator(".gn-ex-head").evaluate("el => getComputedStyle(el).display") == "flex"


def test_pg_train_interrupted_by_the_kernels_stop_button_keeps_whole_epochs(notebook):
    # As Run All does: the cell that trains runs at once, before the widget could say hello.
    cell, _ = notebook.run("trained = glassnet.Playground(dataset='xor', seed=5)\ntrained")
    _, index = notebook.run("trained.train(epochs=10**6)")
    widget = cell.locator(".glassnet[data-ready='true']")
    widget.wait_for(timeout=60000)
    busy = widget.locator(".gn-busy")
    busy.wait_for(timeout=20000)
    assert "pg.train" in busy.inner_text()
    assert widget.locator("header.gn-top").evaluate("el => el.inert")  # the controls wait
    # Frames keep coming while the cell runs.
    notebook.page.wait_for_function(
        "el => Number(el.textContent.replace(/,/g, '')) >= 40",
        arg=widget.locator(".gn-epoch-value").element_handle(),
        timeout=30000,
    )
    notebook.page.click('.jp-NotebookPanel-toolbar [data-command="notebook:interrupt-kernel"]')
    notebook.wait_done(index)
    output = notebook.page.locator(".jp-Notebook .jp-Cell").nth(index).inner_text()
    assert "KeyboardInterrupt" in output and "whole epochs" in output
    epoch = notebook.value("trained.session.epoch")
    assert 40 <= epoch < 10**6
    # Exactly the network of `epoch` whole epochs: the same steps again give the same numbers.
    execute(
        notebook.kernel,
        "replay = Session(trained.session.settings.to_dict())\n"
        "for _ in range(trained.session.epoch): replay.step()",
        timeout=120,
    )
    assert notebook.value(
        "all(np.array_equal(a, b) for a, b in "
        "zip(replay.network.parameters(), trained.network.parameters()))"
    )
    busy.wait_for(state="hidden", timeout=10000)
    assert not widget.locator("header.gn-top").evaluate("el => el.inert")
    wait_for_epoch_shown(widget, epoch)


def test_a_setting_set_in_python_shows_in_the_widget_and_one_changed_there_shows_in_python(
    notebook,
):
    cell, _ = notebook.run("tuned = glassnet.Playground()\ntuned")
    widget = cell.locator(".glassnet[data-ready='true']")
    widget.wait_for(timeout=60000)
    rate = widget.locator("[data-control=learningRate] select")
    execute(notebook.kernel, "tuned.learning_rate = 0.3")
    notebook.page.wait_for_function("el => el.value === '0.3'", arg=rate.element_handle())
    rate.select_option("0.01")
    assert notebook.until("tuned.learning_rate", lambda v: v == 0.01) == 0.01
    assert notebook.value("tuned.session.settings.learning_rate") == 0.01
    # A value the session refuses, set in the widget, is put back there with the error shown.
    rate.evaluate(
        """el => { el.add(new Option("99", "99")); el.value = "99";
                   el.dispatchEvent(new Event("change", { bubbles: true })); }"""
    )
    error = widget.locator(".gn-toast-errors").filter(has_text="learning_rate must be")
    error.wait_for(timeout=20000)
    notebook.page.wait_for_function("el => el.value === '0.01'", arg=rate.element_handle())
    assert notebook.value("tuned.learning_rate") == 0.01
    # A bad value set in Python raises the session's own sentence, and nothing changes.
    with pytest.raises(RuntimeError, match="learning_rate must be a number above 0"):
        execute(notebook.kernel, "tuned.learning_rate = -1")
    assert rate.input_value() == "0.01"


def test_clearing_the_last_view_of_a_playing_playground_pauses_it(notebook):
    cell, index = notebook.run("watched = glassnet.Playground(speed=30)\nwatched")
    widget = cell.locator(".glassnet[data-ready='true']")
    widget.wait_for(timeout=60000)
    notebook.wait_done(index)
    widget.get_by_role("button", name="Play", exact=True).click()
    assert notebook.until("watched.session.playing", bool) is True
    notebook.page.evaluate(
        """(index) => {
          const app = window.jupyterapp;
          app.shell.currentWidget.content.activeCellIndex = index;
          return app.commands.execute("notebook:clear-cell-output");
        }""",
        index,
    )
    assert notebook.until("watched.session.playing", lambda playing: not playing) is False
    assert notebook.value("watched._views") == 0


def test_two_playgrounds_in_one_notebook_are_independent(notebook):
    first, _ = notebook.run("one = glassnet.Playground(seed=1, speed='max')\none")
    second, _ = notebook.run("two = glassnet.Playground(seed=2)\ntwo")
    one = first.locator(".glassnet[data-ready='true']")
    two = second.locator(".glassnet[data-ready='true']")
    one.wait_for(timeout=60000)
    two.wait_for(timeout=60000)
    one.get_by_role("button", name="Play", exact=True).click()
    assert notebook.until("one.session.epoch", lambda e: e >= 20) >= 20
    one.get_by_role("button", name="Pause", exact=True).click()
    assert notebook.value("two.session.epoch") == 0 and epoch_shown(two) == 0
    execute(notebook.kernel, "two.learning_rate = 0.3")
    rate = two.locator("[data-control=learningRate] select")
    notebook.page.wait_for_function("el => el.value === '0.3'", arg=rate.element_handle())
    assert one.locator("[data-control=learningRate] select").input_value() == "0.03"
    assert notebook.value("one.learning_rate") == 0.03


def test_a_lesson_opens_in_the_widget_and_its_next_button_moves_the_kernels_lesson(notebook):
    cell, _ = notebook.run('taught = glassnet.Playground(lesson="one-neuron")\ntaught')
    widget = cell.locator(".glassnet[data-ready='true']")
    widget.wait_for(timeout=60000)
    panel = widget.locator(".gn-lesson")
    panel.locator(".gn-lesson-title").wait_for(timeout=30000)
    assert panel.locator(".gn-lesson-title").inner_text() == "One neuron is a line"
    assert panel.is_visible()
    panel.get_by_role("button", name="Next").click()
    assert notebook.until("taught.lesson['step']", lambda step: step == 2) == 2
    # The lesson's own stylesheet is built into the module: the panel is laid out, not bare.
    assert panel.bounding_box()["width"] > 200
