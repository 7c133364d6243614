"""A connection: one view of one session, and what it should be sent.

A :class:`Connection`
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
import logging

import numpy as np

from ..session import Session, SessionError
from .catalog import catalog
from .messages import (
    chain_message,
    data_message,
    delta_message,
    explanation_message,
    finite_or_none,
)
from .wire import (
    PROTOCOL_VERSION,
    Outgoing,
    ProtocolError,
    error_message,
    parse,
    peek_type,
)

log = logging.getLogger("glassnet")


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

    def error(self, message: str) -> list[Outgoing]:
        """An error the host wants to report, followed by the state as it is."""
        return [error_message(None, message), *self.updates()]

    def _handle(self, raw) -> list[Outgoing]:
        self.replies: list[Outgoing] = []
        try:
            self._dispatch(parse(raw))
        except (ProtocolError, SessionError) as error:
            kind = peek_type(raw)
            if kind in ("set", "hello"):
                self.sent_settings = None  # make the view take back what it showed
            return [error_message(kind, str(error))]
        except Exception as error:  # a bug of ours: say so, and keep the connection
            log.exception("could not handle a %r message", peek_type(raw))
            self.sent_settings = None
            return [
                error_message(
                    peek_type(raw),
                    f"glassnet could not carry out this request ({type(error).__name__}: "
                    f"{error}). This is a bug in glassnet; the session goes on.",
                )
            ]
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
                        error_message("hello", f"The kept session was not restored: {error}")
                    )
            if message.get("settings") is not None:
                s.change_settings(message["settings"], undoable=False)
            s.take_notices()
        elif kind == "save":
            include_history = message.get("history", True) is not False
            self.replies.append(Outgoing({"type": "saved", "session": s.save(include_history)}))
        elif kind == "explain":
            preview = s.explain(message["point"], message.get("size", "sample"))
            self.replies.append(Outgoing(explanation_message(s, preview)))
        elif kind == "apply_step":
            s.apply_step(message["id"])
        elif kind == "revert_step":
            s.revert_step(message["id"])
        elif kind == "explain_weight":
            preview = s.current_preview(message["id"])
            rule = preview.chain(message["layer"], message["source"], message["target"])
            self.replies.append(Outgoing(chain_message(preview, rule)))
        elif kind == "explain_delta":
            preview = s.current_preview(message["id"])
            breakdown = preview.delta(message["layer"], message["unit"])
            self.replies.append(Outgoing(delta_message(preview, breakdown)))
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
            "metrics": {k: finite_or_none(v) for k, v in s.metrics.items()},
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
        message["parameters"] = [finite_or_none(v) for v in parameters.tolist()]
        return Outgoing(message)


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
    except RecursionError:
        raise SessionError("This file nests lists or objects too deeply to be a session.") from None
    except ValueError as error:
        raise SessionError(
            f"This file is not a glassnet session file: it is not JSON ({error}). "
            "Nothing was changed."
        ) from None
