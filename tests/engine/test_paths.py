"""Chain-rule paths sum to the gradient that backpropagation computes."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from glassnet.engine import ALLOWED_PAIRS, Network, chain_rule, delta_breakdown


def one_sample(net, seed):
    rng = np.random.default_rng(seed)
    n_out = net.layer_sizes[-1]
    x = rng.normal(0, 1.5, net.layer_sizes[0])
    if net.loss.name == "categorical_crossentropy":
        t = np.eye(n_out)[rng.integers(n_out)]
    elif net.loss.name == "binary_crossentropy":
        t = rng.integers(0, 2, n_out).astype(float)
    else:
        t = rng.uniform(-1, 1, n_out)
    return x, t


@pytest.mark.parametrize("output_activation, loss", ALLOWED_PAIRS)
@given(seed=st.integers(0, 2**31), widths=st.lists(st.integers(1, 4), min_size=0, max_size=3))
def test_the_paths_of_every_weight_sum_to_its_backpropagated_gradient(
    output_activation, loss, seed, widths
):
    n_out = 3 if output_activation == "softmax" else 2
    net = Network(
        [2, *widths, n_out],
        activation="tanh",
        output_activation=output_activation,
        loss=loss,
        seed=seed,
    )
    x, t = one_sample(net, seed)
    backward = net.backward(net.forward(x[None]), t[None])
    for layer, weights in enumerate(net.layers):
        for source, target in np.ndindex(weights.weights.shape):
            rule = chain_rule(net, x, t, layer, source, target)
            assert rule.paths is not None
            assert len(rule.paths) == rule.path_count
            total = math.fsum(path.product for path in rule.paths)
            expected = backward.weight_grads[layer][source, target]
            assert total == pytest.approx(expected, rel=1e-9, abs=1e-14)
            assert rule.gradient == pytest.approx(expected, rel=1e-12, abs=1e-15)
            for path in rule.paths:
                assert path.product == pytest.approx(math.prod(h.value for h in path.hops))


def test_a_path_lists_input_slope_weight_and_loss_hops_in_order():
    net = Network([2, 3, 1], activation="relu", output_activation="linear", seed=0)
    rule = chain_rule(net, np.array([0.5, -1.0]), np.array([0.2]), 0, 1, 2)
    assert rule.path_count == 1
    (path,) = rule.paths
    assert [h.kind for h in path.hops] == ["input", "activation", "weight", "activation", "loss"]
    assert path.hops[0].value == -1.0  # the input the weight multiplies
    assert path.hops[2].value == net.layers[1].weights[2, 0]
    assert path.units == (2, 0)


def test_a_cross_entropy_output_ends_each_path_with_prediction_minus_target():
    net = Network([2, 2], output_activation="softmax", seed=0)
    x, t = np.array([1.0, 2.0]), np.array([0.0, 1.0])
    rule = chain_rule(net, x, t, 0, 0, 1)
    (path,) = rule.paths
    assert path.hops[-1].kind == "loss_sum"
    assert path.hops[-1].value == pytest.approx(net.predict(x[None])[0, 1] - 1.0)


def test_too_many_paths_fall_back_to_one_hop_at_a_time_with_the_same_sum():
    net = Network([2, 8, 8, 8, 8, 1], seed=3)
    x, t = np.array([0.3, -0.7]), np.array([1.0])
    rule = chain_rule(net, x, t, 0, 0, 0, max_paths=100)
    assert rule.path_count == 8**3
    assert rule.paths is None
    step = delta_breakdown(net, x, t, 0, 0)
    assert rule.gradient == pytest.approx(rule.input_value * step.delta)
    # Each delta is its slope times the weighted sum of the deltas after it, down to the output.
    layer, unit, seen = 0, 0, 0
    while True:
        b = delta_breakdown(net, x, t, layer, unit)
        if not b.terms:
            assert b.fused and b.delta == pytest.approx(b.activation - 1.0)
            break
        assert b.delta == pytest.approx(b.slope * math.fsum(term.product for term in b.terms))
        for term in b.terms:
            nxt = delta_breakdown(net, x, t, layer + 1, term.unit)
            assert term.next_delta == nxt.delta
        layer, unit, seen = layer + 1, b.terms[0].unit, seen + 1
    assert seen == 4


def test_the_path_cap_counts_paths_without_listing_them():
    net = Network([2] + [8] * 6 + [1], seed=0)
    rule = chain_rule(net, np.zeros(2), np.ones(1), 0, 0, 0)
    assert rule.path_count == 8**5 and rule.paths is None


def test_asking_for_a_weight_that_does_not_exist_says_what_does():
    net = Network([2, 3, 1], seed=0)
    with pytest.raises(ValueError, match="from 2 neurons to 3"):
        chain_rule(net, np.zeros(2), np.ones(1), 0, 2, 0)
    with pytest.raises(ValueError, match="layers are 0 to 1"):
        chain_rule(net, np.zeros(2), np.ones(1), 5, 0, 0)
