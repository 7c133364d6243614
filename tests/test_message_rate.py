"""MAX_MESSAGES_PER_SECOND as a token bucket, on a clock the test moves."""

import pytest

from glassnet import limits
from glassnet.message_rate import MessageRate


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_a_full_second_of_messages_goes_at_once_and_the_next_waits_its_share(monkeypatch):
    monkeypatch.setattr(limits, "MAX_MESSAGES_PER_SECOND", 10)
    clock = Clock()
    rate = MessageRate(clock)
    assert [rate.spend() for _ in range(10)] == [0.0] * 10
    assert rate.wait() == pytest.approx(0.1)  # one token comes back every 1/10 s
    assert rate.spend() == pytest.approx(0.1)
    clock.now += 0.1
    assert rate.wait() == pytest.approx(0.1)  # the token that came back was spent ahead
    clock.now += 5.0
    assert rate.wait() == 0.0
    assert [rate.spend() for _ in range(10)] == [0.0] * 10  # refilled, but never past full
    assert rate.spend() > 0
