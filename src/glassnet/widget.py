"""The notebook widget: ``glassnet.Playground``, a live playground in a notebook cell.

    import glassnet
    pg = glassnet.Playground(dataset="spiral", hidden_layers=[8, 8], activation="tanh")
    pg                             # the playground in the cell's output
    pg.train(epochs=200)           # trains here; the widget follows live
    pg.network.layers[0].weights   # the engine's own arrays, the numbers the widget shows
    pg.learning_rate = 0.01        # every setting is an attribute; the widget follows
    glassnet.Playground(lesson="one-neuron")   # a lesson, in the cell (docs/lessons.md)

It is an anywidget whose front end is the page's own: ``dist/glassnet.js``, the
same ``render({model, el})`` built as one module with its stylesheets inside.
The session runs in the kernel. The widget speaks the protocol of
docs/protocol.md through one :class:`~glassnet.protocol.Connection`, over the
widget's comm: requests arrive as custom messages, answers leave as custom
messages (a frame's parameters as a binary buffer). Settings are synced
traits, one per entry of ``SETTINGS`` (``settings_traits.py``).

Threads (``notebook_training.py``). Play in a view trains in a background
thread, a short slice at a time, sending a frame whenever a view says it is
ready, as the web server does; the kernel stays free. :meth:`Playground.train` trains in the calling
thread and pushes frames at a capped rate (a view's ``ready`` cannot reach a
busy kernel); the kernel's interrupt stops it between whole epochs. One lock
guards the session: a slice, an epoch, a message and a setting each hold it.

Views. Each view says ``hello`` when it is drawn and ``goodbye`` when its output
is cleared; when the last one has gone, training pauses. A view that vanished
without a word (a closed tab) stops answering frames: after
``UNWATCHED_SECONDS`` of that, training pauses too.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
import time
from pathlib import Path

import anywidget
import traitlets

from .lessons import Library
from .notebook_training import PlayThread, train_in_cell
from .playground_setup import session_for
from .protocol import Connection, Outgoing, busy_message
from .protocol.lessons import lesson_message, open_request, where_in_lesson
from .protocol.messages import explanation_message
from .session import SessionError
from .settings_traits import SettingTraits
from .static_files import DIST

log = logging.getLogger("glassnet")

SLICE_SECONDS = 0.02
"""The longest a background training slice holds the session before a message may."""

UNWATCHED_SECONDS = 30.0
"""A playing playground whose frames no view has answered for this long pauses."""


class Playground(anywidget.AnyWidget, SettingTraits):
    """A live playground in a notebook: a session in the kernel, drawn by the page's front end.

    Parameters
    ----------
    X : array-like or data frame, optional
        Your own inputs, shape (n_points, n_inputs), instead of a generated
        dataset; labels in ``y``, or in the column ``label`` of a data frame.
        They are read as the CSV loader reads a file (docs/data.md).
    y : array-like, optional
    label : str, optional
    activation : str, optional
        One activation for every hidden layer (TensorFlow Playground's
        ``activation``); ``activations`` gives one per layer.
    lesson : str or path, optional
        A lesson to open (docs/lessons.md): the name of a built-in lesson (or
        of one in ``lessons``), or the path of a lesson file. It sets the
        playground up as its first step has it (``lesson_step``, counted from
        1, for another step); the settings given here apply before it.
    lesson_step : int
        The step to open the lesson at, from 1.
    lessons : path, optional
        A teacher's folder of lessons, offered in the Lessons menu besides the
        built-in ones (as ``glassnet --lessons DIR`` does).
    **settings
        Any setting of docs/protocol.md, such as ``dataset="spiral"`` or
        ``hidden_layers=[8, 8]``. A bad value raises the session's error.

    Attributes
    ----------
    network, data, history, session
        The live engine objects: the :class:`~glassnet.engine.Network` being
        trained, the points with their features and split (a ``Workspace``),
        the loss history, and the :class:`~glassnet.session.Session` itself.
    """

    _esm = DIST / "glassnet.js"
    ui_options = traitlets.Dict({"layout": "full"}).tag(sync=True)

    def __init__(
        self,
        X=None,
        y=None,
        *,
        label=None,
        activation=None,
        lesson=None,
        lesson_step=1,
        lessons=None,
        **settings,
    ):
        self._lock = threading.RLock()
        self._quiet = True  # traits are being set to the session's values: nothing to check
        self._busy = False  # train() holds the session
        self._views = 0
        self._heard = time.monotonic()  # when a view last said anything
        self._explained: tuple[int, Outgoing] | None = None  # (version, explanation) for new views
        self._player = PlayThread(lambda: self._session.playing, self._train_slice)
        self._closed = False
        if lessons is not None and not Path(lessons).is_dir():
            raise ValueError(f"lessons={str(lessons)!r}: there is no such folder.")
        self._library = Library(lessons)
        session = session_for(X, y, label, activation, **settings)  # (playground_setup.py)
        self._session = session
        self._connection = Connection(session, binary=True, lessons=self._library)
        if lesson is not None:
            self._open_lesson(lesson, lesson_step)  # no view yet: each gets it on its hello
            session.take_notices()
        super().__init__(**session.settings.to_dict())
        self._quiet = False
        self.on_msg(self._on_message)

    network = property(lambda self: self._session.network, doc="The network being trained.")
    data = property(lambda self: self._session.workspace, doc="Points, features and split.")
    history = property(lambda self: self._session.history, doc="Loss and accuracy by epoch.")
    session = property(lambda self: self._session, doc="The session behind the playground.")

    # -- settings: traits that go through the session ---------------------------------------

    @traitlets.validate(*SettingTraits.class_trait_names())
    def _check_setting(self, proposal):
        """A setting set in Python: the session checks it (its error is raised as it is)."""
        name = proposal["trait"].name
        with self._lock:
            if self._quiet:
                return proposal["value"]
            self._session.change_settings({name: proposal["value"]})
            self._deliver(self._connection.updates(), skip=name)
            return self._session.settings.to_dict()[name]

    _setting_names = frozenset(SettingTraits.class_trait_names())

    def set_state(self, sync_data):
        """Values a view set: settings go to the session as a ``set`` request, like the page's."""
        changes = {k: v for k, v in sync_data.items() if k in self._setting_names}
        others = {k: v for k, v in sync_data.items() if k not in changes}
        if others:
            super().set_state(others)
        if changes:
            self._handle({"type": "set", "changes": changes})
            # A refused value is still on the view's screen: send it what the session has.
            self.send_state(list(changes))

    def _follow(self, values: dict, skip: str | None = None):
        """Give the traits the session's values (the views get them as widget state)."""
        quiet, self._quiet = self._quiet, True
        try:
            with self.hold_sync():
                for name, value in values.items():
                    if name != skip and getattr(self, name) != value:
                        setattr(self, name, value)
        finally:
            self._quiet = quiet

    # -- messages from the views ---------------------------------------------------------

    def _on_message(self, _widget, content, _buffers):
        if isinstance(content, dict):
            self._handle(content)

    def _handle(self, message: dict):
        kind = message.get("type")
        with self._lock:
            self._heard = time.monotonic()
            if kind == "hello":
                # A new view: every view is sent everything again (a message sent before a
                # view existed is lost, so the newcomer must get the whole state).
                self._views += 1
                replies = self._new_connection(json.dumps(message))
                if self._explained and self._explained[0] == self._session.version:
                    replies.append(self._explained[1])
            elif self._busy and kind not in ("ready", "goodbye"):
                replies = self._connection.error(
                    "The playground is training from Python (pg.train); wait until it ends."
                )
            else:
                replies = self._connection.receive(json.dumps(message))
                if kind == "goodbye":
                    self._views = max(0, self._views - 1)
                    if self._views == 0 and self._session.playing:
                        self._session.pause()
                        replies += self._connection.updates()
            self._deliver(replies)
        if self._session.playing:
            self._player.wake()

    def _deliver(self, outgoing: list[Outgoing], skip: str | None = None):
        """Send the connection's messages to every view; settings become trait values."""
        for out in outgoing:
            if out.message["type"] == "settings":
                self._follow(out.message["values"], skip)
            elif not self._closed:
                self.send(out.message, out.buffers or None)

    # -- training ------------------------------------------------------------------------

    def _train_slice(self) -> float:
        """Train a slice while playing (on the PlayThread); frames go out as the views ask.

        Returns the seconds until the next epoch is due.
        """
        with self._lock:
            try:
                if self._session.playing and not self._busy:
                    self._session.advance(SLICE_SECONDS)
                    self._deliver(self._connection.updates())
                    self._pause_if_unwatched()
            except Exception:  # a bug of ours: stop training and say so, keep the session
                log.exception("training stopped")
                self._session.pause()
                self._deliver(self._connection.error("Training stopped: a bug in glassnet."))
            return self._session.seconds_until_due()

    def _pause_if_unwatched(self):
        waiting = not self._connection.ready  # a frame went out and no view said it drew it
        if waiting and time.monotonic() - self._heard > UNWATCHED_SECONDS:
            self._session.pause()
            self._deliver(self._connection.updates())

    def train(self, epochs: int):
        """Train ``epochs`` epochs here and now; the views follow at a capped frame rate.

        The kernel is busy until it ends, so the views' controls are inert
        meanwhile (they say so). Interrupting the kernel (Ctrl-C, the stop
        button) stops training between two whole epochs: the network is exactly
        as it was after the last one, and KeyboardInterrupt is raised. Training
        also stops early when it diverges (``alert`` says why).

        Returns
        -------
        Metrics
            Loss and accuracy after the last epoch.
        """
        if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 1:
            raise ValueError(f"epochs must be a whole number of at least 1; got {epochs!r}.")
        why = (
            f"Training from Python: pg.train(epochs={epochs}). The controls wait until it "
            "ends; interrupt the kernel to stop it."
        )
        with self._lock:
            self._busy = True
            self._session.pause()
        start = self._session.epoch
        try:
            greet = functools.partial(self._greet_while_busy, why)
            stopped = train_in_cell(self._session, epochs, self._lock, self._push_frame, greet)
        finally:
            with self._lock:
                self._busy = False
                self._connection.ready = True
                self._deliver([busy_message(None), *self._connection.updates()])
        if stopped:
            done = self._session.epoch - start
            raise KeyboardInterrupt(
                f"Training stopped after {done} whole epochs (epoch {self._session.epoch}); "
                "the network is as it was after the last one."
            )
        return self._session.metrics

    def _push_frame(self):
        """The frame now, to every view (none can say it is ready while the kernel is busy)."""
        self._connection.ready = True
        self._deliver(self._connection.updates())

    def _greet_while_busy(self, why: str):
        """Everything a view needs, as if it had said hello, and that the controls must wait."""
        self._deliver([*self._new_connection(), busy_message(why)])

    def _new_connection(self, hello: str | None = None) -> list[Outgoing]:
        """A fresh connection: every view gets everything again; the open lesson stays open."""
        lesson = self._connection.lesson
        self._connection = Connection(self._session, binary=True, lessons=self._library)
        self._connection.lesson = lesson
        replies = self._connection.start(hello)
        if lesson is not None:
            replies.append(Outgoing(lesson_message(lesson)))
        return replies

    # -- lessons ---------------------------------------------------------------------------

    def open_lesson(self, lesson: str | Path, step: int = 1):
        """Open a lesson at a step (from 1): a lesson's name, or the path of a lesson file.

        The playground is set up as the lesson has it at that step, in one change
        that undo takes back; the views show the lesson's panel. A lesson with a
        mistake raises ``ValueError`` naming the file and the line.
        """
        with self._lock:
            replies = self._open_lesson(lesson, step)
            self._deliver([*replies, *self._connection.updates()])

    def _open_lesson(self, lesson: str | Path, step: int) -> list[Outgoing]:
        replies = self._connection.receive(json.dumps(open_request(lesson, step)))
        errors = [out.message["message"] for out in replies if out.message["type"] == "error"]
        if errors:
            raise ValueError(errors[0])
        return replies

    def close_lesson(self):
        """Close the open lesson; the playground stays as it is."""
        with self._lock:
            self._deliver(self._connection.receive('{"type": "lesson_close"}'))

    @property
    def lesson(self) -> dict | None:
        """The open lesson (``name``, ``title``, ``step`` from 1, ``done`` ticks), or None."""
        runner = self._connection.lesson
        return None if runner is None else where_in_lesson(runner)

    # -- the rest of the API -------------------------------------------------------------

    def step_through(self, point: int, size: str = "sample"):
        """Open the step-through on this point (its index in ``pg.data``), as a click would."""
        with self._lock:
            record = self._session.explain(point, size)  # pauses; a bad point raises
            explained = Outgoing(explanation_message(record))
            self._explained = (self._session.version, explained)
            self._deliver([*self._connection.updates(), explained])

    def save(self, path: str | Path):
        """Write the session to a file, as the page's Save does (``Playground.load`` reads it)."""
        with self._lock:
            document = self._session.save()
        Path(path).write_text(json.dumps(document))

    def publish(self, path: str | Path, **options) -> Path:
        """Write the network and its recorded run as one web page (``glassnet.publish``)."""
        from .protocol.publish import publish_page

        with self._lock:
            text = publish_page(self._session, **options)
        target = Path(path)
        target.write_text(text, encoding="utf-8")
        return target

    @classmethod
    def load(cls, path: str | Path) -> Playground:
        """A playground from a session file (``save``, the page's Save) or a published page."""
        from .protocol.publish import session_of_file

        try:
            document = session_of_file(Path(path).read_text(encoding="utf-8"))
        except ValueError as error:
            raise SessionError(f"{path} is not a glassnet session file: {error}.") from None
        playground = cls()
        with playground._lock:
            playground._session.restore(document, undoable=False)
            playground._session.take_notices()
            playground._deliver(playground._connection.updates())
        return playground

    def close(self):
        """Stop training and close the widget (its views go blank); the objects stay readable."""
        with self._lock:
            self._closed = True
            if hasattr(self, "_session"):  # (not when __init__ refused its arguments)
                self._session.pause()
        self._player.stop()
        super().close()

    def __repr__(self) -> str:
        s = self._session
        return (
            f"<glassnet.Playground {s.settings.dataset}, hidden layers "
            f"{list(s.settings.hidden_layers)}, epoch {s.epoch}>"
        )
