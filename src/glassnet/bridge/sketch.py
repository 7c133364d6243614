"""A p5.js sketch that runs a glassnet network with ml5.js: the files of a zip to download.

The sketch is what a p5.js teacher would write: ``index.html`` links p5.js 1.x
and ml5.js 1.x the way the p5.js web editor does, ``sketch.js`` (about 100
lines, commented) loads the model files with ml5.js, paints the network's
output over the plane the way glassnet does, computes the input features the
network was trained on, and shows the class (or the value) under the mouse.

This module writes text; it knows the bridge's ml5 files and the data layer's
feature formulas, nothing about sessions or the web.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from ..data import feature

P5_URL = "https://cdn.jsdelivr.net/npm/p5@1.11.13/lib/p5.min.js"
ML5_URL = "https://unpkg.com/ml5@1/dist/ml5.min.js"
"""Where the p5.js web editor's sketches load the libraries from (ml5.js 1.x needs p5.js 1.x)."""

ML5_FILE_URL = "https://unpkg.com/ml5@1.4.0/dist/ml5.min.js"
"""ml5.js exactly as tests/browser/test_ml5.py checks the sketch with (npm's ml5 1.4.0)."""

LIBRARY_FILES = {"p5.min.js": P5_URL, "ml5.min.js": ML5_FILE_URL}
"""The two libraries a sketch for a room without internet carries in ``libraries/``, and
where to download them: the versions the tests check, pinned."""

CLASS_COLORS = [
    [245, 147, 34], [8, 119, 189], [0, 158, 115], [204, 121, 167], [240, 228, 66],
    [213, 94, 0], [86, 180, 233], [90, 90, 90],
]  # fmt: skip
"""glassnet's class colours (lib/colors.js): Okabe-Ito, colour-blind safe up to eight."""


@dataclass(frozen=True)
class SketchModel:
    """What the sketch must know about the model beside its files.

    Attributes
    ----------
    task : str
        ``classification`` or ``regression``.
    labels : tuple of str
        The classes (empty for regression).
    features : tuple of str
        The network's inputs, computed from the map's coordinates x1, x2.
    input_low, input_high : tuple of float or None
        A loaded file's raw range per input: the map's -5..5 stands for it and
        the sketch feeds raw values (the model normalizes them). None: the
        sketch feeds the map's coordinates (-6..6) themselves.
    n_raw_inputs : int
        How many raw inputs a point has (1 draws a curve, 2 a map; more are held
        at ``held``).
    value_low, value_high : float
        The range of a regression output, for its colours.
    file_low, file_high : tuple of float or None
        A loaded file's raw range per input when the network takes features of
        the map's coordinates instead (x1², sin x1, ...): the sketch then says
        so and has ``toMap()`` to turn a raw value into its map coordinate.
    input_names : tuple of str
        The raw inputs' names, for the sketch's comments.
    held : tuple of float
        Where the inputs past the map's two are held, in map coordinates (the
        data's mean, where glassnet's map starts); empty: at 0, the middle.
    """

    task: str
    labels: tuple[str, ...]
    features: tuple[str, ...]
    input_low: tuple[float, ...] | None
    input_high: tuple[float, ...] | None
    n_raw_inputs: int
    value_low: float = -1.0
    value_high: float = 1.0
    file_low: tuple[float, ...] | None = None
    file_high: tuple[float, ...] | None = None
    input_names: tuple[str, ...] = ()
    held: tuple[float, ...] = ()


def sketch_files(model: SketchModel, title: str, local_libraries: bool = False) -> dict[str, str]:
    """``index.html`` and ``sketch.js`` (the model files go in ``model/`` beside them)."""
    return {"index.html": _index(title, local_libraries), "sketch.js": _sketch(model, title)}


def _index(title: str, local: bool) -> str:
    p5, ml5 = ("libraries/p5.min.js", "libraries/ml5.min.js") if local else (P5_URL, ML5_URL)
    where = (
        "from the libraries folder beside this page, so it works without internet"
        if local
        else "as the p5.js web editor links them (this page needs internet)"
    )
    return f"""<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{_html(title)}</title>
    <!-- p5.js 1.x and ml5.js 1.x, {where}. -->
    <script src="{p5}"></script>
    <script src="{ml5}"></script>
    <style>body {{ margin: 0; font-family: sans-serif; }} main {{ padding: 12px; }}</style>
  </head>
  <body>
    <main></main>
    <script src="sketch.js"></script>
  </body>
</html>
"""


def _sketch(m: SketchModel, title: str) -> str:
    js_features = ", ".join(_js(feature(name).code) for name in m.features)
    raw = [f"x{k}" for k in range(1, m.n_raw_inputs + 1)]
    if m.input_low is None and m.file_low is not None:
        to_raw = (
            "  // The network takes features of the map's coordinates, not your file's own\n"
            "  // values: use toMap() below to turn a value into its map coordinate first.\n"
        )
    elif m.input_low is None:
        to_raw = "  // The network takes the map's coordinates themselves.\n"
    else:
        to_raw = (
            "  // The network was trained on a file's own units: the map's -5..5 stands for\n"
            "  // each input's range, and ml5.js normalizes the raw values itself.\n"
            f"  const low = {json.dumps(list(m.input_low))};\n"
            f"  const high = {json.dumps(list(m.input_high))};\n"
            + "".join(
                f"  {name} = low[{k}] + ((x{k + 1} + 5) / 10) * (high[{k}] - low[{k}]);\n"
                for k, name in enumerate(raw)
            )
        )
    held = "".join(
        f"  let x{k} = {m.held[k - 3]!r}; // not on the map: held at the data's mean\n"
        if len(m.held) > k - 3
        else f"  let x{k} = 0; // not on the map: held at the middle of its range\n"
        for k in range(3, m.n_raw_inputs + 1)
    )
    classify = m.task == "classification"
    colours = (
        "each class its own colour, paler where the network is unsure"
        if classify
        else "orange for low values, blue for high ones"
    )
    ask = "classifySync" if classify else "predictSync"
    return f"""// {title}: a neural network trained in glassnet, running in ml5.js.
//
// The map shows what the network predicts at every point, coloured as glassnet
// colours it; move the mouse to ask it about one point. The model files are in
// model/ (written by glassnet's "Export > p5.js sketch").

let nn; // the ml5.js neural network
let picture; // the map of its answers, painted once
let answer = "loading the model..."; // what it says under the mouse

const VIEW = 6; // the map goes from -6 to 6 on each axis, as in glassnet
const CELLS = 50; // the map is painted as CELLS x CELLS squares
const LABELS = {json.dumps(list(m.labels))};
const COLORS = {json.dumps(CLASS_COLORS[: max(2, len(m.labels))])};

function setup() {{
  createCanvas(400, 400);
  ml5.setBackend("cpu"); // a small network is quickest on the CPU
  nn = ml5.neuralNetwork({{ task: "{m.task}" }});
  const files = {{
    model: "model/model.json",
    metadata: "model/model_meta.json",
    weights: "model/model.weights.bin",
  }};
  nn.load(files, paintMap);
}}

// The numbers the network takes for a point (x1, x2) of the map: the same
// features it was trained on in glassnet.
function inputsAt(x1, x2) {{
{held}{to_raw}  return [{js_features}];
}}

// Ask the network about every square of the map at once, then paint them.
async function paintMap() {{
  const points = [];
  for (let row = 0; row < CELLS; row++) {{
    for (let col = 0; col < CELLS; col++) {{
      points.push(inputsAt(toX(col + 0.5), toY(row + 0.5)));
    }}
  }}
  const results = await nn.{"classify" if classify else "predict"}(points);
  picture = createGraphics(CELLS, CELLS);
  picture.noStroke();
  results.forEach((result, i) => {{
    picture.fill(colorOf(result));
    picture.rect(i % CELLS, Math.floor(i / CELLS), 1, 1);
  }});
  answer = "";
}}

// glassnet's colours: {colours}.
function colorOf(result) {{
{_color_code(m)}
}}

function draw() {{
  background(255);
  if (picture) {{
    noSmooth();
    image(picture, 0, 0, width, height);
  }}
  if (picture && mouseX >= 0 && mouseX < width && mouseY >= 0 && mouseY < height) {{
    const x1 = toX((mouseX / width) * CELLS);
    const x2 = toY((mouseY / height) * CELLS);
    const result = nn.{ask}(inputsAt(x1, x2));
    answer = {_answer_code(m)};
  }}
  fill(0);
  noStroke();
  textSize(16);
  text(answer, 10, height - 12);
}}

// From a column or row of the map to the coordinates x1 and x2 (x2 grows upwards).
function toX(col) {{
  return map(col, 0, CELLS, -VIEW, VIEW);
}}

function toY(row) {{
  return map(row, 0, CELLS, VIEW, -VIEW);
}}
{_to_map_code(m)}"""


def _to_map_code(m: SketchModel) -> str:
    """``toMap(value, k)``, when the network takes features of a file's rescaled values."""
    if m.file_low is None:
        return ""
    names = ", ".join(m.input_names[: len(m.file_low)])
    return f"""
// Your file's values ({names[:200]}) from their own units to the map's
// coordinates, where each input's lowest value is -5 and its highest 5, as in
// glassnet. Ask the network about your own values with
// inputsAt(toMap(value1, 0), toMap(value2, 1)).
const FILE_LOW = {json.dumps(list(m.file_low))};
const FILE_HIGH = {json.dumps(list(m.file_high))};

function toMap(value, k) {{
  if (FILE_HIGH[k] === FILE_LOW[k]) return 0; // an input that never changes sits at 0
  return -5 + (10 * (value - FILE_LOW[k])) / (FILE_HIGH[k] - FILE_LOW[k]);
}}
"""


def _color_code(m: SketchModel) -> str:
    if m.task == "classification":
        return """  // result is a list of {label, confidence}, the most likely first.
  const best = result[0];
  const k = LABELS.indexOf(best.label);
  const strength = (best.confidence - 1 / LABELS.length) / (1 - 1 / LABELS.length);
  return lerpColor(color(232, 234, 235), color(...COLORS[k % COLORS.length]), strength);"""
    return f"""  // result is a list with one {{label, value}}: the prediction.
  const t = map(result[0].value, {m.value_low!r}, {m.value_high!r}, -1, 1, true);
  const end = t < 0 ? color(245, 147, 34) : color(8, 119, 189);
  return lerpColor(color(232, 234, 235), end, Math.abs(t));"""


def _answer_code(m: SketchModel) -> str:
    if m.task == "classification":
        return "`${result[0].label} (${nf(result[0].confidence * 100, 0, 1)}% sure)`"
    return "`predicts ${nf(result[0].value, 0, 3)}`"


def _js(code: str) -> str:
    """A feature's NumPy formula as JavaScript."""
    return code.replace("np.sin", "Math.sin")


def _html(text: str) -> str:
    return html.escape(text, quote=True)
