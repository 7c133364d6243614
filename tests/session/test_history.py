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


def test_a_mark_keeps_the_history_as_it_was_whatever_the_history_does_next():
    h = History()
    fill(h, range(5))
    mark = h.mark()
    as_it_was = h.copy()
    fill(h, range(5, 8))  # appends
    h.record(7, {"train_loss": -1.0})  # replaces the last entry
    h.truncate(6)
    fill(h, range(7, limits.MAX_HISTORY + 10))  # thins
    h.record(h.epochs[-1], {"train_loss": -2.0})
    back = mark.history(generation=9)
    assert back.epochs == as_it_was.epochs and back.train_loss == as_it_was.train_loss
    assert back.generation == 9 and back.stride == 1


def test_a_mark_keeps_its_own_last_entry_when_the_history_measures_that_epoch_again():
    h = History()
    fill(h, range(3))
    mark = h.mark()
    h.record(2, {"train_loss": 99.0})
    assert mark.history().train_loss == [0.0, 1.0, 2.0]
    assert History().mark().history().epochs == []
