"""Undo snapshots rebuild exactly what they were taken of; the stack keeps at most MAX_UNDO."""

import numpy as np

from glassnet import limits
from glassnet.session import Session
from glassnet.session.undo import Snapshot, UndoStack


def test_a_snapshot_rebuilds_the_same_weights_optimizer_and_history():
    s = Session({"optimizer": "adam", "dataset": "spiral"})
    for _ in range(3):
        s.step()
    snap = Snapshot.take("Test", s.settings, s.points, s.training)
    for _ in range(2):
        s.step()
    workspace, training = snap.rebuild(history_generation=s.history.generation)
    assert training.epoch == 3 and training.history.epochs == [0, 1, 2, 3]
    assert training.history.generation == s.history.generation + 1
    assert training.trainer.optimizer.t == snap.trainer["optimizer"]["t"]
    for a, b in zip(training.network.parameters(), snap.parameters):
        np.testing.assert_array_equal(a, b)
    assert workspace.points is snap.points


def test_the_stack_keeps_at_most_max_undo_steps_and_a_new_change_forgets_redo():
    s = Session()
    stack = UndoStack()
    snaps = [Snapshot.take(f"step {i}", s.settings, s.points, s.training) for i in range(40)]
    for snap in snaps:
        stack.push(snap)
    assert len(stack.undo) == limits.MAX_UNDO and stack.undo_label == "step 39"
    back = stack.back(snaps[0])
    assert back is snaps[-1] and stack.redo_label == "step 0"
    stack.push(snaps[1])
    assert stack.redo_label is None


def test_thirty_undo_steps_of_a_full_history_do_not_copy_it():
    import tracemalloc

    s = Session()
    history = s.history
    history.epochs = list(range(limits.MAX_HISTORY - 1))
    for name in history.SERIES[1:]:
        setattr(history, name, [float(e) + 0.5 for e in history.epochs])  # floats of their own
    s.training.epoch = history.epochs[-1]
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for k in range(limits.MAX_UNDO):
        s.set_bias(0, 0, k / 100)  # undoable, and measures the same epoch again
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    one_copy = limits.MAX_HISTORY * 5 * (8 + 24)  # a pointer and a float per entry
    assert grown < one_copy, f"{limits.MAX_UNDO} undo steps took {grown:,} bytes"
    while s.undo_label:
        s.undo()
    assert s.history.epochs == list(range(limits.MAX_HISTORY - 1))
    assert len(s.history.test_loss) == limits.MAX_HISTORY - 1
