"""Probing one point, read-only followers, and requests only the server answers."""

import json

import numpy as np
from connection_helpers import by_type, started

from glassnet.data.features import compute_features


def test_a_probe_answers_every_neurons_value_for_the_point_as_the_engine_computes_it():
    connection, _ = started({"features": ["x1", "x2", "x1^2"], "hidden_layers": [3, 2]})
    x = [1.25, -2.5]
    probed = by_type(connection.receive(json.dumps({"type": "probe", "x": x})), "probed")[0]
    features = compute_features(np.array([x]), ["x1", "x2", "x1^2"])
    trace = connection.session.network.forward(features)  # the engine itself, as reference
    assert probed["x"] == x and probed["features"] == {"x1": 1.25, "x2": -2.5, "x1^2": 1.5625}
    assert [len(layer["a"]) for layer in probed["layers"]] == [3, 2, 1]
    for layer, z, a in zip(probed["layers"], trace.pre_activations, trace.activations[1:]):
        np.testing.assert_allclose(layer["z"], z[0], rtol=0, atol=1e-15)
        np.testing.assert_allclose(layer["a"], a[0], rtol=0, atol=1e-15)
    assert probed["output"] == probed["layers"][-1]["a"]


def test_a_probe_outside_the_view_or_with_the_wrong_length_is_refused_and_changes_nothing():
    connection, _ = started()
    version = connection.session.version
    for x in ([1.0], [1.0, 2.0, 3.0], [1e9, 0.0]):
        errors = by_type(connection.receive(json.dumps({"type": "probe", "x": x})), "error")
        assert errors and errors[0]["request"] == "probe"
    assert connection.session.version == version


def test_a_read_only_follower_may_read_but_not_change_the_session():
    connection, _ = started()
    connection.follower, connection.read_only = True, True
    before = connection.session.settings
    replies = connection.receive(json.dumps({"type": "set", "changes": {"learning_rate": 0.3}}))
    error = by_type(replies, "error")[0]
    assert error["request"] == "set" and "read-only" in error["message"]
    assert by_type(replies, "settings")  # the view takes back what it showed
    assert by_type(replies, "role") == [{"type": "role", "role": "follower", "control": False}]
    assert connection.session.settings == before
    assert by_type(connection.receive('{"type": "save"}'), "saved")


def test_sharing_is_answered_only_by_the_server():
    connection, _ = started()
    for raw in ('{"type": "share", "control": true}', '{"type": "unshare"}'):
        error = by_type(connection.receive(raw), "error")[0]
        assert "glassnet server" in error["message"]
