"""OSC in and out: ``glassnet --osc-port 9000 [--osc-send HOST:PORT]`` (docs/controllers.md).

Packets arrive on a UDP port (127.0.0.1 unless ``--osc-host`` says otherwise)
and become the commands of ``commands.py``: ``/glassnet/play``,
``/glassnet/pause``, ``/glassnet/step``, ``/glassnet/set SETTING VALUE``,
``/glassnet/point X Y`` and ``/glassnet/join CODE`` (drive a shared session).
With ``--osc-send``, each frame goes out as
``/glassnet/epoch`` and ``/glassnet/loss``, and the activations for the current
point as ``/glassnet/activations`` (one message per layer) and
``/glassnet/output``. A bad packet is logged with the reason and changes nothing.
"""

from __future__ import annotations

import asyncio
import logging
import math
from dataclasses import dataclass

from pythonosc.osc_packet import OscPacket, ParseError
from pythonosc.udp_client import SimpleUDPClient

from ..workers import Registry, WorkerPool
from .commands import ALLOWED, carry_out
from .view import ControllerView

log = logging.getLogger("glassnet.controllers")

PREFIX = "/glassnet/"


@dataclass(frozen=True)
class OscOptions:
    """Where OSC comes in (``host``, ``port``), where it goes (``send``), which session."""

    port: int
    host: str = "127.0.0.1"
    send: tuple[str, int] | None = None
    session: str | None = None

    async def start(self, pool: WorkerPool, registry: Registry) -> OscController:
        controller = OscController(self, pool, registry)
        await controller.start()
        return controller


class OscController(asyncio.DatagramProtocol):
    """The OSC port, the view it drives, and the client it answers to."""

    def __init__(self, options: OscOptions, pool: WorkerPool, registry: Registry):
        self.options = options
        self.out = SimpleUDPClient(*options.send) if options.send else None
        sending = self.out is not None
        self.view = ControllerView(
            "OSC",
            pool,
            registry,
            options.session,
            on_frame=self.frame if sending else None,
            on_probed=self.probed if sending else None,
        )
        self.transport: asyncio.DatagramTransport | None = None

    async def start(self):
        loop = asyncio.get_running_loop()
        address = (self.options.host, self.options.port)
        try:
            endpoint = await loop.create_datagram_endpoint(lambda: self, local_addr=address)
        except OSError as error:  # the port is taken: the server runs on without OSC
            log.error("OSC: cannot listen on %s:%d: %s.", *address, error.strerror)
            return
        self.transport = endpoint[0]
        self.view.start()
        log.info("OSC listens on %s:%d.", *address)

    def stop(self):
        if self.transport is not None:
            self.transport.close()
        if self.out is not None:
            self.out.close()
        self.view.stop()

    # -- in --------------------------------------------------------------------------

    def datagram_received(self, data: bytes, addr):
        try:
            messages = [timed.message for timed in OscPacket(data).messages]
        except ParseError as error:
            log.warning("OSC from %s:%d: not an OSC packet (%s); ignored.", *addr[:2], error)
            return
        for message in messages:
            problem = self.receive(message.address, [_decimal(v) for v in message.params])
            if problem:
                log.warning("OSC %s from %s:%d ignored: %s", message.address, *addr[:2], problem)

    def receive(self, address: str, values: list) -> str | None:
        """Carry out one OSC message; return why it was refused (None: taken)."""
        if not address.startswith(PREFIX):
            return f"glassnet's addresses start with {PREFIX}: {PREFIX}" + ALLOWED.replace(
                ", ", f", {PREFIX}"
            )
        return carry_out(self.view, address.removeprefix(PREFIX), values)

    # -- out -------------------------------------------------------------------------

    def frame(self, frame: dict):
        self._send("epoch", int(frame["epoch"]))
        loss = (frame.get("metrics") or {}).get("train_loss")
        if loss is not None:
            self._send("loss", float(loss))

    def probed(self, probed: dict):
        for index, layer in enumerate(probed["layers"]):
            self._send("activations", [index, *map(float, layer["a"])])
        self._send("output", [float(a) for a in probed["output"]])

    def _send(self, name: str, values):
        try:
            self.out.send_message(PREFIX + name, values)
        except OSError as error:  # a full buffer, an unreachable network: this one is lost
            log.warning("OSC: could not send %s%s to %s:%d: %s", PREFIX, name, *self.options.send,
                        error)  # fmt: skip


def _decimal(value):
    """An OSC float (32 bits) as the decimal it was sent as: 0.3, not 0.30000001192092896."""
    if isinstance(value, float) and math.isfinite(value):
        return float(f"{value:.7g}")  # 7 significant digits: what a 32-bit float holds
    return value
