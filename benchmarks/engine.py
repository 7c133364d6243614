"""How much the engine's bookkeeping costs: a training step next to a bare NumPy bound.

Run:  python benchmarks/engine.py

For each network and batch size it times one training step (forward, loss,
backward, SGD update) three ways, in the same run:

- bare: the same matrix products and activation calls written as a flat loop,
  with no traces, no checks and no divergence test: a lower bound
- off:  ``Trainer.step(x, t)``, tracing off
- on:   ``Trainer.step(x, t, trace=True)``, every number recorded

and prints microseconds per step and the ratios off/bare and on/bare.
Targets: off <= 1.5x bare at batch 250 and <= 2x at batch 1 and 10; on <= 3x.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from glassnet.engine import Network, Trainer

NETWORKS = {
    "2-8-8-8-1": [2, 8, 8, 8, 1],
    "2-(8x6)-1": [2, 8, 8, 8, 8, 8, 8, 1],
}
BATCH_SIZES = (1, 10, 250)


def bare_step(params, activations, loss, x, t, lr):
    """Forward, loss, backward and SGD update with nothing else."""
    zs, acts = [], [x]
    a = x
    for k, act in enumerate(activations):
        z = a @ params[2 * k] + params[2 * k + 1]
        a = act.function(z)
        zs.append(z)
        acts.append(a)
    value = loss.value(zs[-1], a, t)
    delta = (a - t) / a.size  # sigmoid + binary cross-entropy
    for k in range(len(activations) - 1, -1, -1):
        gw = acts[k].T @ delta
        gb = delta.sum(axis=0)
        if k > 0:
            delta = (delta @ params[2 * k].T) * activations[k - 1].derivative(zs[k - 1], acts[k])
        params[2 * k] -= lr * gw
        params[2 * k + 1] -= lr * gb
    return value


def best_time(fn, repeats: int, rounds: int = 5) -> float:
    """The best of several rounds, in seconds per call: the least disturbed by other load."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeats):
            fn()
        best = min(best, (time.perf_counter() - start) / repeats)
    return best


def measure(sizes, batch, repeats):
    rng = np.random.default_rng(0)
    x = rng.uniform(-6, 6, (batch, sizes[0]))
    t = rng.integers(0, 2, (batch, 1)).astype(float)
    net = Network(sizes, activation="tanh", seed=0)
    trainer = Trainer(net, learning_rate=1e-4)  # tiny, so nothing drifts while timing
    params = [p.copy() for p in net.parameters()]
    activations = [layer.activation for layer in net.layers]
    bare = best_time(lambda: bare_step(params, activations, net.loss, x, t, 1e-4), repeats)
    off = best_time(lambda: trainer.step(x, t), repeats)
    on = best_time(lambda: trainer.step(x, t, trace=True), repeats)
    return bare, off, on


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=400, help="steps per timing round")
    args = parser.parse_args()
    print(
        f"{'network':<11} {'batch':>5} {'bare µs':>9} {'off µs':>9} {'on µs':>9} "
        f"{'off/bare':>9} {'on/bare':>8}"
    )
    for name, sizes in NETWORKS.items():
        for batch in BATCH_SIZES:
            bare, off, on = measure(sizes, batch, args.repeats)
            print(
                f"{name:<11} {batch:>5} {bare * 1e6:>9.1f} {off * 1e6:>9.1f} {on * 1e6:>9.1f} "
                f"{off / bare:>8.2f}x {on / bare:>7.2f}x"
            )


if __name__ == "__main__":
    main()
