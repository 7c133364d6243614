"""ml5.js models in glassnet and back, with the same predictions as a forward pass by hand."""

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from ml5_structure import restructured_model, with_part_replaced

from glassnet import limits
from glassnet.bridge import Ml5Error, from_ml5, ml5_files, open_ml5, to_ml5
from glassnet.bridge.ml5_files import DenseLayer, Ml5Files, write_ml5_files
from glassnet.data import Normalization
from glassnet.engine import Network

SAVED = Path(__file__).parents[1] / "fixtures" / "ml5"


def by_hand(folder: Path, rows):
    """ml5's classify/predict for a saved model, computed here from the raw files."""
    stem = next(p.name[: -len(".json")] for p in folder.glob("*.json") if "_meta" not in p.name)
    model = json.loads((folder / f"{stem}.json").read_text())
    meta = json.loads((folder / f"{stem}_meta.json").read_text())
    floats = np.frombuffer((folder / f"{stem}.weights.bin").read_bytes(), "<f4").astype(float)
    x = np.asarray(rows, dtype=float)
    names = list(meta["inputs"])
    lo = np.array([meta["inputs"][n]["min"] for n in names])
    hi = np.array([meta["inputs"][n]["max"] for n in names])
    a = (x - lo) / (hi - lo)
    offset = 0
    for spec in model["modelTopology"]["config"]["layers"]:
        units = spec["config"]["units"]
        n_in = a.shape[1]
        w = floats[offset : offset + n_in * units].reshape(n_in, units)
        b = floats[offset + n_in * units : offset + n_in * units + units]
        offset += n_in * units + units
        z = a @ w + b
        act = spec["config"]["activation"]
        if act == "relu":
            a = np.maximum(z, 0)
        elif act == "softmax":
            e = np.exp(z - z.max(axis=1, keepdims=True))
            a = e / e.sum(axis=1, keepdims=True)
        elif act == "sigmoid":
            a = 1 / (1 + np.exp(-z))
    out = next(iter(meta["outputs"].values()))
    if "legend" in out:  # classify(): units in the order of the one-hot vectors
        return a, sorted(out["legend"], key=lambda label: out["legend"][label].index(1))
    return a[:, 0] * (out["max"] - out["min"]) + out["min"], None


ROWS = [[0.2, 0.1], [1.0, 3.0], [2.5, -0.25], [0.0, 4.0]]


@pytest.mark.parametrize("folder", ["cls3_default", "cls3_named", "cls2", "cls_numlabels", "reg"])
def test_a_model_saved_by_ml5_predicts_as_ml5_computes(folder):
    model = from_ml5(SAVED / folder)
    expected, labels = by_hand(SAVED / folder, ROWS)
    np.testing.assert_allclose(model.predict(ROWS), expected, rtol=1e-12, atol=1e-12)
    if labels:
        assert list(model.labels) == labels


def test_two_classes_open_as_one_sigmoid_output_and_a_sigmoid_regression_as_tanh():
    two = from_ml5(SAVED / "cls2")
    assert two.network.layer_sizes[-1] == 1 and two.network.activation_names[-1] == "sigmoid"
    assert two.labels == ("no", "yes")
    reg = from_ml5(SAVED / "reg")
    assert reg.task == "regression" and reg.network.activation_names[-1] == "tanh"
    assert (reg.output_min, reg.output_max) == (5.0, 32.0) and reg.input_names == ("x", "y")


def test_integer_like_labels_follow_their_one_hot_vectors_not_their_key_order():
    model = from_ml5(SAVED / "cls_numlabels")
    assert model.labels == ("1", "0", "b")


def trained_like(sizes, hidden, output, loss, seed=3):
    net = Network(sizes, activation=hidden, output_activation=output, loss=loss, seed=seed)
    rng = np.random.default_rng(seed)
    for layer in net.layers:
        layer.biases[:] = rng.normal(0, 0.5, layer.biases.shape)
    return net


CASES = [
    ("sigmoid", "binary_crossentropy", ["red", "blue"]),
    ("tanh", "mse", ["no", "yes"]),
    ("softmax", "categorical_crossentropy", ["cat", "dog", "bird"]),
    ("linear", "mse", None),
    ("tanh", "mse", None),
]


@pytest.mark.parametrize("output, loss, labels", CASES)
def test_export_then_import_gives_the_float32_weights_bit_for_bit(tmp_path, output, loss, labels):
    n_out = len(labels) if output == "softmax" else 1
    net = trained_like([3, 5, 4, n_out], ["tanh", "relu"], output, loss)
    to_ml5(net, tmp_path, labels=labels, input_names=["r", "g", "b"])
    back = from_ml5(tmp_path)
    assert back.network.activation_names == net.activation_names
    for mine, theirs in zip(net.parameters(), back.network.parameters()):
        np.testing.assert_array_equal(theirs, mine.astype(np.float32).astype(np.float64))
    rows = np.random.default_rng(0).uniform(-6, 6, (20, 3))
    ours = net.predict(rows)
    if labels is None:
        np.testing.assert_allclose(back.predict(rows), ours[:, 0], rtol=1e-5, atol=1e-6)
    elif n_out == 1:
        p = ours[:, 0] if output == "sigmoid" else (ours[:, 0] + 1) / 2
        np.testing.assert_allclose(back.predict(rows)[:, 1], p, rtol=1e-5, atol=1e-6)
    assert back.labels == (tuple(labels) if labels else None)


def test_a_model_for_a_files_raw_units_folds_the_rescaling_into_its_layers():
    norm = Normalization((0.0, 100.0), (255.0, 200.0), target_min=10.0, target_max=50.0)
    net = trained_like([2, 6, 1], ["tanh"], "linear", "mse")
    model = open_ml5(ml5_files(net, input_names=["red", "height"], normalization=norm))
    raw = np.array([[0.0, 100.0], [255.0, 200.0], [128.0, 150.0]])
    view = norm.normalize_inputs(raw)  # what the glassnet network takes
    expected = norm.denormalize_targets(net.predict(view)[:, 0])
    assert model.is_normalized and model.input_names == ("red", "height")
    np.testing.assert_allclose(model.predict(raw), expected, rtol=1e-5)


def test_inputs_and_labels_are_written_in_javascripts_key_order():
    net = trained_like([2, 3, 3], ["tanh"], "softmax", "categorical_crossentropy")
    files = ml5_files(net, labels=["b", "10", "2"], input_names=["y", "1"])
    meta = json.loads(files["model_meta.json"])
    assert list(meta["inputs"]) == ["1", "y"]
    assert list(meta["outputs"]["label"]["legend"]) == ["2", "10", "b"]
    back = open_ml5(files)
    rows = np.array([[0.5, -1.0], [2.0, 3.0]])
    ours = net.predict(rows)[:, [2, 1, 0]]  # our classes b, 10, 2 as 2, 10, b
    np.testing.assert_allclose(back.predict(rows[:, ::-1]), ours, rtol=1e-5)


def test_an_activation_tensorflow_js_lacks_is_refused_with_what_to_do():
    net = trained_like([2, 3, 1], ["leaky_relu"], "sigmoid", "binary_crossentropy")
    with pytest.raises(Ml5Error, match="no leaky_relu activation.*Choose tanh"):
        ml5_files(net)


def model_of(sizes, activations):
    """The files of a regression model with these layer sizes, as ml5.js's save() writes them."""
    rng = np.random.default_rng(0)
    layers = tuple(
        DenseLayer(f"dense_Dense{k + 1}", act, rng.normal(size=(n_in, n_out)), np.zeros(n_out))
        for k, (n_in, n_out, act) in enumerate(zip(sizes[:-1], sizes[1:], activations))
    )
    meta = {
        "inputUnits": [sizes[0]],
        "outputUnits": sizes[-1],
        "inputs": {str(i): {"dtype": "number", "min": 0, "max": 1} for i in range(sizes[0])},
        "outputs": {"y": {"dtype": "number", "min": 0, "max": 1}},
        "isNormalized": True,
    }
    return write_ml5_files(Ml5Files(layers, meta))


def test_a_model_past_glassnets_limits_is_refused_saying_the_limit():
    deep = [2] + [3] * (limits.MAX_HIDDEN_LAYERS + 1) + [1]
    with pytest.raises(Ml5Error, match=f"{limits.MAX_HIDDEN_LAYERS + 1} hidden layers; .* at most"):
        open_ml5(model_of(deep, ["relu"] * (len(deep) - 2) + ["linear"]))
    wide = [2, limits.MAX_NEURONS + 1, 1]
    with pytest.raises(Ml5Error, match=f"{limits.MAX_NEURONS + 1} neurons; .* at most"):
        open_ml5(model_of(wide, ["relu", "linear"])).for_view()
    # Just inside both limits, the same kind of model opens.
    widest = [2] + [limits.MAX_NEURONS] * limits.MAX_HIDDEN_LAYERS + [1]
    model = open_ml5(model_of(widest, ["relu"] * limits.MAX_HIDDEN_LAYERS + ["linear"]))
    assert model.network.layer_sizes == widest


@pytest.mark.parametrize("activation", ["selu", "swish", "hardSigmoid", "relu6", "softsign"])
def test_an_activation_glassnet_does_not_show_is_refused_naming_the_layer(activation):
    files = model_of([2, 3, 1], [activation, "linear"])
    refusal = f"'dense_Dense1' uses the activation '{activation}'; glassnet opens tanh"
    with pytest.raises(Ml5Error, match=refusal):
        open_ml5(files).for_view()


def test_a_folder_without_one_model_file_is_refused():
    with pytest.raises(Ml5Error, match="needs exactly one meta file"):
        open_ml5({"m.json": b"{}", "m.weights.bin": b""})


@pytest.mark.parametrize("folder", ["cls3_default", "cls2", "reg"])
def test_on_glassnets_map_the_model_answers_as_it_does_for_raw_values(folder):
    model = from_ml5(SAVED / folder)
    dataset, network = model.for_view()
    norm = dataset.normalization
    raw = np.array([[0.2, 1.1], [2.4, 3.9], [1.0, 0.0]])
    on_map = network.predict(norm.normalize_inputs(raw))
    assert dataset.n_points == 0 and dataset.input_names == model.input_names
    if model.task == "regression":
        np.testing.assert_allclose(norm.denormalize_targets(on_map[:, 0]), model.predict(raw),
                                   rtol=1e-12)  # fmt: skip
    elif on_map.shape[1] == 1:
        np.testing.assert_allclose(on_map[:, 0], model.predict(raw)[:, 1], rtol=1e-12)
    else:
        np.testing.assert_allclose(on_map, model.predict(raw), rtol=1e-12)
        assert dataset.class_names == model.labels


def test_an_opened_model_becomes_the_sessions_network_and_undo_takes_it_back():
    from glassnet.session import Session

    model = from_ml5(SAVED / "cls3_default")
    dataset, network = model.for_view("model.json")
    s = Session()
    s.use_dataset(dataset, "Open model.json", network=network)
    assert s.settings.hidden_layers == (16,) and s.settings.activations == ("relu",)
    assert s.workspace.kind == "multiclass" and s.points.base.class_names == model.labels
    for mine, theirs in zip(s.network.parameters(), network.parameters()):
        np.testing.assert_array_equal(mine, theirs)
    s.undo()
    assert s.settings.dataset == "circle"


@settings(max_examples=300, deadline=None)
@given(files=restructured_model())
def test_model_files_of_any_structure_open_or_are_refused_with_an_ml5_error(files):
    try:
        model = open_ml5(files)
        model.for_view()
    except Ml5Error as error:
        assert len(str(error)) < 500


def saved_files(folder="cls3_default"):
    return {p.name: p.read_bytes() for p in (SAVED / folder).iterdir()}


def changed(files, name, at, value):
    return {**files, name: json.dumps(with_part_replaced(json.loads(files[name]), at, value))}


LAYER = ("modelTopology", "config", "layers", 0, "config")
LEGEND = ("outputs", "0", "legend")


@pytest.mark.parametrize(
    "name, at, value, message",
    [
        ("model.json", LAYER, [16, "relu"], "Layer 1's config is a list; it must be an object"),
        ("model.json", (*LAYER, "activation"), ["relu"], "activation that is a list"),
        ("model.json", ("weightsManifest", 0, "weights", 0), "w", "Entry 1 of the weights"),
        ("model.json", ("weightsManifest", 0, "weights", 0, "name"), ["a"], "Entry 1 of the"),
        ("model.json", ("weightsManifest", 0, "weights"), 3, "weights are a number; they must"),
        ("model.json", ("weightsManifest", 0, "weights", 0, "shape"), [True, 16], "valid shape"),
        ("model_meta.json", (*LEGEND, "cat"), [1, "0", 0], "not a one-hot vector of 3 numbers"),
        ("model_meta.json", (*LEGEND, "cat"), [None, 1, 0], "not a one-hot vector"),
        ("model_meta.json", ("outputs", "0", "uniqueValues"), [["cat"], "dog", "bird"],
         "uniqueValues must be a list of class names"),
        ("model_meta.json", ("outputs", "0", "uniqueValues"), ["cat", "dog", "cat"],
         "names the class 'cat' twice"),
        ("model_meta.json", ("inputs",), {"0": {}, "x" * 201: {}}, "input name .* 201 characters"),
        ("model_meta.json", ("outputs", "0", "uniqueValues"), ["cat", "dog", "b" * 201],
         "class name .* 201 characters"),
        ("model_meta.json", ("inputs", "0", "max"), 1.7e308, "too wide to rescale"),
    ],
)  # fmt: skip
def test_a_badly_structured_part_is_refused_naming_it_and_what_is_allowed(name, at, value, message):
    files = saved_files()
    if at[-1] == "uniqueValues":  # a meta file without a legend names its classes by uniqueValues
        files = changed(files, name, LEGEND, None)
    if at[-1] == "max":
        files = changed(files, name, ("inputs", "0", "min"), -1.7e308)
    with pytest.raises(Ml5Error, match=message):
        open_ml5(changed(files, name, at, value)).for_view()
