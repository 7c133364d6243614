"""The workspace: points made into features, targets and a split, all at once."""

import numpy as np

from glassnet.data import compute_features, train_test_split
from glassnet.engine import Network
from glassnet.session import Settings
from glassnet.session.points import Points
from glassnet.session.workspace import (
    SPLIT_SEED,
    Workspace,
    data_key,
    empty_dataset,
    generated_points,
    measure,
)


def build(**changes):
    settings = Settings().replace(**changes)
    return settings, Workspace.build(settings, generated_points(settings))


def test_features_targets_and_split_come_from_the_points_and_the_settings():
    settings, w = build(features=("x1", "x2", "x1*x2"))
    inputs = w.points.all_inputs()
    np.testing.assert_array_equal(w.features, compute_features(inputs, settings.features))
    train, test = train_test_split(len(inputs), 50, settings.seed + SPLIT_SEED)
    np.testing.assert_array_equal(w.train, train)
    np.testing.assert_array_equal(w.test, test)
    np.testing.assert_array_equal(w.targets[:, 0], w.points.all_targets())  # sigmoid: 0/1


def test_targets_are_encoded_for_the_output_they_train():
    _, tanh = build(output_activation="tanh", loss="mse")
    assert set(np.unique(tanh.targets)) == {-1.0, 1.0}
    _, blobs = build(dataset="blobs", classes=4, output_activation="softmax",
                     loss="categorical_crossentropy")  # fmt: skip
    assert blobs.targets.shape[1] == 4 and (blobs.targets.sum(axis=1) == 1).all()
    assert blobs.kind == "multiclass" and blobs.n_outputs == 4


def test_measure_is_the_networks_loss_and_accuracy_on_each_part():
    _, w = build()
    net = Network([2, 3, 1], seed=4)
    m = measure(net, w)
    assert m.train_loss == net.loss_value(w.features[w.train], w.targets[w.train])
    predicted = (net.predict(w.features[w.test])[:, 0] > 0.5).astype(int)
    assert m.test_accuracy == np.mean(predicted == w.points.all_targets()[w.test])


def test_measure_leaves_out_what_does_not_exist():
    settings = Settings().replace(dataset="custom")
    w = Workspace.build(settings, Points.of(empty_dataset("classification", 2), "drawn"))
    m = measure(Network([2, 1]), w)
    assert m.train_loss is None and m.test_accuracy is None


def test_the_same_points_and_split_are_the_same_data():
    settings, w = build()
    again = Workspace.build(settings.replace(learning_rate=0.3), w.points)
    assert again.same_data(w)
    other = Workspace.build(settings.replace(train_percent=70), w.points)
    assert not other.same_data(w)


def test_noise_and_seed_mean_nothing_to_drawn_points():
    drawn = Settings().replace(dataset="custom")
    assert data_key(drawn) == data_key(drawn.replace(noise=30, seed=9))
    assert data_key(Settings()) != data_key(Settings().replace(noise=30))
    assert data_key(Settings()) == data_key(Settings().replace(classes=5))  # circle has 2
