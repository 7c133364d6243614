"""ml5.js models and glassnet networks, both ways, with the same predictions.

Open a model ml5.js saved (:func:`from_ml5`) and get an :class:`Ml5Model`: a
glassnet ``Network`` that computes what the ml5 model computes, the inputs by
name with ml5's normalization, the class labels, and :meth:`Ml5Model.predict`,
which answers as ml5's ``classify()`` and ``predict()`` do.

Writing a network as files ml5.js loads is in ``ml5_export.py``.

Three facts make the two sides meet exactly:

- ml5 classifies two classes with a two-unit softmax; glassnet with one sigmoid
  output. softmax([0, z]) is [1 - sigmoid(z), sigmoid(z)], so a sigmoid output
  with weights w and bias b is written as weights [0, w] and biases [0, b] (a
  tanh output learning -1/+1 as [0, 2w], [0, 2b], since (tanh(z) + 1) / 2 is
  sigmoid(2z)); any two-unit softmax opens as one sigmoid output.
- ml5 feeds each input as (x - min) / (max - min) when ``isNormalized``, and
  turns a regression output r in 0..1 back into r (max - min) + min.
- JavaScript orders an object's integer-like keys ("2", "10") first: ml5 reads
  inputs and ``classifySync`` reads labels in that order, so they are written
  in it (see ``ml5_files.js_key_order``).

This module knows the engine and the data layer's ``Normalization``; nothing
about sessions or the web.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import limits
from ..data import INPUT_RANGE, DataError, Dataset, Normalization
from ..engine import Network
from .ml5_files import TFJS_NAMES, DenseLayer, Ml5Error, Ml5Files, js_key_order, read_ml5_files


@dataclass(frozen=True)
class Ml5Model:
    """An ml5.js model opened in glassnet.

    Attributes
    ----------
    network : Network
        Takes the inputs as ml5 feeds them (after its normalization, when
        ``is_normalized``), and computes what the ml5 model computes.
    task : str
        ``classification`` or ``regression``.
    input_names : tuple of str
        In the order ml5 reads an input array.
    input_min, input_max : ndarray or None
        Each input's range from the meta file (None when it has none).
    is_normalized : bool
    labels : tuple of str or None
        The classes, in the order of the network's outputs (None for regression).
    output_name : str
    output_min, output_max : float or None
        A regression output's range in the user's units.
    output_is_half : bool
        The network's output v stands for ml5's raw output (v + 1) / 2 (an ml5
        sigmoid output, opened as glassnet's tanh).
    """

    network: Network
    task: str
    input_names: tuple[str, ...]
    input_min: np.ndarray | None
    input_max: np.ndarray | None
    is_normalized: bool
    labels: tuple[str, ...] | None
    output_name: str
    output_min: float | None = None
    output_max: float | None = None
    output_is_half: bool = False

    def normalize(self, rows) -> np.ndarray:
        """Raw input rows as ml5 feeds them to the network, shape (n_rows, n_inputs)."""
        x = np.asarray(rows, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != len(self.input_names):
            raise ValueError(
                f"Rows must have shape (n_rows, {len(self.input_names)}), one column per input "
                f"({', '.join(self.input_names)}); got {x.shape}."
            )
        if not self.is_normalized:
            return x
        span = self.input_max - self.input_min
        safe = np.where(span == 0, 1.0, span)
        return np.where(span == 0, 0.0, (x - self.input_min) / safe)

    def predict(self, rows) -> np.ndarray:
        """What ml5 answers for raw input rows.

        Returns
        -------
        ndarray
            Classification: each class's probability in ``labels`` order, shape
            (n_rows, n_classes). Regression: the value in the user's units,
            shape (n_rows,).
        """
        y = self.network.predict(self.normalize(rows))
        if self.task == "classification":
            if y.shape[1] > 1:
                return y
            p = (y[:, 0] + 1) / 2 if self.network.activation_names[-1] == "tanh" else y[:, 0]
            return np.column_stack([1 - p, p])
        raw = (y[:, 0] + 1) / 2 if self.output_is_half else y[:, 0]
        if self.is_normalized and self.output_min is not None:
            return raw * (self.output_max - self.output_min) + self.output_min
        return raw

    def for_view(self, name: str = "ml5 model") -> tuple[Dataset, Network]:
        """An empty dataset of this model's inputs and classes, and the network on the map.

        glassnet's map shows every input from -6 to 6: an input's range from the
        meta file (min to max) lands on -5..5, as a loaded file's would. The
        returned network takes those map coordinates and computes exactly what
        the model computes for the raw values they stand for (its first layer
        absorbs the step from map to ml5's inputs); the dataset's normalization
        turns map coordinates and outputs back into the user's units.
        """
        n = len(self.input_names)
        network = self.network.copy()
        first = network.layers[0]
        if self.input_min is not None:
            lo, hi = INPUT_RANGE
            span = self.input_max - self.input_min
            # raw = min + (u - lo) / (hi - lo) * span for a map coordinate u; ml5 feeds
            # raw itself, or (raw - min) / span when normalized (0 for a constant input).
            if self.is_normalized:
                scale = np.where(span == 0, 0.0, 1.0 / (hi - lo))
                offset = np.where(span == 0, 0.0, -lo / (hi - lo))
            else:
                scale, offset = span / (hi - lo), self.input_min - lo * span / (hi - lo)
            first.biases[...] = first.biases + offset @ first.weights
            first.weights[...] = scale[:, None] * first.weights
        norm = None
        problem = "classification" if self.task == "classification" else "regression"
        try:
            if self.input_min is not None or self.task == "regression":
                low = tuple(self.input_min) if self.input_min is not None else (-5.0,) * n
                high = tuple(self.input_max) if self.input_max is not None else (5.0,) * n
                norm = Normalization(low, high, *self._target_range())
            dataset = Dataset(np.zeros((0, n)),
                              np.zeros(0, dtype=np.int64 if self.labels else float), problem,
                              self.input_names, self.labels or (), name, norm)  # fmt: skip
        except DataError as error:  # the meta file's names or ranges, checked by the data layer
            raise Ml5Error(f"The meta file's inputs or outputs cannot be shown: {error}.") from None
        return dataset, network

    def _target_range(self) -> tuple[float | None, float | None]:
        """The user's values that the network's outputs -1 and 1 stand for (regression)."""
        if self.task != "regression":
            return None, None
        low, high = (self.output_min, self.output_max) if self.is_normalized else (0.0, 1.0)
        if low is None:
            low, high = 0.0, 1.0
        if self.output_is_half:  # ml5's raw r = (v + 1) / 2 -> low + r (high - low)
            return low, high
        # ml5's raw r = v itself -> low + v (high - low): v = -1 and 1 give these.
        return 2 * low - high, high


# -- opening ----------------------------------------------------------------------------


def from_ml5(path: str | Path) -> Ml5Model:
    """Open the model ml5.js saved in a folder (or given by its ``.json`` file).

    The folder holds ``NAME.json``, ``NAME.weights.bin`` and ``NAME_meta.json``
    (``model.*`` when ``save()`` had no name); any name is accepted.

    Raises
    ------
    Ml5Error
        Naming the part that cannot be opened and what is supported.
    """
    path = Path(path)
    folder = path.parent if path.suffix == ".json" else path
    if not folder.is_dir():
        raise Ml5Error(f"There is no folder {str(folder)[:200]!r} with an ml5.js model in it.")
    files = {p.name: p.read_bytes() for p in folder.iterdir()
             if p.is_file() and p.suffix in (".json", ".bin")}  # fmt: skip
    return open_ml5(files, model_name=path.name if path.suffix == ".json" else None)


def open_ml5(files: dict[str, bytes], model_name: str | None = None) -> Ml5Model:
    """Open an ml5.js model from its files' contents, by file name (as a page uploads them)."""
    model_name = model_name or _model_file_name(files)
    stem = model_name[: -len(".json")]
    meta_name = next(
        (n for n in (f"{stem}_meta.json", "model_meta.json") if n in files),
        _only(files, lambda n: n.endswith("_meta.json"), "meta file (NAME_meta.json)"),
    )
    weights_name = next(
        (n for n in (f"{stem}.weights.bin", "model.weights.bin") if n in files),
        _only(files, lambda n: n.endswith(".bin"), "weights file (NAME.weights.bin)"),
    )
    return model_from_files(read_ml5_files(files[model_name], files[weights_name],
                                           files[meta_name]))  # fmt: skip


def _model_file_name(files: dict) -> str:
    if "model.json" in files:
        return "model.json"
    return _only(files, lambda n: n.endswith(".json") and not n.endswith("_meta.json"),
                 "model file (NAME.json)")  # fmt: skip


def _only(files: dict, wanted, what: str) -> str:
    names = sorted(n for n in files if wanted(n))
    if len(names) != 1:
        found = f"found {', '.join(names)}" if names else "found none"
        raise Ml5Error(f"An ml5.js model needs exactly one {what}; {found}.")
    return names[0]


def model_from_files(files: Ml5Files) -> Ml5Model:
    """The glassnet form of checked ml5.js model files."""
    meta, layers = files.meta, list(files.layers)
    names, low, high, normalized = _inputs(meta, layers[0].kernel.shape[0])
    hidden = []
    for layer in layers[:-1]:
        hidden.append(_glassnet_activation(layer, hidden=True))
        if layer.bias.size > limits.MAX_NEURONS:
            raise Ml5Error(
                f"Layer {layer.name!r} has {layer.bias.size} neurons; glassnet shows at most "
                f"{limits.MAX_NEURONS} in a layer."
            )
    outputs = meta.get("outputs")
    if not isinstance(outputs, dict) or not outputs:
        raise Ml5Error("The meta file has no outputs: it does not say what the model predicts.")
    output_name = next(iter(outputs))
    _check_name_lengths([output_name], "output")
    output = outputs[output_name] if isinstance(outputs[output_name], dict) else {}
    last = layers[-1]
    own = meta.get("glassnet") if isinstance(meta.get("glassnet"), dict) else {}
    if "legend" in output or output.get("dtype") == "string":
        labels = _labels(output, last.bias.size)
        layers[-1], activation = _classifier_output(last, own.get("output_activation"))
        loss = "categorical_crossentropy" if activation == "softmax" else (
            "binary_crossentropy" if activation == "sigmoid" else "mse")  # fmt: skip
        task, half, out_low, out_high = "classification", False, None, None
    else:
        if len(outputs) != 1 or last.bias.size != 1:
            raise Ml5Error(
                f"This regression model predicts {last.bias.size} numbers "
                f"({', '.join(map(str, outputs))[:80]}); glassnet opens models that predict one."
            )
        labels, loss, task = None, "mse", "regression"
        layers[-1], activation, half = _regression_output(last)
        out_low, out_high = _range(output, "the output")
    sizes = [layers[0].kernel.shape[0], *[layer.bias.size for layer in layers]]
    network = Network(sizes, activation=hidden, output_activation=activation, loss=loss)
    for mine, theirs in zip(network.layers, layers):
        mine.weights[...] = theirs.kernel
        mine.biases[...] = theirs.bias
    return Ml5Model(network, task, names, low, high, normalized, labels, str(output_name),
                    out_low, out_high, half)  # fmt: skip


def _inputs(meta: dict, n_inputs: int):
    inputs = meta.get("inputs")
    if not isinstance(inputs, dict) or len(inputs) != n_inputs:
        count = len(inputs) if isinstance(inputs, dict) else 0
        raise Ml5Error(
            f"The meta file names {count} inputs but the model takes {n_inputs}: the files do "
            "not belong together."
        )
    keys = list(inputs)
    names = tuple(keys[i] for i in js_key_order(keys))
    _check_name_lengths(names, "input")
    for name in names:
        entry = inputs[name] if isinstance(inputs[name], dict) else {}
        if entry.get("dtype", "number") != "number":
            raise Ml5Error(
                f"Input {name!r} is {str(entry.get('dtype'))[:20]}; glassnet opens models whose "
                "inputs are numbers."
            )
    ranges = [_range(inputs[n] if isinstance(inputs[n], dict) else {}, f"input {n!r}")
              for n in names]  # fmt: skip
    normalized = meta.get("isNormalized") is True
    if any(lo is None for lo, _ in ranges):
        if normalized:
            raise Ml5Error("The meta file says the inputs are normalized but gives no min and max.")
        return names, None, None, False
    low = np.array([lo for lo, _ in ranges])
    high = np.array([hi for _, hi in ranges])
    return names, low, high, normalized


def _range(entry: dict, what: str):
    low, high = entry.get("min"), entry.get("max")
    if low is None and high is None:
        return None, None
    numbers = all(_number(v) for v in (low, high))
    if not (numbers and math.isfinite(low) and math.isfinite(high) and low <= high):
        raise Ml5Error(f"The range of {what} must be two finite numbers, the smaller first.")
    if not math.isfinite(float(high) - float(low)):  # near 1e308: no scale reaches it
        raise Ml5Error(f"The range of {what} is too wide to rescale: {low:g} to {high:g}.")
    return float(low), float(high)


def _glassnet_activation(layer: DenseLayer, hidden: bool) -> str:
    name = {v: k for k, v in TFJS_NAMES.items()}.get(layer.activation)
    if name is None or (hidden and name == "softmax"):
        raise Ml5Error(
            f"Layer {layer.name!r} uses the activation {str(layer.activation)[:30]!r}; glassnet "
            f"opens tanh, relu, sigmoid, linear, elu and softplus (and softmax for the output)."
        )
    return name


def _labels(output: dict, units: int) -> tuple[str, ...]:
    """The class names in the order of the output units (their one-hot vectors)."""
    legend = output.get("legend")
    if isinstance(legend, dict):
        order = {}
        one_hot = [0] * (units - 1) + [1]
        for label, vector in legend.items():
            numbers = isinstance(vector, list) and all(_number(v) for v in vector)
            if not (numbers and sorted(vector) == one_hot):
                raise Ml5Error(
                    f"The legend of class {label[:40]!r} is not a one-hot vector of {units} "
                    "numbers (one 1, the rest 0)."
                )
            order[vector.index(1)] = label
        labels = tuple(order[k] for k in sorted(order))
    else:
        values = output.get("uniqueValues") or []
        if not isinstance(values, list) or not all(
            isinstance(v, str) or _number(v) for v in values
        ):
            raise Ml5Error(
                "The meta file's uniqueValues must be a list of class names (text or numbers)."
            )
        labels = tuple(str(v) for v in values)
    if len(labels) != units or units < 2 or units > limits.MAX_OUTPUTS:
        raise Ml5Error(
            f"The model has {units} outputs but its meta file names {len(labels)} classes; a "
            f"classifier has 2 to {limits.MAX_OUTPUTS}, one output each."
        )
    if len(set(labels)) != len(labels):
        twice = next(label for label in labels if labels.count(label) > 1)
        raise Ml5Error(
            f"The meta file names the class {twice[:40]!r} twice; each class needs its own name."
        )
    _check_name_lengths(labels, "class")
    return labels


def _number(value) -> bool:
    """A number in JSON (true and false are not numbers, though Python's bool is an int)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_name_lengths(names, what: str) -> None:
    for name in names:
        if len(name) > limits.MAX_NAME_CHARS:
            raise Ml5Error(
                f"A {what} name in the meta file has {len(name):,} characters ({name[:30]!r}...); "
                f"glassnet shows names of up to {limits.MAX_NAME_CHARS}."
            )


def _classifier_output(last: DenseLayer, written_as: str | None):
    """A softmax output; two units become glassnet's one sigmoid (or tanh) output."""
    if last.activation != "softmax":
        raise Ml5Error(
            f"The output layer of a classifier uses {str(last.activation)[:30]!r}; ml5.js "
            "classifiers end in softmax."
        )
    if last.bias.size > 2:
        return last, "softmax"
    # softmax([z0, z1])[1] = sigmoid(z1 - z0): exact, and [0, w] gives back w itself.
    w = last.kernel[:, 1:] - last.kernel[:, :1]
    b = last.bias[1:] - last.bias[:1]
    if written_as == "tanh":  # glassnet wrote a tanh output as [0, 2w], [0, 2b]
        return DenseLayer(last.name, "tanh", w / 2, b / 2), "tanh"
    return DenseLayer(last.name, "sigmoid", w, b), "sigmoid"


def _regression_output(last: DenseLayer):
    """A linear or tanh output as it is; sigmoid as tanh: sigmoid(z) = (tanh(z/2) + 1) / 2."""
    if last.activation in ("linear", "tanh"):
        return last, last.activation, False
    if last.activation == "sigmoid":
        return DenseLayer(last.name, "tanh", last.kernel / 2, last.bias / 2), "tanh", True
    raise Ml5Error(
        f"The output of this regression model uses {str(last.activation)[:30]!r}; glassnet "
        "opens linear, sigmoid and tanh outputs."
    )
