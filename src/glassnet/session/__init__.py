"""The session layer: one network, its data, settings, history and undo; no web code.

The same ``Session`` drives the web server and the notebook widget.
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
