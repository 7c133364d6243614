"""What the relay and sharing tests share: an app with one worker, waiting for a message."""

from __future__ import annotations

import json

from glassnet.hostnames import HostNames
from glassnet.server import create_app


def one_worker_app():
    """The app with one worker, answering to TestClient's name."""
    return create_app(host_names=HostNames(extra=("testserver",)), workers=1)


def receive_until(ws, condition, limit=2000):
    """The first message (of at most ``limit``) for which ``condition`` holds."""
    for _ in range(limit):
        message = json.loads(ws.receive_text())
        if condition(message):
            return message
    raise AssertionError("no such message")


def of_type(kind):
    return lambda m: m["type"] == kind
