"""A session records its weights as it trains; undo, explained steps and saving keep them."""

import copy
import json
from pathlib import Path

import numpy as np
import pytest

from glassnet.session import Session, SessionError

FIXTURES = Path(__file__).parents[1] / "fixtures"


def flat(network):
    return np.concatenate([p.ravel() for p in network.parameters()])


def test_each_epoch_trained_is_recorded_with_the_weights_it_ended_with():
    s = Session({"dataset": "xor"})
    seen = {0: flat(s.network)}
    for epoch in range(1, 6):
        s.step()
        seen[epoch] = flat(s.network)
    recording = s.training.recording
    assert [k.epoch for k in recording.keyframes] == list(range(6))
    for k in recording.keyframes:
        np.testing.assert_array_equal(k.parameters, seen[k.epoch])


def test_a_typed_weight_replaces_the_keyframe_of_its_epoch():
    s = Session({"dataset": "xor"})
    s.step()
    s.set_weight(0, 0, 0, 2.5)
    last = s.training.recording.keyframes[-1]
    assert last.epoch == 1 and last.parameters[0] == 2.5


def test_undo_brings_back_the_recording_as_it_was():
    s = Session({"dataset": "xor"})
    for _ in range(3):
        s.step()
    s.reset()  # a new run: a new recording
    assert [k.epoch for k in s.training.recording.keyframes] == [0]
    s.undo()
    assert [k.epoch for k in s.training.recording.keyframes] == [0, 1, 2, 3]
    np.testing.assert_array_equal(s.training.recording.keyframes[-1].parameters, flat(s.network))


def test_reverting_an_explained_epoch_forgets_its_keyframe():
    s = Session({"dataset": "xor"})
    s.step()
    record = s.explain(0, "epoch")
    s.apply_step(record.id)
    assert s.training.recording.keyframes[-1].epoch == 2
    s.revert_step(record.id)
    assert [k.epoch for k in s.training.recording.keyframes] == [0, 1]


def test_a_saved_session_keeps_its_recording_exactly():
    s = Session({"dataset": "circle"})
    for _ in range(7):
        s.step()
    document = json.loads(json.dumps(s.save()))
    assert document["version"] == 3 and document["recording"]["epochs"] == list(range(8))
    again = Session()
    again.restore(document)
    mine, theirs = s.training.recording.keyframes, again.training.recording.keyframes
    assert [k.epoch for k in mine] == [k.epoch for k in theirs]
    for a, b in zip(mine, theirs):
        np.testing.assert_array_equal(a.parameters, b.parameters)


def test_a_session_saved_without_its_history_leaves_the_recording_out_too():
    s = Session({"dataset": "xor"})
    s.step()
    assert "recording" not in s.save(include_history=False)


@pytest.mark.parametrize("name", ["session-v1-drawn", "session-v1-xor", "session-v1-file"])
def test_a_version_1_file_loads_with_a_recording_that_starts_at_its_epoch(name):
    document = json.loads((FIXTURES / f"{name}.json").read_text())
    s = Session()
    s.restore(document)
    assert [k.epoch for k in s.training.recording.keyframes] == [document["training"]["epoch"]]


@pytest.mark.parametrize(
    "damage, words",
    [
        (lambda r: r.update(parameters="not base64!"), "damaged"),
        (lambda r: r.update(epochs=r["epochs"][:-1]), "do not fit"),
        (lambda r: r.update(epochs=list(reversed(r["epochs"]))), "go up"),
        (lambda r: r.update(stride=0), "stride"),
        (lambda r: r.pop("epochs"), "missing"),
    ],
)
def test_a_damaged_recording_is_refused_and_nothing_changes(damage, words):
    s = Session({"dataset": "xor"})
    s.step()
    document = copy.deepcopy(s.save())
    damage(document["recording"])
    other = Session({"dataset": "circle"})
    before = flat(other.network)
    with pytest.raises(SessionError, match=words):
        other.restore(document)
    np.testing.assert_array_equal(flat(other.network), before)
