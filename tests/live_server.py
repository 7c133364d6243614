"""A real glassnet server in a thread, on a free (or a given) port, for tests."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """A uvicorn server for the glassnet app, in a thread, on a free port."""

    def __init__(self, port: int | None = None, forwarded_allow_ips=None, **app_options):
        import uvicorn

        from glassnet.cli import server_config
        from glassnet.server import create_app

        self.port = port or free_port()
        app = create_app(**app_options)
        config = server_config(app, forwarded_allow_ips, host="127.0.0.1", port=self.port)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self.thread.start()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/health", timeout=1).read()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the glassnet server did not start within 15 s")

    def stop(self):
        self.server.should_exit = True
        self.thread.join(timeout=10)
