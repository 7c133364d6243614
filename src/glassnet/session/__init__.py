"""The session layer: one network, its data, settings, history and undo; no web code.

The same ``Session`` drives the web server and the notebook widget. It is a
façade (``session.py``) over parts that each do one job:

- ``settings.py``, ``rules.py``: the settings as data, and the checks across them
- ``points.py``, ``workspace.py``: the points, and features, targets and split from them
- ``edits.py``: edits of the points by hand
- ``changes.py``: what a change of settings rebuilds (points, network)
- ``sources.py``: new data from a drawing, a file or an opened model
- ``training.py``: training and watching it
- ``player.py``, ``pace.py``: playing, and the epochs due at the chosen speed
- ``preview.py``: one explained training step, applied or reverted
- ``undo.py``, ``kept_undo.py``: undo and redo, and the steps a view keeps
- ``saving.py``, ``history.py``, ``recording.py``: saved sessions, loss history, weights
- ``views.py``: what a session shows, as frozen objects
- ``errors.py``: the errors a session raises, and checks of single values
"""

from .errors import Interrupted, SessionError
from .session import Session
from .settings import SETTINGS, Setting, Settings, SettingsError

__all__ = [
    "SETTINGS",
    "Interrupted",
    "Session",
    "SessionError",
    "Setting",
    "Settings",
    "SettingsError",
]
