"""ml5.js model files read and written exactly: model.json, model.weights.bin, model_meta.json.

ml5.js's ``neuralNetwork().save()`` writes three files (``save("name")`` uses
that name instead of ``model``):

- ``model.json``: the TensorFlow.js layers model. ``modelTopology`` is a
  Sequential model of Dense layers (``dense_Dense1``, ``dense_Dense2``, ...; the
  first says its ``batch_input_shape``), and ``weightsManifest`` lists each
  layer's ``kernel`` (shape [in, out]) and ``bias``, in order.
- ``model.weights.bin``: those arrays as float32, little endian, one after the
  other in the manifest's order, each row by row.
- ``model_meta.json``: ml5's own description: the inputs by name with their
  ``min`` and ``max``, the outputs (a class label's ``legend`` of one-hot
  vectors, or a number's ``min`` and ``max``) and ``isNormalized``.

This module checks everything on the way in against ``limits.py`` and says
which part is wrong; it knows nothing of glassnet's networks (``ml5.py`` turns
these files into a ``Network`` and back).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from .. import limits

TFJS_NAMES = {
    "tanh": "tanh", "relu": "relu", "sigmoid": "sigmoid", "linear": "linear",
    "elu": "elu", "softplus": "softplus", "softmax": "softmax",
}  # fmt: skip
"""glassnet activation -> the TensorFlow.js activation that computes exactly the same."""

NOT_IN_TFJS = ("leaky_relu", "sine")
"""glassnet activations TensorFlow.js has no activation string for."""

WEIGHTS_DTYPE = np.dtype("<f4")
"""float32, little endian: what TensorFlow.js writes."""


class Ml5Error(ValueError):
    """Model files glassnet cannot open; the message names the part and what is supported."""


@dataclass(frozen=True, eq=False)
class DenseLayer:
    """One Dense layer of a model: its name, activation, kernel (n_in, n_out) and bias (n_out,)."""

    name: str
    activation: str
    kernel: np.ndarray
    bias: np.ndarray


@dataclass(frozen=True, eq=False)
class Ml5Files:
    """The content of an ml5.js model's three files, checked.

    Attributes
    ----------
    layers : tuple of DenseLayer
    meta : dict
        The meta file as it was (ml5's ``inputs``, ``outputs``, ``isNormalized``, ...).
    """

    layers: tuple[DenseLayer, ...]
    meta: dict


def read_ml5_files(model: str | bytes, weights: bytes, meta: str | bytes) -> Ml5Files:
    """Read and check the three files of an ml5.js model.

    Raises
    ------
    Ml5Error
        Naming the file and what is wrong: not JSON, a layer that is not Dense,
        a missing or mismatched weights file, a truncated ``.bin``, shapes that
        do not match the manifest, numbers that are not finite, or a model larger
        than glassnet's limits.
    """
    for what, content in (("model file", model), ("weights file", weights), ("meta file", meta)):
        if len(content) > limits.MAX_FILE_BYTES:
            raise Ml5Error(
                f"The {what} has {len(content):,} bytes; glassnet opens files of up to "
                f"{limits.MAX_FILE_BYTES:,} bytes."
            )
    topology, manifest = _model_parts(_json(model, "model file (model.json)"))
    meta_document = _json(meta, "meta file (model_meta.json)")
    if not isinstance(meta_document, dict):
        raise Ml5Error("The meta file (model_meta.json) must be a JSON object.")
    configs = _dense_configs(topology)
    arrays = _weights(manifest, weights)
    layers = []
    n_in = configs[0]["inputs"]
    for config in configs:
        kernel = arrays.get(f"{config['name']}/kernel")
        bias = arrays.get(f"{config['name']}/bias")
        if kernel is None or bias is None:
            raise Ml5Error(
                f"The weights manifest has no kernel and bias for layer {config['name']!r}; "
                "the model file and its weights do not belong together."
            )
        if kernel.shape != (n_in, config["units"]) or bias.shape != (config["units"],):
            raise Ml5Error(
                f"Layer {config['name']!r} has {config['units']} units after {n_in} inputs, but "
                f"its weights have shapes {list(kernel.shape)} and {list(bias.shape)}."
            )
        layers.append(DenseLayer(config["name"], config["activation"], kernel, bias))
        n_in = config["units"]
    return Ml5Files(tuple(layers), meta_document)


def write_ml5_files(files: Ml5Files, name: str = "model") -> dict[str, bytes]:
    """The three files, as ml5.js's ``save(name)`` would write them: file name -> bytes."""
    topology_layers, specs, blobs = [], [], []
    for i, layer in enumerate(files.layers):
        config = {
            "units": int(layer.bias.size),
            "activation": layer.activation,
            "use_bias": True,
            "kernel_initializer": {
                "class_name": "VarianceScaling",
                "config": {"scale": 1, "mode": "fan_avg", "distribution": "normal", "seed": None},
            },
            "bias_initializer": {"class_name": "Zeros", "config": {}},
            "kernel_regularizer": None,
            "bias_regularizer": None,
            "activity_regularizer": None,
            "kernel_constraint": None,
            "bias_constraint": None,
            "name": layer.name,
            "trainable": True,
        }
        if i == 0:
            config["batch_input_shape"] = [None, int(layer.kernel.shape[0])]
            config["dtype"] = "float32"
        topology_layers.append({"class_name": "Dense", "config": config})
        for part, array in (("kernel", layer.kernel), ("bias", layer.bias)):
            data = np.ascontiguousarray(array, dtype=WEIGHTS_DTYPE)
            specs.append({"name": f"{layer.name}/{part}", "shape": list(data.shape),
                          "dtype": "float32"})  # fmt: skip
            blobs.append(data.tobytes())
    model = {
        "modelTopology": {
            "class_name": "Sequential",
            "config": {"name": "sequential_1", "layers": topology_layers},
            "keras_version": "tfjs-layers 4.22.0",
            "backend": "tensor_flow.js",
        },
        "weightsManifest": [{"paths": [f"./{name}.weights.bin"], "weights": specs}],
    }
    return {
        f"{name}.json": json.dumps(model).encode(),
        f"{name}.weights.bin": b"".join(blobs),
        f"{name}_meta.json": json.dumps(files.meta).encode(),
    }


def js_key_order(names: list[str]) -> list[int]:
    """The order JavaScript gives an object's keys: integer-like keys first, by value.

    ml5.js reads an input array in the order of its meta's ``inputs`` keys, and
    ``classifySync`` its labels in the order of the ``legend`` keys; JavaScript
    puts keys such as ``"2"`` and ``"10"`` before the others, in numeric order.
    Returns the indices of ``names`` in that order.
    """
    numeric = [i for i, n in enumerate(names) if _integer_like(n)]
    numeric.sort(key=lambda i: int(names[i]))
    return numeric + [i for i, n in enumerate(names) if not _integer_like(n)]


def _integer_like(name: str) -> bool:
    # An array index: "0" or digits without a leading zero, below 2**32 - 1.
    return bool(re.fullmatch(r"0|[1-9][0-9]*", name)) and int(name) < 2**32 - 1


def _whole(value) -> bool:
    """A whole number in JSON: an int, and not true or false (Python's bool is an int)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _kind(value) -> str:
    """What a JSON value is, for a message: "a list", "text", "a number", ..."""
    kinds = {dict: "an object", list: "a list", str: "text", bool: "true or false",
             int: "a number", float: "a number", type(None): "null"}  # fmt: skip
    return kinds.get(type(value), "something else")


def _json(content: str | bytes, what: str) -> Any:
    try:
        return json.loads(content)
    except (ValueError, UnicodeDecodeError) as error:
        raise Ml5Error(f"The {what} is not JSON ({str(error)[:120]}).") from None
    except RecursionError:
        raise Ml5Error(f"The {what} nests lists or objects too deeply.") from None


def _model_parts(document: Any) -> tuple[dict, list]:
    if not isinstance(document, dict) or "modelTopology" not in document:
        raise Ml5Error(
            "The model file has no modelTopology: it is not a TensorFlow.js layers model such "
            "as ml5.js's save() writes (model.json)."
        )
    topology = document["modelTopology"]
    if isinstance(topology, dict) and "model_config" in topology:  # as Keras converters write it
        topology = topology["model_config"]
    manifest = document.get("weightsManifest")
    if not isinstance(topology, dict) or not isinstance(manifest, list) or not manifest:
        raise Ml5Error(
            "The model file must have a modelTopology object and a weightsManifest list."
        )
    return topology, manifest


def _dense_configs(topology: dict) -> list[dict]:
    if topology.get("class_name") != "Sequential":
        raise Ml5Error(
            f"The model is a {str(topology.get('class_name'))[:40]!r}; glassnet opens Sequential "
            "models of Dense layers, as ml5.js's neuralNetwork makes."
        )
    config = topology.get("config")
    layers = config.get("layers") if isinstance(config, dict) else config
    if not isinstance(layers, list) or not layers:
        raise Ml5Error("The model has no layers.")
    if isinstance(layers[0], dict) and layers[0].get("class_name") == "InputLayer":
        config = layers[0].get("config")
        shape = config.get("batch_input_shape") if isinstance(config, dict) else None
        layers = _with_input_shape(layers[1:], shape)
        if not layers:
            raise Ml5Error("The model has an input layer and no Dense layers after it.")
    dense = []
    for position, layer in enumerate(layers, start=1):
        kind = layer.get("class_name") if isinstance(layer, dict) else None
        if kind != "Dense":
            raise Ml5Error(
                f"Layer {position} is a {str(kind)[:40]!r} layer; glassnet opens models made "
                "only of Dense layers (fully connected), as ml5.js's neuralNetwork makes."
            )
        c = layer.get("config")
        if not isinstance(c, dict):
            raise Ml5Error(
                f"Layer {position}'s config is {_kind(c)}; it must be an object with the layer's "
                "units, name and activation."
            )
        units, name, activation = c.get("units"), c.get("name"), c.get("activation", "linear")
        if not _whole(units) or units < 1:
            raise Ml5Error(f"Layer {position} has no whole number of units.")
        if not isinstance(name, str) or not name:
            raise Ml5Error(f"Layer {position} has no name; its weights are found by name.")
        if not isinstance(activation, str):
            raise Ml5Error(
                f"Layer {name[:40]!r} has an activation that is {_kind(activation)}; it must be a "
                'name such as "relu".'
            )
        if c.get("use_bias") is False:
            raise Ml5Error(f"Layer {name!r} has no biases; glassnet's neurons always have one.")
        entry = {"name": name, "units": units, "activation": activation}
        if position == 1:
            entry["inputs"] = _input_count(c)
        dense.append(entry)
    if len(dense) - 1 > limits.MAX_HIDDEN_LAYERS:
        raise Ml5Error(
            f"The model has {len(dense) - 1} hidden layers; glassnet shows at most "
            f"{limits.MAX_HIDDEN_LAYERS}."
        )
    return dense


def _with_input_shape(layers: list, shape) -> list:
    """The layers after an InputLayer, the first given the InputLayer's shape."""
    if (
        not layers
        or not isinstance(layers[0], dict)
        or not isinstance(layers[0].get("config"), dict)
    ):
        return layers  # _dense_configs says what is wrong with it
    first = dict(layers[0])
    first["config"] = dict(first["config"], batch_input_shape=shape)
    return [first, *layers[1:]]


def _input_count(config: dict) -> int:
    shape = config.get("batch_input_shape") or config.get("batch_shape")
    if shape is None and config.get("input_shape") is not None:
        shape = [None, *config["input_shape"]]
    ok = isinstance(shape, list) and len(shape) == 2 and _whole(shape[1])
    if not ok or not 1 <= shape[1] <= limits.MAX_INPUTS:
        raise Ml5Error(
            f"The first layer must say how many inputs it takes (batch_input_shape [null, n], "
            f"n from 1 to {limits.MAX_INPUTS}); it says {str(shape)[:60]}."
        )
    return shape[1]


def _weights(manifest: list, data: bytes) -> dict[str, np.ndarray]:
    """Each named array of the manifest, read from the one weights file."""
    specs = []
    for group in manifest:
        paths = group.get("paths") if isinstance(group, dict) else None
        if not isinstance(paths, list) or len(paths) != 1 or len(manifest) != 1:
            raise Ml5Error(
                "The weights are split over several files; glassnet opens models whose weights "
                "are in one .bin file, as ml5.js's save() writes them."
            )
        specs = group.get("weights")
        if not isinstance(specs, list):
            raise Ml5Error(
                f"The weights manifest's weights are {_kind(specs)}; they must be a list of "
                "objects, each with a name, a shape and a dtype."
            )
    arrays, offset = {}, 0
    for position, spec in enumerate(specs, start=1):
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
            raise Ml5Error(
                f"Entry {position} of the weights manifest is {_kind(spec)}; it must be an object "
                'whose name is text such as "dense_Dense1/kernel".'
            )
        name, shape, dtype = spec["name"][:60], spec.get("shape"), spec.get("dtype", "float32")
        if dtype != "float32":
            raise Ml5Error(f"Weights {name!r} are {str(dtype)[:20]}; glassnet reads float32.")
        if not isinstance(shape, list) or not all(_whole(n) and n >= 0 for n in shape):
            raise Ml5Error(f"Weights {name!r} have no valid shape (a list of whole numbers).")
        count = math.prod(shape)
        if count > limits.MAX_INPUTS * limits.MAX_NEURONS * 64:
            raise Ml5Error(f"Weights {name!r} are far larger than any network glassnet shows.")
        size = count * WEIGHTS_DTYPE.itemsize
        if offset + size > len(data):
            raise Ml5Error(
                f"The weights file is too short: it has {len(data):,} bytes, and the manifest "
                f"needs {offset + size:,} by the end of {name!r}. It may be truncated, or belong "
                "to another model."
            )
        values = np.frombuffer(data, WEIGHTS_DTYPE, count, offset).reshape(shape)
        if not np.isfinite(values).all():
            raise Ml5Error(f"Weights {name!r} hold a value that is not a finite number.")
        arrays[spec["name"]] = values.astype(np.float64)
        offset += size
    if offset != len(data):
        raise Ml5Error(
            f"The weights file has {len(data):,} bytes but the manifest describes {offset:,}: "
            "they do not belong together."
        )
    return arrays
