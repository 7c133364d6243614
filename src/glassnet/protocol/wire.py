"""The wire: what a message is, and how it is decoded on the way in and encoded on the way out.

This module knows JSON and the binary frame layout; which requests exist and
what they do is in ``requests.py``. Nothing here knows sessions.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field

from .. import limits

PROTOCOL_VERSION = 2
"""The newest version of the protocol (docs/protocol.md)."""

PROTOCOL_VERSIONS = (1, 2)
"""Every version a session still answers in; a client says which in its ``hello``."""


class ProtocolError(ValueError):
    """A message that is not well formed. The text says what a good one looks like."""


def parse(raw: str | bytes) -> dict:
    """Decode one incoming message: a JSON object with a ``type`` that is text.

    Raises
    ------
    ProtocolError
        For a message that is too large, not JSON, too deeply nested, or not an
        object with a text ``type``.
    """
    if len(raw) > limits.MAX_MESSAGE_BYTES:
        raise ProtocolError(
            f"A message may be at most {limits.MAX_MESSAGE_BYTES:,} bytes; "
            f"this one has {len(raw):,}."
        )
    try:
        message = json.loads(raw, parse_constant=_no_constant, parse_float=_float_for(raw))
    except NotANumber as error:
        raise ProtocolError(
            f"A message may hold only finite numbers; {error} is not one (JSON has no NaN "
            "or infinity). Send null for a missing value."
        ) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise ProtocolError(
            f"A message must be JSON text; this one is not ({short(str(error))})."
        ) from None
    except RecursionError:
        raise ProtocolError("A message may not nest lists or objects this deeply.") from None
    if not isinstance(message, dict) or not isinstance(message.get("type"), str):
        raise ProtocolError(
            'A message must be a JSON object with a "type", such as {"type": "play"}.'
        )
    return message


class NotANumber(ValueError):
    """A number in a message that is NaN or infinite (or overflows to infinity)."""


def _no_constant(name: str):
    raise NotANumber(name)  # Python's json reads NaN, Infinity and -Infinity; JSON has none


# An exponent of three digits or more: the only way a JSON number overflows a float.
_HUGE_EXPONENT = re.compile(r"[eE][+]?0*[1-9][0-9]{2}")


def _float_for(raw: str | bytes):
    """``float``, or (when the text holds a huge exponent) a float that must be finite.

    The check costs a Python call per number, so it runs only when needed.
    """
    text = raw if isinstance(raw, str) else raw.decode("utf-8", "replace")
    if not _HUGE_EXPONENT.search(text):
        return float

    def finite(literal: str) -> float:
        value = float(literal)
        if not math.isfinite(value):
            raise NotANumber(short(literal, 40))
        return value

    return finite


def peek_type(raw) -> str | None:
    """The ``type`` of a raw message if it has one that is text (cut short), else None.

    An error answers even a bad message with the type it was, but never echoes
    anything that is not text, nor a long text whole.
    """
    try:
        message = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    kind = message.get("type") if isinstance(message, dict) else None
    return short(kind, 40) if isinstance(kind, str) else None


_TYPE_FIRST = re.compile(r'\s*\{\s*"type"\s*:\s*"([A-Za-z_]{1,40})"')


def quick_type(raw: str | bytes) -> str | None:
    """The ``type`` a message names as its first key, read from its first bytes alone.

    For hosts that route messages without parsing them (a large one costs
    milliseconds to parse): None when the message does not start that way.
    """
    head = raw[:120]
    if isinstance(head, bytes):
        head = head.decode("utf-8", "replace")
    match = _TYPE_FIRST.match(head)
    return match.group(1) if match else None


def short(text: str, limit: int = 80) -> str:
    """Text cut to ``limit`` characters, for echoing a person's input in a message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


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
