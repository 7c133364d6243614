"""The ``glassnet`` command: start the playground server and open it in a browser.

    glassnet                     http://127.0.0.1:8765, or a free port if taken
    glassnet --port 9000         a chosen port (an error if it is taken)
    glassnet --no-browser        print the address only
    glassnet --host 0.0.0.0      let other machines connect (say so explicitly)
    glassnet --dev               serve the readable front end (static/), not the built one

Ctrl-C stops it.
"""

from __future__ import annotations

import argparse
import contextlib
import socket
import sys
import threading
import webbrowser

import uvicorn

from . import __version__, limits
from .server import create_app

DEFAULT_PORT = 8765
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="glassnet",
        description="A neural network you can see through: train one live in your browser.",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=None,
        help=f"port to listen on (default {DEFAULT_PORT}, or a free one if that is taken)",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1, this machine only); "
        "0.0.0.0 lets other machines reach it",
    )
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser tab")
    parser.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="an origin such as https://example.org whose pages may embed this playground "
        "(repeatable; '*' allows any)",
    )
    parser.add_argument(
        "--max-sessions",
        type=int,
        default=limits.MAX_SESSIONS,
        help=f"how many browser tabs may train at once (default {limits.MAX_SESSIONS})",
    )
    parser.add_argument(
        "--dev",
        action="store_true",
        help="serve the front end's readable modules instead of the built bundle, "
        "so edits to src/glassnet/static show on reload without scripts/build",
    )
    parser.add_argument("--version", action="version", version=f"glassnet {__version__}")
    return parser


def open_socket(host: str, port: int | None) -> socket.socket:
    """A listening socket on host:port; with no port, the default or else a free one."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    candidates = [port] if port is not None else [DEFAULT_PORT, 0]
    for i, candidate in enumerate(candidates):
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, candidate))
        except OSError as error:
            sock.close()
            if i == len(candidates) - 1:
                raise SystemExit(
                    f"glassnet: cannot listen on {host}:{candidate}: {error.strerror}."
                ) from None
            continue
        sock.listen(128)
        sock.set_inheritable(True)
        return sock
    raise AssertionError("unreachable")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.max_sessions < 1:
        raise SystemExit("glassnet: --max-sessions must be at least 1.")
    sock = open_socket(args.host, args.port)
    port = sock.getsockname()[1]
    shown_host = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
    url = (
        f"http://{shown_host}:{port}/"
        if ":" not in shown_host
        else f"http://[{shown_host}]:{port}/"
    )
    if args.host not in LOCAL_HOSTS:
        print(
            f"glassnet listens on {args.host}:{port}: other machines can reach it. "
            f"At most {args.max_sessions} sessions; pages from other origins need --allow-origin.",
            file=sys.stderr,
        )
    print(f"glassnet is running at {url}  (Ctrl-C stops it)", flush=True)
    app = create_app(
        allowed_origins=tuple(args.allow_origin), max_sessions=args.max_sessions, dev=args.dev
    )
    config = uvicorn.Config(app, log_level="warning", ws_max_size=limits.MAX_MESSAGE_BYTES)
    server = uvicorn.Server(config)
    if not args.no_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    with contextlib.suppress(KeyboardInterrupt):
        server.run(sockets=[sock])
    print("glassnet stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
