"""The MIDI mappings a page made ("MIDI learn"), kept with the session and in saved sessions.

The page does everything MIDI itself (docs/screens.md, "MIDI"): it listens to the
controller and moves its own controls. The session only keeps the page's list of
mappings, so that a reload and a saved session file bring them back. To the
session the list is opaque data, checked on the way in:

    {"control": "learningRate", "channel": 1, "kind": "cc", "number": 21}

``control`` is one of ``controls.MIDI_CONTROLS``; ``channel`` is the MIDI channel
as musicians count it, 1 to 16; ``kind`` is ``"cc"`` (a Control Change: a knob or
fader) or ``"note"`` (a pad or key); ``number`` is the controller's or note's
number, 0 to 127.
"""

from __future__ import annotations

from typing import Any

from .. import limits
from ..controls import MIDI_CONTROLS
from .errors import SessionError

KINDS = ("cc", "note")
"""What a mapping listens to: a Control Change (knob, fader) or a note (pad, key)."""

FIELDS = ("control", "channel", "kind", "number")


class MidiError(SessionError):
    """A list of MIDI mappings that cannot be kept; the message says what is allowed."""


def read_midi(value: Any) -> list[dict]:
    """Check a list of MIDI mappings and return a clean copy (only its four fields).

    Raises
    ------
    MidiError
        For anything but a list of at most ``MAX_MIDI_MAPPINGS`` mappings whose
        fields are all there, of the right type and in range.
    """
    if not isinstance(value, list):
        raise MidiError(f"The MIDI mappings must be a list, not {type(value).__name__}.")
    if len(value) > limits.MAX_MIDI_MAPPINGS:
        raise MidiError(
            f"There are {len(value)} MIDI mappings; a session keeps at most "
            f"{limits.MAX_MIDI_MAPPINGS} (MAX_MIDI_MAPPINGS, docs/limits.md)."
        )
    return [_read_mapping(m, i + 1) for i, m in enumerate(value)]


def _read_mapping(m: Any, n: int) -> dict:
    where = f"MIDI mapping {n}"
    if not isinstance(m, dict):
        raise MidiError(f"{where} must be an object with the fields {', '.join(FIELDS)}.")
    missing = [f for f in FIELDS if f not in m]
    if missing:
        raise MidiError(f"{where} has no {', '.join(missing)} (it needs {', '.join(FIELDS)}).")
    control = m["control"]
    if control not in MIDI_CONTROLS:
        raise MidiError(
            f"{where} names the control {str(control)[:40]!r}, which MIDI cannot drive; "
            f"it may drive {', '.join(MIDI_CONTROLS)}."
        )
    if m["kind"] not in KINDS:
        raise MidiError(
            f"{where} has the kind {str(m['kind'])[:20]!r}; a kind is 'cc' (a knob or fader) "
            "or 'note' (a pad or key)."
        )
    return {
        "control": control,
        "channel": _whole(m["channel"], f"the channel of {where}", 1, 16),
        "kind": m["kind"],
        "number": _whole(m["number"], f"the number of {where}", 0, 127),
    }


def _whole(value: Any, what: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise MidiError(f"{what} must be a whole number from {low} to {high}, not {value!r:.40}.")
    return value
