"""Weights as JSON and CSV give back the network's exact numbers."""

import csv
import io
import json

import numpy as np

from glassnet.bridge.weights import weights_csv, weights_json
from glassnet.engine import Network


def test_json_holds_every_layer_in_keras_layout_exactly():
    net = Network([3, 4, 2], activation="relu", seed=5)
    doc = json.loads(weights_json(net, ["r", "g", "b"]))
    assert doc["layer_sizes"] == [3, 4, 2] and doc["inputs"] == ["r", "g", "b"]
    for layer, entry in zip(net.layers, doc["layers"]):
        np.testing.assert_array_equal(np.array(entry["weights"]), layer.weights)
        np.testing.assert_array_equal(np.array(entry["biases"]), layer.biases)
        assert entry["activation"] == layer.activation.name


def test_csv_has_one_row_per_number_and_rebuilds_the_arrays():
    net = Network([2, 3, 1], seed=2)
    net.layers[0].biases[:] = [0.1, -0.2, 1 / 3]
    rows = list(csv.DictReader(io.StringIO(weights_csv(net))))
    assert len(rows) == sum(p.size for p in net.parameters())
    for row in rows:
        layer = net.layers[int(row["layer"])]
        value = float(row["value"])
        if row["kind"] == "weight":
            assert value == layer.weights[int(row["source"]), int(row["target"])]
        else:
            assert row["source"] == "" and value == layer.biases[int(row["target"])]
