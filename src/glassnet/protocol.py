"""The protocol: messages between a session and any view, checked on the way in.

This is the one place where session state becomes JSON. A :class:`Connection`
stands between one session and one view (a browser tab, a notebook widget, a
p5.js sketch): it turns each incoming message into a session call and tells the
host what to send back. Every message is documented in ``docs/protocol.md``,
and ``PROTOCOL_VERSION`` changes when a message changes meaning.

A bad message (not JSON, an unknown type, a missing or wrong field, a value
the session refuses) gets an ``error`` message back naming what was wrong; the
session carries on unchanged.

This module knows the session, the engine's registries and JSON; nothing about
sockets, threads or HTTP.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import limits
from .data import DATASETS, FEATURES, generate
from .engine import ACTIVATIONS, HIDDEN_ACTIVATIONS, LOSSES, OPTIMIZERS, REGULARIZERS
from .session import SETTINGS, Session, SessionError
from .session.settings import OUTPUTS, SPEEDS

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


class Connection:
    """One view of one session: what it was sent, and what it should be sent next.

    Parameters
    ----------
    session : Session
    binary : bool
        Send the network's parameters as one binary buffer of float64 (little
        endian) instead of a JSON list. Views that can take buffers should: it is
        exact and a fifth the size.
    """

    def __init__(self, session: Session, binary: bool = False):
        self.session = session
        self.binary = binary
        self.ready = True  # the view can take a frame
        self.sent_version = -1
        self.sent_data_version = -1
        self.sent_settings: dict | None = None
        self.sent_history = 0
        self.sent_history_generation = -1
        self.replies: list[Outgoing] = []  # answers to the message being handled

    def start(self, raw: str | bytes | None = None) -> list[Outgoing]:
        """What a view gets first: the protocol version and the catalog, then the state.

        ``raw`` is the view's first message, usually a ``hello`` with its
        settings, handled before the state is sent so that the first frame
        already shows them.
        """
        errors = self._handle(raw) if raw is not None else []
        hello = {"type": "welcome", "protocol": PROTOCOL_VERSION, "catalog": catalog()}
        return [Outgoing(hello), *errors, *self.updates()]

    def receive(self, raw: str | bytes) -> list[Outgoing]:
        """Handle one incoming message; return what to send back at once.

        Never raises for bad input: a bad message gets an ``error`` message, and a
        refused settings change also gets the settings as they still are.
        """
        return self._handle(raw) + self.updates()

    def _handle(self, raw) -> list[Outgoing]:
        self.replies: list[Outgoing] = []
        try:
            self._dispatch(parse(raw))
        except (ProtocolError, SessionError) as error:
            kind = _peek_type(raw)
            if kind in ("set", "hello"):
                self.sent_settings = None  # make the view take back what it showed
            return [_error(kind, str(error))]
        return self.replies

    def _dispatch(self, message: dict):
        s = self.session
        kind = message["type"]
        if kind == "hello":
            self.binary = message.get("binary") is True
            # A kept session first, then the link's settings on top: the link wins.
            if message.get("restore") is not None:
                try:
                    s.restore(message["restore"], undoable=False)
                except SessionError as error:
                    self.replies.append(
                        _error("hello", f"The kept session was not restored: {error}")
                    )
            if message.get("settings") is not None:
                s.change_settings(message["settings"], undoable=False)
            s.take_notices()
        elif kind == "save":
            include_history = message.get("history", True) is not False
            self.replies.append(Outgoing({"type": "saved", "session": s.save(include_history)}))
        elif kind == "restore":
            s.restore(_session_document(message))
        elif kind == "ready":
            self.ready = True
        elif kind == "set":
            s.change_settings(message["changes"])
        elif kind == "add_point":
            s.add_point(message["x"], message["target"])
        elif kind == "remove_point":
            s.remove_point(message["index"])
        elif kind == "set_weight":
            s.set_weight(message["layer"], message["source"], message["target"], message["value"])
        elif kind == "set_bias":
            s.set_bias(message["layer"], message["unit"], message["value"])
        elif kind == "load_data":
            s.load_data(message["filename"], message["content"])
        else:  # a command without fields: play, pause, step, reset, ...
            getattr(s, kind)()

    def updates(self) -> list[Outgoing]:
        """What changed since the last call: settings, data, notices, and a frame if ready."""
        s = self.session
        out = []
        if s.settings != self.sent_settings:
            self.sent_settings = {
                k: (list(v) if isinstance(v, list) else v) for k, v in s.settings.items()
            }
            out.append(Outgoing({"type": "settings", "values": self.sent_settings}))
        if s.data_version != self.sent_data_version:
            self.sent_data_version = s.data_version
            out.append(Outgoing(data_message(s)))
        out.extend(Outgoing({"type": "notice", "message": m}) for m in s.take_notices())
        if self.ready and s.version != self.sent_version:
            out.append(self._frame())
        return out

    def _frame(self) -> Outgoing:
        s = self.session
        self.ready = False
        self.sent_version = s.version
        history = s.history
        # Resend the last entry: measuring the same epoch again replaces it.
        start = max(0, self.sent_history - 1)
        if history.generation != self.sent_history_generation or start > len(history):
            start = 0
        self.sent_history_generation = history.generation
        self.sent_history = len(history)
        parameters = np.concatenate([p.ravel() for p in s.network.parameters()])
        message = {
            "type": "frame",
            "version": s.version,
            "epoch": s.epoch,
            "playing": s.playing,
            "metrics": {k: _finite_or_none(v) for k, v in s.metrics.items()},
            "history": {"start": start, "stride": history.stride, **history.since(start)},
            "network": {
                "layer_sizes": s.network.layer_sizes,
                "activations": s.network.activation_names,
                "loss": s.network.loss.name,
                "features": list(s.settings["features"]),
                "n_raw_inputs": s.points.n_inputs,
            },
            "undo": s.undo_label,
            "redo": s.redo_label,
            "alert": s.alert,
        }
        if self.binary:
            message["parameters"] = {"buffer": 0, "dtype": "float64", "length": parameters.size}
            return Outgoing(message, [parameters.astype("<f8").tobytes()])
        message["parameters"] = [_finite_or_none(v) for v in parameters.tolist()]
        return Outgoing(message)


def data_message(s: Session) -> dict:
    """The points of a session, with which train and which test."""
    points = s.points
    inputs = points.all_inputs()
    targets = points.all_targets()
    return {
        "type": "data",
        "version": s.data_version,
        "name": points.base.name,
        "source": points.source,
        "problem": points.problem,
        "kind": s.kind,
        "input_names": list(points.base.input_names),
        "class_names": list(points.base.class_names) or _class_names(s),
        "points": inputs.tolist(),
        "targets": targets.tolist(),
        "train": s.train_indices.tolist(),
        "test": s.test_indices.tolist(),
        "n_base": points.base.n_points,
    }


def _class_names(s: Session) -> list[str]:
    return [str(i) for i in range(s.n_classes)]


_CATALOG: dict | None = None


def catalog() -> dict:
    """Everything a view needs to offer choices: built once from the registries."""
    global _CATALOG
    if _CATALOG is None:
        _CATALOG = {
            "datasets": [_dataset_entry(spec) for spec in DATASETS.values()],
            "features": [
                {"name": f.name, "label": f.label, "needs": list(f.needs)}
                for f in FEATURES.values()
            ],
            "activations": [
                {
                    "name": a.name,
                    "formula": a.formula,
                    "derivative_formula": a.derivative_formula,
                    "hidden": a.name in HIDDEN_ACTIVATIONS,
                }
                for a in ACTIVATIONS.values()
            ],
            "losses": [{"name": loss.name, "formula": loss.formula} for loss in LOSSES.values()],
            "outputs": {kind: [list(p) for p in pairs] for kind, pairs in OUTPUTS.items()},
            "optimizers": list(OPTIMIZERS),
            "regularizers": [{"name": r.name, "formula": r.formula} for r in REGULARIZERS.values()],
            "speeds": list(SPEEDS),
            "settings": [
                {"name": s.name, "default": s.default, "description": s.description}
                for s in SETTINGS.values()
            ],
            "limits": {n: getattr(limits, n) for n in dir(limits) if n.isupper()},
        }
    return _CATALOG


def _dataset_entry(spec) -> dict:
    """A dataset's description and a small picture of it (120 points, no noise)."""
    options = {"classes": 3} if "classes" in spec.options else {}
    preview = generate(spec.name, n=120, noise=0, seed=1, **options)
    return {
        "name": spec.name,
        "label": spec.label,
        "problem": spec.problem,
        "classes": spec.classes,
        "description": spec.description,
        "preview": {
            # Rounded: it is a thumbnail.
            "points": np.round(preview.inputs, 2).tolist(),
            "targets": np.round(preview.targets, 3).tolist(),
        },
    }


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


def _finite_or_none(value):
    # JSON has no NaN or infinity; a missing value is null.
    return value if value is None or math.isfinite(value) else None


def _session_document(message: dict):
    """A restore message's document: given as an object, or as the text of a file."""
    if isinstance(message.get("session"), dict):
        return message["session"]
    content = message.get("content")
    if not isinstance(content, str):
        raise ProtocolError(
            "A 'restore' message needs a 'session' object or a 'content' text (a session file)."
        )
    try:
        return json.loads(content)
    except ValueError as error:
        raise SessionError(
            f"This file is not a glassnet session file: it is not JSON ({error}). "
            "Nothing was changed."
        ) from None


def _error(request: str | None, message: str) -> Outgoing:
    return Outgoing({"type": "error", "request": request, "message": message})


def _peek_type(raw) -> str | None:
    try:
        message = json.loads(raw)
        return message.get("type") if isinstance(message, dict) else None
    except (ValueError, UnicodeDecodeError):
        return None
