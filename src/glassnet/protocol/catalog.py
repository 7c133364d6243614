"""The catalog: everything a view needs to offer choices, built from the registries."""

from __future__ import annotations

import numpy as np

from .. import limits
from ..controls import describe_controls
from ..data import DATASETS, FEATURES, VIEW, generate
from ..engine import ACTIVATIONS, HIDDEN_ACTIVATIONS, LOSSES, OPTIMIZERS, REGULARIZERS
from ..session import SETTINGS
from ..session.rules import OUTPUTS
from ..session.settings import SPEEDS

_CATALOG: dict | None = None


def catalog() -> dict:
    """Everything a view needs to offer choices: built once from the registries."""
    global _CATALOG
    if _CATALOG is None:
        _CATALOG = {
            "datasets": [_dataset_entry(spec) for spec in DATASETS.values()],
            "features": [
                {"name": f.name, "label": f.label, "needs": list(f.needs)}
                for f in FEATURES.values()
            ],
            "activations": [
                {
                    "name": a.name,
                    "label": a.label,
                    "formula": a.formula,
                    "derivative_formula": a.derivative_formula,
                    "hidden": a.name in HIDDEN_ACTIVATIONS,
                }
                for a in ACTIVATIONS.values()
            ],
            "losses": [{"name": loss.name, "formula": loss.formula} for loss in LOSSES.values()],
            "outputs": {kind: [list(p) for p in pairs] for kind, pairs in OUTPUTS.items()},
            "optimizers": list(OPTIMIZERS),
            "regularizers": [{"name": r.name, "formula": r.formula} for r in REGULARIZERS.values()],
            "speeds": list(SPEEDS),
            "settings": settings_table(),
            "controls": describe_controls(),
            "view": list(VIEW),
            "limits": {n: getattr(limits, n) for n in dir(limits) if n.isupper()},
        }
    return _CATALOG


def settings_table() -> list[dict]:
    """Every setting as plain data: kind, default, range or choices, label, help, rebuilds."""
    return [s.describe() for s in SETTINGS.values()]


def _dataset_entry(spec) -> dict:
    """A dataset's description and a small picture of it (120 points, no noise)."""
    options = {"classes": 3} if "classes" in spec.options else {}
    preview = generate(spec.name, n=120, noise=0, seed=1, **options)
    return {
        "name": spec.name,
        "label": spec.label,
        "problem": spec.problem,
        "classes": spec.classes,
        "inputs": spec.inputs,
        "options": list(spec.options),
        "description": spec.description,
        "preview": {
            # Rounded: it is a thumbnail.
            "points": np.round(preview.inputs, 2).tolist(),
            "targets": np.round(preview.targets, 3).tolist(),
        },
    }
