"""Session state as plain data for JSON: the points, and the numbers of an explained step.

Everything a view is sent about a session passes through here or ``connection.py``.
"""

from __future__ import annotations

import math

import numpy as np

from ..engine import ChainRule, DeltaBreakdown
from ..session import Session
from ..session.explain import StepPreview


def data_message(s: Session) -> dict:
    """The points of a session, with which train and which test."""
    points = s.points
    inputs = points.all_inputs()
    targets = points.all_targets()
    return {
        "type": "data",
        "version": s.data_version,
        "name": points.base.name,
        "source": points.source,
        "problem": points.problem,
        "kind": s.kind,
        "input_names": list(points.base.input_names),
        "class_names": list(points.base.class_names) or _class_names(s),
        "points": inputs.tolist(),
        "targets": targets.tolist(),
        "train": s.train_indices.tolist(),
        "test": s.test_indices.tolist(),
        "n_base": points.base.n_points,
    }


def _class_names(s: Session) -> list[str]:
    return [str(i) for i in range(s.n_classes)]


def finite_or_none(value):
    """The value, or None for NaN and infinities: JSON has neither, a missing value is null."""
    return value if value is None or math.isfinite(value) else None


def explanation_message(s: Session, p: StepPreview) -> dict:
    """Every number of one explained step (docs/protocol.md, ``explanation``).

    ``layers[i]`` describes layer of weights i for the chosen point alone: the
    weighted sums ``z``, the activations ``a``, the slopes f'(z), the deltas,
    the weights and biases used, and this point's own gradients.
    """
    net = p.network
    forward, backward = p.forward, p.backward
    layers = []
    for i, layer in enumerate(net.layers):
        z = forward.pre_activations[i][0]
        a = forward.activations[i + 1][0]
        layers.append(
            {
                "activation": layer.activation.name,
                "z": z.tolist(),
                "a": a.tolist(),
                "slope": layer.activation.derivative(z, a).tolist(),
                "delta": backward.deltas[i][0].tolist(),
                "weights": layer.weights.tolist(),
                "biases": layer.biases.tolist(),
                "weight_grads": backward.weight_grads[i].tolist(),
                "bias_grads": backward.bias_grads[i].tolist(),
            }
        )
    label = s.points.all_targets()[p.point]
    return {
        "type": "explanation",
        "id": p.id,
        "point": p.point,
        "size": p.size,
        "trains": p.trains,
        "x": s.points.all_inputs()[p.point].tolist(),
        "features": list(s.settings["features"]),
        "inputs": forward.activations[0][0].tolist(),
        "target": np.atleast_1d(p.target).tolist(),
        "label": label.item(),
        "kind": s.kind,
        "layer_sizes": net.layer_sizes,
        "loss": {
            "name": net.loss.name,
            "formula": net.loss.formula,
            "value": backward.loss,
            "output_error": backward.output_error[0].tolist(),
            "fused": net.loss.fused_with == net.layers[-1].activation.name,
        },
        "layers": layers,
        "update": _update(p),
        "batch": _batch(p),
        "parameters_before": _flat(p.before),
        "parameters_after": None if p.after is None else _flat(p.after),
        "metrics_before": {k: finite_or_none(v) for k, v in p.metrics_before.items()},
        "output_after": None if p.output_after is None else p.output_after.tolist(),
        "metrics_after": None
        if p.metrics_after is None
        else {k: finite_or_none(v) for k, v in p.metrics_after.items()},
    }


def _update(p: StepPreview) -> dict | None:
    """How every weight and bias changed: before, gradient, regularization, step, after."""
    if p.step is None:
        return None
    step = p.step
    return {
        "learning_rate": step.learning_rate,
        "optimizer": step.optimizer,
        "regularization": step.regularization,
        "penalty": step.penalty,
        "loss": step.loss,
        "layers": [
            {
                part: {
                    "before": u.before.tolist(),
                    "gradient": u.gradient.tolist(),
                    "regularization": u.regularization.tolist(),
                    "step": u.step.tolist(),
                    "after": u.after.tolist(),
                }
                for part, u in (("weights", layer.weights), ("biases", layer.biases))
            }
            for layer in step.updates
        ],
    }


def _batch(p: StepPreview) -> dict:
    """The points the step trained on and, for a batch, each one's own gradient."""
    batch = {"indices": p.batch.tolist(), "size": len(p.batch)}
    if p.shares is not None and p.size == "batch":
        batch["weight_grads"] = [g.tolist() for g in p.shares.weight_grads]
        batch["bias_grads"] = [g.tolist() for g in p.shares.bias_grads]
    return batch


def chain_message(p: StepPreview, rule: ChainRule) -> dict:
    """The chain rule behind one weight's gradient, for the explained point."""
    paths = None
    if rule.paths is not None:
        paths = [
            {
                "units": list(path.units),
                "hops": [
                    {"kind": h.kind, "layer": h.layer, "unit": h.unit, "value": h.value}
                    for h in path.hops
                ],
                "product": path.product,
            }
            for path in rule.paths
        ]
    return {
        "type": "chain",
        "id": p.id,
        "layer": rule.layer,
        "source": rule.source,
        "target": rule.target,
        "gradient": rule.gradient,
        "input_value": rule.input_value,
        "delta": rule.delta,
        "path_count": rule.path_count,
        "paths": paths,
        "path_sum": rule.path_sum,
    }


def delta_message(p: StepPreview, b: DeltaBreakdown) -> dict:
    """How one neuron's delta comes from the layer after it, for the explained point."""
    return {
        "type": "delta",
        "id": p.id,
        "layer": b.layer,
        "unit": b.unit,
        "z": b.z,
        "activation": b.activation,
        "derivative": b.derivative,
        "delta": b.delta,
        "terms": [
            {"unit": t.unit, "weight": t.weight, "next_delta": t.next_delta, "product": t.product}
            for t in b.terms
        ],
        "output_error": b.output_error,
        "fused": b.fused,
    }


def _flat(parameters) -> list:
    return np.concatenate([p.ravel() for p in parameters]).tolist()
