"""One session in a worker: turns of at most a slice, and work stopped cleanly at checkpoints."""

import json

import numpy as np
import pytest
from worker_helpers import SLOW_EPOCH, hello, of_type

from glassnet.workers.host import ALONE_SLICES, Host, Options


@pytest.fixture
def host():
    """A host with a view attached, past its hello, whose epochs are slow."""
    h = Host(1, "token", Options(slice_seconds=0.005, request_seconds=30))
    h.attach(1, hello(), fresh=True)
    for raw in SLOW_EPOCH:
        h.receive(1, raw)
    run_all(h)
    h.views[1].out.clear()
    h.views[1].handled = 0
    h.ready(1)  # the view drew its last frame
    yield h
    h.close()


def run_all(host):
    """Turns until the host has nothing left to do."""
    while host.runnable():
        host.take_turn()


def weights(host):
    return [p.copy() for p in host.session.network.parameters()]


def test_a_long_request_gives_its_turn_back_after_a_slice_and_goes_on_at_the_next(host):
    host.receive(1, '{"type": "step"}')
    turns = 0
    while host.runnable():
        host.take_turn()
        turns += 1
        if host.busy:
            assert host.views[1].out == []  # no answer before the work is done
    assert turns > 3  # one epoch of 5,000 batches took several turns
    assert host.views[1].handled == 1 and of_type(host.views[1].out, "frame")[-1]["epoch"] == 1


def test_a_session_alone_in_its_worker_keeps_its_turn_longer(host):
    """Alone (nothing else waits), a turn lasts ALONE_SLICES slices; else one slice."""
    host.options = Options(slice_seconds=0.02, request_seconds=30)  # long: a wide margin below
    longest = ALONE_SLICES * host.options.slice_seconds
    host.receive(1, '{"type": "step"}')
    host.take_turn()  # the step's first turn, while other work waits (the default)
    with_others = host.take_turn()
    host.others_waiting = lambda: False
    alone = host.take_turn()
    assert host.busy  # the epoch of 5,000 batches is not done yet
    assert host.options.slice_seconds <= with_others < longest <= alone
    # Something comes in meanwhile (another session's work, a message): the turn ends there.
    calls = iter([False, True])
    host.others_waiting = lambda: next(calls, True)
    assert host.take_turn() < longest


def test_a_view_that_goes_stops_its_work_and_nothing_changes(host):
    run_all(host)  # the frame it was ready for
    before, undo = weights(host), host.session.undo_label
    host.receive(1, '{"type": "step"}')
    host.receive(1, '{"type": "reset"}')
    host.take_turn()
    assert host.busy  # half way through the epoch
    host.detach(1)
    assert not host.inbox and host.runnable()  # only to stop the work
    host.take_turn()
    assert not host.busy and not host.runnable() and 1 not in host.views
    assert host.session.epoch == 0 and host.session.undo_label == undo  # the reset never ran
    for a, b in zip(before, host.session.network.parameters()):
        np.testing.assert_array_equal(a, b)


def test_a_request_that_computes_too_long_is_stopped_with_an_error_and_the_session_goes_on():
    h = Host(1, None, Options(slice_seconds=0.005, request_seconds=30))
    h.attach(1, hello(), fresh=True)
    for raw in SLOW_EPOCH:
        h.receive(1, raw)
    run_all(h)
    # Reading 5,000 rows may itself take more than 0.05 s: the limit tightens after it,
    # or the file would be refused and the epoch left fast.
    assert len(h.session.points.all_inputs()) == 5000
    h.options = Options(slice_seconds=0.005, request_seconds=0.05)
    h.views[1].out.clear()
    before = weights(h)
    h.receive(1, '{"type": "step"}')
    run_all(h)
    errors = of_type(h.views[1].out, "error")
    assert (
        errors and errors[0]["request"] == "step" and "MAX_REQUEST_SECONDS" in errors[0]["message"]
    )
    assert h.session.epoch == 0
    for a, b in zip(before, h.session.network.parameters()):
        np.testing.assert_array_equal(a, b)
    h.views[1].out.clear()
    h.receive(1, json.dumps({"type": "set", "changes": {"learning_rate": 0.1}}))
    run_all(h)
    assert of_type(h.views[1].out, "settings")[0]["values"]["learning_rate"] == 0.1
    h.close()


def test_a_host_closed_in_the_middle_of_work_ends_its_thread(host):
    host.receive(1, '{"type": "step"}')
    host.take_turn()
    assert host.busy
    thread = host._thread
    host.close()
    thread.join(timeout=5)
    assert not thread.is_alive()


def test_ready_needs_no_turn_of_work_to_be_known_and_brings_the_next_frame():
    h = Host(1, None, Options())
    h.attach(1, hello(), fresh=True)
    run_all(h)
    assert of_type(h.views[1].out, "frame") and not h.runnable()
    h.views[1].out.clear()
    h.receive(1, '{"type": "step"}')
    run_all(h)
    assert of_type(h.views[1].out, "frame") == []  # the view has not drawn the last one yet
    h.ready(1)
    assert h.runnable()
    h.take_turn()
    assert of_type(h.views[1].out, "frame")[0]["epoch"] == 1
    h.close()


def test_a_view_that_comes_back_gets_everything_anew_and_its_kept_copy_is_not_restored():
    h = Host(1, "secret", Options())
    h.attach(1, hello(), fresh=True)
    h.receive(1, '{"type": "step"}')
    run_all(h)
    kept = h.session.save()
    h.receive(1, '{"type": "step"}')
    run_all(h)
    h.detach(1)
    restore = json.dumps({"type": "hello", "protocol": 2, "restore": kept})
    h.attach(1, restore, fresh=False)
    run_all(h)
    welcome = of_type(h.views[1].out, "welcome")[0]
    assert welcome["token"] == "secret"
    # The session itself, newer than the copy:
    assert of_type(h.views[1].out, "frame")[0]["epoch"] == 2
    h.close()


def test_a_turn_for_a_view_that_became_ready_also_trains_a_playing_session():
    # Sending the frame alone took a turn of its own (a thread handoff) and trained nothing.
    # (A long slice: an epoch must fit in one turn even on a slow machine.)
    h = Host(1, None, Options(slice_seconds=1.0))
    h.attach(1, hello(speed="max"), fresh=True)
    run_all(h)  # the welcome and the first frame
    h.receive(1, '{"type": "play"}')
    h.ready(1)
    h.take_turn()  # play
    h.take_turn()  # (a playing session always has a turn to take)
    epoch = h.session.epoch
    h.views[1].out.clear()
    h.ready(1)
    h.take_turn()  # one turn: the epochs due, then the frame showing them
    assert of_type(h.views[1].out, "frame")[-1]["epoch"] > epoch
    h.close()
