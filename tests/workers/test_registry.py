"""The sessions a server holds: caps, coming back with a token, idle sessions freed."""

import pytest

from glassnet.workers import Full, Registry


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def started(registry, address, sid):
    entry, freed = registry.admit(address)
    entry.sid = sid
    return entry, freed


def test_a_view_that_comes_back_with_its_token_gets_its_session_once():
    registry = Registry()
    entry, _ = started(registry, "10.0.0.1", 1)
    assert registry.reclaim(entry.token) is None  # its view is still on it (a duplicated tab)
    registry.detach(entry)
    assert registry.reclaim(entry.token) is entry and entry.attached
    assert registry.reclaim("forged") is None and registry.reclaim(None) is None


def test_the_caps_count_kept_sessions_but_a_new_view_frees_the_idlest_for_itself():
    clock = Clock()
    registry = Registry(max_sessions=2, max_per_address=5, clock=clock)
    a, _ = started(registry, "10.0.0.1", 1)
    b, _ = started(registry, "10.0.0.2", 2)
    with pytest.raises(Full, match="2 sessions, its limit"):
        registry.admit("10.0.0.3")
    registry.detach(b)
    clock.now += 1
    registry.detach(a)
    c, freed = started(registry, "10.0.0.3", 3)
    assert freed == [2] and len(registry) == 2  # b was idle the longest
    assert registry.reclaim(b.token) is None and registry.reclaim(a.token) is a


def test_one_address_may_hold_only_its_share():
    registry = Registry(max_sessions=10, max_per_address=2)
    started(registry, "10.0.0.1", 1)
    started(registry, "10.0.0.1", 2)
    with pytest.raises(Full, match="--max-sessions-per-address"):
        registry.admit("10.0.0.1")
    started(registry, "10.0.0.2", 3)  # another computer is fine


def test_a_session_whose_view_stays_away_is_freed_after_idle_seconds():
    clock = Clock()
    registry = Registry(idle_seconds=60, clock=clock)
    kept, _ = started(registry, "10.0.0.1", 1)
    busy, _ = started(registry, "10.0.0.1", 2)
    registry.detach(kept)
    clock.now += 59
    assert registry.sweep() == []
    clock.now += 2
    assert registry.sweep() == [1] and len(registry) == 1
    assert registry.reclaim(kept.token) is None  # it comes back too late: it restores its copy


def test_sessions_lost_with_a_worker_are_forgotten():
    registry = Registry()
    a, _ = started(registry, "10.0.0.1", 1)
    started(registry, "10.0.0.1", 2)
    registry.forget([1])
    assert len(registry) == 1 and registry.reclaim(a.token) is None
