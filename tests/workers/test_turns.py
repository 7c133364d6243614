"""Fair turns: the session that has had the least time goes next, and waking up saves nothing."""

from glassnet.workers.turns import Turns


class FakeHost:
    def __init__(self, used=0.0, runnable=True, due=None):
        self.used = used
        self._runnable = runnable
        self.due = due

    def runnable(self):
        return self._runnable

    def seconds_until_due(self):
        return self.due


def turns_of(*hosts, slice_seconds=0.01):
    turns = Turns(slice_seconds)
    turns.hosts.update(enumerate(hosts))
    return turns


def test_the_session_that_has_had_the_least_time_goes_next():
    greedy, modest = FakeHost(used=5.0), FakeHost(used=1.0)
    assert turns_of(greedy, modest).next() is modest


def test_sessions_with_nothing_to_do_are_skipped_and_none_means_wait():
    idle = FakeHost(used=0.0, runnable=False)
    busy = FakeHost(used=9.0)
    assert turns_of(idle, busy).next() is busy
    assert turns_of(idle).next() is None


def test_equal_demand_gets_equal_turns():
    a, b, c = FakeHost(), FakeHost(), FakeHost()
    turns = turns_of(a, b, c)
    counts = {id(h): 0 for h in (a, b, c)}
    for _ in range(300):
        host = turns.next()
        host.used += 0.01
        counts[id(host)] += 1
    assert sorted(counts.values()) == [100, 100, 100]


def test_a_session_that_wakes_after_a_while_has_not_saved_up_time():
    greedy, sleeper = FakeHost(), FakeHost(runnable=False)
    turns = turns_of(greedy, sleeper)
    for _ in range(100):  # the greedy one runs alone for a second
        turns.next().used += 0.01
    sleeper._runnable = True
    assert turns.next() is sleeper  # a quiet view's message is answered next ...
    sleeper.used += 0.01
    picks = []
    for _ in range(10):
        host = turns.next()
        host.used += 0.01
        picks.append(host is sleeper)
    assert picks.count(True) <= 6  # ... but it does not get the next second to itself


def test_the_worker_waits_until_the_first_session_is_due_or_for_a_message():
    assert (
        turns_of(FakeHost(runnable=False, due=0.3), FakeHost(runnable=False, due=0.1)).wait() == 0.1
    )
    assert turns_of(FakeHost(runnable=False)).wait() is None
    assert turns_of(FakeHost(runnable=True)).wait() == 0.0
