"""Explaining a step: a preview with the engine's numbers, then apply or revert exactly."""

import numpy as np
import pytest

from glassnet.engine.paths import sample_traces
from glassnet.session import Session, SessionError


def params(s):
    return [p.copy() for p in s.network.parameters()]


def same(a, b):
    return all(np.array_equal(x, y) for x, y in zip(a, b))


@pytest.mark.parametrize("size", ["sample", "batch", "epoch"])
def test_applying_a_previewed_step_gives_exactly_the_weights_a_real_step_would(size):
    s, twin = Session({"dataset": "spiral"}), Session({"dataset": "spiral"})
    point = int(s.workspace.train[7])
    preview = s.explain(point, size)
    assert same(params(s), preview.before)  # previewing changes nothing
    s.apply_step(preview.id)
    if size == "epoch":
        twin.step()
    else:
        batch = preview.batch
        twin.trainer.step(twin.workspace.features[batch], twin.workspace.targets[batch])
    assert same(params(s), params(twin))
    assert s.metrics == preview.metrics_after
    point_features = s.workspace.features[point][None]
    np.testing.assert_array_equal(preview.output_after, s.network.predict(point_features)[0])


def test_a_step_on_one_point_lowers_that_points_own_loss_and_says_by_how_much():
    s = Session({"dataset": "spiral"})
    point = int(s.workspace.train[3])
    preview = s.explain(point, "sample")
    s.apply_step(preview.id)
    # The engine's own loss of the point, on the network after the step.
    net = s.network
    x, t = s.workspace.features[point][None], s.workspace.targets[point][None]
    trace = net.forward(x)
    expected = net.loss.value(trace.pre_activations[-1], trace.activations[-1], t.reshape(1, -1))
    assert preview.loss_after == expected
    assert preview.loss_after < preview.backward.loss


def test_a_test_point_has_no_loss_after():
    s = Session()
    assert s.explain(int(s.workspace.test[0])).loss_after is None


def test_reverting_brings_back_the_weights_and_the_optimizers_memory():
    s = Session({"optimizer": "adam"})
    before = params(s)
    preview = s.explain(int(s.workspace.train[0]), "batch")
    s.apply_step(preview.id)
    s.revert_step(preview.id)
    assert same(params(s), before)
    assert s.trainer.optimizer.t == 0
    s.apply_step(preview.id)  # and forward again gives the same after
    assert same(params(s), preview.after)


def test_the_explained_numbers_are_the_engines_trace_of_that_point_alone():
    s = Session()
    point = int(s.workspace.train[3])
    preview = s.explain(point)
    forward, backward = sample_traces(
        s.network, s.workspace.features[point], s.workspace.targets[point]
    )
    for ours, theirs in zip(preview.forward.activations, forward.activations):
        np.testing.assert_array_equal(ours, theirs)
    for ours, theirs in zip(preview.backward.weight_grads, backward.weight_grads):
        np.testing.assert_array_equal(ours, theirs)


def test_a_batch_step_holds_each_points_share_whose_mean_is_the_update_gradient():
    s = Session({"batch_size": 8})
    point = int(s.workspace.train[5])
    preview = s.explain(point, "batch")
    assert preview.batch[0] == point and len(preview.batch) == 8
    assert set(preview.batch) <= set(s.workspace.train)
    for layer, update in enumerate(preview.step.updates):
        np.testing.assert_allclose(
            preview.shares.weight_grads[layer].mean(axis=0), update.weights.gradient
        )


def test_a_test_point_is_explained_but_has_no_update():
    s = Session()
    preview = s.explain(int(s.workspace.test[0]))
    assert not preview.trains and preview.after is None
    with pytest.raises(SessionError, match="never trains on it"):
        s.apply_step(preview.id)


def test_a_stale_preview_is_refused_after_the_network_changed():
    s = Session()
    preview = s.explain(int(s.workspace.train[0]))
    s.step()
    with pytest.raises(SessionError, match="network changed"):
        s.apply_step(preview.id)
    with pytest.raises(SessionError, match="not the step being explained"):
        s.apply_step(preview.id + 1)


def test_the_chain_rule_of_the_explained_point_sums_to_its_gradient():
    s = Session({"hidden_layers": [3]})
    preview = s.explain(int(s.workspace.train[2]))
    rule = preview.chain(0, 1, 2)
    assert sum(p.product for p in rule.paths) == pytest.approx(
        preview.backward.weight_grads[0][1, 2]
    )
    with pytest.raises(SessionError, match="no weight"):
        preview.chain(0, 9, 0)


@pytest.mark.parametrize(
    "point, size, message",
    [
        (10_000, "sample", "no point"),
        (0, "week", "one of: sample, batch, epoch"),
        (-1, "sample", "no point"),
    ],
)
def test_bad_explain_requests_say_what_is_allowed(point, size, message):
    with pytest.raises(SessionError, match=message):
        Session().explain(point, size)


def test_explaining_an_epoch_that_diverges_says_so_and_changes_nothing():
    s = Session({"dataset": "plane", "learning_rate": 10.0, "hidden_layers": [8, 8],
                 "batch_size": 1})  # fmt: skip
    before = params(s)
    with pytest.raises(SessionError, match="diverged"):
        s.explain(int(s.workspace.train[0]), "epoch")
    assert same(params(s), before)


def test_reverting_an_explained_epoch_takes_its_history_entry_back():
    s = Session()
    s.step()
    preview = s.explain(int(s.workspace.train[0]), "epoch")
    s.apply_step(preview.id)
    assert s.history.epochs == [0, 1, 2]
    s.revert_step(preview.id)
    assert s.history.epochs == [0, 1] and s.epoch == 1
