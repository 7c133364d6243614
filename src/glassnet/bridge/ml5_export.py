"""Writing a glassnet network as the files ml5.js loads, with the same predictions.

:func:`ml5_files` (and :func:`to_ml5`, which writes them to a folder) turn a
network into ``model.json``, ``model.weights.bin`` and ``model_meta.json`` in
exactly the layout ml5.js 1.x's ``save()`` writes. How a sigmoid, a tanh and a
file's rescaling become what ml5 computes is explained in ``ml5.py``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .. import __version__
from ..data import INPUT_RANGE, Normalization
from ..engine import Network
from .ml5_files import (
    NOT_IN_TFJS,
    TFJS_NAMES,
    DenseLayer,
    Ml5Error,
    Ml5Files,
    js_key_order,
    write_ml5_files,
)


def to_ml5(
    network: Network,
    directory: str | Path,
    labels=None,
    input_names=None,
    normalization: Normalization | None = None,
    name: str = "model",
) -> list[Path]:
    """Write a network as the three files ml5.js's ``neuralNetwork().load()`` reads.

    Returns the paths written. See :func:`ml5_files` for the parameters.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, content in ml5_files(network, labels, input_names, normalization, name).items():
        (folder / file_name).write_bytes(content)
        written.append(folder / file_name)
    return written


def ml5_files(
    network: Network,
    labels=None,
    input_names=None,
    normalization: Normalization | None = None,
    name: str = "model",
) -> dict[str, bytes]:
    """The three ml5.js files of a network, by file name.

    Parameters
    ----------
    network : Network
    labels : sequence of str, optional
        The class names, one per class: the model is a classifier. Without
        labels a softmax or sigmoid output is a classifier of classes "0", "1",
        ...; a linear or tanh output predicts a number.
    input_names : sequence of str, optional
        ``x1``, ``x2``, ... by default.
    normalization : Normalization, optional
        The ranges a loaded file's raw values were rescaled from. Given, the
        model takes raw values in the user's units (ml5 normalizes them, and the
        rescaling is folded into the first and last layers); the network's inputs
        must then be the file's columns themselves, in order.
    name : str
        ``model`` writes ``model.json``, ``model.weights.bin`` and
        ``model_meta.json``: the names ``load("folder/model.json")`` expects.
    """
    acts = network.activation_names
    layers = [
        DenseLayer(f"dense_Dense{i + 1}", _tfjs_name(act) if i < len(acts) - 1 else act,
                   layer.weights.copy(), layer.biases.copy())
        for i, (layer, act) in enumerate(zip(network.layers, acts))
    ]  # fmt: skip
    n_in = network.layer_sizes[0]
    names = list(input_names or [f"x{k}" for k in range(1, n_in + 1)])
    if len(names) != n_in or len(set(names)) != n_in:
        raise Ml5Error(f"Give {n_in} different input names, one per input; got {names!r}.")
    output, last = acts[-1], layers[-1]
    classifier = labels is not None or output in ("softmax", "sigmoid")
    if normalization is not None:
        layers[0] = _fold_inputs(layers[0], normalization)
    if classifier:
        labels = list(labels or [str(k) for k in range(max(2, last.bias.size))])
        layers[-1], labels = _classifier_layer(last, output, labels)
        out_meta = _label_meta(labels)
    else:
        layers[-1], out_meta = _regression_layer(last, output, normalization)
    # ml5 reads an input array in JavaScript's order of the names: the kernel's rows follow it.
    order = js_key_order(names)
    first = layers[0]
    layers[0] = DenseLayer(first.name, first.activation, first.kernel[order], first.bias)
    low = normalization.input_min if normalization else [-6.0] * n_in
    high = normalization.input_max if normalization else [6.0] * n_in
    meta = {
        "inputUnits": [n_in],
        "outputUnits": int(layers[-1].bias.size),
        "inputs": {names[i]: {"dtype": "number", "min": float(low[i]), "max": float(high[i])}
                   for i in order},  # fmt: skip
        "outputs": out_meta,
        "isNormalized": normalization is not None,
        "glassnet": {"version": __version__, "output_activation": output,
                     "loss": network.loss.name, "labels": labels if classifier else None},
    }  # fmt: skip
    return write_ml5_files(Ml5Files(tuple(layers), meta), name)


def _tfjs_name(activation: str) -> str:
    if activation in NOT_IN_TFJS:
        raise Ml5Error(
            f"ml5.js (TensorFlow.js) has no {activation} activation for a layer, so this network "
            "cannot be written for it. Choose tanh, ReLU, sigmoid, linear, ELU or softplus for "
            "its hidden layers, train again, and export that."
        )
    return TFJS_NAMES[activation]


def _classifier_layer(last: DenseLayer, output: str, labels: list[str]):
    """A softmax layer whose units follow JavaScript's order of the label names."""
    if output == "softmax":
        kernel, bias = last.kernel, last.bias
    elif output in ("sigmoid", "tanh"):
        scale = 2.0 if output == "tanh" else 1.0  # (tanh(z) + 1) / 2 = sigmoid(2z)
        kernel = np.column_stack([np.zeros(len(last.kernel)), scale * last.kernel[:, 0]])
        bias = np.array([0.0, scale * last.bias[0]])
    else:
        raise Ml5Error(f"A {output} output cannot be written as an ml5.js classifier.")
    if len(labels) != bias.size or len(set(labels)) != len(labels):
        raise Ml5Error(f"Give {bias.size} different class names, one per class; got {labels!r}.")
    order = js_key_order(labels)
    layer = DenseLayer(last.name, "softmax", kernel[:, order], bias[order])
    return layer, [labels[i] for i in order]


def _label_meta(labels: list[str]) -> dict:
    n = len(labels)
    legend = {label: [int(j == k) for j in range(n)] for k, label in enumerate(labels)}
    return {"label": {"dtype": "string", "min": 0, "max": 1, "uniqueValues": labels,
                      "legend": legend}}  # fmt: skip


def _regression_layer(last: DenseLayer, output: str, normalization: Normalization | None):
    if output not in ("linear", "tanh"):
        raise Ml5Error(f"A {output} output cannot be written as an ml5.js regression model.")
    if normalization is None or normalization.target_min is None:
        # ml5 always writes an output's min and max; unused here (isNormalized is false),
        # they say the range a glassnet output learns in: -1..1.
        layer = DenseLayer(last.name, output, last.kernel, last.bias)
        return layer, {"value": {"dtype": "number", "min": -1.0, "max": 1.0}}
    # ml5 un-normalizes a raw output r in 0..1 as r (max - min) + min; the network's
    # output v in -1..1 stands for r = (v + 1) / 2.
    if output == "linear":
        layer = DenseLayer(last.name, "linear", last.kernel / 2, (last.bias + 1) / 2)
    else:  # (tanh(z) + 1) / 2 = sigmoid(2z)
        layer = DenseLayer(last.name, "sigmoid", 2 * last.kernel, 2 * last.bias)
    low, high = normalization.target_min, normalization.target_max
    return layer, {"value": {"dtype": "number", "min": low, "max": high}}


def _fold_inputs(first: DenseLayer, norm: Normalization) -> DenseLayer:
    """The first layer as it must be to take ml5's normalized inputs n = (x - min) / (max - min).

    glassnet's input was u = lo + (hi - lo) n (a constant column: u = 0), so
    z = u W + b = n (hi - lo) W + (b + lo Σ W over the columns that vary).
    """
    lo, hi = INPUT_RANGE
    varies = np.array(norm.input_max) > np.array(norm.input_min)
    kernel = (hi - lo) * first.kernel
    bias = first.bias + lo * first.kernel[varies].sum(axis=0)
    return DenseLayer(first.name, first.activation, kernel, bias)
