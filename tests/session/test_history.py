"""The loss history thins itself, and a history read from a file is capped the same way."""

from glassnet import limits
from glassnet.session.history import History


def fill(history, epochs):
    for e in epochs:
        history.record(e, {"train_loss": float(e)})


def test_a_full_history_keeps_every_other_entry_and_records_half_as_often():
    h = History()
    fill(h, range(limits.MAX_HISTORY))
    assert len(h) == limits.MAX_HISTORY // 2 and h.stride == 2
    assert h.epochs[:3] == [0, 2, 4] and h.generation == 1
    h.record(limits.MAX_HISTORY + 1, {"train_loss": 1.0})  # off the stride: not kept
    assert h.epochs[-1] == limits.MAX_HISTORY - 2


def test_a_history_longer_than_the_cap_is_thinned_to_fit():
    h = History()
    h.epochs = list(range(3 * limits.MAX_HISTORY))
    for name in History.SERIES[1:]:
        setattr(h, name, [0.5] * len(h.epochs))
    h.cap()
    assert len(h) < limits.MAX_HISTORY and h.stride == 4
    assert all(e % 4 == 0 for e in h.epochs)


def test_measuring_the_same_epoch_again_replaces_its_entry():
    h = History()
    h.record(0, {"train_loss": 1.0})
    h.record(0, {"train_loss": 0.5})
    assert h.epochs == [0] and h.train_loss == [0.5]
