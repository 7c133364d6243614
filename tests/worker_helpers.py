"""Helpers for the workers' tests: big work to take turns on, reading what a host sent, and
running an asyncio scenario."""

import asyncio
import concurrent.futures
import json

import numpy as np

from glassnet import limits


def points_csv(n=limits.MAX_POINTS, seed=0):
    """A CSV of n points in two classes (the most a dataset may hold, by default)."""
    xy = np.random.default_rng(seed).uniform(-5, 5, (n, 2))
    return "x,y,label\n" + "\n".join(f"{x},{y},{int(x * y > 0)}" for x, y in xy)


def hello(**settings):
    return json.dumps({"type": "hello", "protocol": 2, "settings": settings})


def decoded(payloads):
    """The messages in a list of payloads (text only: the tests ask for JSON frames)."""
    return [json.loads(p) for p in payloads]


def of_type(payloads, kind):
    return [m for m in decoded(payloads) if m["type"] == kind]


SLOW_EPOCH = [
    json.dumps({"type": "load_data", "filename": "many.csv", "content": points_csv()}),
    json.dumps({"type": "set", "changes": {"hidden_layers": [16, 16], "batch_size": 1}}),
]
"""Messages that make one epoch take a good fraction of a second: 5,000 points, batch size 1."""


def run(coroutine):
    """Run a scenario on an event loop of its own, in a thread of its own: in a whole test run
    the browser tests' Playwright keeps an event loop running in the main thread."""
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result()
