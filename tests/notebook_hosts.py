"""Real notebook hosts for tests: a JupyterLab server and a marimo app, started by the tests.

Each runs on loopback, on a free port, in a temporary folder, with no token, no
update or news checks, and its own config folders (nothing of the machine's
home is read or written). JupyterLab shows every notebook with
``windowingMode: "none"``, so outputs scrolled out of view still exist in the
page. Both are the test extras of pyproject.toml; under CI=true a missing one
fails the run instead of skipping it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from live_server import free_port

BIN = Path(sys.executable).parent


def need(module: str):
    """Import a test extra, or fail under CI=true (skip elsewhere) when it is missing."""
    try:
        return __import__(module)
    except ImportError:
        message = f"{module} is missing: pip install -e '.[test]'"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI must run the notebook tests)")
        pytest.skip(message)


def stop(process: subprocess.Popen, output) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    output.close()


def wait_for(url: str, process: subprocess.Popen, log: Path, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited early:\n{log.read_text()[-3000:]}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s:\n{log.read_text()[-3000:]}")


class JupyterLab:
    """A JupyterLab server on a free port, serving notebooks from ``root``."""

    def __init__(self, folder: Path):
        need("jupyterlab")
        self.folder = folder
        self.root = folder / "notebooks"
        self.runtime = folder / "runtime"
        settings = folder / "lab-settings"
        for path in (self.root, self.runtime, settings, folder / "config", folder / "workspaces"):
            path.mkdir(parents=True, exist_ok=True)
        # Every cell's output stays in the page, even off screen.
        tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
        tracker.parent.mkdir(parents=True)
        tracker.write_text(json.dumps({"windowingMode": "none"}))
        notification = settings / "@jupyterlab" / "apputils-extension"
        notification.mkdir(parents=True)
        (notification / "notification.jupyterlab-settings").write_text(
            json.dumps({"fetchNews": "false", "checkForUpdates": False})
        )
        self.env = {
            **os.environ,
            "JUPYTER_CONFIG_DIR": str(folder / "config"),
            "JUPYTER_DATA_DIR": str(folder / "data"),
            "JUPYTERLAB_SETTINGS_DIR": str(settings),
            "JUPYTERLAB_WORKSPACES_DIR": str(folder / "workspaces"),
            "JUPYTER_RUNTIME_DIR": str(self.runtime),
            "IPYTHONDIR": str(folder / "ipython"),
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        }
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "lab.log"

    def start(self) -> JupyterLab:
        command = [
            str(BIN / "jupyter"), "lab", "--no-browser", "--allow-root",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0", "--IdentityProvider.token=",
            "--PasswordIdentityProvider.hashed_password=", "--ServerApp.disable_check_xsrf=True",
            f"--ServerApp.root_dir={self.root}", "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly", "--LabApp.expose_app_in_browser=True",
        ]  # fmt: skip
        self.output = self.log.open("w")
        self.process = subprocess.Popen(
            command, env=self.env, stdout=self.output, stderr=subprocess.STDOUT
        )
        wait_for(f"{self.url}/api/status", self.process, self.log)
        return self

    def stop(self):
        stop(self.process, self.output)

    def kernel_client(self, notebook: str):
        """A client of the kernel running ``notebook`` (jupyter_client, on its connection file)."""
        from jupyter_client import BlockingKernelClient

        with urllib.request.urlopen(f"{self.url}/api/sessions") as answer:
            sessions = json.load(answer)
        kernel = next(s["kernel"]["id"] for s in sessions if s["path"].endswith(notebook))
        client = BlockingKernelClient(connection_file=str(self.runtime / f"kernel-{kernel}.json"))
        client.load_connection_file()
        client.start_channels()
        client.wait_for_ready(timeout=60)
        return client


def evaluate(client, expression: str, timeout: float = 60):
    """The value of a Python expression in the kernel (its repr, read back with eval)."""
    asked = client.execute("", silent=True, store_history=False, user_expressions={"r": expression})
    while True:
        reply = client.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == asked:
            break
    result = reply["content"]["user_expressions"]["r"]
    if result["status"] != "ok":
        raise RuntimeError(f"{expression}: {result.get('ename')}: {result.get('evalue')}")
    return eval(result["data"]["text/plain"])  # a repr of plain Python values


def execute(client, code: str, timeout: float = 60):
    """Run statements in the kernel without showing anything in the notebook."""
    reply = client.execute_interactive(
        code, silent=True, store_history=False, timeout=timeout, output_hook=lambda m: None
    )
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"{code}: {reply['content'].get('evalue')}")


class Marimo:
    """``marimo run`` of one notebook file on a free port (a fresh kernel per page load)."""

    def __init__(self, notebook: Path):
        need("marimo")
        self.notebook = notebook
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = notebook.parent / "marimo.log"
        home = notebook.parent / "home"
        home.mkdir(exist_ok=True)
        self.env = {**os.environ, "MARIMO_SKIP_UPDATE_CHECK": "1", "HOME": str(home)}

    def start(self) -> Marimo:
        self.output = self.log.open("w")
        command = [
            str(BIN / "marimo"), "-y", "run", str(self.notebook), "--headless",
            "--host", "127.0.0.1", "-p", str(self.port), "--no-token",
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command,
            env=self.env,
            cwd=self.notebook.parent,
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )
        wait_for(f"{self.url}/health", self.process, self.log)
        return self

    def stop(self):
        stop(self.process, self.output)
