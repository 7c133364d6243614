"""Pace: epochs due at a speed, counted against a clock the test moves by hand."""

import math

import pytest

from glassnet.session.pace import Pace


class Clock:
    now = 0.0

    def __call__(self):
        return self.now


def test_epochs_fall_due_at_the_speed():
    clock = Clock()
    pace = Pace(clock)
    assert pace.due(10) == 1
    pace.count(1)
    clock.now = 0.25
    assert pace.due(10) == 2
    assert pace.seconds_until_due(10) == 0
    pace.count(2)
    assert pace.seconds_until_due(10) == pytest.approx(0.05)
    assert pace.due("max") == math.inf


def test_a_host_far_behind_does_not_try_to_catch_up():
    clock = Clock()
    pace = Pace(clock)
    clock.now = 30.0
    assert pace.due(5) == 1  # not 150
