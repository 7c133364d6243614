"""glassnet's exports and imports checked in the real ml5.js 1.4.0 (and p5.js 1.11.13).

In headless Chromium, with every request outside the test's own site blocked:

- a model exported from a trained session loads with ml5's own
  ``neuralNetwork().load()``, and its ``classify()`` / ``predict()`` answer as
  glassnet predicts (binary and multi-class classification, regression, a
  file's raw units, feature transforms, more than two inputs);
- a model ml5.js trained and ``save()``d in the page opens in a session over
  the protocol and predicts as ml5.js does; a glassnet model that ml5.js loads
  and saves again comes back bit for bit;
- the p5.js sketch answers as glassnet at every point asked, and the one with
  the libraries inside works with no internet at all.

ml5.js computes in float32, glassnet in float64: answers are compared with a
relative tolerance of RTOL (about 170 float32 roundings), probabilities and
values in the user's own units.
"""

from __future__ import annotations

import base64
import io
import json
import zipfile

import numpy as np
import pytest
from connection_helpers import by_type, started
from ml5_site import ORIGIN, Site, decoded, harness_files, libraries, load_arguments

from glassnet.bridge import open_ml5
from glassnet.bridge.sketch import ML5_URL, P5_URL
from glassnet.data import compute_features

RTOL = 1e-5
"""float32 has 24 bits (a relative step of 6e-8); a small network's answer passes through
a few hundred roundings at most."""

IRIS = "sepal_length,sepal_width,petal_length,petal_width,species\n" + "\n".join(
    f"{5.0 + 0.9 * k + 0.1 * (i % 5)},{3.4 - 0.3 * k + 0.05 * i},{1.5 + 2 * k + 0.1 * (i % 3)},"
    f"{0.2 + 0.9 * k + 0.02 * i},{name}"
    for k, name in enumerate(["setosa", "versicolor", "virginica"])
    for i in range(8)
)
HOUSES = "size,rooms,price\n" + "\n".join(
    f"{30 + 17 * i},{1 + i % 5},{50_000 + 4_100 * i + 9_000 * (i % 5)}" for i in range(40)
)

AGREEMENT: dict[str, float] = {}
"""The largest relative difference seen per case (printed at the end of the run with -s)."""


@pytest.fixture
def site_page(browser):
    """A page whose only reachable site is ORIGIN; page errors fail the test."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, f"errors in the page: {errors}"


def trained(settings=None, data=None, epochs=25):
    """A connection to a session trained for some epochs (on a loaded file if given)."""
    connection, _ = started(settings)
    if data is not None:
        name, content = data
        message = {"type": "load_data", "filename": name, "content": content}
        assert by_type(connection.receive(json.dumps(message)), "error") == []
        if settings:
            connection.receive(json.dumps({"type": "set", "changes": settings}))
    for _ in range(epochs):
        connection.session.step()
    return connection


def exported(connection, fmt, **extra) -> dict[str, bytes]:
    """The files of an export, by their path inside its zip's folder."""
    replies = connection.receive(json.dumps({"type": "export", "format": fmt, **extra}))
    assert by_type(replies, "error") == []
    archive = zipfile.ZipFile(
        io.BytesIO(base64.b64decode(by_type(replies, "exported")[0]["content"]))
    )
    return {n.split("/", 1)[1]: archive.read(n) for n in archive.namelist() if not n.endswith("/")}


def glassnet_answers(session, points):
    """glassnet's prediction at points of its map: class probabilities, or values in user units."""
    w = session.workspace
    y = session.network.predict(compute_features(points, w.feature_names))
    if w.kind == "regression":
        norm = w.points.base.normalization
        return norm.denormalize_targets(y[:, 0]) if norm else y[:, 0]
    if w.kind == "binary":
        p = (y[:, 0] + 1) / 2 if w.output_activation == "tanh" else y[:, 0]
        y = np.column_stack([1 - p, p])
    return y


def ml5_rows(session, points):
    """The same points as the exported model takes them: by its input names, in the user's units."""
    w = session.workspace
    norm = w.points.base.normalization
    plain = w.feature_names == tuple(f"x{k}" for k in range(1, w.points.n_inputs + 1))
    if plain and norm is not None:
        return [
            dict(zip(w.points.base.input_names, row)) for row in norm.denormalize_inputs(points)
        ]
    features = compute_features(points, w.feature_names)
    return [dict(zip(w.feature_names, row)) for row in features]


def by_label(answers, labels):
    """ml5's {label: probability} answers as an array, one column per class in glassnet's order."""
    return np.array([[answer[label] for label in labels] for answer in answers])


def agree(case, ml5, glassnet, scale=1.0):
    """Assert agreement to RTOL, and remember the largest relative difference."""
    ml5, glassnet = np.asarray(ml5, dtype=float), np.asarray(glassnet, dtype=float)
    floor = 1e-3 * scale  # relative differences of values near 0 say nothing
    difference = float(np.max(np.abs(ml5 - glassnet) / np.maximum(np.abs(glassnet), floor)))
    AGREEMENT[case] = max(AGREEMENT.get(case, 0.0), difference)
    np.testing.assert_allclose(ml5, glassnet, rtol=RTOL, atol=RTOL * floor)


def view_points(session, n=12, seed=0):
    """Points across the map: -6..6 (a loaded file's range is -5..5), every input of the data."""
    rng = np.random.default_rng(seed)
    reach = 5.0 if session.points.base.normalization is not None else 6.0
    return rng.uniform(-reach, reach, (n, session.points.n_inputs))


SQUARES = ["x1", "x2", "x1^2", "x2^2"]
TANH = {"output_activation": "tanh", "loss": "mse"}
EXPORTS = {
    "binary (sigmoid), relu, with x1² and x2²": (
        {"dataset": "circle", "features": SQUARES, "activations": ["relu", "relu"]},
        None,
    ),
    "binary (tanh output), sigmoid hidden": (
        {"dataset": "xor", **TANH, "activations": ["sigmoid"] * 2},
        None,
    ),
    "multi-class (4 blobs), elu": (
        {"dataset": "blobs", "classes": 4, "activations": ["elu"] * 2},
        None,
    ),
    "regression (plane), softplus": ({"dataset": "plane", "activations": ["softplus"] * 2}, None),
    "regression, one input (sine)": ({"dataset": "sine", "hidden_layers": [6]}, None),
    "raw units: regression of a file": ({"learning_rate": 0.01}, ("houses.csv", HOUSES)),
    "regression of a file with x1² (answers in its units)": (
        {"learning_rate": 0.01, "features": ["x1", "x2", "x1^2"]},
        ("houses.csv", HOUSES),
    ),
    "raw units: 4 inputs, 3 classes (iris)": (None, ("iris.csv", IRIS)),
}  # fmt: skip


@pytest.mark.parametrize("case", list(EXPORTS))
def test_an_exported_model_answers_in_ml5_as_glassnet_predicts(site_page, case):
    settings, data = EXPORTS[case]
    connection = trained(settings, data)
    session = connection.session
    Site(site_page, harness_files({"e": exported(connection, "ml5")}))
    site_page.goto(f"{ORIGIN}/harness.html")
    points = view_points(session)
    expected = glassnet_answers(session, points)
    task = "regression" if session.workspace.kind == "regression" else "classification"
    answers = site_page.evaluate(
        "([files, task, rows]) => loadAndAsk(files, task, rows)",
        [load_arguments("e"), task, ml5_rows(session, points)],
    )
    if task == "regression":
        norm = session.points.base.normalization
        scale = norm.target_max - norm.target_min if norm else 1.0
        agree(case, answers["async"], expected, scale)
        return
    labels = list(session.data_view().class_names)
    agree(case, by_label(answers["async"], labels), expected)
    # classifySync lists labels in the order of the legend's keys: glassnet writes them so.
    agree(case, by_label(answers["sync"], labels), expected)


ML5_TRAINED = {
    "3 classes, array inputs": (
        "classification",
        [[[k + 0.1 * i, 2 * k - 0.05 * i], [label]]
         for k, label in enumerate(["cat", "dog", "bird"]) for i in range(6)],
        [[0.2, 0.1], [1.0, 3.0], [2.5, -0.25], [0.0, 4.0], [1.7, 1.1]],
    ),
    "2 classes (a two-unit softmax)": (
        "classification",
        [[[i % 7, (i * 3) % 5], ["yes" if i % 7 + (i * 3) % 5 > 5 else "no"]] for i in range(30)],
        [[0, 0], [6, 4], [3, 2], [5, 1]],
    ),
    "colours: 3 named inputs": (
        "classification",
        [[{"r": r, "g": g, "b": b}, {"colour": name}]
         for name, (r, g, b) in [("red", (230, 20, 30)), ("green", (20, 200, 40)),
                                 ("blue", (10, 30, 220))]
         for r, g, b in [(r, g, b), (r - 15, g + 10, b + 5), (r + 10, g - 5, b - 10)]],
        [[200, 50, 40], [30, 180, 60], [40, 40, 200], [120, 120, 120]],
    ),
    "regression (a sigmoid output in user units)": (
        "regression",
        [[{"x": i, "y": 10 - i}, {"out": 3 * i + 5}] for i in range(10)],
        [[2, 8], [0, 10], [9, 1], [4.5, 6]],
    ),
}  # fmt: skip


def open_in_glassnet(files: dict[str, bytes]):
    connection, _ = started()
    encoded = {n: base64.b64encode(c).decode() for n, c in files.items()}
    replies = connection.receive(json.dumps({"type": "open_model", "files": encoded}))
    assert by_type(replies, "error") == [], by_type(replies, "error")
    return connection


@pytest.mark.parametrize("case", list(ML5_TRAINED))
def test_a_model_ml5_trained_and_saved_opens_over_the_protocol_and_predicts_as_ml5(site_page, case):
    task, examples, rows = ML5_TRAINED[case]
    Site(site_page, harness_files())
    site_page.goto(f"{ORIGIN}/harness.html")
    result = site_page.evaluate(
        "([task, examples, rows]) => trainAndSave(task, examples, rows, 8)", [task, examples, rows]
    )
    files = decoded(result["files"])
    assert sorted(files) == ["model.json", "model.weights.bin", "model_meta.json"]
    session = open_in_glassnet(files).session
    norm = session.points.base.normalization
    raw = np.array([list(r.values()) if isinstance(r, dict) else r for r in rows], dtype=float)
    expected = glassnet_answers(session, norm.normalize_inputs(raw))
    if task == "regression":
        agree(f"ml5 saved: {case}", result["asked"], expected, norm.target_max - norm.target_min)
    else:
        labels = list(session.data_view().class_names)
        agree(f"ml5 saved: {case}", by_label(result["asked"], labels), expected)


def test_a_glassnet_model_that_ml5_loads_and_saves_again_comes_back_bit_for_bit(site_page):
    connection = trained({"dataset": "blobs", "classes": 3})
    ours = exported(connection, "ml5")
    Site(site_page, harness_files({"e": ours}))
    site_page.goto(f"{ORIGIN}/harness.html")
    files = decoded(site_page.evaluate(
        """async (files) => {
          await window.ready;
          const nn = ml5.neuralNetwork({ task: "classification" });
          await nn.load(files);
          await nn.save();
          const out = {};
          for (const [name, content] of Object.entries(window.saved)) out[name] = await content;
          return out;
        }""",
        load_arguments("e"),
    ))  # fmt: skip
    assert files["model.weights.bin"] == ours["model.weights.bin"]
    network = open_ml5(files).network
    for mine, theirs in zip(connection.session.network.parameters(), network.parameters()):
        np.testing.assert_array_equal(theirs, mine.astype(np.float32).astype(np.float64))


SKETCHES = {
    "binary with x1² and x2²": (
        {"dataset": "circle", "features": SQUARES},
        None,
    ),
    "4 blobs": ({"dataset": "blobs", "classes": 4}, None),
    "regression of a file, raw units": ({"learning_rate": 0.01}, ("houses.csv", HOUSES)),
    "regression of a file with x1²": (
        {"learning_rate": 0.01, "features": ["x1", "x2", "x1^2"]},
        ("houses.csv", HOUSES),
    ),
    "iris: 4 inputs, 2 held at the data's mean": (None, ("iris.csv", IRIS)),
}

SKETCH_ANSWERS = """async (points) => {
  const out = [];
  for (const [x1, x2] of points) {
    const inputs = inputsAt(x1, x2);
    if (LABELS.length) {
      const result = await nn.classify(inputs);
      out.push(Object.fromEntries(result.map((r) => [r.label, r.confidence])));
    } else {
      out.push((await nn.predict(inputs))[0].value);
    }
  }
  return out;
}"""


def open_sketch(page, files: dict[str, bytes], local_libraries: dict[str, bytes] | None = None):
    """Serve an unzipped sketch (local libraries for its links, if given); wait for its model."""
    if local_libraries is not None:
        index = (
            files["index.html"]
            .decode()
            .replace(P5_URL, "/lib/p5.min.js")
            .replace(ML5_URL, "/lib/ml5.min.js")
        )
        files = {**files, "index.html": index.encode()}
    site = Site(
        page,
        {f"s/{n}": b for n, b in files.items()}
        | {f"lib/{n}": b for n, b in (local_libraries or {}).items()},
    )
    page.goto(f"{ORIGIN}/s/index.html")
    # The map is painted once the model has loaded and answered for every square.
    page.wait_for_function("() => typeof picture === 'object' && picture !== null", timeout=30_000)
    return site


@pytest.mark.parametrize("case", list(SKETCHES))
def test_the_p5_sketch_answers_as_glassnet_at_every_point_asked(site_page, case):
    settings, data = SKETCHES[case]
    connection = trained(settings, data)
    session = connection.session
    open_sketch(site_page, exported(connection, "sketch"), libraries())
    reach = 5.0 if session.points.base.normalization is not None else 6.0
    rng = np.random.default_rng(1)
    on_map = rng.uniform(-reach, reach, (10, 2))
    answers = site_page.evaluate(SKETCH_ANSWERS, on_map.tolist())
    # The sketch holds inputs past the map's two at the data's mean, where glassnet's map starts.
    points = np.zeros((len(on_map), session.points.n_inputs))
    points[:, :2] = on_map[:, : session.points.n_inputs]
    mean = session.data_view().points.mean(axis=0)
    points[:, 2:] = np.round(mean[2:], 6)  # as the sketch writes them
    expected = glassnet_answers(session, points)
    if "x1^2" in session.workspace.feature_names and session.points.base.normalization:
        # The sketch's toMap() turns a file's own values into glassnet's map coordinates.
        raw = session.points.base.normalization.denormalize_inputs(on_map)
        to_map = site_page.evaluate("(rows) => rows.map(([a, b]) => [toMap(a, 0), toMap(b, 1)])",
                                    raw.tolist())  # fmt: skip
        np.testing.assert_allclose(to_map, on_map, rtol=1e-12, atol=1e-12)
    if session.workspace.kind == "regression":
        norm = session.points.base.normalization
        agree(f"sketch: {case}", answers, expected, norm.target_max - norm.target_min)
    else:
        agree(f"sketch: {case}", by_label(answers, list(session.data_view().class_names)), expected)


def test_the_sketch_with_the_libraries_inside_works_with_no_internet(
    site_page, tmp_path, monkeypatch
):
    for name, content in libraries().items():
        (tmp_path / name).write_bytes(content)
    monkeypatch.setenv("GLASSNET_LIBRARIES", str(tmp_path))
    connection = trained({"dataset": "xor"})
    files = exported(connection, "sketch", libraries=True)
    assert "libraries/p5.min.js" in files and "libraries/ml5.min.js" in files
    site = open_sketch(site_page, files)
    answers = site_page.evaluate(SKETCH_ANSWERS, [[1.0, 2.0], [-3.0, 4.5]])
    expected = glassnet_answers(connection.session, np.array([[1.0, 2.0], [-3.0, 4.5]]))
    agree("sketch with the libraries inside", by_label(answers, ["0", "1"]), expected)
    assert site.blocked == [], f"the sketch asked the internet for {site.blocked}"


def test_zz_report_the_agreement_with_ml5():
    """Not a check: print the largest relative difference per case (run with -s to see it)."""
    for case, difference in sorted(AGREEMENT.items()):
        print(f"ml5 agreement | {case}: {difference:.1e}")
