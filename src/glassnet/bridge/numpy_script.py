"""A network as one readable Python script: NumPy only, training exactly as glassnet does.

:func:`numpy_script` writes the weights, the data and the settings of a
session into a standalone script (no glassnet import) that trains on: the
forward pass, the loss, the backward pass and the update, written out in the
words of docs/engine.md. Run from the same start, it reaches the same weights
as glassnet, to the last digit or nearly (a test trains both for 5 epochs).

    python my-network.py              trains EPOCHS epochs and prints the loss
    python my-network.py 20           trains 20 epochs
    python my-network.py 5 --json     and prints the final weights as JSON

Only the pieces the network uses are written: its activations, its loss, its
optimizer and regularization. This module knows the engine and the data
layer's feature formulas; nothing about sessions or the web.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np

from .. import __version__
from ..data import feature
from ..engine import Network, Trainer
from .numpy_templates import (
    ACCURACY,
    ACTIVATION_CODE,
    BACKWARD,
    FORWARD,
    HEADER,
    LOSSES,
    MAIN,
    OPTIMIZERS,
    REGULARIZATION,
    SIGMOID,
    SOFTMAX,
    START,
    STEP,
)


@dataclass(frozen=True)
class ScriptData:
    """The points a script trains and tests on.

    Attributes
    ----------
    train_points, test_points : ndarray, shape (n, n_raw_inputs)
        Raw inputs, the training points in the order glassnet trains them.
    train_labels, test_labels : ndarray, shape (n,)
        A class index, or a number for regression.
    features : tuple of str
        The network's inputs, by feature name.
    kind : str
        ``binary``, ``multiclass`` or ``regression``.
    class_names : tuple of str
    title : str
        What the data is, for the script's first line.
    """

    train_points: np.ndarray
    train_labels: np.ndarray
    test_points: np.ndarray
    test_labels: np.ndarray
    features: tuple[str, ...]
    kind: str
    class_names: tuple[str, ...]
    title: str


def numpy_script(network: Network, trainer: Trainer, data: ScriptData, epochs: int = 100) -> str:
    """The text of a standalone script that trains ``network`` on from where it is now.

    ``trainer`` is the network's trainer (its settings, optimizer memory and
    shuffling state are written into the script).
    """
    state = trainer.state_as_lists()
    acts = network.activation_names
    output, loss = acts[-1], network.loss.name
    used = sorted(set(acts))
    parts = [
        HEADER.format(title=data.title, version=__version__, epochs=epochs),
        _settings(network, trainer, data),
        _data_code(data, output),
        _section("1. Forward pass: each layer computes z = a_prev @ W + b, then a = f(z)"),
        SIGMOID if {"sigmoid", "softplus"} & set(used) else "",
        SOFTMAX if "softmax" in used else "",
        "ACTIVATIONS = {\n"
        + "".join(
            f'    "{name}": (lambda z: {ACTIVATION_CODE[name][0]}, '
            f"lambda z, a: {ACTIVATION_CODE[name][1]}),\n"
            for name in used
        )
        + "}\n# name: (f(z), f'(z) from z and a = f(z))\n\n\n",
        FORWARD,
        _section("2. Loss: how wrong the outputs are"),
        LOSSES[loss],
        _section("3. Backward pass: the chain rule, from the output back to the input"),
        BACKWARD,
        _section("4. Update: each weight takes a step against its gradient"),
        REGULARIZATION[trainer.regularization],
        OPTIMIZERS[trainer.optimizer.name],
        _step(trainer.regularization),
        MAIN.format(accuracy=ACCURACY[data.kind]),
        _state_code(network, state),
        _data_lists(data),
        START,
    ]
    return "".join(parts)


def _settings(network: Network, trainer: Trainer, data: ScriptData) -> str:
    acts = network.activation_names
    return _section("The settings") + (
        f"LAYER_SIZES = {network.layer_sizes}  # inputs, hidden layers..., outputs\n"
        f"ACTIVATION_NAMES = {acts!r}  # one per layer of weights\n"
        f'LOSS = "{network.loss.name}"\n'
        f"LEARNING_RATE = {trainer.learning_rate!r}\n"
        f"BATCH_SIZE = {trainer.batch_size}\n"
        f'OPTIMIZER = "{trainer.optimizer.name}"\n'
        f'REGULARIZATION = "{trainer.regularization}"\n'
        f"REGULARIZATION_RATE = {trainer.regularization_rate!r}\n"
        f"FEATURES = {list(data.features)!r}  # what the network sees of each point\n"
        f"CLASS_NAMES = {list(data.class_names)!r}\n\n\n"
    )


def _data_code(data: ScriptData, output: str) -> str:
    n_raw = data.train_points.shape[1]
    columns = ", ".join(f"x{k + 1}" for k in range(n_raw))
    unpack = f"    {columns}{',' if n_raw == 1 else ''} = points.T  # one array per raw input\n"
    lines = "\n".join(
        f"        {feature(name).code}," + ("" if feature(name).code == name else f"  # {name}")
        for name in data.features
    )
    encode = {
        "binary": "    return labels.astype(float)[:, None]"
        + (" * 2.0 - 1.0  # a tanh output learns -1 and +1\n" if output == "tanh" else "\n"),
        "multiclass": "    return np.eye(LAYER_SIZES[-1])[labels]  # one-hot: 1 for the class\n",
        "regression": "    return labels.astype(float)[:, None]\n",
    }[data.kind]
    return _section("The data") + (
        "def features_of(points):\n"
        '    """The network\'s inputs: each feature computed from the raw inputs."""\n'
        + unpack
        + f"    return np.column_stack([\n{lines}\n    ])  # (n_points, n_features)\n\n\n"
        "def targets_of(labels):\n"
        '    """What the output layer should produce for each label."""\n' + encode + "\n\n"
    )


def _section(title: str) -> str:
    return f"# -- {title} ".ljust(88, "-") + "\n\n\n"


def _step(regularization: str) -> str:
    pin = (
        "\n    if REGULARIZATION_RATE > 0:\n        steps = pin_at_zero(params, steps, reg_terms)"
        if regularization == "l1_pin"
        else ""
    )
    return STEP.format(pin=pin)


def _state_code(network: Network, state: dict) -> str:
    """Where training starts: every weight, the optimizer's memory, the shuffling."""
    params = [p.tolist() for p in network.parameters()]
    optimizer, pinned = state["optimizer"], state["pinned"]
    return _section("Where training starts: glassnet's weights and memory, exactly") + (
        f"START_PARAMETERS = {json.dumps(params)}  # W0, b0, W1, b1, ...\n"
        f"START_OPTIMIZER = {_python(optimizer)}\n"
        f"START_PINNED = {_python(pinned)}\n"
        f"SHUFFLE_STATE = {_python(state['shuffle_state'])}\n"
    )


def _data_lists(data: ScriptData) -> str:
    """The points as Python lists (the script's last lines)."""
    return (
        f"TRAIN_POINTS = {json.dumps(data.train_points.tolist())}\n"
        f"TRAIN_LABELS = {json.dumps(data.train_labels.tolist())}\n"
        f"TEST_POINTS = {json.dumps(data.test_points.tolist())}\n"
        f"TEST_LABELS = {json.dumps(data.test_labels.tolist())}\n"
    )


def _python(value) -> str:
    return (
        json.dumps(value).replace("null", "None").replace("true", "True").replace("false", "False")
    )
