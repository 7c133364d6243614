"""The session layer: one network, its data, settings, history and undo; no web code.

The same ``Session`` drives the web server and the notebook widget.
"""

from .session import Session, SessionError
from .settings import SETTINGS, SettingsError

__all__ = ["SETTINGS", "Session", "SessionError", "SettingsError"]
