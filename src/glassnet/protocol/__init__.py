"""The protocol: messages between a session and any view, checked on the way in.

This package is the one place where session state becomes JSON:

- ``wire.py``: what a message is, the requests a view may send, checking and encoding
- ``connection.py``: one view of one session, turning requests into session calls
- ``messages.py``: points and explained steps as plain data
- ``catalog.py``: the choices a view offers, from the registries

Every message is documented in ``docs/protocol.md``. This package knows the
session and JSON; nothing about sockets, threads or HTTP.
"""

from .catalog import catalog
from .connection import Connection
from .messages import data_message
from .wire import PROTOCOL_VERSION, REQUESTS, Outgoing, ProtocolError, encode, parse

__all__ = [
    "PROTOCOL_VERSION",
    "REQUESTS",
    "Connection",
    "Outgoing",
    "ProtocolError",
    "catalog",
    "data_message",
    "encode",
    "parse",
]
