"""A connection: one view of one session, and what it should be sent.

A :class:`Connection` stands between one session and one view (a browser tab,
a notebook widget, a p5.js sketch): it turns each incoming message into a
session call (through the table in ``requests.py``) and tells the host what to
send back. Every message is documented in ``docs/protocol.md``.

A bad message (not JSON, an unknown type, a missing or wrong field, a value
the session refuses) gets an ``error`` message back naming what was wrong; the
session carries on unchanged.

This module knows the session and JSON; nothing about sockets, threads or HTTP.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from ..lessons import LessonRunner, Library
from ..session import Session, SessionError
from .catalog import catalog
from .lessons import BUILT_IN_ONLY, lesson_message
from .messages import data_message, frame_message
from .requests import check
from .wire import (
    PROTOCOL_VERSION,
    PROTOCOL_VERSIONS,
    Outgoing,
    ProtocolError,
    error_message,
    parse,
    peek_type,
    short,
)

log = logging.getLogger("glassnet")

CAPABILITIES = ("train", "edit", "explain", "export", "publish")
"""What a live session can do, said in ``welcome`` (a published page says ``replay``)."""


TOLD_OTHERS = {"reset": "reset the network: training starts again from new weights"}
"""Requests that every other screen of a shared session is told of, and what to tell."""


class Connection:
    """One view of one session: what it was sent, and what it should be sent next.

    Parameters
    ----------
    session : Session
    binary : bool
        Send the network's parameters as one binary buffer of float64 (little
        endian) instead of a JSON list. Views that can take buffers should: it is
        exact and a fifth the size.
    lessons : Library, optional
        The lessons this view may open (by default the built-in ones).
    token : str, optional
        Sent in ``welcome``: the view gives it back to re-attach to this session
        after its connection drops (the host keeps the session a while).
    fresh : bool
        The session is new to this view. A view that re-attaches to a session
        that kept running is not fresh: its ``hello`` may not restore a kept
        copy over the session itself, which is newer.

    Attributes
    ----------
    protocol : int
        The protocol version this view speaks (from its ``hello``; 1 if it does
        not say).
    lesson : LessonRunner or None
        The lesson this view has open.
    follower : bool
        This view joined a shared session it does not own (docs/screens.md): its
        ``hello`` changes nothing of the session, and it is told its ``role``.
    read_only : bool
        A follower whose owner has not let it control the session: only requests
        that change nothing (``Request.reads``) are carried out.
    notices : list of str
        The session's notices waiting to be sent to this view.
    share_notices : callable or None
        Set by a host that shows one session on several views (workers/host.py):
        the session's notices (a reset network, left-out points) concern every
        screen, so the view that takes them from the session hands them to this,
        which gives them to every view's ``notices``. Without it they are this
        view's. An ``error`` answers one view's own request and stays with it.
    tell_others : callable or None
        Set by the same host: gives a notice to every other view of the session.
        A view that resets the shared network tells the others who did
        (``TOLD_OTHERS``), since their screens change under them.
    """

    def __init__(
        self,
        session: Session,
        binary: bool = False,
        lessons: Library | None = None,
        token: str | None = None,
        fresh: bool = True,
    ):
        self.session = session
        self.binary = binary
        self.lessons = lessons if lessons is not None else BUILT_IN_ONLY
        self.lesson: LessonRunner | None = None
        self.token = token
        self.fresh = fresh
        self.protocol = 1
        self.follower = False
        self.read_only = False
        self.sent_role: dict | None = None
        self.ready = True  # the view can take a frame
        self.sent_version = -1
        self.sent_data_version = -1
        self.sent_settings: dict | None = None
        self.sent_history = 0
        self.sent_history_generation = -1
        self.sent_midi: list[dict] = []  # a session without mappings never sends them
        self.replies: list[Outgoing] = []  # answers to the message being handled
        self.notices: list[str] = []
        self.share_notices: Callable[[list[str]], None] | None = None
        self.tell_others: Callable[[str], None] | None = None

    def start(self, raw: str | bytes | None = None) -> list[Outgoing]:
        """What a view gets first: the protocol version and the catalog, then the state.

        ``raw`` is the view's first message, usually a ``hello`` with its
        settings, handled before the state is sent so that the first frame
        already shows them.
        """
        replies = self._handle(raw) if raw is not None else []
        hello = {
            "type": "welcome",
            "protocol": self.protocol,
            "catalog": catalog(),
            "capabilities": list(CAPABILITIES),
        }
        if self.token is not None:
            hello["token"] = self.token
        return [Outgoing(hello), *replies, *self.updates()]

    def receive(self, raw: str | bytes) -> list[Outgoing]:
        """Handle one incoming message; return what to send back at once.

        Never raises for bad input: a bad message gets an ``error`` message, and a
        refused settings change also gets the settings as they still are.
        """
        return self._handle(raw) + self.updates()

    def error(self, message: str) -> list[Outgoing]:
        """An error the host wants to report, followed by the state as it is."""
        return [error_message(None, message), *self.updates()]

    def reply(self, out: Outgoing):
        """Answer the message being handled (for request handlers)."""
        self.replies.append(out)

    def reply_error(self, request: str, message: str):
        """Answer the message being handled with an error, and carry on handling it."""
        self.replies.append(error_message(request, message))

    def _handle(self, raw) -> list[Outgoing]:
        self.replies = []
        try:
            message = parse(raw)
            request = check(message)
            if message["type"] == "hello":
                self._agree_version(message)
            if self.read_only and not request.reads:
                raise ProtocolError(read_only_message(message["type"]))
            request.handle(self, message)
            if self.tell_others is not None and message["type"] in TOLD_OTHERS:
                who = "Another screen following this session" if self.follower else "The owner"
                self.tell_others(f"{who} {TOLD_OTHERS[message['type']]}.")
        except (ProtocolError, SessionError) as error:
            kind = peek_type(raw)
            if kind in ("set", "hello"):
                self.sent_settings = None  # make the view take back what it showed
            return [*self.replies, error_message(kind, str(error))]
        except Exception as error:  # a bug of ours: say so, and keep the connection
            log.exception("could not handle a %r message", peek_type(raw))
            self.sent_settings = None
            return [
                error_message(
                    peek_type(raw),
                    f"glassnet could not carry out this request ({type(error).__name__}: "
                    f"{str(error)[:200]}). This is a bug in glassnet; the session goes on.",
                )
            ]
        return self.replies

    def _agree_version(self, hello: dict):
        asked = hello.get("protocol")
        if asked is None or asked in PROTOCOL_VERSIONS:
            self.protocol = asked or 1
            return
        self.protocol = PROTOCOL_VERSION
        self.reply_error(
            "hello",
            f"This glassnet speaks protocol versions "
            f"{', '.join(map(str, PROTOCOL_VERSIONS))}; your client asked for version "
            f"{str(asked)[:20]}. It is answered in version {PROTOCOL_VERSION} (docs/protocol.md).",
        )

    def updates(self) -> list[Outgoing]:
        """What changed since the last call: settings, data, MIDI mappings, notices, a lesson
        whose task just got done, and a frame if ready."""
        s = self.session
        out = []
        if self.follower and self.role() != self.sent_role:
            self.sent_role = self.role()
            out.append(Outgoing(self.sent_role))
        settings = s.settings.to_dict()
        if settings != self.sent_settings:
            self.sent_settings = settings
            out.append(Outgoing({"type": "settings", "values": settings}))
        if s.data_version != self.sent_data_version:
            self.sent_data_version = s.data_version
            out.append(Outgoing(data_message(s.data_view())))
        if s.midi != self.sent_midi:
            self.sent_midi = s.midi
            out.append(Outgoing({"type": "midi", "mappings": s.midi}))
        taken = s.take_notices()
        if taken and self.share_notices is not None:
            self.share_notices(taken)  # to every view of the session, this one too
        else:
            self.notices.extend(taken)
        out.extend(Outgoing({"type": "notice", "message": m}) for m in self.notices)
        self.notices = []
        if self.lesson is not None and self.lesson.check():
            out.append(Outgoing(lesson_message(self.lesson)))
        if self.ready and s.version != self.sent_version:
            out.append(self._frame())
        return out

    def role(self) -> dict:
        """A follower's ``role`` message: whether it may control the shared session."""
        return {"type": "role", "role": "follower", "control": not self.read_only}

    def _frame(self) -> Outgoing:
        view = self.session.frame()
        self.ready = False
        self.sent_version = view.version
        history = view.history
        # Resend the last entry: measuring the same epoch again replaces it.
        start = max(0, self.sent_history - 1)
        if history.generation != self.sent_history_generation or start > len(history):
            start = 0
        self.sent_history_generation = history.generation
        self.sent_history = len(history)
        return frame_message(view, start, self.binary)


def read_only_message(kind: str) -> str:
    """Why a read-only follower's request was refused."""
    return (
        f"This screen follows a shared session read-only: its owner has not let followers "
        f"change it, so this {short(repr(kind), 40)} request was refused and nothing changed."
    )
