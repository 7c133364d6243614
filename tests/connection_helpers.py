"""Helpers for tests that talk to a Connection as a view would."""

import json

from glassnet.protocol import PROTOCOL_VERSION, Connection
from glassnet.session import Session


def messages(outgoing):
    return [o.message for o in outgoing]


def by_type(outgoing, kind):
    return [m for m in messages(outgoing) if m["type"] == kind]


def started(settings=None, binary=False):
    connection = Connection(Session())
    hello = {"type": "hello", "binary": binary, "protocol": PROTOCOL_VERSION}
    if settings:
        hello["settings"] = settings
    first = connection.start(json.dumps(hello))
    return connection, first
