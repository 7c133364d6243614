"""examples/playground.ipynb runs top to bottom in a real kernel (nbclient), without errors.

The kernel is the one this Python would start (ipykernel, a test extra); its
files go to a temporary folder. What the widget shows is tested in a real
JupyterLab (tests/browser/test_notebook_jupyterlab.py); this test checks that
every cell of the example works as written, with the engine's real numbers.
"""

from pathlib import Path

from notebook_hosts import need

EXAMPLE = Path(__file__).parents[1] / "examples" / "playground.ipynb"


def test_the_example_notebook_runs_top_to_bottom(tmp_path, monkeypatch):
    nbformat = need("nbformat")
    nbclient = need("nbclient")
    for name in ("JUPYTER_RUNTIME_DIR", "JUPYTER_DATA_DIR", "JUPYTER_CONFIG_DIR", "IPYTHONDIR"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    notebook = nbformat.read(EXAMPLE, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    )
    client.execute()  # raises CellExecutionError, with the cell and its traceback, on an error
    outputs = {
        cell.source.splitlines()[-1]: cell.outputs
        for cell in notebook.cells
        if cell.cell_type == "code"
    }
    # The playground is a widget, and training really trained.
    shown = outputs["pg"][0]["data"]
    assert "application/vnd.jupyter.widget-view+json" in shown
    assert "train_loss=" in outputs["pg.train(epochs=200)"][0]["data"]["text/plain"]
    assert outputs["again.session.epoch"][0]["data"]["text/plain"] == "200"
    assert (tmp_path / "spiral-session.json").exists()
