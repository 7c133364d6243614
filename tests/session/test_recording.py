"""The recording keeps every epoch early, spaces out later ones, and stays within its budget."""

import numpy as np

from glassnet import limits
from glassnet.engine import Network
from glassnet.session.recording import Recording


def params(value: float, sizes=(2, 4, 1)):
    net = Network(list(sizes), seed=0)
    return [np.full_like(p, value) for p in net.parameters()]


def test_early_epochs_are_all_kept_and_later_ones_spaced_within_the_budget(monkeypatch):
    monkeypatch.setattr(limits, "MAX_RECORDING_BYTES", 8 * 17 * 200)  # 200 keyframes of 17
    r = Recording()
    for epoch in range(2000):
        r.record(epoch, params(epoch))
    epochs = [k.epoch for k in r.keyframes]
    assert epochs[: Recording.DENSE_EPOCHS] == list(range(Recording.DENSE_EPOCHS))
    assert len(epochs) <= 200 and r.n_bytes <= limits.MAX_RECORDING_BYTES
    assert epochs[-1] == 1999 - 1999 % r.stride and r.stride > 1
    late = np.diff(epochs[Recording.DENSE_EPOCHS :])
    assert (late <= r.stride).all()  # spread over the whole run, no gap wider than the stride
    assert r.keyframes[10].parameters[0] == 10.0  # each keyframe holds its epoch's weights


def test_a_big_network_keeps_fewer_keyframes_but_at_least_sixteen(monkeypatch):
    monkeypatch.setattr(limits, "MAX_RECORDING_BYTES", 8 * 400 * 20)
    r = Recording()
    for epoch in range(300):
        r.record(epoch, params(epoch, (20, 18, 1)))  # 20 * 18 + 18 + 18 + 1 = 397 numbers
    assert 10 <= len(r.keyframes) <= 20 and r.n_bytes <= limits.MAX_RECORDING_BYTES


def test_the_nearest_keyframe_stands_in_for_an_epoch_it_skipped():
    r = Recording()
    for epoch in (0, 1, 2, 10, 20):
        r.record(epoch, params(epoch))
    assert r.nearest(14).epoch == 10 and r.nearest(16).epoch == 20 and r.nearest(15).epoch == 10
    assert r.nearest(99).epoch == 20 and Recording().nearest(3) is None


def test_recording_an_epoch_again_replaces_it_and_going_back_forgets_what_came_after():
    r = Recording()
    for epoch in range(5):
        r.record(epoch, params(epoch))
    r.record(4, params(40.0))  # a typed weight at epoch 4
    assert [k.epoch for k in r.keyframes] == [0, 1, 2, 3, 4] and r.keyframes[-1].parameters[0] == 40
    r.record(2, params(-1.0))  # the weights went back to epoch 2 (undo, revert)
    assert [k.epoch for k in r.keyframes] == [0, 1, 2]


def test_a_copy_shares_the_keyframes_and_records_on_its_own():
    r = Recording()
    r.record(0, params(0.0))
    twin = r.copy()
    twin.record(1, params(1.0))
    assert len(r.keyframes) == 1 and twin.keyframes[0] is r.keyframes[0]
    assert not r.keyframes[0].parameters.flags.writeable
