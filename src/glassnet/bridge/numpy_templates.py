"""The pieces of text the NumPy script export is made of (see ``numpy_script.py``).

Each piece is plain Python source, written once here; the code in each is the
engine's own math, in the same order of operations, so that the script's
numbers equal glassnet's.
"""

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

HEADER = '''"""{title}: a neural network exported from glassnet {version}, in NumPy only.

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

SIGMOID = """def sigmoid(z):
    # 1 / (1 + e^-z), written so that e^-z never overflows.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0, e) / (1.0 + e)


"""

SOFTMAX = """def softmax(z):
    e = np.exp(z - np.max(z, axis=1, keepdims=True))  # the row maximum keeps exp small
    return e / np.sum(e, axis=1, keepdims=True)


"""

FORWARD = '''def forward(params, x):
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

LOSSES = {
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

BACKWARD = '''def backward(params, zs, acts, slopes, t):
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

REGULARIZATION = {
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

OPTIMIZERS = {
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

STEP = '''def train_step(params, x, t):
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

ACCURACY = {
    "binary": "(outputs[:, 0] > (0.0 if ACTIVATION_NAMES[-1] == 'tanh' else 0.5)) == labels",
    "multiclass": "np.argmax(outputs, axis=1) == labels",
    "regression": "None",
}

MAIN = '''def main():
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


START = """
# The optimizer's memory (velocities, moments) and the weights L1 holds at zero.
OPTIMIZER_STATE = START_OPTIMIZER
for key in ("velocity", "first_moment", "second_moment"):
    if OPTIMIZER_STATE[key] is not None:
        OPTIMIZER_STATE[key] = [np.array(m, dtype=float) for m in OPTIMIZER_STATE[key]]
PINNED = None if START_PINNED is None else [np.array(m, dtype=bool) for m in START_PINNED]

if __name__ == "__main__":
    main()
"""
