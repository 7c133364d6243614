"""A host's checkpoint: long work takes turns there, and stopping it halfway changes nothing."""

import numpy as np
import pytest

from glassnet import limits
from glassnet.session import Interrupted, Session, SessionError


def params(session):
    return [p.copy() for p in session.network.parameters()]


def stop_after(n_batches):
    calls = []

    def checkpoint():
        calls.append(1)
        if len(calls) > n_batches:
            raise Interrupted("The host stopped it.")

    return checkpoint, calls


def test_the_checkpoint_is_called_after_every_batch_of_a_step():
    s = Session({"batch_size": 10})
    checkpoint, calls = stop_after(10**6)
    s.checkpoint = checkpoint
    s.step()
    assert len(calls) == len(s.workspace.train) // 10 and s.epoch == 1


def test_a_step_stopped_halfway_leaves_the_weights_and_the_optimizer_as_they_were():
    s = Session({"optimizer": "adam"})
    s.step()
    before, memory = params(s), s.trainer.state()
    s.checkpoint, _ = stop_after(3)
    with pytest.raises(Interrupted):
        s.step()
    assert s.epoch == 1
    for a, b in zip(before, s.network.parameters()):
        np.testing.assert_array_equal(a, b)
    assert s.trainer.state()["shuffle_state"] == memory["shuffle_state"]
    np.testing.assert_array_equal(s.trainer.state()["optimizer"]["first_moment"][0],
                                  memory["optimizer"]["first_moment"][0])  # fmt: skip
    s.checkpoint = None
    s.step()  # and the next step is the one it would have been
    t = Session({"optimizer": "adam"})
    t.step()
    t.step()
    for a, b in zip(t.network.parameters(), s.network.parameters()):
        np.testing.assert_array_equal(a, b)


def test_training_stopped_halfway_keeps_the_epochs_it_finished_and_says_so():
    clock = iter(range(10**6))
    s = Session({"speed": "max", "batch_size": 25}, clock=lambda: next(clock) * 1e-6)
    s.play()
    version = s.version
    s.checkpoint, _ = stop_after(25)  # 10 batches an epoch: two epochs and a half
    with pytest.raises(Interrupted):
        s.advance(budget=10.0)
    assert s.epoch == 2 and s.history.epochs[-1] == 2 and s.version > version


def test_an_explained_epoch_stopped_halfway_changes_nothing():
    s = Session()
    before = params(s)
    s.checkpoint, _ = stop_after(2)
    with pytest.raises(Interrupted):
        s.explain(int(s.workspace.train[0]), "epoch")
    for a, b in zip(before, s.network.parameters()):
        np.testing.assert_array_equal(a, b)
    s.checkpoint = None
    record = s.explain(int(s.workspace.train[0]), "epoch")
    s.apply_step(record.id)
    assert s.epoch == 1


def five_thousand_points():
    xy = np.random.default_rng(0).uniform(-5, 5, (limits.MAX_POINTS, 2))
    rows = [f"{x},{y},{int(x * y > 0)}" for x, y in xy]
    return "x,y,label\n" + "\n".join(rows)


def test_an_epoch_too_large_to_explain_is_refused_before_it_starts():
    s = Session()
    s.load_data("points.csv", five_thousand_points())
    s.change_settings({"hidden_layers": [32] * 10})
    n_parameters = sum(p.size for p in s.network.parameters())
    assert len(s.workspace.train) * n_parameters > limits.MAX_EXPLAIN_WORK
    s.checkpoint = lambda: pytest.fail("it started")
    with pytest.raises(SessionError, match="MAX_EXPLAIN_WORK"):
        s.explain(int(s.workspace.train[0]), "epoch")
    s.explain(int(s.workspace.train[0]), "batch")  # a batch is fine


def big_csv(rows: int) -> str:
    rng = np.random.default_rng(0)
    lines = ["a,b,c,label"] + [
        f"{a:.4f},{b:.4f},{c:.4f},{i % 2}" for i, (a, b, c) in enumerate(rng.normal(size=(rows, 3)))
    ]
    return "\n".join(lines)


def test_a_long_file_is_read_in_turns_and_stopping_it_loads_nothing():
    from glassnet.data.files import CHECK_EVERY_ROWS

    s = Session()
    checkpoint, calls = stop_after(10**6)
    s.checkpoint = checkpoint
    s.load_data("big.csv", big_csv(3 * CHECK_EVERY_ROWS))
    assert len(calls) == 3 and s.points.base.n_points == 3 * CHECK_EVERY_ROWS
    before, points = params(s), s.points
    s.checkpoint, calls = stop_after(1)  # the reading stops at its second checkpoint
    with pytest.raises(Interrupted):
        s.load_data("other.csv", big_csv(3 * CHECK_EVERY_ROWS))
    assert s.points is points and all(np.array_equal(a, b) for a, b in zip(before, params(s)))
    assert s.undo_label == "Load big.csv"  # no undo step for what did not load
