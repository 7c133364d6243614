"""Controllers: OSC and a serial device (an Arduino) drive a session (docs/controllers.md).

- ``view.py``: a controller's view of a session in the web process: which
  session, its requests coalesced within the limits, the session's answers
- ``commands.py``: the commands every controller understands, and their checks
- ``osc.py``: OSC over UDP in, and out to ``--osc-send``
- ``serial.py``: text lines from a serial device, with pyserial

A controller goes into its session the way a page does (through the pool, as
one more view), so the session checks everything it asks; nothing here knows
about neural networks.
"""

from .osc import OscOptions
from .serial import SerialOptions

__all__ = ["OscOptions", "SerialOptions"]
