"""MIDI mappings: kept by the session, saved in session files (version 3), checked on load."""

import copy
import json
from pathlib import Path

import numpy as np
import pytest

from glassnet import limits
from glassnet.controls import CONTROLS, MIDI_CONTROLS
from glassnet.session import Session, SessionError

FIXTURES = Path(__file__).parents[1] / "fixtures"

MAPPINGS = [
    {"control": "learningRate", "channel": 1, "kind": "cc", "number": 21},
    {"control": "playButton", "channel": 10, "kind": "note", "number": 36},
]


def test_midi_controls_are_known_controls():
    assert set(MIDI_CONTROLS) <= set(CONTROLS)


def test_mappings_go_round_a_saved_file_in_format_version_3():
    s = Session({"dataset": "xor"})
    s.step()
    s.set_midi(MAPPINGS)
    document = json.loads(json.dumps(s.save()))
    assert document["version"] == 3
    assert document["midi"] == MAPPINGS
    other = Session()
    other.restore(document)
    assert other.midi == MAPPINGS
    for a, b in zip(s.network.parameters(), other.network.parameters()):
        np.testing.assert_array_equal(a, b)


def test_a_session_without_mappings_saves_no_midi_field():
    assert "midi" not in Session().save()


def test_only_the_four_fields_of_a_mapping_are_kept():
    s = Session()
    s.set_midi([{**MAPPINGS[0], "colour": "red"}])
    assert s.midi == [MAPPINGS[0]]


@pytest.mark.parametrize(
    "name", ["session-v2-xor", "session-v1-drawn", "session-v1-xor", "session-v1-file"]
)
def test_older_files_still_load_and_leave_the_mappings_as_they_are(name):
    document = json.loads((FIXTURES / f"{name}.json").read_text())
    assert document["version"] < 3 and "midi" not in document
    s = Session()
    s.set_midi(MAPPINGS)
    s.restore(document)
    assert s.settings.to_dict() == document["settings"]
    assert s.epoch == document["training"]["epoch"]
    for mine, theirs in zip(s.network.parameters(), document["network"]["parameters"]):
        np.testing.assert_array_equal(mine, np.array(theirs))
    assert s.midi == MAPPINGS
    s.step()  # and it trains on


def test_the_version_2_fixture_keeps_its_recording():
    document = json.loads((FIXTURES / "session-v2-xor.json").read_text())
    s = Session()
    s.restore(document)
    assert [k.epoch for k in s.training.recording.keyframes] == document["recording"]["epochs"]


def test_a_file_with_an_empty_midi_list_clears_the_mappings():
    s = Session()
    document = s.save()
    document["midi"] = []
    s.set_midi(MAPPINGS)
    s.restore(document)
    assert s.midi == []


BAD = [
    ("not a list", "must be a list"),
    ([{"control": "noise", "channel": 1, "kind": "cc"}], "has no number"),
    ([{"control": "lossChart", "channel": 1, "kind": "cc", "number": 1}], "may drive playButton"),
    ([{"control": "noise", "channel": 0, "kind": "cc", "number": 1}], "from 1 to 16, not 0"),
    ([{"control": "noise", "channel": 1, "kind": "cc", "number": 128}], "from 0 to 127, not 128"),
    ([{"control": "noise", "channel": 1, "kind": "cc", "number": 1.5}], "whole number"),
    ([{"control": "noise", "channel": True, "kind": "cc", "number": 1}], "whole number"),
    ([{"control": "noise", "channel": 1, "kind": "pitch", "number": 1}], "'cc' (a knob"),
    (["noise"], "must be an object"),
    ([MAPPINGS[0]] * (limits.MAX_MIDI_MAPPINGS + 1), "at most 64"),
]


@pytest.mark.parametrize("mappings, words", BAD)
def test_a_file_with_bad_mappings_is_refused_with_what_is_allowed_and_nothing_changes(
    mappings, words
):
    source = Session({"dataset": "xor", "hidden_layers": [5]})
    source.step()
    document = copy.deepcopy(source.save())
    document["midi"] = mappings
    s = Session({"dataset": "circle"})
    s.set_midi(MAPPINGS)
    before = [p.copy() for p in s.network.parameters()]
    with pytest.raises(SessionError, match="MIDI mappings are refused") as error:
        s.restore(document)
    assert words in str(error.value)
    assert s.settings.dataset == "circle" and s.midi == MAPPINGS
    for a, b in zip(before, s.network.parameters()):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("mappings, words", BAD)
def test_set_midi_refuses_bad_mappings_and_keeps_the_old_ones(mappings, words):
    s = Session()
    s.set_midi(MAPPINGS)
    with pytest.raises(SessionError) as error:
        s.set_midi(mappings)
    assert words in str(error.value)
    assert s.midi == MAPPINGS


def test_a_version_2_file_that_holds_midi_ignores_it():
    # The field came with version 3: an older file with one was not written by glassnet.
    document = json.loads((FIXTURES / "session-v2-xor.json").read_text())
    document["midi"] = "whatever"
    s = Session()
    s.restore(document)
    assert s.midi == []
