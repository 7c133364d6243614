"""A Playground's Python arguments as a session: points from arrays, one activation, settings."""

import numpy as np
import pytest

from glassnet.playground_setup import session_for
from glassnet.session import SessionError


def test_one_activation_goes_to_every_hidden_layer():
    session = session_for(activation="relu", hidden_layers=[4, 3])
    assert list(session.settings.activations) == ["relu", "relu"]
    assert session.network.activation_names[:2] == ["relu", "relu"]
    with pytest.raises(TypeError, match="activation .* or activations, not both"):
        session_for(activation="relu", activations=["tanh"])


def test_arrays_are_the_points_and_the_other_keywords_are_settings():
    X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 1.0]])
    session = session_for(X, np.array([0, 1, 0, 1]), learning_rate=0.3)
    assert session.points.source == "file" and session.points.base.n_points == 4
    assert session.settings.dataset == "custom" and session.settings.learning_rate == 0.3
    assert session.take_notices() == []


def test_a_bad_setting_raises_the_sessions_own_sentence():
    with pytest.raises(SessionError, match="learning_rate"):
        session_for(learning_rate="fast")
