"""The channel between the web process and one worker: tuples, framed, over a socket pair.

Each message is a tuple whose first item names what it asks; it travels pickled,
behind its length (4 bytes, little endian). Both ends are ours, started
together, so pickle is safe here; nothing from outside is ever unpickled.

From the web process to a worker (``sid`` numbers a session inside the server,
``view`` one view of it, a WebSocket; a shared session has several, docs/screens.md):

- ``("open", sid, view, token, first)``: start a new session; ``first`` is the
  owner's first message (its ``hello``) or None.
- ``("attach", sid, view, token, first)``: the owner's view again, after it went away.
- ``("join", sid, view, read_only, first)``: a follower's view joins a shared session.
- ``("role", sid, view, read_only)``: the owner let a follower control, or took it back.
- ``("message", sid, view, raw)``: one message from a view, as it came.
- ``("ready", sid, view)``: the view drew the last frame (the one message not counted
  as in flight).
- ``("detach", sid, view)``: the view went away: drop its waiting messages, stop its
  work, keep the session.
- ``("close", sid)``: free the session.
- ``("stop",)``: the server stops.

From a worker to the web process:

- ``("out", sid, view, payloads, handled)``: WebSocket messages to send the view in
  order (text or bytes), and how many of its messages they finish answering.

The web process reads with asyncio (:func:`read`, :func:`write`); a worker, which
has nothing else to do while it waits, reads and writes with plain blocking calls
(:class:`WorkerEnd`).
"""

from __future__ import annotations

import asyncio
import pickle
import selectors
import socket

_HEADER = 4


def frame(message: tuple) -> bytes:
    """One message as bytes: its length, then the pickled tuple."""
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return len(body).to_bytes(_HEADER, "little") + body


async def read(reader: asyncio.StreamReader) -> tuple:
    """The next message (raises ``asyncio.IncompleteReadError`` when the worker is gone)."""
    size = int.from_bytes(await reader.readexactly(_HEADER), "little")
    return pickle.loads(await reader.readexactly(size))


def write(writer: asyncio.StreamWriter, message: tuple):
    """Send a message without waiting (the transport buffers it)."""
    writer.write(frame(message))


class WorkerEnd:
    """A worker's end of the channel: blocking reads with a timeout, blocking writes."""

    def __init__(self, sock: socket.socket):
        self.sock = sock
        self.sock.setblocking(True)
        self.selector = selectors.DefaultSelector()
        self.selector.register(sock, selectors.EVENT_READ)
        self.buffer = bytearray()

    def receive(self, timeout: float | None) -> list[tuple]:
        """The messages that arrive within ``timeout`` seconds (None: wait for one), maybe none.

        Raises
        ------
        EOFError
            When the web process is gone: the worker should stop.
        """
        messages = self._complete()
        if messages:
            return messages
        while self.selector.select(timeout):
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise EOFError("the web process closed the channel")
            self.buffer += chunk
            messages = self._complete()
            if messages:
                return messages
            timeout = None  # half a message came: the rest follows at once
        return []

    def _complete(self) -> list[tuple]:
        messages = []
        while len(self.buffer) >= _HEADER:
            size = int.from_bytes(self.buffer[:_HEADER], "little")
            if len(self.buffer) < _HEADER + size:
                break
            messages.append(pickle.loads(self.buffer[_HEADER : _HEADER + size]))
            del self.buffer[: _HEADER + size]
        return messages

    def waiting(self) -> bool:
        """Whether the web process has sent something not yet received."""
        return bool(self.buffer) or bool(self.selector.select(0))

    def send(self, message: tuple):
        """Send a message (blocks while the web process's buffer is full)."""
        self.sock.sendall(frame(message))

    def close(self):
        self.selector.close()
        self.sock.close()
