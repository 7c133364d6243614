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
from ..engine.activations import LEAKY_RELU_SLOPE

ACTIVATION_CODE = {
    "tanh": ("np.tanh(z)", "1.0 - a * a"),
    "relu": ("np.maximum(z, 0.0)", "(z > 0).astype(z.dtype)"),
    "sigmoid": ("sigmoid(z)", "a * (1.0 - a)"),
    "linear": ("z", "np.ones_like(z)"),
    "leaky_relu": (f"np.where(z > 0, z, {LEAKY_RELU_SLOPE} * z)",
                   f"np.where(z > 0, 1.0, {LEAKY_RELU_SLOPE})"),
    "elu": ("np.where(z > 0, z, np.expm1(np.minimum(z, 0.0)))", "np.where(z > 0, 1.0, a + 1.0)"),
    "softplus": ("np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))", "sigmoid(z)"),
    "sine": ("np.sin(z)", "np.cos(z)"),
    "softmax": ("softmax(z)", "a * (1.0 - a)"),
}  # fmt: skip
"""Each activation f(z) and its slope f'(z) as NumPy code, the engine's formulas exactly."""


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
    state = trainer.state()
    acts = network.activation_names
    output, loss = acts[-1], network.loss.name
    used = sorted(set(acts))
    parts = [
        _HEADER.format(title=data.title, version=__version__, epochs=epochs),
        _settings(network, trainer, data),
        _data_code(data, output),
        _section("1. Forward pass: each layer computes z = a_prev @ W + b, then a = f(z)"),
        _SIGMOID if {"sigmoid", "softplus"} & set(used) else "",
        _SOFTMAX if "softmax" in used else "",
        "ACTIVATIONS = {\n"
        + "".join(
            f'    "{name}": (lambda z: {ACTIVATION_CODE[name][0]}, '
            f"lambda z, a: {ACTIVATION_CODE[name][1]}),\n"
            for name in used
        )
        + "}\n# name: (f(z), f'(z) from z and a = f(z))\n\n\n",
        _FORWARD,
        _section("2. Loss: how wrong the outputs are"),
        _LOSSES[loss],
        _section("3. Backward pass: the chain rule, from the output back to the input"),
        _BACKWARD,
        _section("4. Update: each weight takes a step against its gradient"),
        _REGULARIZATION[trainer.regularization],
        _OPTIMIZERS[trainer.optimizer.name],
        _step(trainer.regularization),
        _MAIN.format(accuracy=_ACCURACY[data.kind]),
        _state_code(network, state),
        _data_lists(data),
        _START,
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
    return _STEP.format(pin=pin)


def _state_code(network: Network, state: dict) -> str:
    """Where training starts: every weight, the optimizer's memory, the shuffling."""
    params = [p.tolist() for p in network.parameters()]
    optimizer = _plain(state["optimizer"])
    pinned = None if state["pinned"] is None else [m.tolist() for m in state["pinned"]]
    return _section("Where training starts: glassnet's weights and memory, exactly") + (
        f"START_PARAMETERS = {json.dumps(params)}  # W0, b0, W1, b1, ...\n"
        f"START_OPTIMIZER = {_python(optimizer)}\n"
        f"START_PINNED = {_python(pinned)}\n"
        f"SHUFFLE_STATE = {_python(_plain(state['shuffle_state']))}\n"
    )


def _data_lists(data: ScriptData) -> str:
    """The points as Python lists (the script's last lines)."""
    return (
        f"TRAIN_POINTS = {json.dumps(data.train_points.tolist())}\n"
        f"TRAIN_LABELS = {json.dumps(data.train_labels.tolist())}\n"
        f"TEST_POINTS = {json.dumps(data.test_points.tolist())}\n"
        f"TEST_LABELS = {json.dumps(data.test_labels.tolist())}\n"
    )


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


def _python(value) -> str:
    return (
        json.dumps(value).replace("null", "None").replace("true", "True").replace("false", "False")
    )


_HEADER = '''"""{title}: a neural network exported from glassnet {version}, in NumPy only.

It trains exactly as glassnet does, from where glassnet left off: the same
weights, the same data, the same shuffling. Each step is the four parts of
docs/engine.md: forward pass, loss, backward pass, update.

    python this-script.py              trains {epochs} epochs and prints the loss
    python this-script.py 20           trains 20 epochs
    python this-script.py 5 --json     then prints the weights as JSON
"""

import json
import sys

import numpy as np

EPOCHS = {epochs}


'''

_SIGMOID = """def sigmoid(z):
    # 1 / (1 + e^-z), written so that e^-z never overflows.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


"""

_SOFTMAX = """def softmax(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))  # the row maximum keeps exp small
    return e / np.sum(e, axis=1, keepdims=True)


"""

_FORWARD = '''def forward(params, x):
    """Every z, a and f'(z), layer by layer; a[0] is the input, a[-1] the output."""
    zs, acts, slopes = [], [x], []
    a = x
    for i, name in enumerate(ACTIVATION_NAMES):
        weights, biases = params[2 * i], params[2 * i + 1]
        f, slope = ACTIVATIONS[name]
        z = a @ weights + biases  # (n_points, n_units)
        a = f(z)
        zs.append(z)
        acts.append(a)
        slopes.append(slope(z, a))
    return zs, acts, slopes


'''

_LOSSES = {
    "mse": '''def loss_of(z, a, t):
    """Squared error: the mean over every output of (a - t)^2."""
    return float(np.mean((a - t) ** 2))


def output_delta(z, a, t, slope):
    """dL/dz of the output layer: dL/da = 2 (a - t) / (number of outputs), times f'(z)."""
    return 2.0 * (a - t) / a.size * slope


''',
    "binary_crossentropy": '''def log_sigmoid(z):
    return np.minimum(z, 0.0) - np.log1p(np.exp(-np.abs(z)))


def loss_of(z, a, t):
    """Binary cross-entropy: the mean of -(t ln a + (1 - t) ln(1 - a)), from z."""
    return float(-np.mean(t * log_sigmoid(z) + (1.0 - t) * log_sigmoid(-z)))


def output_delta(z, a, t, slope):
    """dL/dz of the output: after a sigmoid the slopes cancel, leaving (a - t) / n."""
    return (a - t) / a.size


''',
    "categorical_crossentropy": '''def loss_of(z, a, t):
    """Categorical cross-entropy: the mean over points of -sum(t ln a), from z."""
    shifted = z - np.max(z, axis=1, keepdims=True)
    log_a = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    return float(-np.sum(t * log_a) / len(z))


def output_delta(z, a, t, slope):
    """dL/dz of the output: after a softmax the slopes cancel, leaving (a - t) / n."""
    return (a - t) / len(a)


''',
}

_BACKWARD = '''def backward(params, zs, acts, slopes, t):
    """The loss and dL/dW, dL/db of every layer.

    1. delta of the output layer = dL/dz, from the loss
    2. dL/dW = a_prev.T @ delta and dL/db = the sum of delta over the points
    3. delta of the layer before = (delta @ W.T) * f'(z_prev); repeat from 2
    """
    loss = loss_of(zs[-1], acts[-1], t)
    delta = output_delta(zs[-1], acts[-1], t, slopes[-1])
    grads = [None] * len(params)
    for i in range(len(ACTIVATION_NAMES) - 1, -1, -1):
        grads[2 * i] = acts[i].T @ delta  # (n_in, n_out)
        grads[2 * i + 1] = delta.sum(axis=0)  # (n_out,)
        if i > 0:
            delta = (delta @ params[2 * i].T) * slopes[i - 1]
    return loss, grads


'''

_REGULARIZATION = {
    "none": '''def regularization(weights):
    """No regularization: nothing pulls the weights towards zero."""
    return np.zeros_like(weights)


''',
    "l2": '''def regularization(weights):
    """L2: the penalty rate * sum(w^2) / 2 pulls each weight towards zero by rate * w."""
    return REGULARIZATION_RATE * weights


''',
    "l1": '''def regularization(weights):
    """L1: the penalty rate * sum(|w|) pulls each weight towards zero by rate * sign(w)."""
    return REGULARIZATION_RATE * np.sign(weights)


''',
    "l1_pin": '''def regularization(weights):
    """L1: the penalty rate * sum(|w|) pulls each weight towards zero by rate * sign(w)."""
    return REGULARIZATION_RATE * np.sign(weights)


def pin_at_zero(params, steps, reg_terms):
    """TensorFlow Playground's L1: a weight the penalty pushes across zero stays at zero."""
    global PINNED
    if PINNED is None:
        PINNED = [np.zeros(p.shape, dtype=bool) for p in params[0::2]]
    steps = list(steps)
    for k in range(0, len(params), 2):
        after = params[k] - steps[k]
        data_only = after + LEARNING_RATE * reg_terms[k]
        PINNED[k // 2] |= data_only * after < 0
        steps[k] = np.where(PINNED[k // 2], params[k], steps[k])  # pinned weights end at 0
    return steps


''',
}

_OPTIMIZERS = {
    "sgd": '''def steps_of(grads):
    """Plain gradient descent: step = learning rate * gradient."""
    OPTIMIZER_STATE["t"] += 1
    return [LEARNING_RATE * g for g in grads]


''',
    "momentum": '''def steps_of(grads):
    """Momentum: a velocity v = 0.9 v + gradient; step = learning rate * v."""
    s = OPTIMIZER_STATE
    s["t"] += 1
    if s["velocity"] is None:
        s["velocity"] = [g.copy() for g in grads]
    else:
        for v, g in zip(s["velocity"], grads):
            v *= 0.9
            v += g
    return [LEARNING_RATE * v for v in s["velocity"]]


''',
    "adam": '''def steps_of(grads):
    """Adam: running means of the gradient (m) and of its square (v), corrected for their start."""
    s, b1, b2 = OPTIMIZER_STATE, 0.9, 0.999
    s["t"] += 1
    if s["first_moment"] is None:
        s["first_moment"] = [np.zeros_like(g) for g in grads]
        s["second_moment"] = [np.zeros_like(g) for g in grads]
    correction1 = 1.0 - b1 ** s["t"]
    correction2 = 1.0 - b2 ** s["t"]
    steps = []
    for m, v, g in zip(s["first_moment"], s["second_moment"], grads):
        m *= b1
        m += (1.0 - b1) * g
        v *= b2
        v += (1.0 - b2) * g * g
        steps.append(LEARNING_RATE * (m / correction1) / (np.sqrt(v / correction2) + 1e-08))
    return steps


''',
}

_STEP = '''def train_step(params, x, t):
    """One step on one batch: forward, loss, backward, regularization, update."""
    zs, acts, slopes = forward(params, x)
    loss, grads = backward(params, zs, acts, slopes, t)
    if not np.isfinite(loss):
        raise ArithmeticError("The loss is not a number: the learning rate is too high.")
    reg_terms = [regularization(p) if k % 2 == 0 else np.zeros_like(p)
                 for k, p in enumerate(params)]  # biases are not regularized
    if REGULARIZATION != "none" and REGULARIZATION_RATE > 0:
        grads = [g + r for g, r in zip(grads, reg_terms)]
    steps = steps_of(grads){pin}
    for p, s in zip(params, steps):
        p -= s
    if not all(np.isfinite(p).all() for p in params):
        raise ArithmeticError("A weight is not a number: the learning rate is too high.")
    return loss


def train_epoch(params, x, t, rng):
    """Every training point once, in a new random order, BATCH_SIZE at a time."""
    order = rng.permutation(len(x))
    for start in range(0, len(x), BATCH_SIZE):
        batch = order[start : start + BATCH_SIZE]
        train_step(params, x[batch], t[batch])


'''

_ACCURACY = {
    "binary": "(outputs[:, 0] > (0.0 if ACTIVATION_NAMES[-1] == 'tanh' else 0.5)) == labels",
    "multiclass": "np.argmax(outputs, axis=1) == labels",
    "regression": "None",
}

_MAIN = '''def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else EPOCHS
    params = [np.array(p, dtype=float) for p in START_PARAMETERS]
    rng = np.random.default_rng()
    rng.bit_generator.state = SHUFFLE_STATE  # the same shuffles glassnet would make
    x_train, t_train = features_of(np.array(TRAIN_POINTS)), targets_of(np.array(TRAIN_LABELS))
    x_test, t_test = features_of(np.array(TEST_POINTS)), targets_of(np.array(TEST_LABELS))
    for epoch in range(1, epochs + 1):
        train_epoch(params, x_train, t_train, rng)
        report(epoch, params, x_train, t_train, np.array(TRAIN_LABELS), x_test, t_test,
               np.array(TEST_LABELS))
    if "--json" in sys.argv:
        print(json.dumps([p.tolist() for p in params]))


def report(epoch, params, x_train, t_train, train_labels, x_test, t_test, test_labels):
    """Print the loss (and accuracy) on the training and the test points."""
    line = f"epoch {{epoch}}"
    for name, x, t, labels in (("train", x_train, t_train, train_labels),
                               ("test", x_test, t_test, test_labels)):
        if len(x) == 0:
            continue
        zs, acts, _ = forward(params, x)
        outputs = acts[-1]
        line += f"  {{name}} loss {{loss_of(zs[-1], outputs, t):.4f}}"
        correct = {accuracy}
        if correct is not None:
            line += f" accuracy {{np.mean(correct):.1%}}"
    if "--json" not in sys.argv:
        print(line)


'''


_START = """
# The optimizer's memory (velocities, moments) and the weights L1 holds at zero.
OPTIMIZER_STATE = START_OPTIMIZER
for key in ("velocity", "first_moment", "second_moment"):
    if OPTIMIZER_STATE[key] is not None:
        OPTIMIZER_STATE[key] = [np.array(m, dtype=float) for m in OPTIMIZER_STATE[key]]
PINNED = None if START_PINNED is None else [np.array(m, dtype=bool) for m in START_PINNED]

if __name__ == "__main__":
    main()
"""
