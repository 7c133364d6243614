"""A scene's saved network: a session file beside the lesson file, read when the lesson is read.

``network = "start.json"`` in a scene names a file saved with the page's Save
(a session file: settings, data and the network's weights), by its path
relative to the lesson file. Only a lesson read from a folder has files beside
it (the built-in lessons, ``glassnet --lessons DIR``, ``Playground(lessons=DIR)``):
a lesson sent as text from a page has none, and a page may not name files on
the server, so :func:`read_network` refuses it there.

The file is only read and parsed as JSON here; whether it is a session the
session can restore is found when the lesson is rehearsed (``runner.py``),
through ``Session.restore``, as when a person loads it.

This module knows files and limits; nothing about sessions or the web.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

from .. import limits


class NetworkFileError(ValueError):
    """A scene's network file that cannot be used; the message says why and what to do."""


def read_network(name: object, folder: Path | None) -> dict:
    """The saved session a scene names, read from ``folder`` (the lesson file's).

    Raises
    ------
    NetworkFileError
        For a lesson with no folder, a name that is not a ``.json`` path inside
        the folder, a missing or too big file, or one that is not a JSON object.
    """
    if not isinstance(name, str) or not name.endswith(".json"):
        raise NetworkFileError(
            f"network must be the name of a session file (.json, saved with Save) beside the "
            f"lesson file; got {name!r:.60}."
        )
    if folder is None:
        raise NetworkFileError(
            f"network = {name!r:.60} reads a file beside the lesson file, so it works only for "
            "a lesson in a folder (glassnet --lessons DIR, or Playground(lessons=DIR)); a lesson "
            "loaded as text has no folder. Put the lesson and the file in a folder, or leave "
            "network out."
        )
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if not parts or parts[0] == "/" or ".." in parts or ":" in parts[0]:
        raise NetworkFileError(
            f"network must be a path inside the lesson's folder, such as 'start.json' or "
            f"'networks/start.json'; got {name!r:.60}."
        )
    path = folder.joinpath(*parts)
    try:
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            raise NetworkFileError(
                f"{name} has {size:,} bytes; a network file may have at most "
                f"{limits.MAX_FILE_BYTES:,} (MAX_FILE_BYTES)."
            )
        document = json.loads(path.read_bytes())
    except OSError as error:
        raise NetworkFileError(
            f"network = {name!r:.60} cannot be read ({error.strerror}): save the session with "
            "Save, and put the file beside the lesson file."
        ) from None
    except (ValueError, RecursionError):
        raise NetworkFileError(f"{name} is not a session file: it is not JSON.") from None
    if not isinstance(document, dict):
        raise NetworkFileError(f"{name} is not a session file: it holds no JSON object.")
    return document
