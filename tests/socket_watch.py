"""Reading what the session sends a page, from outside the page, and other browser-test helpers.

``SocketWatch(page)`` listens to every WebSocket the page opens from then on and
decodes each message the session sent: JSON text, or a binary frame whose JSON
header and float64 parameters it unpacks (docs/protocol.md). Tests compare what
the page shows with these numbers: the engine's, not numbers copied into a test.
"""

from __future__ import annotations

import json

import numpy as np

from glassnet.engine import Network


def decode(payload: str | bytes) -> dict:
    """One message as a dict; a binary frame's parameters become a NumPy array."""
    if isinstance(payload, str):
        message = json.loads(payload)
        if message.get("type") == "frame" and isinstance(message.get("parameters"), list):
            message["parameters"] = np.array(message["parameters"], dtype=float)
        return message
    length = int.from_bytes(payload[:4], "little")
    message = json.loads(payload[4 : 4 + length])
    offset = (4 + length + 7) // 8 * 8
    buffers = []
    for size in message.get("buffer_lengths", []):
        buffers.append(payload[offset : offset + size])
        offset += (size + 7) // 8 * 8
    if message.get("type") == "frame":
        message["parameters"] = np.frombuffer(buffers[0], dtype="<f8").copy()
    return message


class SocketWatch:
    """Every message the session sent to a page, in order."""

    def __init__(self, page):
        self.page = page
        self.received: list[dict] = []
        self.sent: list[dict] = []
        page.on("websocket", self._attach)

    def _attach(self, ws):
        ws.on("framereceived", lambda payload: self.received.append(decode(payload)))
        ws.on("framesent", lambda payload: self.sent.append(json.loads(payload)))

    def all(self, kind: str) -> list[dict]:
        return [m for m in self.received if m.get("type") == kind]

    def last(self, kind: str) -> dict:
        found = self.all(kind)
        assert found, f"no {kind!r} message received"
        return found[-1]

    def wait_for(self, condition, timeout_ms: int = 5000):
        """Let the page run until condition() holds; messages arrive while Playwright waits.

        A poll for a condition, not a sleep standing in for one: the sync API hands
        WebSocket events to Python only while a Playwright call runs, and condition()
        reads what they recorded, both ways, which no wait inside the page can see.
        """
        for _ in range(timeout_ms // 50):
            if condition():
                return
            self.page.wait_for_timeout(50)
        assert condition(), "the condition did not hold in time"


def network_of(frame) -> Network:
    """The network a frame message describes, with its parameters."""
    n = frame["network"]
    net = Network(n["layer_sizes"], activation=n["activations"][:-1],
                  output_activation=n["activations"][-1], loss=n["loss"])  # fmt: skip
    offset = 0
    for p in net.parameters():
        p[...] = frame["parameters"][offset : offset + p.size].reshape(p.shape)
        offset += p.size
    return net


def wait_until_kept(page, condition: str):
    """Wait until the tab has kept its session (page.js) and the kept one meets `condition`.

    The page asks for its session after a change (at most every 1.5 s) and writes the
    answer to sessionStorage; `condition` is a JavaScript expression over that document,
    `kept`, such as ``"kept.training.epoch === 4"``.
    """
    page.wait_for_function(
        f"""() => {{
          const kept = JSON.parse(sessionStorage.getItem("glassnet-session") || "null");
          return kept !== null && ({condition});
        }}"""
    )


# A point of an edge's hit path where the pointer really lands on that path.
EDGE_POINT = """(hit) => {
  const length = hit.getTotalLength();
  const m = hit.getScreenCTM();
  for (const f of [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9]) {
    const p = hit.getPointAtLength(length * f);
    const x = m.a * p.x + m.c * p.y + m.e;
    const y = m.b * p.x + m.d * p.y + m.f;
    if (document.elementFromPoint(x, y) === hit) return {x, y};
  }
  return null;
}"""
