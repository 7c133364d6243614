"""Explaining one step of training with the real numbers: a preview, then apply or go back.

To explain a step, the session first *previews* it: it trains a copy of the
network on the chosen point (or the point's batch, or a whole epoch) and keeps
every number the engine recorded, while the real network stays as it was. A
view animates the preview stage by stage. When the animation passes the update,
the view asks to *apply* it: the real network takes exactly the weights the
preview computed. Stepping back before the update *reverts* to the weights the
preview recorded as "before".

Every number here comes from the engine's traces; nothing is re-derived.
This module knows the engine and the session's points, nothing about the web.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

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
from .errors import SessionError

SIZES = ("sample", "batch", "epoch")
"""How much one explained step trains: the chosen point alone, its batch, or a whole epoch."""

MAX_BATCH_SHARES = 64
"""Each point's own gradient is listed for batches up to this size."""


@dataclass
class StepPreview:
    """One explained step: its numbers, and the weights before and after it.

    Attributes
    ----------
    id : int
        Names this preview in apply and revert requests.
    point : int
        The chosen point (an index into the session's points).
    size : str
        ``sample``, ``batch`` or ``epoch``.
    trains : bool
        Whether the point is a training point. A test point is explained
        (forward, loss, backward) but never trained on: there is no update.
    x, target : ndarray
        The point's features (the network's input) and its encoded target.
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
    metrics_before, metrics_after : dict
        Loss and accuracy on all training and test points, before and after.
    output_after : ndarray or None
        The network's output for the chosen point after the step.
    applied : bool
    """

    id: int
    point: int
    size: str
    trains: bool
    x: np.ndarray
    target: np.ndarray
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
    metrics_before: dict
    metrics_after: dict | None
    output_after: np.ndarray | None = None
    applied: bool = False

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


def preview_step(session, preview_id: int, point, size) -> StepPreview:
    """Train a copy of the session's network one step and record everything.

    Raises
    ------
    SessionError
        For a point that does not exist or a size that is not one of SIZES.
    """
    n_points = session.points.base.n_points + session.points.n_drawn
    if not (isinstance(point, int) and not isinstance(point, bool) and 0 <= point < n_points):
        raise SessionError(f"There is no point {point!r}; points are numbered 0 to {n_points - 1}.")
    if point in session.points.removed:
        raise SessionError(f"Point {point} was removed.")
    if size not in SIZES:
        raise SessionError(f"A step is one of: {', '.join(SIZES)}; got {size!r}.")
    trains = bool(np.isin(point, session.train_indices))
    x = session.all_features[point]
    target = session.all_targets[point]
    network = session.network.copy()
    forward, backward = sample_traces(network, x, target)
    trainer = _twin_trainer(session.trainer)
    before = [p.copy() for p in network.parameters()]
    trainer_before = trainer.state()
    metrics_before = dict(session.metrics)

    step, shares, batch = None, None, np.array([point])
    after = trainer_after = metrics_after = output_after = None
    if trains:
        try:
            step, shares, batch = _train_twin(session, trainer, point, size)
        except DivergenceError as error:
            raise SessionError(error.message) from None
        after = [p.copy() for p in trainer.network.parameters()]
        trainer_after = trainer.state()
        metrics_after = _metrics_with(session, trainer.network)
        output_after = trainer.network.predict(x[None])[0]
    return StepPreview(
        id=preview_id,
        point=point,
        size=size,
        trains=trains,
        x=x,
        target=target,
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
        metrics_before=metrics_before,
        metrics_after=metrics_after,
        output_after=output_after,
    )


def _train_twin(session, trainer: Trainer, point: int, size: str):
    """Take the step on the twin trainer; return (step trace or None, shares, batch)."""
    if size == "epoch":
        batch = session.train_indices
        trainer.epoch(session.all_features[batch], session.all_targets[batch])
        return None, None, batch
    batch = _batch_around(session, point) if size == "batch" else np.array([point])
    step = trainer.step(session.all_features[batch], session.all_targets[batch], trace=True)
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


def _batch_around(session, point: int) -> np.ndarray:
    """The chosen point and batch_size - 1 other training points, the same ones every time."""
    others = session.train_indices[session.train_indices != point]
    rng = np.random.default_rng([session.settings["seed"], session.epoch, point])
    count = min(session.settings["batch_size"] - 1, len(others))
    return np.concatenate([[point], np.sort(rng.choice(others, size=count, replace=False))])


def _metrics_with(session, network: Network) -> dict:
    """The session's metrics as they would be with this network."""
    real = session.network
    session.network = network
    try:
        return session.measure()
    finally:
        session.network = real
