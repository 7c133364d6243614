"""The session's views as messages: the one place where they become JSON-ready data.

The session hands out frozen view objects (``FrameView``, ``DataView``, an
explained ``StepRecord``, the engine's ``ChainRule`` and ``DeltaBreakdown``);
each function here turns one into a message of docs/protocol.md. Numbers are
copied as they are, never computed again: a missing value (NaN, infinity)
becomes null.
"""

from __future__ import annotations

import math

import numpy as np

from ..engine import ChainRule, DeltaBreakdown
from ..session.history import History
from ..session.preview import StepRecord
from ..session.views import Alert, DataView, FrameView, Metrics, ProbeView
from .wire import Outgoing

OUTGOING = (
    "welcome", "settings", "data", "frame", "saved", "notice", "error",
    "explanation", "chain", "delta", "exported", "lessons", "lesson", "lesson_closed", "busy",
    "probed", "role", "shared",
)  # fmt: skip
"""Every message type a session sends to a view."""


def finite_or_none(value):
    """The value, or None for NaN and infinities: JSON has neither, a missing value is null."""
    return value if value is None or math.isfinite(value) else None


def busy_message(why: str | None) -> Outgoing:
    """The session is trained from elsewhere (``why`` says how), or, with None, no longer.

    While busy, a view's controls are inert: a notebook's ``pg.train`` holds the
    kernel, so nothing the view asked would be heard until it ends.
    """
    return Outgoing({"type": "busy", "busy": why is not None, "message": why})


def data_message(view: DataView) -> dict:
    """The points, with which train and which test."""
    return {
        "type": "data",
        "version": view.version,
        "name": view.name,
        "source": view.source,
        "problem": view.problem,
        "kind": view.kind,
        "input_names": list(view.input_names),
        "class_names": list(view.class_names),
        "points": view.points.tolist(),
        "targets": view.targets.tolist(),
        "train": view.train.tolist(),
        "test": view.test.tolist(),
        "n_base": view.n_base,
        "normalization": normalization_message(view.normalization),
    }


def normalization_message(norm) -> dict | None:
    """Each input's raw range (and a regression target's), or None without one."""
    if norm is None:
        return None
    return {
        "input_min": list(norm.input_min),
        "input_max": list(norm.input_max),
        "target_min": norm.target_min,
        "target_max": norm.target_max,
    }


def frame_message(view: FrameView, history_start: int, binary: bool) -> Outgoing:
    """A frame, with the history from entry ``history_start`` on.

    With ``binary`` the parameters travel as one buffer of little-endian float64.
    """
    message = {
        "type": "frame",
        "version": view.version,
        "epoch": view.epoch,
        "playing": view.playing,
        "metrics": metrics_message(view.metrics),
        "history": history_piece(view.history, history_start),
        "network": {
            "layer_sizes": view.network.layer_sizes,
            "activations": view.network.activations,
            "loss": view.network.loss,
            "features": list(view.network.features),
            "n_raw_inputs": view.network.n_raw_inputs,
        },
        "undo": view.undo,
        "redo": view.redo,
        "alert": alert_message(view.alert),
    }
    parameters = view.network.parameters
    if binary:
        message["parameters"] = {"buffer": 0, "dtype": "float64", "length": parameters.size}
        return Outgoing(message, [parameters.astype("<f8").tobytes()])
    message["parameters"] = [finite_or_none(v) for v in parameters.tolist()]
    return Outgoing(message)


def probe_message(p: ProbeView) -> dict:
    """Every neuron's value for one point (the answer to ``probe``)."""
    layers = [
        {"z": [finite_or_none(v) for v in z], "a": [finite_or_none(v) for v in a]}
        for z, a in zip(p.pre_activations, p.activations)
    ]
    return {
        "type": "probed",
        "version": p.version,
        "epoch": p.epoch,
        "x": list(p.point),
        "features": dict(zip(p.feature_names, p.features)),
        "layers": layers,
        "output": layers[-1]["a"],
    }


def metrics_message(metrics: Metrics) -> dict:
    """Loss and accuracy by name, null where there is no such value."""
    return {k: finite_or_none(v) for k, v in metrics.as_dict().items()}


def alert_message(alert: Alert | None) -> dict | None:
    """``{kind, message}``, with ``reason`` for a divergence; None without an alert."""
    if alert is None:
        return None
    message = {"kind": alert.kind, "message": alert.message}
    if alert.reason is not None:
        message["reason"] = alert.reason
    return message


def history_piece(history: History, start: int) -> dict:
    """The history's entries from ``start`` on, and where they go (docs: frame.history)."""
    return {"start": start, "stride": history.stride, **history.since(start)}


def explanation_message(p: StepRecord) -> dict:
    """Every number of one explained step (docs/protocol.md, ``explanation``).

    ``layers[i]`` describes layer of weights i for the chosen point alone: the
    weighted sums ``z``, the activations ``a``, the slopes f'(z), the deltas,
    the weights and biases used, and this point's own gradients.
    """
    net, forward, backward = p.network, p.forward, p.backward
    layers = [
        {
            "activation": layer.activation.name,
            "z": forward.pre_activations[i][0].tolist(),
            "a": forward.activations[i + 1][0].tolist(),
            "slope": forward.slopes[i][0].tolist(),
            "delta": backward.deltas[i][0].tolist(),
            "weights": layer.weights.tolist(),
            "biases": layer.biases.tolist(),
            "weight_grads": backward.weight_grads[i].tolist(),
            "bias_grads": backward.bias_grads[i].tolist(),
        }
        for i, layer in enumerate(net.layers)
    ]
    return {
        "type": "explanation",
        "id": p.id,
        "point": p.point,
        "size": p.size,
        "trains": p.trains,
        "x": p.raw.tolist(),
        "features": list(p.feature_names),
        "inputs": forward.activations[0][0].tolist(),
        "target": np.atleast_1d(p.target).tolist(),
        "label": p.label,
        "kind": p.kind,
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
        "metrics_before": metrics_message(p.metrics_before),
        "output_after": None if p.output_after is None else p.output_after.tolist(),
        "loss_after": p.loss_after,
        "metrics_after": None if p.metrics_after is None else metrics_message(p.metrics_after),
    }


def _update(p: StepRecord) -> dict | None:
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


def _batch(p: StepRecord) -> dict:
    """The points the step trained on and, for a batch, each one's own gradient."""
    batch = {"indices": p.batch.tolist(), "size": len(p.batch)}
    if p.shares is not None and p.size == "batch":
        batch["weight_grads"] = [g.tolist() for g in p.shares.weight_grads]
        batch["bias_grads"] = [g.tolist() for g in p.shares.bias_grads]
    return batch


def chain_message(p: StepRecord, rule: ChainRule) -> dict:
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


def delta_message(p: StepRecord, b: DeltaBreakdown, protocol: int = 2) -> dict:
    """How one neuron's delta comes from the layer after it, for the explained point.

    Protocol version 1 called the slope ``derivative``.
    """
    return {
        "type": "delta",
        "id": p.id,
        "layer": b.layer,
        "unit": b.unit,
        "z": b.z,
        "activation": b.activation,
        "slope" if protocol >= 2 else "derivative": b.slope,
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
