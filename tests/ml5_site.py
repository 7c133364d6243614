"""ml5.js 1.4.0 and p5.js 1.11.13 in headless Chromium, served from memory, with no internet.

The libraries are the npm packages pinned in package.json (``npm ci``). A
``Site`` answers every request to ``ORIGIN`` from a dict of files and blocks
(and records) every other one, so a test proves what works offline.
``HARNESS`` is a page with ml5.js that can load a model, ask it about points,
and train a model and capture what its ``save()`` downloads.
"""

from __future__ import annotations

import base64
import mimetypes
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
ML5 = ROOT / "node_modules" / "ml5" / "dist" / "ml5.min.js"
P5 = ROOT / "node_modules" / "p5" / "lib" / "p5.min.js"
ORIGIN = "http://sketch.test"


def libraries() -> dict[str, bytes]:
    """ml5.min.js and p5.min.js from node_modules (without them: fail under CI, else skip)."""
    if not (ML5.exists() and P5.exists()):
        message = f"ml5.js and p5.js are missing from {ROOT / 'node_modules'}: run `npm ci`"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI must check exports in the real ml5.js)")
        pytest.skip(message)
    return {"ml5.min.js": ML5.read_bytes(), "p5.min.js": P5.read_bytes()}


class Site:
    """Answers requests to ORIGIN from ``files`` (path -> bytes); blocks every other request."""

    def __init__(self, page, files: dict[str, bytes]):
        self.files = dict(files)
        self.blocked: list[str] = []
        page.route("**/*", self._answer)

    def _answer(self, route):
        url = route.request.url
        if not url.startswith(ORIGIN + "/"):
            self.blocked.append(url)
            route.abort()
            return
        path = url[len(ORIGIN) + 1 :].split("?")[0].split("#")[0]
        if path not in self.files:
            route.fulfill(status=404, body="not here")
            return
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        route.fulfill(status=200, body=self.files[path], content_type=kind)


HARNESS = """<!doctype html>
<meta charset="utf-8">
<title>ml5.js harness</title>
<script src="/lib/ml5.min.js"></script>
<script>
  // ml5.js in headless Chromium: the CPU backend, ready before any network is made.
  ml5.setBackend("cpu");
  window.ready = ml5.tf.ready();

  // save() downloads each file through a link's click(): keep the files here instead.
  window.saved = {};
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (!(this.download && this.href.startsWith("blob:"))) return click.call(this);
    const name = this.download;
    window.saved[name] = fetch(this.href).then((r) => r.arrayBuffer()).then((b) => {
      let s = "";
      new Uint8Array(b).forEach((c) => { s += String.fromCharCode(c); });
      return btoa(s);
    });
  };

  // The model's answer for each row: {label: probability} from classify(), or predict()'s value.
  async function answers(nn, task, rows) {
    const out = [];
    for (const row of rows) {
      if (task === "classification") {
        const result = await nn.classify(row);
        out.push(Object.fromEntries(result.map((r) => [r.label, r.confidence])));
      } else {
        out.push((await nn.predict(row))[0].value);
      }
    }
    return out;
  }

  // Load a model with ml5's own load() and ask it about rows.
  window.loadAndAsk = async (files, task, rows) => {
    await window.ready;
    const nn = ml5.neuralNetwork({ task });
    await nn.load(files);
    const sync = task === "classification" ? rows.map((row) => Object.fromEntries(
      nn.classifySync(row).map((r) => [r.label, r.confidence]))) : null;
    return { async: await answers(nn, task, rows), sync };
  };

  // Train a small model in ml5.js, save() it, and return its files and its answers.
  window.trainAndSave = async (task, examples, rows, epochs) => {
    await window.ready;
    const nn = ml5.neuralNetwork({ task });
    for (const [xs, ys] of examples) nn.addData(xs, ys);
    nn.normalizeData();
    await nn.train({ epochs }, () => {}); // without a callback, train() never settles in 1.4.0
    const asked = await answers(nn, task, rows);
    await nn.save();
    const files = {};
    for (const [name, content] of Object.entries(window.saved)) files[name] = await content;
    window.saved = {};
    return { files, asked };
  };
</script>
"""


def harness_files(models: dict[str, dict[str, bytes]] | None = None) -> dict[str, bytes]:
    """The harness page, the libraries, and model files under ``m/<name>/``."""
    libs = libraries()
    files = {"harness.html": HARNESS.encode(), **{f"lib/{n}": b for n, b in libs.items()}}
    for folder, contents in (models or {}).items():
        files |= {f"m/{folder}/{name}": content for name, content in contents.items()}
    return files


def load_arguments(folder: str) -> dict[str, str]:
    """What ``neuralNetwork().load()`` takes for the model files served under ``m/<folder>/``."""
    base = f"{ORIGIN}/m/{folder}/model"
    return {
        "model": f"{base}.json",
        "metadata": f"{base}_meta.json",
        "weights": f"{base}.weights.bin",
    }


def decoded(files: dict[str, str]) -> dict[str, bytes]:
    """Files the page sent back in base64, as bytes."""
    return {name: base64.b64decode(content) for name, content in files.items()}
