"""Training: one network, its trainer, the epoch, the loss history, and a watch over both.

A :class:`Training` trains its network on a workspace, epoch by epoch, and
records loss and accuracy after each. It watches for trouble: when the loss or
the weights stop being numbers it puts the weights back as they were before the
epoch and raises an alert that pauses; when the loss climbs or the weights grow
huge it raises a warning and trains on.

This module knows the engine and the workspace; nothing about settings
changes, undo or the web.
"""

from __future__ import annotations

import numpy as np

from .. import limits
from ..engine import DivergenceError, Network, Trainer
from .errors import check_index, check_number
from .history import History
from .recording import Recording
from .settings import Settings
from .views import Alert, Metrics
from .workspace import INIT_SEED, SHUFFLE_SEED, Workspace, measure

NO_DATA = Alert(
    "no_data",
    "There are no training points yet. Draw some on the output map (or pick a dataset), "
    "then press Play.",
)


class Training:
    """A network with fresh first weights (the same for the same seed), at epoch 0.

    Attributes
    ----------
    network : Network
    trainer : Trainer
    epoch : int
    history : History
    recording : Recording
        The weights along the way, for replaying the run (a published page).
    metrics : Metrics
        Of the current weights on the current workspace.
    alert : Alert or None
    """

    def __init__(self, settings: Settings, workspace: Workspace):
        self.network = Network(
            [len(settings.features), *settings.hidden_layers, workspace.n_outputs],
            activation=settings.activations,
            output_activation=settings.output_activation,
            loss=settings.loss,
            seed=settings.seed + INIT_SEED,
            init=settings.init,
        )
        self.trainer = Trainer(self.network, seed=settings.seed + SHUFFLE_SEED)
        self.epoch = 0
        self.history = History()
        self.recording = Recording()
        self.alert: Alert | None = None
        self.configure(settings, workspace)

    def configure(self, settings: Settings, workspace: Workspace):
        """Train from now on with these settings, keeping the weights; measure again.

        New activations, output or loss need a new Network object (with the same
        weights); the learning rate, optimizer and the rest go to the trainer.
        """
        wanted = [*settings.activations, settings.output_activation]
        if self.network.activation_names != wanted or self.network.loss.name != settings.loss:
            twin = Network(
                self.network.layer_sizes,
                activation=settings.activations,
                output_activation=settings.output_activation,
                loss=settings.loss,
                init=settings.init,
            )
            for mine, old in zip(twin.layers, self.network.layers):
                mine.weights[...] = old.weights
                mine.biases[...] = old.biases
            self.trainer.network = self.network = twin
        trainer = self.trainer
        if trainer.optimizer.name != settings.optimizer:
            trainer.optimizer = type(trainer.optimizer)(settings.optimizer)
        trainer.learning_rate = settings.learning_rate
        trainer.regularization = settings.regularization
        trainer.regularization_rate = settings.regularization_rate
        trainer.batch_size = settings.batch_size
        self.remeasure(workspace)

    def remeasure(self, workspace: Workspace):
        """Measure the network on the workspace and record it (and its weights) for this epoch."""
        self.metrics: Metrics = measure(self.network, workspace)
        self.history.record(self.epoch, self.metrics.as_dict())
        self.recording.record(self.epoch, self.network.parameters())

    def run(self, due: float, budget: float, clock, workspace: Workspace, between=None) -> int:
        """Train up to ``due`` epochs, one at a time, for at most ``budget`` seconds of ``clock``.

        At least one epoch is tried; an alert that pauses stops the run. Returns
        the epochs trained. ``between`` is called after each batch (see
        :meth:`train_epochs`).
        """
        start, done = clock(), 0
        while done < due and (done == 0 or clock() - start < budget):
            if self.train_epochs(1, workspace, between) == 0 or (self.alert and self.alert.pauses):
                break
            done += 1
        return done

    def train_epochs(self, n: int, workspace: Workspace, between=None) -> int:
        """Train ``n`` epochs on the training points; stop and explain on divergence.

        ``between`` is called after each batch (``Trainer.epoch``); when it
        raises, the epoch it stopped is undone and the error goes on.

        Returns
        -------
        int
            How many epochs were trained (fewer than ``n`` when training diverged
            or there is nothing to train on: then ``alert`` says so).
        """
        x = workspace.features[workspace.train]
        t = workspace.targets[workspace.train]
        if len(x) == 0:
            self.alert = NO_DATA
            return 0
        for done in range(n):
            # Going back after a divergence needs the trainer's memory too: momentum
            # that blew up with the weights would blow them up again.
            saved_parameters = self.parameters()
            saved_trainer = self.trainer.state()
            try:
                self.trainer.epoch(x, t, between)
            except DivergenceError as error:
                self.set_state(saved_parameters, saved_trainer)
                self.alert = Alert(
                    "diverged",
                    error.message + " Training is paused, and the weights are back to what "
                    "they were before it went wrong.",
                    error.reason,
                )
                self.remeasure(workspace)
                return done
            except BaseException:
                # Stopped halfway by the host (``between`` raised): half an epoch is not kept.
                self.set_state(saved_parameters, saved_trainer)
                raise
            self.epoch += 1
            self.remeasure(workspace)
            self._watch()
        return n

    def _watch(self):
        """Warn, without pausing, when training goes wrong without the loss becoming NaN.

        A classification loss can stay a finite number while a too-high learning
        rate throws the weights around, so divergence alone would never say so.
        Two signs: the training loss is well above where it started, or weights
        have grown enormous.
        """
        start = self.history.train_loss[0] if self.history.train_loss else None
        now = self.metrics.train_loss
        rising = self.epoch >= 10 and start and now is not None and now > 1.5 * start
        largest = max(float(np.abs(p).max(initial=0.0)) for p in self.network.parameters())
        warned = self.alert is not None and self.alert.kind == "unstable"
        if (rising or largest > limits.LARGE_WEIGHT) and (self.alert is None or warned):
            what = (
                f"The training loss went up instead of down (from {start:.3g} to {now:.3g})"
                if rising
                else f"Some weights have grown very large (up to {largest:.3g})"
            )
            self.alert = Alert(
                "unstable",
                f"{what}. The learning rate is probably too high: each step overshoots, so the "
                "loss jumps around instead of falling, and neurons pushed to an extreme show "
                "flat pictures. Lower the learning rate, then press Reset to start again from "
                "small weights.",
            )
        elif warned and not rising and largest <= limits.LARGE_WEIGHT:
            self.alert = None

    # -- typed weights ----------------------------------------------------------------

    def check_weight(self, layer, source, target, value) -> float:
        """A typed weight's value, after checking that the weight exists; or a SessionError."""
        weights = self._layer(layer).weights
        check_index("source", source, weights.shape[0])
        check_index("target", target, weights.shape[1])
        return check_number("A weight", value, -limits.MAX_WEIGHT, limits.MAX_WEIGHT)

    def check_bias(self, layer, unit, value) -> float:
        """A typed bias's value, after checking that the bias exists; or a SessionError."""
        check_index("unit", unit, self._layer(layer).biases.shape[0])
        return check_number("A bias", value, -limits.MAX_WEIGHT, limits.MAX_WEIGHT)

    def _layer(self, layer):
        check_index("layer", layer, len(self.network.layers))
        return self.network.layers[layer]

    # -- state, for undo, saving and explained steps -------------------------------------

    def parameters(self) -> list[np.ndarray]:
        """Copies of every parameter array: W0, b0, W1, b1, ..."""
        return [p.copy() for p in self.network.parameters()]

    def set_state(self, parameters: list[np.ndarray], trainer_state: dict):
        """Give the network these parameters and the trainer this memory (``Trainer.state``)."""
        for p, value in zip(self.network.parameters(), parameters):
            p[...] = value
        self.trainer.load_state(trainer_state)

    def has_parameters(self, expected: list[np.ndarray]) -> bool:
        """Whether the network's parameters are exactly these."""
        now = self.network.parameters()
        return len(now) == len(expected) and all(
            np.array_equal(a, b) for a, b in zip(now, expected)
        )
