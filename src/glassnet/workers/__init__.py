"""Where sessions run: worker processes, each holding many sessions that take fair turns.

- ``pool.py``: the web process's side: start the workers, route each session's
  messages to its worker and the answers back, stop them
- ``registry.py``: the sessions a server holds: tokens, caps, idle sessions
- ``channel.py``: how the web process and a worker talk
- ``worker.py``: a worker process's loop
- ``host.py``: one session in a worker, the thread its work runs on, checkpoints
- ``turns.py``: which session's turn is next

This package knows sessions and the protocol; nothing about HTTP or WebSockets
(the web process hands it raw messages and takes back encoded ones). A
``Session`` needs none of it: the notebook widget runs one in its own process.
"""

from .host import Options
from .pool import Link, WorkerPool, default_size
from .registry import Entry, Full, Refused, Registry

__all__ = [
    "Entry", "Full", "Link", "Options", "Refused", "Registry", "WorkerPool", "default_size",
]  # fmt: skip
