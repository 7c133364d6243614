"""A worker process: many sessions on one core, taking fair turns.

The worker reads what the web process sends (``channel.py``), gives the next
turn to whichever session ``turns.py`` picks, sends what that session answered,
and reads again: between two turns it always looks for new messages, so a turn
(at most a slice of time, see ``host.py``) is the longest anything waits.

It stops when the web process says so, or when the channel closes because the
web process is gone.
"""

from __future__ import annotations

import json
import logging
import signal
import socket
import sys

from .channel import WorkerEnd
from .host import Host, Options
from .turns import Turns

log = logging.getLogger("glassnet")


def main(argv: list[str]):
    """``python -m glassnet.workers.worker FD OPTIONS``.

    FD is this worker's end of its channel to the web process (``pool.py``),
    OPTIONS its :class:`Options` as a JSON object.
    Serve sessions until told to stop or the web process is gone.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the web process stops its workers itself
    fd, options = argv
    options = Options(**json.loads(options))
    Worker(WorkerEnd(socket.socket(fileno=int(fd))), options).run()


class Worker:
    """The loop of one worker process (see the module's docstring)."""

    def __init__(self, channel: WorkerEnd, options: Options):
        self.channel = channel
        self.options = options
        self.turns = Turns(options.slice_seconds)
        self.hosts: dict[int, Host] = self.turns.hosts

    def run(self):
        try:
            while True:
                for message in self.channel.receive(self.turns.wait()):
                    if not self.handle(message):
                        return
                host = self.turns.next()
                if host is not None:
                    host.used += host.take_turn()
                    self.flush(host)
        except (EOFError, ConnectionError):
            pass  # the web process is gone: so are the views
        finally:
            for host in self.hosts.values():
                host.close()
            self.channel.close()

    def handle(self, message: tuple) -> bool:
        """Carry out one request of the web process; False when it says stop."""
        kind, *rest = message
        if kind == "stop":
            return False
        sid = rest[0]
        if kind in ("open", "attach"):
            _, view, token, first = rest
            host = self.hosts.get(sid)
            if host is None:
                host = self.hosts[sid] = Host(sid, token, self.options)
                host.others_waiting = lambda: self.others_waiting(host)
            host.attach(view, first, fresh=kind == "open")
            return True
        host = self.hosts.get(sid)
        if host is None:
            return True  # closed meanwhile
        if kind == "join":
            _, view, read_only, first = rest
            host.join(view, first, read_only)
        elif kind == "role":
            host.role(rest[1], rest[2])
        elif kind == "message":
            host.receive(rest[1], rest[2])
        elif kind == "ready":
            host.ready(rest[1])
        elif kind == "detach":
            host.detach(rest[1])
        elif kind == "close":
            host.close()
            del self.hosts[sid]
        return True

    def others_waiting(self, host: Host) -> bool:
        """Whether anything but ``host``'s own work waits: a message, or another session's work.

        Called on the host's thread during its turn, while this loop waits for it.
        """
        return self.channel.waiting() or any(
            other is not host and other.runnable() for other in self.hosts.values()
        )

    def flush(self, host: Host):
        """Send what a host's turn produced, to each of its views."""
        for number, view in host.views.items():
            if view.out or view.handled:
                self.channel.send(("out", host.sid, number, view.out, view.handled))
                view.out, view.handled = [], 0


if __name__ == "__main__":
    main(sys.argv[1:])
