"""Every request a view may send: its fields, and what it does to the session.

``REQUESTS`` is the one table of requests. Each entry names the fields a
request must have and may have, with their JSON types, and the handler that
carries it out. :func:`check` refuses a message whose fields are missing or of
the wrong type, with a sentence that says what a good one looks like; the
session checks the values themselves. docs/protocol.md documents each request
(a test checks that every one is there).

This module knows the session and the messages built from it; nothing about
sockets, threads or HTTP.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..session import SessionError
from .exports import export, file_safe, open_model_files
from .lessons import lesson_close, lesson_export_made, lesson_list, lesson_open, lesson_step
from .messages import chain_message, delta_message, explanation_message, probe_message
from .wire import Outgoing, ProtocolError, short

if TYPE_CHECKING:
    from .connection import Connection

# JSON types, and how a message names them.
OBJECT, LIST, TEXT, WHOLE, NUMBER, FLAG = dict, list, str, int, (int, float), bool
_TYPE_NAMES = {
    dict: "an object",
    list: "a list",
    str: "text",
    int: "a whole number",
    (int, float): "a number",
    bool: "true or false",
}


@dataclass(frozen=True)
class Request:
    """One request: its required and optional fields (name -> JSON type) and its handler.

    ``reads``: it changes nothing of the session, so a read-only follower of a
    shared session may send it too (docs/screens.md).
    """

    handle: Callable[[Connection, dict], None]
    required: dict[str, Any] = field(default_factory=dict)
    optional: dict[str, Any] = field(default_factory=dict)
    reads: bool = False


def check(message: dict) -> Request:
    """The request a parsed message asks for, after checking its fields.

    Raises
    ------
    ProtocolError
        For an unknown type, or a field that is missing or of the wrong JSON type.
    """
    kind = message["type"]
    if kind not in REQUESTS:
        raise ProtocolError(
            f"Unknown message type {short(repr(kind), 40)}; known types: {', '.join(REQUESTS)}."
        )
    request = REQUESTS[kind]
    for name in request.required:
        if name not in message:
            raise ProtocolError(f"A {kind!r} message needs a {name!r} field.")
    for name, expected in {**request.required, **request.optional}.items():
        if name not in message or (name in request.optional and message[name] is None):
            continue
        value = message[name]
        wrong_bool = isinstance(value, bool) and expected is not bool
        if wrong_bool or not isinstance(value, expected):
            raise ProtocolError(
                f"The {name!r} field of a {kind!r} message must be {_TYPE_NAMES[expected]}; "
                f"got {short(json.dumps(value))}."
            )
    return request


# -- handlers: one per request that does more than call the session method of its name ----


def _hello(c: Connection, m: dict):
    c.binary = m.get("binary") is True
    if c.follower:
        return  # a follower watches the shared session as it is
    # A kept session first (unless the view came back to the session itself, which is
    # newer), then the link's settings on top: the link wins.
    restored = False
    if m.get("restore") is not None and c.fresh:
        try:
            c.session.restore(m["restore"], undoable=False)
            restored = True
        except SessionError as error:
            c.reply_error("hello", f"The kept session was not restored: {error}")
    if m.get("settings") is not None:
        c.session.change_settings(m["settings"], undoable=False)
    if restored and m.get("play") is True:
        c.session.play()  # it was playing when it was kept
    c.session.take_notices()


def _save(c: Connection, m: dict):
    session = c.session.save(
        include_history=m.get("history") is not False,
        include_points=m.get("points") is not False,
        undo_since=m.get("undo"),
    )
    c.reply(Outgoing({"type": "saved", "session": session}))


def _restore(c: Connection, m: dict):
    c.session.restore(_session_document(m))


def _explain(c: Connection, m: dict):
    record = c.session.explain(m["point"], m.get("size", "sample"))
    c.reply(Outgoing(explanation_message(record)))


def _explain_weight(c: Connection, m: dict):
    record = c.session.current_preview(m["id"])
    rule = record.chain(m["layer"], m["source"], m["target"])
    c.reply(Outgoing(chain_message(record, rule)))


def _explain_delta(c: Connection, m: dict):
    record = c.session.current_preview(m["id"])
    breakdown = record.delta(m["layer"], m["unit"])
    c.reply(Outgoing(delta_message(record, breakdown, c.protocol)))


def _open_model(c: Connection, m: dict):
    files = {}
    for name, content in m["files"].items():
        if not isinstance(content, str):
            raise ProtocolError("Each file of an 'open_model' message is its content in base64.")
        try:
            files[str(name)[:200]] = base64.b64decode(content, validate=True)
        except ValueError:
            raise ProtocolError(f"The file {short(name, 60)!r} is not base64.") from None
    c.session.notices.append(open_model_files(c.session, files))


def _export(c: Connection, m: dict):
    name, content = export(c.session, m["format"], m.get("libraries") is True)
    message = {"type": "exported", "format": m["format"], "filename": name}
    c.reply(Outgoing({**message, "content": base64.b64encode(content).decode()}))
    lesson_export_made(c, m["format"])


def _publish(c: Connection, m: dict):
    from .publish import publish_page  # it builds a connection of its own, which needs this module

    hidden = m.get("hidden") or []
    if not all(isinstance(n, str) for n in hidden):
        raise ProtocolError("'hidden' must be a list of control names (text).")
    text = publish_page(
        c.session,
        include_points=m.get("points") is not False,
        layout="embed" if m.get("compact") is True else "full",
        hidden=hidden,
        explain_points=[p for p in m.get("explain") or [] if isinstance(p, int)],
    )
    name = f"glassnet-{file_safe(c.session.points.base.name)}.html"
    content = base64.b64encode(text.encode()).decode()
    message = {"type": "exported", "format": "publish", "filename": name}
    c.reply(Outgoing({**message, "content": content}))


def _ready(c: Connection, m: dict):
    c.ready = True


def _probe(c: Connection, m: dict):
    c.reply(Outgoing(probe_message(c.session.probe(m["x"]))))


def _server_only(c: Connection, m: dict):
    raise ProtocolError(
        f"A {m['type']!r} request is answered by the glassnet server, which shares a session "
        "live (docs/screens.md); this host runs the session by itself and cannot share it."
    )


def _goodbye(c: Connection, m: dict):
    """Nothing for the session: a host that counts its views (the notebook widget) hears it."""


def _call(method: str, *fields: str) -> Callable[[Connection, dict], None]:
    """A handler that calls the session's method with these fields of the message (None for an
    optional field the message leaves out)."""

    def handle(c: Connection, m: dict):
        getattr(c.session, method)(*(m.get(name) for name in fields))

    return handle


REQUESTS: dict[str, Request] = {
    "hello": Request(
        _hello,
        optional={
            "protocol": WHOLE,
            "binary": FLAG,
            "restore": OBJECT,
            "settings": OBJECT,
            "play": FLAG,
            "token": TEXT,
        },
        reads=True,
    ),
    "ready": Request(_ready, reads=True),
    "goodbye": Request(_goodbye, reads=True),
    "set": Request(_call("change_settings", "changes"), {"changes": OBJECT}),
    "play": Request(_call("play")),
    "pause": Request(_call("pause")),
    "step": Request(_call("step")),
    "reset": Request(_call("reset")),
    "regenerate": Request(_call("regenerate")),
    "undo": Request(_call("undo")),
    "redo": Request(_call("redo")),
    "add_point": Request(_call("add_point", "x", "target"), {"x": LIST, "target": NUMBER}),
    "remove_point": Request(_call("remove_point", "index"), {"index": WHOLE}),
    "clear_points": Request(_call("clear_points")),
    "new_drawing": Request(_call("new_drawing")),
    "set_weight": Request(
        _call("set_weight", "layer", "source", "target", "value", "drag"),
        {"layer": WHOLE, "source": WHOLE, "target": WHOLE, "value": NUMBER},
        {"drag": WHOLE},
    ),
    "set_bias": Request(
        _call("set_bias", "layer", "unit", "value", "drag"),
        {"layer": WHOLE, "unit": WHOLE, "value": NUMBER},
        {"drag": WHOLE},
    ),
    "load_data": Request(
        _call("load_data", "filename", "content"), {"filename": TEXT, "content": TEXT}
    ),
    "save": Request(_save, optional={"history": FLAG, "points": FLAG, "undo": WHOLE}, reads=True),
    "restore": Request(_restore, optional={"session": OBJECT, "content": TEXT}),
    "midi": Request(_call("set_midi", "mappings"), {"mappings": LIST}),
    "explain": Request(_explain, {"point": WHOLE}, {"size": TEXT}),
    "apply_step": Request(_call("apply_step", "id"), {"id": WHOLE}),
    "revert_step": Request(_call("revert_step", "id"), {"id": WHOLE}),
    "explain_weight": Request(
        _explain_weight, {"id": WHOLE, "layer": WHOLE, "source": WHOLE, "target": WHOLE}
    ),
    "explain_delta": Request(_explain_delta, {"id": WHOLE, "layer": WHOLE, "unit": WHOLE}),
    "open_model": Request(_open_model, {"files": OBJECT}),
    "export": Request(_export, {"format": TEXT}, {"libraries": FLAG}, reads=True),
    "publish": Request(
        _publish,
        optional={"points": FLAG, "compact": FLAG, "hidden": LIST, "explain": LIST},
        reads=True,
    ),
    "lesson_list": Request(lesson_list, reads=True),
    "probe": Request(_probe, {"x": LIST}, reads=True),
    "share": Request(_server_only, optional={"control": FLAG}),
    "unshare": Request(_server_only),
    "lesson_open": Request(
        lesson_open,
        optional={
            "name": TEXT,
            "content": TEXT,
            "filename": TEXT,
            "index": WHOLE,
            "resume": FLAG,
            "done": LIST,
        },
    ),
    "lesson_step": Request(lesson_step, {"index": WHOLE}),
    "lesson_close": Request(lesson_close),
}
"""Every message a view may send, by type."""


def _session_document(message: dict):
    """A restore message's document: given as an object, or as the text of a file."""
    if message.get("session") is not None:
        return message["session"]
    content = message.get("content")
    if content is None:
        raise ProtocolError(
            "A 'restore' message needs a 'session' object or a 'content' text (a session file)."
        )
    from .publish import session_of_file

    try:
        return session_of_file(content)
    except RecursionError:
        raise SessionError("This file nests lists or objects too deeply to be a session.") from None
    except ValueError as error:
        raise SessionError(
            f"This file is not a glassnet session file: it is not JSON ({short(str(error))}). "
            "Nothing was changed."
        ) from None
