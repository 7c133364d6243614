"""The names this server answers to: a defence against DNS rebinding.

A page on ``evil.example`` can point its own name at 127.0.0.1 once it has
loaded; from then on the browser lets it talk to a glassnet on that machine as
if glassnet were ``evil.example`` (same origin, so the origin check passes). But
the browser still sends the name it meant in the ``Host`` header, so glassnet
answers only requests for names it knows, and refuses the rest (421) before
anything else happens:

- ``localhost`` (and names under it, such as ``app.localhost``);
- addresses written as numbers: the loopback ones when glassnet listens on
  localhost, the one it listens on, or any when it listens on every interface
  (``--host 0.0.0.0``). A rebinding attack needs a name, so numbers are safe;
- with ``--host 0.0.0.0``, the machine's host name;
- every name given with ``--allow-host`` (``'*'`` allows any name; only behind a
  proxy that checks names itself).

This module knows ASGI scopes; nothing about sessions.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass, field

EVERY_INTERFACE = ("0.0.0.0", "::", "")


@dataclass(frozen=True)
class HostNames:
    """The names a server bound to ``bind`` answers to, with ``extra`` names allowed besides."""

    bind: str = "127.0.0.1"
    extra: tuple[str, ...] = ()
    names: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self):
        names = {"localhost", *(name.lower().rstrip(".") for name in self.extra)}
        if self.bind in EVERY_INTERFACE:
            names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
        object.__setattr__(self, "names", frozenset(names))  # frozen: set once, here

    def allows(self, host_header: str | None) -> bool:
        """Whether a request with this ``Host`` header is for this server."""
        if "*" in self.names:
            return True
        name = _name_of(host_header or "")
        if not name:
            return False
        if name in self.names or name.endswith(".localhost"):
            return True
        try:
            address = ipaddress.ip_address(name)
        except ValueError:
            return False  # a name nobody allowed
        if self.bind in EVERY_INTERFACE or address.is_loopback:
            return True
        return name == _name_of(self.bind)


def _name_of(host: str) -> str:
    """A ``Host`` header's name, without its port: ``[::1]:8765`` -> ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):  # an IPv6 address, perhaps with a port
        return host[1:].split("]", 1)[0]
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


class HostCheck:
    """ASGI middleware: requests for names the server does not answer to get 421 (see above)."""

    def __init__(self, app, names: HostNames):
        self.app = app
        self.names = names

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        if self.names.allows(host):
            return await self.app(scope, receive, send)
        if scope["type"] == "websocket":
            await receive()  # websocket.connect
            await send({"type": "websocket.close", "code": 1008})
            return
        body = (
            f"This glassnet server does not answer to the name {host[:100]!r}. If that name is "
            "right, start glassnet with --allow-host NAME (see docs/serving.md)."
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 421,
                "headers": [(b"content-type", b"text/plain; charset=utf-8")],
            }
        )
        await send({"type": "http.response.body", "body": body})
