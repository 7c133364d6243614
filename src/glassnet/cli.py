"""The ``glassnet`` command: start the playground server and open it in a browser.

    glassnet                     http://127.0.0.1:8765, or a free port if taken
    glassnet --port 9000         a chosen port (an error if it is taken)
    glassnet --no-browser        print the address only
    glassnet --host 0.0.0.0      let other machines connect (say so explicitly)
    glassnet --lessons DIR       offer the lessons of a folder too (docs/lessons.md)
    glassnet --workers 4         processes for the sessions (default: one per core)
    glassnet --dev               serve the readable front end (static/), not the built one
    glassnet --osc-port 9000     OSC drives the oldest session (docs/controllers.md)
    glassnet --serial /dev/ttyACM0   an Arduino drives it, one line a command

Ctrl-C (or SIGTERM) stops it within two seconds, whatever it is doing.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import re
import socket
import sys
import threading
import webbrowser
from pathlib import Path

import uvicorn

from . import __version__, limits
from .controllers import OscOptions, SerialOptions
from .hostnames import HostNames
from .server import create_app
from .workers import default_size

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
        "--lessons",
        default=None,
        metavar="DIR",
        help="a folder of lesson files (.md) to offer besides the built-in lessons; "
        "one with a built-in lesson's name takes its place",
    )
    parser.add_argument(
        "--max-sessions-per-address",
        type=int,
        default=limits.MAX_SESSIONS_PER_CLIENT,
        metavar="N",
        help="how many of them one address may hold (default "
        f"{limits.MAX_SESSIONS_PER_CLIENT}; raise it for a class behind one NAT)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help=f"worker processes that run the sessions (default {default_size()}: one per core)",
    )
    parser.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a name this server answers to besides localhost, such as glassnet.example.org "
        "behind a proxy (repeatable; '*' allows any; see docs/serving.md)",
    )
    parser.add_argument(
        "--forwarded-allow-ips",
        default=None,
        metavar="IPS",
        help="proxies (comma-separated addresses, '*' for any) whose X-Forwarded-For header "
        "says who the client is; without it the header is ignored",
    )
    parser.add_argument(
        "--dev",
        action="store_true",
        help="serve the front end's readable modules instead of the built bundle, "
        "so edits to src/glassnet/static show on reload without scripts/build",
    )
    add_controller_options(parser)
    parser.add_argument("--version", action="version", version=f"glassnet {__version__}")
    return parser


def add_controller_options(parser: argparse.ArgumentParser):
    """OSC and serial controllers (docs/controllers.md)."""
    group = parser.add_argument_group("controllers (docs/controllers.md)")
    group.add_argument(
        "--osc-port",
        type=int,
        default=None,
        metavar="PORT",
        help="receive OSC on this UDP port (/glassnet/play, /glassnet/set ...)",
    )
    group.add_argument(
        "--osc-host",
        default="127.0.0.1",
        metavar="HOST",
        help="address OSC listens on (default 127.0.0.1, this machine only)",
    )
    group.add_argument(
        "--osc-send",
        default=None,
        metavar="HOST:PORT",
        help="send the epoch, the loss and the point's activations there, each frame",
    )
    group.add_argument(
        "--osc-session",
        default=None,
        metavar="CODE",
        help="a join code you make up (16 or more letters, digits, - or _): the first "
        "session shared with Share live gets it, and OSC drives that session "
        "(default: the oldest session on the server)",
    )
    group.add_argument(
        "--serial",
        default=None,
        metavar="DEVICE",
        help="read commands from a serial device, such as /dev/ttyACM0",
    )
    group.add_argument(
        "--serial-baud",
        type=int,
        default=9600,
        metavar="BAUD",
        help="the device's speed (default 9600)",
    )
    group.add_argument("--serial-session", default=None, metavar="CODE",
                       help="as --osc-session, for the serial device")  # fmt: skip


JOIN_CODE = re.compile(r"[A-Za-z0-9_-]{16,64}")
"""A join code named on the command line: long enough that nobody guesses it."""


def controllers_of(args) -> tuple:
    """The controllers the options ask for; SystemExit for a malformed one."""
    found = []
    for option in ("osc_session", "serial_session"):
        code = getattr(args, option)
        if code is not None and not JOIN_CODE.fullmatch(code):
            raise SystemExit(
                f"glassnet: --{option.replace('_', '-')}: make up a code of 16 to 64 letters, "
                "digits, - or _ (anyone who knows it can follow the session)."
            )
    if args.osc_send is not None and args.osc_port is None:
        raise SystemExit("glassnet: --osc-send needs --osc-port (where OSC comes in).")
    if args.osc_port is not None:
        send = None
        if args.osc_send is not None:
            host, _, port = args.osc_send.rpartition(":")
            if not host or not port.isdigit() or not 0 < int(port) < 65536:
                raise SystemExit(
                    f"glassnet: --osc-send {args.osc_send}: give HOST:PORT, such as 127.0.0.1:9001."
                )
            send = (host, int(port))
        found.append(OscOptions(args.osc_port, args.osc_host, send, args.osc_session))
    if args.serial is not None:
        found.append(SerialOptions(args.serial, args.serial_baud, args.serial_session))
    if found:  # what controllers do and refuse, on the terminal
        logger = logging.getLogger("glassnet.controllers")
        if not logger.handlers:
            handler = logging.StreamHandler()
            handler.setFormatter(logging.Formatter("glassnet: %(message)s"))
            logger.addHandler(handler)
            logger.setLevel(logging.INFO)
            logger.propagate = False
    return tuple(found)


def open_socket(host: str, port: int | None) -> socket.socket:
    """A listening socket on host:port; with no port, the default or else a free one."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    candidates = [port] if port is not None else [DEFAULT_PORT, 0]
    for i, candidate in enumerate(candidates):
        # IPPROTO_TCP, not 0: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on
        # sockets that say they are TCP. With it on, a small message after a large one
        # waited for the browser's delayed acknowledgement, 40 ms each time.
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
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


class ClientMistakes(logging.Filter):
    """A client's bad frame is not the server's error: one line of warning, no traceback.

    uvicorn logs a text frame that is not UTF-8 as an exception; glassnet closes
    that one socket (code 1007) and goes on.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.getMessage().startswith("Invalid UTF-8 sequence received from client"):
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info = record.exc_text = None
        return True


def server_config(app, forwarded_allow_ips: str | None = None, **options) -> uvicorn.Config:
    """How uvicorn runs the app here (the tests' servers use it too).

    A message up to twice ``MAX_MESSAGE_BYTES`` is read, so the session can say it
    is too large; a larger one closes the connection (code 1009). Proxy headers
    are trusted only from ``forwarded_allow_ips``: uvicorn's default would trust
    them from 127.0.0.1, and any local client could then claim any address.
    """
    uvicorn_log = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, ClientMistakes) for f in uvicorn_log.filters):
        uvicorn_log.addFilter(ClientMistakes())
    return uvicorn.Config(
        app,
        log_level="warning",
        ws_max_size=2 * limits.MAX_MESSAGE_BYTES,
        proxy_headers=forwarded_allow_ips is not None,
        forwarded_allow_ips=forwarded_allow_ips or "",
        timeout_graceful_shutdown=1,
        **options,
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    for name in ("max_sessions", "max_sessions_per_address", "workers"):
        value = getattr(args, name)
        if value is not None and value < 1:
            raise SystemExit(f"glassnet: --{name.replace('_', '-')} must be at least 1.")
    if args.lessons is not None and not Path(args.lessons).is_dir():
        raise SystemExit(f"glassnet: --lessons {args.lessons}: there is no such folder.")
    controllers = controllers_of(args)
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
        allowed_origins=tuple(args.allow_origin),
        max_sessions=args.max_sessions,
        workers=args.workers,
        lessons=args.lessons,
        max_sessions_per_address=args.max_sessions_per_address,
        host_names=HostNames(args.host, tuple(args.allow_host)),
        dev=args.dev,
        controllers=controllers,
    )
    server = uvicorn.Server(server_config(app, args.forwarded_allow_ips))
    if not args.no_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    with contextlib.suppress(KeyboardInterrupt):
        server.run(sockets=[sock])
    print("glassnet stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
