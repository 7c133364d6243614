"""Explaining one step of training with the real numbers: a preview, then apply or go back.

To explain a step, the session first *previews* it: it trains a copy of the
network on the chosen point (or the point's batch, or a whole epoch) and keeps
every number the engine recorded, while the real network stays as it was. A
view animates the preview stage by stage. When the animation passes the update,
the view asks to *apply* it: the real network takes exactly the weights the
preview computed. Stepping back before the update *reverts* to the weights the
preview recorded as "before". The preview does both itself.

Every number here comes from the engine's traces; nothing is re-derived.
This module knows the engine, the workspace and the training; nothing about the web.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import limits
from ..engine import (
    DivergenceError,
    Network,
    Trainer,
    chain_rule,
    delta_breakdown,
    sample_gradients,
)
from ..engine.paths import sample_traces
from ..engine.trace import BackwardTrace, ForwardTrace, StepTrace
from .errors import SessionError, check_point_index, short_repr
from .training import Training
from .views import Metrics
from .workspace import Workspace, measure

SIZES = ("sample", "batch", "epoch")
"""How much one explained step trains: the chosen point alone, its batch, or a whole epoch."""

MAX_BATCH_SHARES = 64
"""Each point's own gradient is listed for batches up to this size."""


@dataclass(frozen=True)
class StepRecord:
    """Every number of one explained step, and the weights before and after it.

    Attributes
    ----------
    id : int
        Names this step in apply and revert requests.
    point : int
        The chosen point (an index into the workspace's points).
    size : str
        ``sample``, ``batch`` or ``epoch``.
    trains : bool
        Whether the point is a training point. A test point is explained
        (forward, loss, backward) but never trained on: there is no update.
    x, target : ndarray
        The point's features (the network's input) and its encoded target.
    raw : ndarray
        The point's raw inputs (its position on the map).
    label : int or float
        The point's class, or its value for regression.
    feature_names : tuple of str
    kind : str
        ``binary``, ``multiclass`` or ``regression``.
    network : Network
        A copy of the network before the step.
    forward, backward : ForwardTrace, BackwardTrace
        The chosen point alone, as a batch of one: its own loss and gradient.
    step : StepTrace or None
        The step on the sample or the batch (None for an epoch or a test point).
    batch : ndarray of int
        The points the step trained on (the chosen point first).
    shares : SampleGradients or None
        Each batch point's own gradient (batches up to MAX_BATCH_SHARES).
    before, after : list of ndarray
        Every parameter before and after the step (after is None without an update).
    trainer_before, trainer_after : dict
        The trainer's memory before and after (``Trainer.state``: the optimizer,
        the shuffling, pinned weights), so apply and revert are exact.
    metrics_before, metrics_after : Metrics
        Loss and accuracy on all training and test points, before and after.
    output_after : ndarray or None
        The network's output for the chosen point after the step.
    loss_after : float or None
        The chosen point's own loss after the step (``backward.loss`` is its loss before).
    """

    id: int
    point: int
    size: str
    trains: bool
    x: np.ndarray
    target: np.ndarray
    raw: np.ndarray
    label: int | float
    feature_names: tuple[str, ...]
    kind: str
    network: Network
    forward: ForwardTrace
    backward: BackwardTrace
    step: StepTrace | None
    batch: np.ndarray
    shares: object
    before: list
    after: list | None
    trainer_before: dict
    trainer_after: dict | None
    metrics_before: Metrics
    metrics_after: Metrics | None
    output_after: np.ndarray | None = None
    loss_after: float | None = None

    def chain(self, layer: int, source: int, target: int):
        """Why this weight's gradient, for the chosen point: every path, or the first hop."""
        try:
            return chain_rule(self.network, self.x, self.target, layer, source, target)
        except ValueError as error:
            raise SessionError(str(error)) from None

    def delta(self, layer: int, unit: int):
        """How one neuron's delta comes from the layer after it, for the chosen point."""
        try:
            return delta_breakdown(self.network, self.x, self.target, layer, unit)
        except ValueError as error:
            raise SessionError(str(error)) from None


class StepPreview:
    """One explained step, and whether the real network has taken it yet."""

    def __init__(self, record: StepRecord):
        self.record = record
        self.applied = False

    def apply(self, training: Training, workspace: Workspace):
        """Give the network exactly the weights the step computed (nothing if already done)."""
        r = self.record
        if r.after is None:
            raise SessionError(
                f"Point {r.point} is a test point: the network never trains on it, so this "
                "step has no update. Pick a training point to see one."
            )
        if self.applied:
            return
        self._require(training, r.before, "explained")
        training.set_state(r.after, r.trainer_after)
        if r.size == "epoch":
            training.epoch += 1
        self.applied = True
        training.remeasure(workspace)

    def revert(self, training: Training, workspace: Workspace):
        """Go back to the weights the step recorded as before (nothing if not applied)."""
        r = self.record
        if not self.applied:
            return
        self._require(training, r.after, "applied")
        training.set_state(r.before, r.trainer_before)
        if r.size == "epoch":
            training.epoch -= 1
            training.history.truncate(training.epoch)
            training.recording.truncate(training.epoch)
        self.applied = False
        training.remeasure(workspace)

    @staticmethod
    def _require(training: Training, expected, what: str):
        if not training.has_parameters(expected):
            raise SessionError(
                f"The network changed since this step was {what}; explain the point again."
            )


class Explainer:
    """The step being explained, if any; each new one has a new id, so stale requests fail."""

    def __init__(self):
        self.preview: StepPreview | None = None
        self.count = 0

    def explain(
        self, training: Training, workspace: Workspace, seed: int, point, size, between=None
    ):
        """Preview a step on a point (see :func:`preview_step`); return its record."""
        self.count += 1
        self.preview = preview_step(training, workspace, seed, self.count, point, size, between)
        return self.preview.record

    def named(self, preview_id) -> StepPreview:
        """The step being explained, if ``preview_id`` names it; else a SessionError."""
        if self.preview is None or preview_id != self.preview.record.id:
            raise SessionError(
                f"Step {preview_id!r:.40} is not the step being explained; explain the point again."
            )
        return self.preview


def preview_step(
    training: Training, workspace: Workspace, seed: int, preview_id: int, point, size, between=None
) -> StepPreview:
    """Train a copy of the network one step and record everything.

    Parameters
    ----------
    seed : int
        The session's seed: a batch around a point is the same every time.
    between : callable, optional
        Called after each batch of an explained epoch (``Trainer.epoch``).

    Raises
    ------
    SessionError
        For a point that does not exist, a size that is not one of SIZES, or an
        epoch too large to explain (``limits.MAX_EXPLAIN_WORK``).
    """
    check_point_index(point, workspace.points)
    if size not in SIZES:
        raise SessionError(f"A step is one of: {', '.join(SIZES)}; got {short_repr(size)}.")
    if size == "epoch":
        _check_epoch_work(training.network, len(workspace.train))
    trains = bool(np.isin(point, workspace.train))
    x = workspace.features[point]
    target = workspace.targets[point]
    network = training.network.copy()
    forward, backward = sample_traces(network, x, target)
    trainer = _twin_trainer(training.trainer)
    before = [p.copy() for p in network.parameters()]
    trainer_before = trainer.state()

    step, shares, batch = None, None, np.array([point])
    after = trainer_after = metrics_after = output_after = loss_after = None
    if trains:
        try:
            step, shares, batch = _train_twin(
                trainer, workspace, seed, training.epoch, point, size, between
            )
        except DivergenceError as error:
            raise SessionError(error.message) from None
        after = [p.copy() for p in trainer.network.parameters()]
        trainer_after = trainer.state()
        metrics_after = measure(trainer.network, workspace)
        output_after = trainer.network.predict(x[None])[0]
        loss_after = sample_traces(trainer.network, x, target)[1].loss
    record = StepRecord(
        id=preview_id,
        point=point,
        size=size,
        trains=trains,
        x=x,
        target=target,
        raw=workspace.points.all_inputs()[point],
        label=workspace.points.all_targets()[point].item(),
        feature_names=workspace.feature_names,
        kind=workspace.kind,
        network=network,
        forward=forward,
        backward=backward,
        step=step,
        batch=np.asarray(batch),
        shares=shares,
        before=before,
        after=after,
        trainer_before=trainer_before,
        trainer_after=trainer_after,
        metrics_before=training.metrics,
        metrics_after=metrics_after,
        output_after=output_after,
        loss_after=loss_after,
    )
    return StepPreview(record)


def _check_epoch_work(network: Network, n_train: int):
    """Refuse, before starting, an explained epoch that would hold a core for long."""
    n_parameters = sum(p.size for p in network.parameters())
    work = n_train * n_parameters
    if work > limits.MAX_EXPLAIN_WORK:
        raise SessionError(
            f"Explaining a whole epoch here takes {n_train} training points × {n_parameters} "
            f"weights and biases = {work / 1e6:.0f} million multiply-adds, over the "
            f"{limits.MAX_EXPLAIN_WORK / 1e6:.0f} million one explanation may take "
            "(MAX_EXPLAIN_WORK in docs/limits.md), so that it cannot hold up other sessions. "
            "Explain one batch or one point instead, or use fewer points or a smaller network."
        )


def _train_twin(
    trainer: Trainer, w: Workspace, seed: int, epoch: int, point: int, size: str, between=None
):
    """Take the step on the twin trainer; return (step trace or None, shares, batch)."""
    if size == "epoch":
        trainer.epoch(w.features[w.train], w.targets[w.train], between)
        return None, None, w.train
    batch = _batch_around(w, seed, epoch, point, trainer.batch_size) if size == "batch" else [point]
    batch = np.asarray(batch)
    step = trainer.step(w.features[batch], w.targets[batch], trace=True)
    shares = (
        sample_gradients(step.forward, step.backward) if len(batch) <= MAX_BATCH_SHARES else None
    )
    return step, shares, batch


def _twin_trainer(trainer: Trainer) -> Trainer:
    """A trainer of a copy of the network, in the same state: the same next step."""
    twin = Trainer(
        trainer.network.copy(),
        learning_rate=trainer.learning_rate,
        optimizer=trainer.optimizer.name,
        regularization=trainer.regularization,
        regularization_rate=trainer.regularization_rate,
        batch_size=trainer.batch_size,
    )
    twin.load_state(trainer.state())
    return twin


def _batch_around(w: Workspace, seed: int, epoch: int, point: int, size: int) -> np.ndarray:
    """The chosen point and size - 1 other training points, the same ones every time."""
    others = w.train[w.train != point]
    rng = np.random.default_rng([seed, epoch, point])
    count = min(size - 1, len(others))
    return np.concatenate([[point], np.sort(rng.choice(others, size=count, replace=False))])
