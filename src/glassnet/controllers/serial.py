"""Serial in (an Arduino): ``glassnet --serial /dev/ttyACM0 [--serial-baud 9600]``.

The device writes one command per line (docs/controllers.md)::

    play            pause           step
    set learning_rate 0.01          (or, shorter: learning_rate 0.01)
    point 1.2 -3.4
    join CODE                       (or join alone: the oldest session)

and each becomes a command of ``commands.py``. A bad line is logged with what
is allowed and changes nothing. After a ``point``, the network's output there
is written back as a line, ``output 0.73`` (one number per output neuron).

pyserial reads in a thread of its own (it blocks); lines go to the server's
event loop. A device that cannot be opened or disappears is logged and opened
again every ``RETRY_SECONDS`` until the server stops.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from dataclasses import dataclass

import serial

from ..workers import Registry, WorkerPool
from .commands import ALLOWED, carry_out
from .view import ControllerView

log = logging.getLogger("glassnet.controllers")

RETRY_SECONDS = 1.0
"""How long to wait before opening a device again that could not be opened or went away."""

MAX_LINE = 200
"""Characters in one line; a longer one is refused (a device that sends no newline)."""

VERBS = ("play", "pause", "step", "set", "point", "join")


@dataclass(frozen=True)
class SerialOptions:
    """The device's path, its speed, and the session to drive (a join code, or the oldest)."""

    device: str
    baud: int = 9600
    session: str | None = None

    async def start(self, pool: WorkerPool, registry: Registry) -> SerialController:
        controller = SerialController(self, pool, registry)
        controller.start()
        return controller


class SerialController:
    """The device, the thread that reads it, and the view it drives."""

    def __init__(self, options: SerialOptions, pool: WorkerPool, registry: Registry):
        self.options = options
        self.view = ControllerView("serial", pool, registry, options.session, on_probed=self.probed)
        self.port: serial.Serial | None = None
        self.stopping = threading.Event()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.thread = threading.Thread(target=self._read, daemon=True, name="glassnet-serial")

    def start(self):
        self.loop = asyncio.get_running_loop()
        self.view.start()
        self.thread.start()

    def stop(self):
        self.stopping.set()
        self.view.stop()
        self.thread.join(timeout=2)

    # -- the reading thread ------------------------------------------------------------

    def _read(self):
        failing = False  # a device that stays away is logged once, not every second
        while not self.stopping.is_set():
            try:
                self.port = serial.Serial(self.options.device, self.options.baud, timeout=0.2)
                log.info("serial: reading %s at %d baud.", self.options.device, self.options.baud)
                failing = False
                self._lines(self.port)
            except (serial.SerialException, OSError) as error:
                if not failing:
                    log.warning(
                        "serial: %s: %s. glassnet tries to open it again every %g s.",
                        self.options.device,
                        error,
                        RETRY_SECONDS,
                    )
                failing = True
            finally:
                if self.port is not None:
                    self.port.close()
                    self.port = None
            self.stopping.wait(RETRY_SECONDS)

    def _lines(self, port: serial.Serial):
        waiting = b""  # a line's start, until its newline comes
        while not self.stopping.is_set():
            waiting += port.read(port.in_waiting or 1)  # at most 0.2 s without a byte
            *lines, waiting = waiting.split(b"\n")
            for line in lines:
                self.loop.call_soon_threadsafe(self.line, line + b"\n")
            if len(waiting) > MAX_LINE:  # no newline in sight: refused as one long line
                self.loop.call_soon_threadsafe(self.line, waiting)
                waiting = b""

    # -- on the event loop -----------------------------------------------------------

    def line(self, raw: bytes):
        """Carry out one line the device wrote (logged with the reason when refused)."""
        text = raw.decode("ascii", "replace").strip()
        problem = self.refusal(text, raw)
        if problem:
            log.warning("serial line %r ignored: %s", text[:MAX_LINE], problem)

    def refusal(self, text: str, raw: bytes) -> str | None:
        if len(raw.rstrip(b"\r\n")) > MAX_LINE or not raw.endswith(b"\n"):
            return f"a line is at most {MAX_LINE} characters, ending with a newline."
        words = text.split()
        if not words:
            return None  # an empty line: nothing to do
        verb, values = words[0], [_value(w) for w in words[1:]]
        if verb == "join":
            values = words[1:]  # a code, as it is (one could look like a number)
        if verb not in VERBS and len(words) == 2:
            verb, values = "set", [words[0], values[0]]  # "learning_rate 0.01"
        if verb not in VERBS:
            return f"a line is one of: {ALLOWED}, or SETTING VALUE."
        return carry_out(self.view, verb, values)

    def probed(self, probed: dict):
        port = self.port
        if port is not None:
            line = "output " + " ".join(f"{a:.4f}" for a in probed["output"]) + "\n"
            try:
                port.write(line.encode())
            except (serial.SerialException, OSError) as error:
                log.warning("serial: could not write to %s: %s", self.options.device, error)


_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|[-+]?(nan|inf)", re.IGNORECASE)


def _value(word: str):
    """A word of a line as a value: a whole number, a number, true or false, or a name."""
    if re.fullmatch(r"[-+]?\d+", word):
        return int(word)
    if _NUMBER.fullmatch(word):
        return float(word)  # nan and inf too, so that the check can say what is wrong
    if word.lower() in ("true", "false"):
        return word.lower() == "true"
    return word
