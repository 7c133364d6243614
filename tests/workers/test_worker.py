"""A worker's loop, in a thread over a socket pair: sessions take turns, and it stops when told."""

import json
import socket
import threading

import pytest
from worker_helpers import SLOW_EPOCH, decoded, hello

from glassnet.workers.channel import WorkerEnd
from glassnet.workers.host import Options
from glassnet.workers.worker import Worker


class Running:
    """A worker loop in a thread, and the web process's end of its channel."""

    def __init__(self, options=None):
        options = options or Options(slice_seconds=0.005)
        mine, theirs = socket.socketpair()
        self.web = WorkerEnd(mine)
        self.thread = threading.Thread(target=Worker(WorkerEnd(theirs), options).run, daemon=True)
        self.thread.start()

    def send(self, *message):
        self.web.send(message)

    def answers(self, until, timeout=60.0):
        """Every ("out", sid, view, payloads, handled) until ``until(answers)`` holds."""
        seen = []
        while not until(seen):
            batch = self.web.receive(timeout)
            assert batch, "the worker said nothing in time"
            seen += batch
        return seen


@pytest.fixture
def worker():
    running = Running()
    yield running
    running.send("stop")
    running.thread.join(timeout=5)
    running.web.close()


def handled(answers, sid):
    return sum(a[4] for a in answers if a[1] == sid)


def test_a_quick_request_is_answered_while_another_sessions_long_epoch_is_under_way(worker):
    worker.send("open", 1, 1, None, hello())
    worker.send("open", 2, 2, None, hello())
    for raw in SLOW_EPOCH:
        worker.send("message", 1, 1, raw)
    worker.answers(lambda seen: handled(seen, 1) == 2)
    worker.send("message", 1, 1, '{"type": "step"}')  # about a second of work
    worker.send("message", 2, 2, json.dumps({"type": "set", "changes": {"learning_rate": 0.3}}))
    order = worker.answers(lambda seen: handled(seen, 1) == 1)
    answered = [(a[1], a[4]) for a in order if a[4]]
    assert answered == [(2, 1), (1, 1)]  # the second session did not wait for the epoch
    settings = [m for a in order if a[1] == 2 for m in decoded(a[3]) if m["type"] == "settings"]
    assert settings[-1]["values"]["learning_rate"] == 0.3


def test_a_view_that_goes_stops_its_sessions_work_and_its_waiting_messages(worker):
    worker.send("open", 1, 1, None, hello())
    for raw in SLOW_EPOCH:
        worker.send("message", 1, 1, raw)
    worker.answers(lambda seen: handled(seen, 1) == 2)
    worker.send("message", 1, 1, '{"type": "step"}')
    worker.send("message", 1, 1, '{"type": "reset"}')
    worker.send("detach", 1, 1)
    worker.send("open", 2, 2, None, hello())
    worker.send("message", 2, 2, '{"type": "save"}')
    later = worker.answers(lambda seen: handled(seen, 2) == 1)
    assert all(a[1] == 2 for a in later)  # nothing more for the view that went
    worker.send("attach", 1, 1, None, hello())
    back = worker.answers(lambda seen: any(a[1] == 1 for a in seen))
    frame = [m for a in back if a[1] == 1 for m in decoded(a[3]) if m["type"] == "frame"][0]
    assert frame["epoch"] == 0 and frame["undo"] == "Change layers"  # no step, no reset


def test_the_worker_stops_when_the_web_process_goes():
    running = Running()
    running.send("open", 1, 1, None, hello())
    running.answers(lambda seen: seen)
    running.web.close()
    running.thread.join(timeout=5)
    assert not running.thread.is_alive()
