"""What the controller tests share: a page's view of a session over a real WebSocket."""

from __future__ import annotations

import contextlib
import json
import socket
import time

import websockets.sync.client as ws_client


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Page:
    """A view of its own session, as a page is: it says ready after each frame."""

    def __init__(self, ws):
        self.ws = ws
        self.settings: dict = {}
        self.frame: dict = {}

    def until(self, condition, seconds: float = 10.0) -> dict:
        """The first message for which ``condition`` holds, within ``seconds``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            message = json.loads(self.ws.recv(timeout=max(0.01, deadline - time.monotonic())))
            if message["type"] == "frame":
                self.frame = message
                self.ws.send('{"type": "ready"}')
            elif message["type"] == "settings":
                self.settings = message["values"]
            if condition(message):
                return message
        raise AssertionError("no such message in time")

    def send(self, **message):
        self.ws.send(json.dumps(message))


@contextlib.contextmanager
def page_on(url: str, **hello):
    """A page's session on the server at ``url``, after its welcome, settings and first frame."""
    with ws_client.connect(url.replace("http", "ws") + "/ws") as ws:
        page = Page(ws)
        page.send(type="hello", protocol=2, **hello)
        page.until(lambda m: m["type"] == "frame")
        yield page


def is_type(kind):
    return lambda m: m["type"] == kind


def logged(caplog, text: str, seconds: float = 10.0) -> str:
    """The first log line of the controllers that holds ``text``, waiting up to ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for record in caplog.records:
            if text in record.getMessage():
                return record.getMessage()
        time.sleep(0.02)
    raise AssertionError(f"nothing logged with {text!r}")
