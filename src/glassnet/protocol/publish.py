"""Publishing: a trained session as one web page that needs no server.

A published page is one HTML file. Inside it: the front end (``dist/replay.js``,
the one-module build with a host that replays instead of training) and one JSON
document, the *publication*:

- ``session``: the saved session (``saving.py``, with its recording), which
  glassnet's Load accepts, so the same network opens again in glassnet;
- ``welcome``, ``data`` and ``frame``: the messages the session sent a view
  when it was published, which the page's replay host answers with;
- ``replay``: the loss and accuracy the engine measured at every recorded epoch
  (the weights themselves are the session's recording);
- ``explanations``: explained training steps (every number from the engine's
  traces), for the points and epochs chosen at publishing;
- ``options``: the page's layout and the controls it hides.

The recording's weights (base64, most of the file) are written apart, in a
last element of their own, so that the page can draw before the browser has
read them (``page_text``); ``read_publication`` puts them back in place.

Everything from the user's data (names, labels) sits inside that JSON, with
every ``<`` written as ``\\u003c``: nothing in it can end the script element.

This module knows the session and the protocol's messages; it reads the built
front end from the package, and knows nothing about sockets or HTTP.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from .. import limits
from ..session import Session, SessionError
from ..session.recording import Keyframe
from ..session.saving import damaged_message, recording_part
from ..session.workspace import measure
from .connection import Connection
from .messages import explanation_message, metrics_message

FORMAT = "glassnet-published"
VERSION = 2

REPLAY_MODULE = Path(__file__).parents[1] / "dist" / "replay.js"
"""The front end with its replay host, as one module (scripts/build.mjs)."""

LAYOUTS = ("full", "embed")

CAPABILITIES = ("replay",)
"""What a published page can do: replay the recorded run (docs/protocol.md, ``welcome``)."""

_DATA_TAG = re.compile(
    r'<script type="application/json" id="glassnet-publication">(.*?)</script>', re.S
)
_RECORDING_TAG = re.compile(
    r'<script type="application/json" id="glassnet-recording">(.*?)</script>', re.S
)


class PublishError(SessionError):
    """A page that cannot be published as asked; the message says why."""


def publish_page(
    session: Session,
    *,
    include_points: bool = True,
    layout: str = "full",
    hidden: tuple[str, ...] | list[str] = (),
    explain_points: tuple[int, ...] | list[int] = (),
    explain_epochs: tuple[int, ...] | list[int] | None = None,
    title: str | None = None,
) -> str:
    """The text of one self-contained HTML page that replays this session's run.

    Parameters
    ----------
    include_points : bool
        Put the data points in the page (they are then readable by anyone who
        has it). Without them the network, its pictures and the map still show.
    layout : str
        ``"full"`` or ``"embed"`` (compact, for an iframe of about 600x450).
    hidden : list of str
        Controls and panels to hide (the names of ``<name>_hide``, docs/urls.md).
    explain_points : list of int
        Points (indices in the data) whose training step the page can step
        through, computed by the engine now.
    explain_epochs : list of int, optional
        At which recorded epochs (the nearest keyframe); by default the last.
        Before the last epoch, only plain gradient descent (``sgd``) can be
        explained: the optimizer's memory along the way is not recorded.
    title : str, optional
        The page's title (by default, glassnet and the dataset's name).
    """
    if layout not in LAYOUTS:
        raise PublishError(f"The layout must be one of {', '.join(LAYOUTS)}, not {layout!r:.40}.")
    if explain_points and not include_points:
        raise PublishError(
            "An explained step shows its point's inputs and target: publish the data points "
            "with it, or leave explain_points out."
        )
    publication = publication_of(
        session, include_points, layout, list(hidden), explain_points, explain_epochs
    )
    name = title or f"glassnet: {session.points.base.name}"
    return page_text(publication, name)


def publication_of(
    session: Session,
    include_points: bool,
    layout: str,
    hidden: list[str],
    explain_points,
    explain_epochs,
) -> dict[str, Any]:
    """The JSON document a published page carries (see the module's docstring)."""
    document = session.save()
    replica = Session()  # a copy to measure and explain on, so the session itself never changes
    replica.restore(json.loads(json.dumps(document)), undoable=False)
    if _end_on_the_last_weights(replica.training):
        document["recording"] = recording_part(replica.training.recording)
    connection = Connection(replica)
    sent = [o.message for o in connection.start()]
    welcome = next(m for m in sent if m["type"] == "welcome")
    data = next(m for m in sent if m["type"] == "data")
    frame = next(m for m in sent if m["type"] == "frame")
    settings = next(m for m in sent if m["type"] == "settings")["values"]
    replay = _replay_metrics(replica)
    explanations = _explanations(replica, explain_points, explain_epochs)
    if not include_points:
        document = _without_points(document)
        data = {**data, "points": [], "targets": [], "train": [], "test": [], "n_base": 0}
    return {
        "format": FORMAT,
        "version": VERSION,
        "published_by": document["saved_by"],  # the glassnet that saved it, and published it
        "session": document,
        "welcome": {**welcome, "capabilities": list(CAPABILITIES), "replay": replay["epochs"]},
        "settings": settings,
        "data": data,
        "frame": frame,
        "replay": replay,
        "explanations": explanations,
        "options": {"layout": layout, "hidden": hidden},
    }


def _end_on_the_last_weights(training) -> bool:
    """Make the recording's last keyframe the network as it is; whether it had to be added.

    Past its dense start the recording keeps only every ``stride``-th epoch, so
    the epoch the run stopped at may be missing; a page opens on the network as
    it ended.
    """
    last = training.recording.keyframes[-1] if training.recording.keyframes else None
    if last is not None and last.epoch == training.epoch:
        return False
    flat = training.network.flat_parameters.copy()
    flat.setflags(write=False)
    training.recording.keyframes.append(Keyframe(training.epoch, flat))
    return True


def _replay_metrics(replica: Session) -> dict[str, Any]:
    """The epochs recorded, and loss and accuracy the engine measures at each."""
    training, workspace = replica.training, replica.workspace
    saved = training.parameters()
    keyframes = training.recording.keyframes
    metrics = []
    for k in keyframes:
        _load(training, k.parameters)
        metrics.append(metrics_message(measure(training.network, workspace)))
    _load_list(training, saved)
    return {"epochs": [k.epoch for k in keyframes], "metrics": metrics}


def _explanations(replica: Session, points, epochs) -> list[dict[str, Any]]:
    """Explained steps on each chosen point at each chosen epoch, as the engine computed them."""
    points = [int(p) for p in points]
    if not points:
        return []
    last = replica.epoch
    recording = replica.training.recording
    # Each asked epoch is explained at the recorded one nearest to it (once).
    wanted = sorted({last} if epochs is None else {recording.nearest(int(e)).epoch for e in epochs})
    if len(points) * len(wanted) > limits.MAX_PUBLISHED_STEPS:
        raise PublishError(
            f"A page may carry at most {limits.MAX_PUBLISHED_STEPS} explained steps "
            "(MAX_PUBLISHED_STEPS); "
            f"{len(points)} points at {len(wanted)} epochs make {len(points) * len(wanted)}."
        )
    training = replica.training
    out = []
    for epoch in wanted:
        keyframe = recording.nearest(epoch)
        if epoch != last and replica.settings.optimizer != "sgd":
            raise PublishError(
                f"Only the last epoch ({last}) can be explained with the "
                f"{replica.settings.optimizer} optimizer: its memory along the way is not "
                "recorded. Leave the epochs out, or train with sgd."
            )
        saved = training.parameters()
        if epoch != last:
            _load(training, keyframe.parameters)
        for point in points:
            record = replica.explain(point, "sample")
            out.append({"epoch": epoch, "point": point, "message": explanation_message(record)})
        _load_list(training, saved)
        training.remeasure(replica.workspace)
    return out


def _load(training, flat):
    """Give the training's network these flattened parameters (W0, b0, W1, ...)."""
    training.network.flat_parameters[...] = flat


def _load_list(training, parameters):
    for p, value in zip(training.network.parameters(), parameters):
        p[...] = value


def _without_points(document: dict) -> dict:
    """A session document with no data points: the same network, on an empty dataset."""
    points = dict(document["points"])
    points.update(inputs=[], targets=[], drawn_inputs=[], drawn_targets=[], removed=[])
    points["source"] = "file"
    settings = {**document["settings"], "dataset": "custom"}
    return {**document, "points": points, "settings": settings}


def page_text(publication: dict, title: str) -> str:
    """The HTML page: the publication as JSON, and the front end, both inline.

    The recording's weights (most of the file) come last, in an element of their
    own, and the module runs as soon as the browser has read it (``async``): the
    page draws the network as it ended while the browser still reads the weights
    of the timeline, which it needs only to replay.
    """
    session = publication["session"]
    recording = session.get("recording")
    weights = None
    if recording is not None:
        weights = recording["parameters"]
        session = {**session, "recording": {**recording, "parameters": None}}
    data = script_json({**publication, "session": session})
    module = inline_script(REPLAY_MODULE.read_text(encoding="utf-8"))
    layout = publication["options"]["layout"]
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # No requests at all: scripts and styles only from inside the page.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:\">\n"
        '<link rel="icon" href="data:,">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>html,body{margin:0;height:100%}</style>\n"
        f'</head>\n<body data-layout="{layout}">\n'
        '<div id="glassnet"></div>\n'
        f'<script type="application/json" id="glassnet-publication">{data}</script>\n'
        f'<script type="module" async>{module}</script>\n'
        f'<script type="application/json" id="glassnet-recording">{script_json(weights)}</script>\n'
        "</body>\n</html>\n"
    )


def script_json(value) -> str:
    """JSON that is safe inside a script element: no ``<``, ``>`` or ``&`` as themselves.

    Names and labels come from the user's data: a class named ``</script>``
    must stay text. Escaped as JSON escapes, they read back the same.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def inline_script(source: str) -> str:
    """A built module made fit to sit inside ``<script>``: no end tag, no source map link.

    Inside the minified front end ``</script`` and ``<!--`` can only be in
    strings, regular expressions or templates, where ``<\\/`` and ``<\\!`` read
    the same.
    """
    source = re.sub(r"^//# sourceMappingURL=.*$", "", source, flags=re.M)
    source = re.sub(r"</(script)", r"<\\/\1", source, flags=re.I)
    return source.replace("<!--", "<\\!--")


def read_publication(text: str) -> dict:
    """The publication inside a published page's text.

    Raises
    ------
    SessionError
        For a page that is not a glassnet publication, or a damaged one.
    """
    found = _DATA_TAG.search(text)
    if found is None:
        raise SessionError(
            "This web page is not a page glassnet published (it has no glassnet-publication "
            "inside). Load a session file, or a page made with Publish."
        )
    try:
        publication = json.loads(found.group(1))
    except ValueError as error:
        raise SessionError(damaged_message(f"its data is not JSON: {error}")) from None
    if not isinstance(publication, dict) or publication.get("format") != FORMAT:
        raise SessionError(damaged_message(f'it has no "format": "{FORMAT}"'))
    recording = (publication.get("session") or {}).get("recording")
    if isinstance(recording, dict) and recording.get("parameters") is None:
        # Version 2: the recording's weights sit in their own element, at the end.
        weights = _RECORDING_TAG.search(text)
        if weights is None:
            raise SessionError(damaged_message("the weights of its recording are missing"))
        try:
            recording["parameters"] = json.loads(weights.group(1))
        except ValueError as error:
            raise SessionError(damaged_message(f"its recording is not JSON: {error}")) from None
    return publication


def session_of_page(text: str) -> dict:
    """The saved session inside a published page, for glassnet's Load."""
    session = read_publication(text).get("session")
    if not isinstance(session, dict):
        raise SessionError(damaged_message("it holds no session"))
    return session


def session_of_file(text: str) -> Any:
    """The saved session in a file's text: a session file's JSON, or a published page's session.

    Raises ``ValueError`` (JSON's own) for text that is neither, and
    ``SessionError`` for a web page that holds no session.
    """
    if text.lstrip().startswith("<"):  # a web page (JSON never starts so): a published one?
        return session_of_page(text)
    return json.loads(text)
