"""Training: epochs on a workspace, the history, and a watch for trouble."""

import numpy as np
import pytest

from glassnet.engine import Trainer
from glassnet.session import SessionError, Settings
from glassnet.session.rules import check_changes
from glassnet.session.training import Training
from glassnet.session.workspace import Workspace, generated_points


def setup(**changes):
    settings = check_changes(Settings(), changes, generated_points(Settings()))
    workspace = Workspace.build(settings, generated_points(settings))
    return settings, workspace, Training(settings, workspace)


def test_an_epoch_is_the_engines_epoch_on_the_training_points():
    settings, w, t = setup()
    twin = Trainer(t.network.copy(), seed=settings.seed + 3, batch_size=10, learning_rate=0.03)
    t.train_epochs(2, w)
    twin.fit(w.features[w.train], w.targets[w.train], epochs=2)
    for a, b in zip(t.network.parameters(), twin.network.parameters()):
        np.testing.assert_array_equal(a, b)
    assert t.epoch == 2 and t.history.epochs == [0, 1, 2]


def test_configuring_keeps_the_weights_and_changes_how_it_trains():
    settings, w, t = setup()
    t.train_epochs(1, w)
    before = t.parameters()
    t.configure(settings.replace(activations=("relu", "relu"), learning_rate=0.5), w)
    assert t.has_parameters(before)
    assert t.network.activation_names == ["relu", "relu", "sigmoid"]
    assert t.trainer.learning_rate == 0.5


def test_a_run_stops_at_what_is_due_or_when_the_time_is_spent():
    _, w, t = setup()
    assert t.run(3, 10.0, lambda: 0.0, w) == 3
    now = iter(np.arange(0.0, 100.0, 1.0))
    assert t.run(50, 2.5, lambda: next(now), w) == 3  # at least one epoch, then the clock


def test_divergence_puts_the_weights_back_and_pauses_with_a_reason():
    _, w, t = setup(dataset="plane", learning_rate=10.0, hidden_layers=[8, 8])
    for _ in range(200):
        before = t.parameters()
        if t.train_epochs(1, w) == 0:
            break
    assert t.alert.kind == "diverged" and t.alert.pauses and t.alert.reason in ("loss", "weights")
    assert t.has_parameters(before)


def test_no_training_points_is_an_alert_not_an_error():
    settings = Settings().replace(dataset="custom")
    from glassnet.session.points import Points
    from glassnet.session.workspace import empty_dataset

    w = Workspace.build(settings, Points.of(empty_dataset("classification", 2), "drawn"))
    t = Training(settings, w)
    assert t.train_epochs(1, w) == 0 and t.alert.kind == "no_data"


def test_typed_weights_are_checked_against_the_network():
    _, _, t = setup()
    assert t.check_weight(0, 1, 3, 2) == 2.0
    with pytest.raises(SessionError, match="target must be a whole number from 0 to 3"):
        t.check_weight(0, 0, 4, 1.0)
    with pytest.raises(SessionError, match="A bias must be a number from -1000 to 1000"):
        t.check_bias(1, 0, float("nan"))
