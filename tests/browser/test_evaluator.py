"""The browser's display evaluator equals the engine, on random networks with every activation."""

import numpy as np
import pytest

from glassnet.data import FEATURES, compute_features
from glassnet.engine import HIDDEN_ACTIVATIONS, OUTPUT_ACTIVATIONS, Network

EVALUATE = """
async ([sizes, activations, parameters, features, x1, x2]) => {
  const ev = await import("/static/lib/evaluate.js");
  const layers = ev.unpackLayers(sizes, activations, parameters);
  const values = ev.evaluateGrid(layers, features, {
    n: x1.length, x1: Float64Array.from(x1), x2: x2 && Float64Array.from(x2),
  });
  return values.map((v) => Array.from(v));
}
"""


def random_network(seed, hidden_activation, output_activation):
    rng = np.random.default_rng(seed)
    features = sorted(rng.choice(list(FEATURES), size=rng.integers(1, 8), replace=False).tolist())
    n_out = 3 if output_activation == "softmax" else 1
    widths = [int(w) for w in rng.integers(1, 7, size=rng.integers(0, 4))]
    net = Network(
        [len(features), *widths, n_out],
        activation=hidden_activation,
        output_activation=output_activation,
        seed=seed,
    )
    for p in net.parameters():  # larger than the initial weights, to reach every regime
        p[...] = rng.normal(0, 1.5, p.shape)
    return net, [f for f in FEATURES if f in features]


@pytest.mark.parametrize("output_activation", OUTPUT_ACTIVATIONS)
def test_every_layer_of_the_js_evaluator_equals_the_engine(page, dev_server, output_activation):
    page.goto(dev_server + "/health")
    rng = np.random.default_rng(0)
    x1 = rng.uniform(-6, 6, 64)
    x2 = rng.uniform(-6, 6, 64)
    for k, hidden in enumerate(HIDDEN_ACTIVATIONS):
        net, features = random_network(k, hidden, output_activation)
        parameters = np.concatenate([p.ravel() for p in net.parameters()]).tolist()
        args = [
            net.layer_sizes,
            net.activation_names,
            parameters,
            features,
            x1.tolist(),
            x2.tolist(),
        ]
        values = page.evaluate(EVALUATE, args)
        inputs = compute_features(np.stack([x1, x2], axis=1), features)
        expected = net.forward(inputs).activations
        assert len(values) == len(expected)
        for ours, theirs in zip(values, expected):
            np.testing.assert_allclose(
                np.array(ours).reshape(theirs.shape), theirs, rtol=1e-12, atol=1e-12
            )


def test_the_js_features_equal_the_data_layers_on_one_dimensional_points_too(page, dev_server):
    page.goto(dev_server + "/health")
    x1 = np.linspace(-6, 6, 25)
    # Every feature 1-D data offers: those that read x1 alone (the page passes x2 = null).
    names = [name for name, feature in FEATURES.items() if feature.needs == ("x1",)]
    values = page.evaluate(
        """async ([names, x1]) => {
          const f = await import("/static/lib/features.js");
          return Array.from(f.computeFeatures(names, Float64Array.from(x1), null));
        }""",
        [names, x1.tolist()],
    )
    expected = compute_features(x1[:, None], names)
    # computeFeatures returns one flat row-major array: len(names) values per point, no more.
    assert len(values) == expected.size, f"{len(values)} values for {expected.shape} features"
    np.testing.assert_allclose(np.reshape(values, expected.shape), expected, rtol=1e-15)


EVALUATE_SLICE = """
async ([sizes, activations, parameters, features, x1, x2, axes, held]) => {
  const ev = await import("/static/lib/evaluate.js");
  const layers = ev.unpackLayers(sizes, activations, parameters);
  const slice = { axes, held, from: "edited", key: "" };
  const values = ev.evaluateGrid(layers, features, {
    n: x1.length, x1: Float64Array.from(x1), x2: Float64Array.from(x2), slice,
  });
  return values.map((v) => Array.from(v));
}
"""


@pytest.mark.parametrize("n_inputs, axes", [(3, [0, 1]), (5, [3, 1]), (63, [40, 2])])
def test_the_js_evaluator_equals_the_engine_with_the_inputs_off_the_map_held(
    page, dev_server, n_inputs, axes
):
    # Data with more inputs: the map's two inputs vary, every other one is held at a value.
    page.goto(dev_server + "/health")
    rng = np.random.default_rng(n_inputs)
    held = rng.uniform(-6, 6, n_inputs)
    x1, x2 = rng.uniform(-6, 6, 64), rng.uniform(-6, 6, 64)
    plain = [f"x{k}" for k in range(3, n_inputs + 1)]
    extra = min(4, 64 - len(plain))  # a network takes at most 64 features
    features = [*rng.choice(list(FEATURES), size=extra, replace=False).tolist(), *plain]
    net = Network([len(features), 5, 3], activation="tanh", output_activation="softmax", seed=1)
    for p in net.parameters():
        p[...] = rng.normal(0, 1.5, p.shape)
    parameters = np.concatenate([p.ravel() for p in net.parameters()]).tolist()
    args = [net.layer_sizes, net.activation_names, parameters, features, x1.tolist(),
            x2.tolist(), axes, held.tolist()]  # fmt: skip
    values = page.evaluate(EVALUATE_SLICE, args)
    raw = np.tile(held, (len(x1), 1))
    raw[:, axes[0]], raw[:, axes[1]] = x1, x2
    expected = net.forward(compute_features(raw, features)).activations
    for ours, theirs in zip(values, expected):
        np.testing.assert_allclose(
            np.array(ours).reshape(theirs.shape), theirs, rtol=1e-12, atol=1e-12
        )


SAME = """
async ([sizes, activations, parameters, features]) => {
  const ev = await import("/static/lib/evaluate.js");
  const { sameNetwork } = await import("/static/lib/heatmapGrid.js");
  const frame = (params, feats = features, acts = activations) => ({
    network: { features: feats, n_raw_inputs: 2 },
    layers: ev.unpackLayers(sizes, acts, params),
  });
  const nudged = parameters.slice();
  nudged[nudged.length - 1] += 1e-12;
  const other = activations.map((a, i) => (i === 0 ? (a === "tanh" ? "relu" : "tanh") : a));
  return {
    same: sameNetwork(frame(parameters), frame(parameters.slice())),
    nudged: sameNetwork(frame(parameters), frame(nudged)),
    features: sameNetwork(frame(parameters), frame(parameters, [...features].reverse())),
    activation: sameNetwork(frame(parameters), frame(parameters, features, other)),
  };
}
"""


def test_a_frame_with_the_same_network_reuses_the_grid_and_any_other_difference_does_not(
    page, dev_server
):
    # The store evaluates the grid again only for a different network (lib/heatmapGrid.js).
    page.goto(dev_server + "/health")
    net = Network([2, 3, 1], activation="tanh", seed=3)
    parameters = np.concatenate([p.ravel() for p in net.parameters()]).tolist()
    args = [net.layer_sizes, net.activation_names, parameters, ["x1", "x2"]]
    assert page.evaluate(SAME, args) == {
        "same": True,
        "nudged": False,
        "features": False,
        "activation": False,
    }


REUSE = """
async ([sizes, activations, first, second]) => {
  const { createGridKeeper, heatmapGrid } = await import("/static/lib/heatmapGrid.js");
  const ev = await import("/static/lib/evaluate.js");
  const network = { features: ["x1", "x2", "sin(x1)"], n_raw_inputs: 2 };
  const layers = (params) => ev.unpackLayers(sizes, activations, params);
  const keeper = createGridKeeper();
  const before = keeper.gridFor(network, layers(first), null);
  const arrays = [...before.values];
  const kept = before.values.map((v) => Array.from(v));
  const after = keeper.gridFor(network, layers(second), null);
  const fresh = heatmapGrid(network, layers(second));
  const again = keeper.gridFor(network, layers(second.slice()), null);  // the same numbers
  return {
    reused: after.values.every((v, a) => v === arrays[a]),
    equal: after.values.every((v, a) => v.every((x, i) => x === fresh.values[a][i])),
    changed: after.values.slice(1).every((v, a) => v.some((x, i) => x !== kept[a + 1][i])),
    kept: again === after,
  };
}
"""


def test_the_grid_of_a_new_frame_overwrites_the_arrays_of_the_one_it_replaces(page, dev_server):
    # The page draws many frames a second: the store's grid reuses its arrays (no garbage),
    # what it computes is what a fresh evaluation computes, and the same network is not
    # evaluated again.
    page.goto(dev_server + "/health")
    first, second = Network([3, 4, 2], seed=1), Network([3, 4, 2], seed=2)
    flat = [np.concatenate([p.ravel() for p in n.parameters()]).tolist() for n in (first, second)]
    result = page.evaluate(REUSE, [first.layer_sizes, ["tanh", "softmax"], *flat])
    assert result == {"reused": True, "equal": True, "changed": True, "kept": True}
