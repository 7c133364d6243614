"""Training steps, epochs, regularization, divergence and determinism."""

import numpy as np
import pytest
import torch
from torch_reference import torch_forward

from glassnet.engine import DivergenceError, Network, Trainer


def make_problem(seed=0, n=40):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-3, 3, (n, 2))
    t = (x[:, :1] * x[:, 1:] > 0).astype(float)
    return x, t


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
@pytest.mark.parametrize("regularization", ["none", "l1", "l2"])
def test_three_steps_equal_pytorch_with_the_same_optimizer_and_penalty(optimizer, regularization):
    x, t = make_problem()
    net = Network([2, 5, 3, 1], activation=["tanh", "relu"], seed=1)
    trainer = Trainer(
        net,
        learning_rate=0.05,
        optimizer=optimizer,
        regularization=regularization,
        regularization_rate=0.01,
    )
    params = [torch.tensor(p.copy(), requires_grad=True) for p in net.parameters()]
    torch_opt = {
        "sgd": lambda: torch.optim.SGD(params, lr=0.05),
        "momentum": lambda: torch.optim.SGD(params, lr=0.05, momentum=0.9),
        "adam": lambda: torch.optim.Adam(params, lr=0.05),
    }[optimizer]()
    for step in range(3):
        batch = slice(10 * step, 10 * step + 10)
        trainer.step(x[batch], t[batch])
        loss, _, _ = torch_forward(net, params, x[batch], t[batch])
        weights = params[0::2]  # biases are never regularized
        if regularization == "l1":
            loss = loss + 0.01 * sum(w.abs().sum() for w in weights)
        elif regularization == "l2":
            loss = loss + 0.01 * sum((w * w).sum() for w in weights) / 2
        torch_opt.zero_grad()
        loss.backward()
        torch_opt.step()
    for ours, theirs in zip(net.parameters(), params):
        np.testing.assert_allclose(ours, theirs.detach().numpy(), rtol=1e-9, atol=1e-12)


def test_a_traced_step_records_before_gradient_penalty_step_and_after():
    x, t = make_problem()
    net = Network([2, 3, 1], seed=2)
    trainer = Trainer(net, learning_rate=0.1, regularization="l2", regularization_rate=0.3)
    twin = Trainer(net.copy(), learning_rate=0.1, regularization="l2", regularization_rate=0.3)
    trace = trainer.step(x, t, trace=True)
    untraced_loss = twin.step(x, t)

    assert trace.loss == untraced_loss
    for ours, theirs in zip(net.parameters(), twin.network.parameters()):
        np.testing.assert_array_equal(ours, theirs)  # tracing changes nothing
    assert net.loss_value(x, t) < trace.loss  # the step went downhill
    for i, update in enumerate(trace.updates):
        w, b = update.weights, update.biases
        np.testing.assert_array_equal(w.after, net.layers[i].weights)
        np.testing.assert_array_equal(w.after, w.before - w.step)
        np.testing.assert_array_equal(w.gradient, trace.backward.weight_grads[i])
        np.testing.assert_allclose(w.regularization, 0.3 * w.before)
        np.testing.assert_allclose(w.step, 0.1 * (w.gradient + w.regularization))
        np.testing.assert_array_equal(b.regularization, 0.0)
        np.testing.assert_allclose(b.step, 0.1 * b.gradient)
    expected_penalty = 0.3 * sum((u.weights.before**2).sum() for u in trace.updates) / 2
    assert trace.penalty == pytest.approx(expected_penalty)


def test_an_untraced_step_returns_only_the_loss():
    x, t = make_problem()
    assert isinstance(Trainer(Network([2, 3, 1], seed=0)).step(x, t), float)


def test_the_same_seed_and_settings_give_bit_identical_training():
    x, t = make_problem(n=97)

    def train(seed):
        net = Network([2, 6, 6, 1], activation="relu", seed=seed)
        trainer = Trainer(net, learning_rate=0.01, optimizer="adam", batch_size=7, seed=seed)
        losses = trainer.fit(x, t, epochs=20)
        return losses, net.parameters()

    losses_a, params_a = train(11)
    losses_b, params_b = train(11)
    losses_c, _ = train(12)
    assert losses_a == losses_b
    for a, b in zip(params_a, params_b):
        np.testing.assert_array_equal(a, b)
    assert losses_a != losses_c


def test_an_epoch_visits_every_example_once_in_shuffled_batches():
    x, t = make_problem(n=25)
    net = Network([2, 3, 1], seed=0)
    trainer = Trainer(net, batch_size=10, seed=0)
    seen = []
    original = trainer.step
    trainer.step = lambda xb, tb, trace=False: seen.append(xb) or original(xb, tb)
    trainer.epoch(x, t)
    assert [len(b) for b in seen] == [10, 10, 5]
    visited = np.concatenate(seen)
    assert sorted(map(tuple, visited)) == sorted(map(tuple, x))
    assert not np.array_equal(visited, x)  # shuffled


def test_an_epoch_calls_between_after_each_batch_and_stops_when_it_raises():
    x, t = make_problem(n=25)
    calls = []
    trainer = Trainer(Network([2, 3, 1], seed=0), batch_size=10, seed=0)
    trainer.epoch(x, t, between=lambda: calls.append(len(calls)))
    assert calls == [0, 1, 2]  # three batches: 10, 10, 5

    class Stop(Exception):
        pass

    def stop_after_one():
        raise Stop

    steps = []
    original = trainer.step
    trainer.step = lambda xb, tb, trace=False: steps.append(len(xb)) or original(xb, tb)
    with pytest.raises(Stop):
        trainer.epoch(x, t, between=stop_after_one)
    assert steps == [10]


def test_a_huge_learning_rate_is_reported_as_divergence_in_plain_words():
    x, t = make_problem()
    net = Network([2, 8, 1], activation="relu", output_activation="linear", seed=0)
    trainer = Trainer(net, learning_rate=1e6)
    with pytest.raises(DivergenceError) as caught:
        trainer.fit(x, t * 10, epochs=50)
    assert "learning rate (1e+06) is too high" in caught.value.message
    assert caught.value.reason in ("loss", "weights")


def test_a_non_finite_loss_leaves_the_weights_untouched():
    net = Network([1, 1], output_activation="linear", seed=0)
    before = net.layers[0].weights.copy()
    trainer = Trainer(net)
    with pytest.raises(DivergenceError) as caught:
        trainer.step(np.array([[1e200]]), np.array([[0.0]]))
    assert caught.value.reason == "loss"
    np.testing.assert_array_equal(net.layers[0].weights, before)


@pytest.mark.parametrize(
    "setting, value, message",
    [
        ("learning_rate", float("nan"), "learning rate must be a positive number"),
        ("learning_rate", 0.0, "learning rate must be a positive number"),
        ("learning_rate", "fast", "learning rate must be a positive number"),
        ("regularization_rate", -1.0, "zero or a positive number"),
        ("regularization_rate", float("inf"), "zero or a positive number"),
        ("batch_size", 0, "at least 1"),
        ("batch_size", 2.5, "whole number"),
        ("regularization", "dropout", "allowed: none, l1, l1_pin, l2"),
    ],
)
def test_bad_settings_are_refused_and_the_trainer_keeps_its_old_value(setting, value, message):
    trainer = Trainer(Network([2, 2, 1], seed=0))
    old = getattr(trainer, setting)
    with pytest.raises(ValueError, match=message):
        setattr(trainer, setting, value)
    assert getattr(trainer, setting) == old


def test_four_tanh_neurons_learn_xor_to_95_percent_test_accuracy_within_500_epochs():
    from glassnet.data import generate, train_test_split

    data = generate("xor", noise=0, seed=0)
    train, test = train_test_split(data.n_points, 50, seed=0)
    x, t = data.inputs, data.targets.astype(float)
    net = Network([2, 4, 1], activation="tanh", seed=0)
    trainer = Trainer(net, learning_rate=0.03, batch_size=10, seed=0)
    accuracy = 0.0
    for _ in range(500):
        trainer.epoch(x[train], t[train])
        accuracy = np.mean((net.predict(x[test])[:, 0] > 0.5) == t[test])
        if accuracy >= 0.95:
            break
    assert accuracy >= 0.95


def playground_sgd_l1_update(weights, data_grads, learning_rate, rate, dead):
    """TensorFlow Playground's Link update for L1 (nn.ts updateWeights), one weight at a time."""
    new = weights.copy()
    for index in np.ndindex(weights.shape):
        if dead[index]:
            continue
        w = weights[index]
        regul_der = np.sign(w)
        w1 = w - learning_rate * data_grads[index]
        w2 = w1 - learning_rate * rate * regul_der
        if w1 * w2 < 0:
            new[index], dead[index] = 0.0, True
        else:
            new[index] = w2
    return new


def test_l1_pin_follows_the_playgrounds_rule_that_a_weight_crossing_zero_stays_zero():
    x, t = make_problem()
    net = Network([2, 6, 1], output_activation="tanh", loss="mse", seed=5)
    trainer = Trainer(net, learning_rate=0.3, regularization="l1_pin", regularization_rate=0.3)
    reference = [layer.weights.copy() for layer in net.layers]
    dead = [np.zeros(w.shape, dtype=bool) for w in reference]
    for step in range(4):
        batch = slice(10 * step, 10 * step + 10)
        twin = net.copy()
        for layer, w in zip(twin.layers, reference):
            layer.weights[...] = w
        grads = twin.backward(twin.forward(x[batch]), t[batch]).weight_grads
        reference = [
            playground_sgd_l1_update(w, g, 0.3, 0.3, d) for w, g, d in zip(reference, grads, dead)
        ]
        trainer.step(x[batch], t[batch])
        for layer, w in zip(net.layers, reference):
            np.testing.assert_allclose(layer.weights, w, rtol=1e-12, atol=1e-15)
    assert any(d.any() for d in dead), "the test should pin at least one weight"
    pinned = trainer.pinned[0]
    assert (net.layers[0].weights[pinned] == 0).all()
