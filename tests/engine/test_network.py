"""The forward and backward passes agree with PyTorch autograd and with finite differences."""

import copy

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from torch_reference import torch_reference

from glassnet.engine import ALLOWED_PAIRS, HIDDEN_ACTIVATIONS, Network, Trainer


def random_case(seed, hidden, output_activation, loss, n_samples):
    rng = np.random.default_rng(seed)
    n_in = int(rng.integers(1, 5))
    n_out = int(rng.integers(2, 5)) if output_activation == "softmax" else int(rng.integers(1, 4))
    widths = [int(rng.integers(1, 6)) for _ in range(len(hidden))]
    net = Network(
        [n_in, *widths, n_out],
        activation=hidden,
        output_activation=output_activation,
        loss=loss,
        seed=seed,
    )
    for layer in net.layers:  # non-zero biases, so bias gradients are tested too
        layer.biases[:] = rng.normal(0, 0.5, layer.biases.shape)
    x = rng.normal(0, 1.5, (n_samples, n_in))
    if loss == "categorical_crossentropy":
        t = np.eye(n_out)[rng.integers(0, n_out, n_samples)]
    elif loss == "binary_crossentropy":
        t = rng.integers(0, 2, (n_samples, n_out)).astype(float)
    else:
        t = rng.uniform(-1, 1, (n_samples, n_out))
    return net, x, t


hidden_lists = st.lists(st.sampled_from(HIDDEN_ACTIVATIONS), min_size=0, max_size=3)


@pytest.mark.parametrize("output_activation, loss", ALLOWED_PAIRS)
@given(seed=st.integers(0, 2**31), hidden=hidden_lists, n_samples=st.integers(1, 6))
def test_every_value_and_gradient_equals_pytorch_autograd(
    output_activation, loss, seed, hidden, n_samples
):
    net, x, t = random_case(seed, hidden, output_activation, loss, n_samples)
    forward = net.forward(x)
    backward = net.backward(forward, t)
    ref_loss, zs, acts, params = torch_reference(net, x, t)

    assert backward.loss == pytest.approx(ref_loss.item(), rel=1e-9, abs=1e-12)
    for ours, theirs in zip(forward.pre_activations, zs):
        np.testing.assert_allclose(ours, theirs.detach().numpy(), rtol=1e-10, atol=1e-12)
    for ours, theirs in zip(forward.activations, acts):
        np.testing.assert_allclose(ours, theirs.detach().numpy(), rtol=1e-10, atol=1e-12)
    for i in range(len(net.layers)):
        np.testing.assert_allclose(backward.deltas[i], zs[i].grad.numpy(), rtol=1e-7, atol=1e-10)
        np.testing.assert_allclose(
            backward.weight_grads[i], params[2 * i].grad.numpy(), rtol=1e-7, atol=1e-10
        )
        np.testing.assert_allclose(
            backward.bias_grads[i], params[2 * i + 1].grad.numpy(), rtol=1e-7, atol=1e-10
        )
    np.testing.assert_allclose(backward.output_error, acts[-1].grad.numpy(), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("output_activation, loss", ALLOWED_PAIRS)
@given(seed=st.integers(0, 2**31), hidden=hidden_lists)
def test_every_gradient_equals_central_finite_differences(output_activation, loss, seed, hidden):
    net, x, t = random_case(seed, hidden, output_activation, loss, n_samples=3)
    backward = net.backward(net.forward(x), t)
    grads = [g for pair in zip(backward.weight_grads, backward.bias_grads) for g in pair]
    h = 1e-6
    for param, grad in zip(net.parameters(), grads):
        numeric = np.zeros_like(param)
        for index in np.ndindex(param.shape):
            saved = param[index]
            param[index] = saved + h
            up = net.loss_value(x, t)
            param[index] = saved - h
            down = net.loss_value(x, t)
            param[index] = saved
            numeric[index] = (up - down) / (2 * h)
        np.testing.assert_allclose(grad, numeric, rtol=1e-4, atol=1e-7)


def test_predict_equals_the_forward_output_and_records_nothing():
    net = Network([2, 5, 3, 1], activation=["relu", "tanh"], seed=3)
    x = np.random.default_rng(0).normal(size=(7, 2))
    before = [p.copy() for p in net.parameters()]
    np.testing.assert_array_equal(net.predict(x), net.forward(x).output)
    for old, new in zip(before, net.parameters()):
        np.testing.assert_array_equal(old, new)


def test_weights_have_keras_layout_and_are_writable_in_place():
    net = Network([3, 4, 2], seed=0)
    assert net.layers[0].weights.shape == (3, 4)
    assert net.layers[0].biases.shape == (4,)
    assert net.layers[1].weights.shape == (4, 2)
    x = np.ones((1, 3))
    before = net.predict(x)
    net.layers[1].weights[0, 0] += 5.0
    assert not np.array_equal(net.predict(x), before)


def joined(net):
    return np.concatenate([p.ravel() for p in net.parameters()])


def test_every_parameter_lives_in_one_flat_array_that_training_updates_at_once():
    net = Network([2, 3, 1], seed=0)
    flat = net.flat_parameters
    assert flat.size == 2 * 3 + 3 + 3 * 1 + 1
    # W0 row by row, then b0, W1, b1: the order of parameters() and of the wire.
    np.testing.assert_array_equal(flat, joined(net))
    flat[0] = 7.0
    assert net.layers[0].weights[0, 0] == 7.0
    net.layers[1].biases[0] = -2.0
    assert flat[-1] == -2.0
    pieces = net.split(np.arange(flat.size, dtype=float))
    assert [p.shape for p in pieces] == [p.shape for p in net.parameters()]
    assert pieces[1].tolist() == [6.0, 7.0, 8.0]  # b0 follows the 6 numbers of W0
    with pytest.raises(ValueError, match="This network has 13 parameters; got an array of shape"):
        net.split(np.zeros(12))
    with pytest.raises(TypeError):  # a network keeps its layers: a new one is a new Network
        net.layers[0] = net.layers[1]


def test_assigning_a_layers_weights_copies_them_into_the_network_and_training_goes_on():
    net = Network([2, 3, 1], seed=0)
    trainer = Trainer(net, learning_rate=0.1)
    net.layers[0].weights = np.ones((2, 3))
    net.layers[0].biases = [0.5, 0.5, 0.5]
    np.testing.assert_array_equal(net.flat_parameters[:6], np.ones(6))
    x, t = np.array([[1.0, -1.0], [0.5, 2.0]]), np.array([[1.0], [0.0]])
    trainer.step(x, t)
    assert not np.array_equal(net.layers[0].weights, np.ones((2, 3)))  # trained, as set
    np.testing.assert_array_equal(net.layers[0].weights.ravel(), net.flat_parameters[:6])
    with pytest.raises(ValueError, match=r"weights have shape \(2, 3\); got \(3, 2\)"):
        net.layers[0].weights = np.ones((3, 2))


@pytest.mark.parametrize("duplicate", [copy.copy, copy.deepcopy, Network.copy])
def test_a_copied_network_trains_all_of_its_own_weights(duplicate):
    net = Network([2, 4, 1], seed=1)
    twin = duplicate(net)
    for mine, theirs in zip(twin.parameters(), net.parameters()):
        np.testing.assert_array_equal(mine, theirs)
    x, t = np.array([[1.0, -1.0], [0.5, 2.0]]), np.array([[1.0], [0.0]])
    Trainer(twin, learning_rate=0.5).step(x, t)
    # Every layer of the twin moved with its flat array; the original did not move.
    np.testing.assert_array_equal(twin.flat_parameters, joined(twin))
    assert not np.array_equal(twin.layers[0].weights, net.layers[0].weights)
    np.testing.assert_array_equal(net.flat_parameters, joined(net))


def test_the_same_seed_gives_the_same_network_and_another_seed_does_not():
    a, b, c = (Network([2, 8, 8, 1], seed=s) for s in (4, 4, 5))
    for pa, pb in zip(a.parameters(), b.parameters()):
        np.testing.assert_array_equal(pa, pb)
    assert not np.array_equal(a.layers[0].weights, c.layers[0].weights)


def test_a_network_defaults_to_sigmoid_and_cross_entropy_for_one_output():
    net = Network([2, 3, 1])
    assert net.activation_names == ["tanh", "sigmoid"]
    assert net.loss.name == "binary_crossentropy"


def test_a_network_defaults_to_softmax_and_categorical_cross_entropy_for_several_outputs():
    net = Network([2, 3, 4])
    assert net.activation_names == ["tanh", "softmax"]
    assert net.loss.name == "categorical_crossentropy"


def test_one_activation_per_hidden_layer_is_accepted():
    net = Network([2, 3, 3, 1], activation=["relu", "sine"], output_activation="linear")
    assert net.activation_names == ["relu", "sine", "linear"]
    assert net.loss.name == "mse"


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"layer_sizes": [2] + [4] * 11 + [1]}, "at most 10 hidden layers"),
        ({"layer_sizes": [2, 33, 1]}, "1 to 32"),
        ({"layer_sizes": [2, 0, 1]}, "1 to 32"),
        ({"layer_sizes": [2]}, "n_inputs, hidden..., n_outputs"),
        ({"layer_sizes": [2, 2.5, 1]}, "whole numbers"),
        ({"layer_sizes": [0, 3, 1]}, "1 to 64 inputs"),
        ({"layer_sizes": [2, 3, 1], "activation": "swish"}, "allowed: tanh, relu"),
        ({"layer_sizes": [2, 3, 1], "activation": ["tanh", "relu"]}, "one per hidden layer"),
        ({"layer_sizes": [2, 3, 1], "output_activation": "relu"}, "allowed: sigmoid, softmax"),
        ({"layer_sizes": [2, 3, 1], "output_activation": "softmax"}, "at least 2 output"),
        (
            {"layer_sizes": [2, 3, 2], "output_activation": "softmax", "loss": "mse"},
            "softmax with categorical_crossentropy",
        ),
        ({"layer_sizes": [2, 3, 1], "loss": "hinge"}, "allowed: mse"),
        ({"layer_sizes": [2, 3, 1], "init": "magic"}, "allowed: xavier"),
    ],
)
def test_impossible_networks_are_refused_with_a_message_that_says_what_is_allowed(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Network(**kwargs)


def test_wrongly_shaped_inputs_and_targets_are_refused_clearly():
    net = Network([2, 3, 1], seed=0)
    with pytest.raises(ValueError, match=r"shape \(n_samples, 2\)"):
        net.forward(np.zeros((4, 3)))
    with pytest.raises(ValueError, match=r"Targets must have shape \(4, 1\)"):
        net.backward(net.forward(np.zeros((4, 2))), np.zeros((4, 2)))


def test_cross_entropy_stays_finite_when_the_output_saturates():
    net = Network([1, 1], output_activation="sigmoid", seed=0)
    net.layers[0].weights[:] = 100.0
    x = np.array([[10.0]])  # z = 1000: sigmoid is exactly 1.0 in floating point
    backward = net.backward(net.forward(x), np.array([[0.0]]))
    assert backward.loss == pytest.approx(1000.0)
    assert np.isfinite(backward.weight_grads[0]).all()


@given(seed=st.integers(0, 2**31), hidden=hidden_lists)
def test_the_forward_trace_records_each_neurons_slope_as_pytorch_differentiates_it(seed, hidden):
    import torch
    from torch_reference import TORCH_ACTIVATIONS

    net, x, _ = random_case(seed, hidden, "sigmoid", "mse", 3)
    forward = net.forward(x)
    for i, layer in enumerate(net.layers):
        z = torch.tensor(forward.pre_activations[i], requires_grad=True)
        TORCH_ACTIVATIONS[layer.activation.name](z).sum().backward()  # elementwise: da/dz
        np.testing.assert_allclose(forward.slopes[i], z.grad.numpy(), rtol=1e-10, atol=1e-12)
