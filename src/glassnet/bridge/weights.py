"""Weights and biases as plain files, for anyone's own code: JSON and CSV.

Both list every layer of weights in order, in Keras's and TensorFlow.js's
layout: ``weights[i][j]`` joins neuron ``i`` of one layer to neuron ``j`` of
the next (PyTorch's ``nn.Linear.weight`` is the transpose). This module knows
the engine's ``Network``; nothing else.
"""

from __future__ import annotations

import csv
import io
import json

from ..engine import Network


def weights_json(network: Network, feature_names=None) -> str:
    """The network's layers as JSON: sizes, activations, loss, and every weight and bias."""
    document = {
        "layer_sizes": network.layer_sizes,
        "inputs": list(feature_names) if feature_names else None,
        "loss": network.loss.name,
        "layers": [
            {
                "activation": layer.activation.name,
                "weights": layer.weights.tolist(),  # [n_in][n_out]
                "biases": layer.biases.tolist(),
            }
            for layer in network.layers
        ],
    }
    return json.dumps(document, indent=1)


def weights_csv(network: Network) -> str:
    """One row per weight and per bias: layer, kind, source, target, value.

    A bias has no source neuron: its ``source`` is empty.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["layer", "kind", "source", "target", "value"])
    for k, layer in enumerate(network.layers):
        n_in, n_out = layer.weights.shape
        for i in range(n_in):
            for j in range(n_out):
                writer.writerow([k, "weight", i, j, repr(float(layer.weights[i, j]))])
        for j in range(n_out):
            writer.writerow([k, "bias", "", j, repr(float(layer.biases[j]))])
    return out.getvalue()
