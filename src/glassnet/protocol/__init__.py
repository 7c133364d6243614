"""The protocol: messages between a session and any view, checked on the way in.

This package is the one place where session state becomes JSON:

- ``wire.py``: what a message is, decoding and encoding (JSON and binary frames)
- ``requests.py``: the table of requests a view may send, and their handlers
- ``connection.py``: one view of one session, turning requests into session calls
- ``messages.py``: the session's views as messages
- ``lessons.py``: the lesson requests and their messages
- ``catalog.py``: the choices a view offers, from the registries
- ``tables.py``: the settings and controls as a module the page loads

Every message is documented in ``docs/protocol.md``. This package knows the
session and JSON; nothing about sockets, threads or HTTP.
"""

from .catalog import catalog
from .connection import Connection
from .messages import OUTGOING, busy_message, data_message
from .requests import REQUESTS
from .wire import (
    PROTOCOL_VERSION,
    PROTOCOL_VERSIONS,
    Outgoing,
    ProtocolError,
    encode,
    parse,
    quick_type,
)

__all__ = [
    "OUTGOING",
    "PROTOCOL_VERSION",
    "PROTOCOL_VERSIONS",
    "REQUESTS",
    "Connection",
    "Outgoing",
    "ProtocolError",
    "busy_message",
    "catalog",
    "data_message",
    "encode",
    "parse",
    "quick_type",
]
