"""The wire: what a message is, how it is checked on the way in and encoded on the way out.

This module knows JSON and the list of requests; nothing about sessions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .. import limits

PROTOCOL_VERSION = 1


class ProtocolError(ValueError):
    """A message that is not well formed. The text says what a good one looks like."""


# -- incoming messages -----------------------------------------------------------------

# Each request type with the fields it needs and their JSON types. The session
# checks the values themselves.
NUMBER = (int, float)
REQUESTS: dict[str, dict[str, Any]] = {
    "hello": {},
    "ready": {},
    "set": {"changes": dict},
    "play": {},
    "pause": {},
    "step": {},
    "reset": {},
    "regenerate": {},
    "undo": {},
    "redo": {},
    "add_point": {"x": list, "target": NUMBER},
    "remove_point": {"index": int},
    "clear_points": {},
    "new_drawing": {},
    "set_weight": {"layer": int, "source": int, "target": int, "value": NUMBER},
    "set_bias": {"layer": int, "unit": int, "value": NUMBER},
    "load_data": {"filename": str, "content": str},
    "save": {},
    "restore": {},
    "explain": {"point": int},
    "apply_step": {"id": int},
    "revert_step": {"id": int},
    "explain_weight": {"id": int, "layer": int, "source": int, "target": int},
    "explain_delta": {"id": int, "layer": int, "unit": int},
}
"""Every message a view may send, with its required fields and their types."""

_JSON_TYPES = {
    dict: "an object",
    list: "a list",
    str: "text",
    int: "a whole number",
    NUMBER: "a number",
    bool: "true or false",
}


def parse(raw: str | bytes) -> dict:
    """Decode and check one incoming message.

    Raises
    ------
    ProtocolError
        For a message that is too large, not JSON, not an object, of an unknown
        type, or missing a field or with a field of the wrong type.
    """
    if len(raw) > limits.MAX_MESSAGE_BYTES:
        raise ProtocolError(
            f"A message may be at most {limits.MAX_MESSAGE_BYTES:,} bytes; "
            f"this one has {len(raw):,}."
        )
    try:
        message = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise ProtocolError(f"A message must be JSON text; this one is not ({error}).") from None
    except RecursionError:
        raise ProtocolError("A message may not nest lists or objects this deeply.") from None
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise ProtocolError(
            'A message must be a JSON object with a "type", such as {"type": "play"}.'
        )
    kind = message["type"]
    if kind not in REQUESTS:
        raise ProtocolError(f"Unknown message type {kind!r}; known types: {', '.join(REQUESTS)}.")
    for name, expected in REQUESTS[kind].items():
        if name not in message:
            raise ProtocolError(f"A {kind!r} message needs a {name!r} field.")
        value = message[name]
        wrong_bool = isinstance(value, bool) and expected is not bool
        if wrong_bool or not isinstance(value, expected):
            raise ProtocolError(
                f"The {name!r} field of a {kind!r} message must be {_JSON_TYPES[expected]}; "
                f"got {json.dumps(value)[:80]}."
            )
    return message


# -- outgoing messages -----------------------------------------------------------------


@dataclass
class Outgoing:
    """One message to send: a JSON-able dict and, for binary hosts, raw buffers."""

    message: dict
    buffers: list[bytes] = field(default_factory=list)


def encode(out: Outgoing) -> str | bytes:
    """One outgoing message as WebSocket data: JSON text, or a binary frame with buffers.

    A binary frame is: the byte length of the JSON header (uint32, little
    endian), the UTF-8 JSON header, zero padding to a multiple of 8 bytes, then
    each buffer in turn, each padded to a multiple of 8. The header's
    ``buffer_lengths`` lists the buffers' lengths before padding.
    """
    if not out.buffers:
        return json.dumps(out.message, allow_nan=False)
    header = dict(out.message, buffer_lengths=[len(b) for b in out.buffers])
    head = json.dumps(header, allow_nan=False).encode()
    parts = [len(head).to_bytes(4, "little"), head, _padding(4 + len(head))]
    for b in out.buffers:
        parts += [b, _padding(len(b))]
    return b"".join(parts)


def _padding(n: int) -> bytes:
    return b"\0" * (-n % 8)


def error_message(request: str | None, message: str) -> Outgoing:
    """An ``error`` message answering a request of type ``request`` (None: no request)."""
    return Outgoing({"type": "error", "request": request, "message": message})


def peek_type(raw) -> str | None:
    """The ``type`` of a raw message if it has one, for answering even a bad message."""
    try:
        message = json.loads(raw)
        return message.get("type") if isinstance(message, dict) else None
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
