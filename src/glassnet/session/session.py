"""A session: one network, its data, its settings, its history, and undo.

Everything a person does in the playground is a call on a ``Session``: change
settings, play, pause, step, reset, draw or remove a point, load a file, type
a weight, undo. Each call either succeeds, or raises :class:`SessionError` (a
``ValueError``) whose message says what was wrong and what is allowed, and then
nothing changed.

Training while playing happens in :meth:`Session.advance`, which trains for at
most a given time and at the chosen speed; a host (the web server, the
notebook widget) calls it again and again from wherever it likes.

The session is plain synchronous Python: no threads, no web. It is not
thread-safe; a host that trains in another thread holds a lock around calls.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from .. import limits
from ..data import DATASETS, DataError, Dataset, generate, load_file
from ..engine import DivergenceError, Network, Trainer
from .errors import SessionError, check_index, check_number, check_point
from .explain import StepPreview, preview_step
from .history import History
from .pace import Pace
from .points import Points, encode_targets, features_of, predicted_classes
from .saving import (
    SavedSessionError,
    check_fit,
    damaged_message,
    read_document,
    to_document,
)
from .settings import (
    CUSTOM,
    MAX_DRAW_CLASSES,
    DataShape,
    SettingsError,
    check_changes,
    defaults,
    problem_kind,
)
from .undo import Snapshot, UndoStack

# Seeds for the separate random streams, derived from the one ``seed`` setting
# so that the same seed gives the same data, split, weights and shuffling.
DATA_SEED, SPLIT_SEED, INIT_SEED, SHUFFLE_SEED = 0, 1, 2, 3


class Session:
    """One playground: settings, data, network, training, history and undo.

    Parameters
    ----------
    settings : dict, optional
        Changes from the defaults (see ``settings.SETTINGS``), checked as a
        change would be.
    clock : callable
        Seconds as a float; ``time.monotonic`` unless a test needs another.
    """

    def __init__(self, settings: dict | None = None, clock=time.monotonic):
        self.clock = clock
        self.settings = defaults()
        self.points = self._generated_points(self.settings)
        self.playing = False
        self.alert: dict | None = None
        self.notices: list[str] = []
        self.undo_stack = UndoStack()
        self.pace = Pace(clock)
        self.history = History()
        self.version = 0  # grows with every change a view could show
        self.data_version = 0  # grows when the points change
        self.preview: StepPreview | None = None  # the step being explained
        self._previews = 0
        self._build_data()
        self._build_network()
        if settings:
            self.change_settings(settings, undoable=False)
            self.notices.clear()

    # -- settings ------------------------------------------------------------------

    def change_settings(self, changes: dict, undoable: bool = True) -> list[str]:
        """Change settings; rebuild the data and the network only when they must change.

        Returns
        -------
        list of str
            Notices for the person, such as "The network was reset because ...".

        Raises
        ------
        SessionError
            For an unknown setting or a value that is not allowed; nothing changed.
        """
        try:
            new = check_changes(self.settings, changes, self._describe)
        except SettingsError as error:
            raise SessionError(str(error)) from None
        old = self.settings
        if new == old:
            return []
        points = self.points
        if self._data_key(new) != self._data_key(old):
            points = self._points_for(new)
        new_data = points is not self.points or self._split_key(new) != self._split_key(old)
        new_network = new_data or self._network_key(new) != self._network_key(old)
        notices = []
        if new_network and undoable:
            self._push_undo(_change_label(old, new))
            if self.epoch > 0:
                notices.append(_reset_notice(new_data))
        self.settings = new
        if new_data:
            self.points = points
            self._build_data()
        if new_network:
            self._build_network()
        else:
            self._apply_training_settings(keep_weights=True)
        self._changed(notices)
        return notices

    def _describe(self, settings: dict, points: Points | None = None) -> DataShape:
        """How many inputs and classes the data of these settings has (with these points)."""
        points = points or self.points
        if settings["dataset"] == CUSTOM:
            same_kind = settings["problem"] == points.problem
            if points.source == "file" and same_kind:
                return DataShape(points.n_inputs, points.base.n_classes)
            n_classes = settings["classes"] if settings["problem"] == "classification" else 0
            return DataShape(2, n_classes)
        spec = DATASETS[settings["dataset"]]
        n_inputs = spec.inputs
        n_classes = settings["classes"] if "classes" in spec.options else spec.classes
        return DataShape(n_inputs, n_classes)

    @staticmethod
    def _data_key(s: dict) -> tuple:
        # What decides the base points. Noise and seed mean nothing to drawn data.
        if s["dataset"] == CUSTOM:
            return (CUSTOM, s["problem"], s["classes"])
        classes = s["classes"] if "classes" in DATASETS[s["dataset"]].options else None
        return (s["dataset"], s["noise"], s["seed"], classes)

    @staticmethod
    def _split_key(s: dict) -> tuple:
        return (s["train_percent"], s["seed"])

    def _network_key(self, s: dict) -> tuple:
        return (tuple(s["features"]), tuple(s["hidden_layers"]), s["init"], s["seed"])

    # -- building --------------------------------------------------------------------

    def _generated_points(self, settings: dict) -> Points:
        name = settings["dataset"]
        options = {"classes": settings["classes"]} if "classes" in DATASETS[name].options else {}
        base = generate(name, noise=settings["noise"], seed=settings["seed"] + DATA_SEED, **options)
        return Points.of(base)

    def _points_for(self, settings: dict) -> Points:
        """The points for new settings, keeping drawn points where they still fit."""
        if settings["dataset"] != CUSTOM:
            return self._carry_drawn(self._generated_points(settings))
        current = self.points
        same_kind = current.problem == settings["problem"] and (
            current.base.n_classes == self._describe(settings).n_classes
        )
        if current.source != "generated" and same_kind:
            return current  # already custom points of the right kind
        base = _empty_dataset(settings["problem"], settings["classes"])
        return self._carry_drawn(Points.of(base, "drawn"))

    def _carry_drawn(self, points: Points) -> Points:
        """Put the current drawn points on new base points, if they still make sense."""
        old = self.points
        if old.n_drawn == 0:
            return points
        if old.problem != points.problem or old.n_inputs != points.n_inputs:
            self.notices.append(
                f"Your {old.n_drawn} drawn points do not fit this {points.problem} data, so they "
                "were left out. Undo brings them back."
            )
            return points
        targets = old.drawn_targets
        keep = np.ones(len(targets), dtype=bool)
        if points.problem == "classification":
            keep = targets < max(points.base.n_classes, 2)
        if not keep.all():
            self.notices.append(
                f"{int((~keep).sum())} drawn points of classes this data does not have were left "
                "out. Undo brings them back."
            )
        return Points(
            points.base, old.drawn_inputs[keep], targets[keep], frozenset(), points.source
        )

    def _build_data(self):
        """Features, targets and the split, from the points and the settings."""
        s = self.settings
        self.train_indices, self.test_indices = self.points.split(
            s["train_percent"], s["seed"] + SPLIT_SEED
        )
        self.all_features = features_of(self.points.all_inputs(), s["features"])
        self.data_version += 1

    def _n_outputs(self, settings: dict | None = None, points: Points | None = None) -> int:
        """Output neurons: one per class for several classes, else one."""
        settings = settings or self.settings
        n_classes = self._describe(settings, points).n_classes
        return n_classes if problem_kind(settings["problem"], n_classes) == "multiclass" else 1

    @property
    def n_classes(self) -> int:
        """How many classes the problem has (0 for regression)."""
        return self._describe(self.settings).n_classes

    @property
    def kind(self) -> str:
        """``binary``, ``multiclass`` or ``regression``."""
        return problem_kind(self.settings["problem"], self.n_classes)

    def _build_network(self):
        """A new network with fresh weights, a new trainer, an empty history."""
        s = self.settings
        self.all_features = features_of(self.points.all_inputs(), s["features"])
        self.network = Network(
            [len(s["features"]), *s["hidden_layers"], self._n_outputs()],
            activation=s["activations"],
            output_activation=s["output_activation"],
            loss=s["loss"],
            seed=s["seed"] + INIT_SEED,
            init=s["init"],
        )
        self.trainer = Trainer(self.network, seed=s["seed"] + SHUFFLE_SEED)
        self._apply_training_settings(keep_weights=False)
        self.epoch = 0
        self.history.clear()
        self._measure()

    def _apply_training_settings(self, keep_weights: bool):
        """Pass learning rate, optimizer, activations... to the engine, keeping the weights."""
        s = self.settings
        wanted = [*s["activations"], s["output_activation"]]
        described = self.network.activation_names == wanted and self.network.loss.name == s["loss"]
        if keep_weights and not described:
            net = Network(
                self.network.layer_sizes,
                activation=s["activations"],
                output_activation=s["output_activation"],
                loss=s["loss"],
                init=s["init"],
            )
            for mine, old in zip(net.layers, self.network.layers):
                mine.weights[...] = old.weights
                mine.biases[...] = old.biases
            self.trainer.network = self.network = net
        trainer = self.trainer
        if trainer.optimizer.name != s["optimizer"]:
            trainer.optimizer = type(trainer.optimizer)(s["optimizer"])
        trainer.learning_rate = s["learning_rate"]
        trainer.regularization = s["regularization"]
        trainer.regularization_rate = s["regularization_rate"]
        trainer.batch_size = s["batch_size"]
        self._encode()  # a tanh output learns -1/+1, a sigmoid 0/1: before measuring
        if keep_weights and not described:
            self._measure()

    def _encode(self):
        all_targets = self.points.all_targets()
        self.all_targets = encode_targets(
            all_targets, self.kind, self.settings["output_activation"], self._n_outputs()
        )

    # -- training --------------------------------------------------------------------

    def play(self):
        """Start training at the chosen speed (see :meth:`advance`)."""
        self.playing = True
        self.alert = None
        self.pace.restart()
        self._changed()

    def pause(self):
        """Stop training."""
        self.playing = False
        self._changed()

    def step(self):
        """Pause, then train exactly one epoch."""
        self.playing = False
        self.alert = None
        self._train_epochs(1)
        self._changed()

    def reset(self):
        """New first weights (the same ones for the same seed), epoch 0, empty history."""
        self._push_undo("Reset")
        self.playing = False
        self.alert = None
        self._build_network()
        self._changed()

    def advance(self, budget: float) -> int:
        """Train while playing, at the chosen speed, for at most ``budget`` seconds.

        Returns
        -------
        int
            How many epochs were trained.
        """
        if not self.playing:
            return 0
        start = self.clock()
        due = self.pace.due(self.settings["speed"])
        done = 0
        while done < due and self.playing and (done == 0 or self.clock() - start < budget):
            done += self._train_epochs(1)
        self.pace.count(done)
        if done:
            self._changed()
        return done

    def seconds_until_due(self) -> float:
        """How long until the next epoch is due while playing (0 at full speed)."""
        return self.pace.seconds_until_due(self.settings["speed"]) if self.playing else 0.0

    def _train_epochs(self, n: int) -> int:
        """Train ``n`` epochs on the training points; stop and explain on divergence."""
        x = self.all_features[self.train_indices]
        t = self.all_targets[self.train_indices]
        if len(x) == 0:
            self.playing = False
            self.alert = {
                "kind": "no_data",
                "message": "There are no training points yet. Draw some on the output map "
                "(or pick a dataset), then press Play.",
            }
            return 0
        # Going back after a divergence needs the trainer's memory too: momentum
        # that blew up with the weights would blow them up again.
        saved = [p.copy() for p in self.network.parameters()]
        saved_trainer = self.trainer.state()
        for done in range(n):
            try:
                self.trainer.epoch(x, t)
            except DivergenceError as error:
                for p, good in zip(self.network.parameters(), saved):
                    p[...] = good
                self.trainer.load_state(saved_trainer)
                self.playing = False
                self._changed()  # the view must hear of it even when no epoch finished
                self.alert = {
                    "kind": "diverged",
                    "reason": error.reason,
                    "message": error.message + " Training is paused, and the weights are back "
                    "to what they were before it went wrong.",
                }
                self._measure()
                return done
            self.epoch += 1
            self._measure()
            self._watch_training()
        return n

    def _measure(self):
        """Loss and accuracy on the training and test points, recorded in the history."""
        self.metrics = self.measure()
        self.history.record(self.epoch, self.metrics)

    def _watch_training(self):
        """Warn, without pausing, when training goes wrong without the loss becoming NaN.

        A classification loss can stay a finite number while a too-high learning
        rate throws the weights around, so divergence alone would never say so.
        Two signs: the training loss is well above where it started, or weights
        have grown enormous.
        """
        start = self.history.train_loss[0] if self.history.train_loss else None
        now = self.metrics["train_loss"]
        rising = self.epoch >= 10 and start and now is not None and now > 1.5 * start
        largest = max(float(np.abs(p).max(initial=0.0)) for p in self.network.parameters())
        warned = self.alert is not None and self.alert["kind"] == "unstable"
        if (rising or largest > limits.LARGE_WEIGHT) and (self.alert is None or warned):
            what = (
                f"The training loss went up instead of down (from {start:.3g} to {now:.3g})"
                if rising
                else f"Some weights have grown very large (up to {largest:.3g})"
            )
            self.alert = {
                "kind": "unstable",
                "message": f"{what}. The learning rate is probably too high: each step "
                "overshoots, so the loss jumps around instead of falling, and neurons pushed to "
                "an extreme show flat pictures. Lower the learning rate, then press Reset to start "
                "again from small weights.",
            }
        elif warned and not rising and largest <= limits.LARGE_WEIGHT:
            self.alert = None

    def measure(self) -> dict:
        """Loss and accuracy on the training and test points (None where undefined)."""
        with np.errstate(over="ignore", invalid="ignore"):
            return {
                "train_loss": self._loss(self.train_indices),
                "test_loss": self._loss(self.test_indices),
                "train_accuracy": self._accuracy(self.train_indices),
                "test_accuracy": self._accuracy(self.test_indices),
            }

    def _loss(self, indices) -> float | None:
        if len(indices) == 0:
            return None
        return self.network.loss_value(self.all_features[indices], self.all_targets[indices])

    def _accuracy(self, indices) -> float | None:
        if len(indices) == 0 or self.kind == "regression":
            return None
        outputs = self.network.predict(self.all_features[indices])
        predicted = predicted_classes(outputs, self.settings["output_activation"])
        return float(np.mean(predicted == self.points.all_targets()[indices]))

    # -- data edits ------------------------------------------------------------------

    def add_point(self, x: Any, target: Any):
        """Add a drawn point: ``x`` is [x1, x2] ([x1] for 1-D data), ``target`` a class or value."""
        point = check_point(x, self.points.n_inputs)
        if self.kind == "regression":
            target = check_number("A point's value", target, -1.0, 1.0)
        else:
            n = self.n_classes
            if not (isinstance(target, int) and not isinstance(target, bool) and 0 <= target < n):
                raise SessionError(
                    f"A point's class must be a whole number from 0 to {n - 1}; got {target!r}."
                )
        total = self.points.base.n_points - len(self.points.removed) + self.points.n_drawn
        if total >= limits.MAX_POINTS:
            raise SessionError(f"A dataset holds at most {limits.MAX_POINTS} points.")
        self._push_undo("Add point")
        self._set_points(self.points.with_point(point, target))

    def remove_point(self, index: Any):
        """Remove a point by its index in the data message."""
        n = self.points.base.n_points + self.points.n_drawn
        if not (isinstance(index, int) and not isinstance(index, bool) and 0 <= index < n):
            raise SessionError(f"There is no point {index!r}; points are numbered 0 to {n - 1}.")
        if index in self.points.removed:
            raise SessionError(f"Point {index} was already removed.")
        self._push_undo("Remove point")
        self._set_points(self.points.without_point(index))

    def clear_points(self):
        """Remove every drawn point (and bring back removed ones). Undoable."""
        if self.points.n_drawn == 0 and not self.points.removed:
            return
        self._push_undo("Clear points")
        self._set_points(self.points.without_drawn())

    def new_drawing(self):
        """Start an empty drawing (dataset ``custom``) instead of loaded or generated points."""
        self._push_undo("New drawing")
        problem, classes = self.settings["problem"], self.settings["classes"]
        self.points = Points.of(_empty_dataset(problem, classes), "drawn")
        self.settings = check_changes(self.settings, {"dataset": CUSTOM}, self._describe)
        self.playing = False
        self._build_data()
        self._build_network()
        self._changed()

    def regenerate(self):
        """New random points: the seed moves on, so the first weights are new too. Undoable."""
        if self.settings["dataset"] == CUSTOM:
            raise SessionError(
                "Drawn or loaded points cannot be regenerated; pick a dataset to do so."
            )
        self._push_undo("Regenerate")
        self.change_settings({"seed": (self.settings["seed"] + 1) % (2**31)}, undoable=False)

    def load_data(self, filename: Any, content: Any):
        """Load a CSV or ml5.js JSON file with one or two numeric inputs. Undoable.

        Raises
        ------
        SessionError
            With the data layer's message naming the row and column, or when the
            file has more than two inputs; nothing changed.
        """
        if not isinstance(filename, str) or not isinstance(content, (str, bytes)):
            raise SessionError("A file needs a name and its contents as text.")
        try:
            base = load_file(filename, content)
        except DataError as error:
            raise SessionError(f"{filename}: {error}") from None
        if base.n_inputs > 2:
            raise SessionError(
                f"{filename} has {base.n_inputs} input columns ({', '.join(base.input_names)}); "
                "the playground shows two inputs on its map, so keep two columns in the file."
            )
        if base.problem == "classification" and base.n_classes > limits.MAX_OUTPUTS:
            raise SessionError(f"{filename} has more than {limits.MAX_OUTPUTS} classes.")
        old_points = self.points
        self.points = Points.of(base, "file")
        try:
            new = check_changes(
                self.settings, {"dataset": CUSTOM, "problem": base.problem}, self._describe
            )
        except SettingsError as error:
            self.points = old_points
            raise SessionError(str(error)) from None
        self.points = old_points
        self._push_undo(f"Load {filename}")
        self.points = Points.of(base, "file")
        self.settings = new
        self.playing = False
        self._build_data()
        self._build_network()
        self._changed([f"Loaded {base.n_points} points from {filename}."])

    def _set_points(self, points: Points):
        self.points = points
        self._build_data()
        self._encode()
        self._measure()
        self._changed()

    # -- typed weights ---------------------------------------------------------------

    def set_weight(self, layer: Any, source: Any, target: Any, value: Any):
        """Set one weight by hand. Undoable."""
        weights = self._layer(layer).weights
        check_index("source", source, weights.shape[0])
        check_index("target", target, weights.shape[1])
        value = check_number("A weight", value, -limits.MAX_WEIGHT, limits.MAX_WEIGHT)
        self._push_undo("Edit weight")
        weights[source, target] = value
        self._measure()
        self._changed()

    def set_bias(self, layer: Any, unit: Any, value: Any):
        """Set one bias by hand. Undoable."""
        biases = self._layer(layer).biases
        check_index("unit", unit, biases.shape[0])
        value = check_number("A bias", value, -limits.MAX_WEIGHT, limits.MAX_WEIGHT)
        self._push_undo("Edit bias")
        biases[unit] = value
        self._measure()
        self._changed()

    def _layer(self, layer):
        n = len(self.network.layers)
        check_index("layer", layer, n)
        return self.network.layers[layer]

    # -- explaining one step ------------------------------------------------------------

    def explain(self, point: Any, size: Any = "sample") -> StepPreview:
        """Pause, and preview one training step on a point with every number recorded.

        The real network does not change until :meth:`apply_step`.
        """
        self.playing = False
        self._previews += 1
        self.preview = preview_step(self, self._previews, point, size)
        self._changed()
        return self.preview

    def apply_step(self, preview_id: Any):
        """Give the network exactly the weights the preview computed."""
        p = self._preview(preview_id)
        if p.after is None:
            raise SessionError(
                f"Point {p.point} is a test point: the network never trains on it, so this "
                "step has no update. Pick a training point to see one."
            )
        if p.applied:
            return
        self._require_parameters(p.before, "explained")
        self._set_state(p.after, p.trainer_after)
        if p.size == "epoch":
            self.epoch += 1
        p.applied = True
        self._measure()
        self._changed()

    def revert_step(self, preview_id: Any):
        """Go back to the weights the preview recorded as before the step."""
        p = self._preview(preview_id)
        if not p.applied:
            return
        self._require_parameters(p.after, "applied")
        self._set_state(p.before, p.trainer_before)
        if p.size == "epoch":
            self.epoch -= 1
            self.history.truncate(self.epoch)
        p.applied = False
        self._measure()
        self._changed()

    def current_preview(self, preview_id: Any) -> StepPreview:
        """The step being explained, if ``preview_id`` names it."""
        return self._preview(preview_id)

    def _preview(self, preview_id) -> StepPreview:
        if self.preview is None or preview_id != self.preview.id:
            raise SessionError(
                f"Step {preview_id!r} is not the step being explained; explain the point again."
            )
        return self.preview

    def _require_parameters(self, expected, what: str):
        now = self.network.parameters()
        if len(now) != len(expected) or not all(
            np.array_equal(a, b) for a, b in zip(now, expected)
        ):
            raise SessionError(
                f"The network changed since this step was {what}; explain the point again."
            )

    def _set_state(self, parameters, trainer: dict):
        for p, value in zip(self.network.parameters(), parameters):
            p[...] = value
        self.trainer.load_state(trainer)

    # -- saving ------------------------------------------------------------------------

    def save(self, include_history: bool = True) -> dict:
        """The whole session as one plain document (see ``saving.py``)."""
        return to_document(self, include_history)

    def restore(self, document: Any, undoable: bool = True):
        """Bring back a saved session exactly: its data, weights, optimizer, epoch and history.

        Raises
        ------
        SessionError
            For a document of another format or version, or a damaged one; then
            nothing changed.
        """
        try:
            parts = read_document(document)
            points = parts["points"]
            settings = check_changes(
                defaults(), parts["settings"], lambda s: self._describe(s, points)
            )
            check_fit(parts, settings, self._n_outputs(settings, points))
        except SavedSessionError as error:
            raise SessionError(str(error)) from None
        except SettingsError as error:
            raise SessionError(damaged_message(str(error))) from None
        history = parts["history"] or History()
        loaded = Snapshot(
            "Load session", settings, points, parts["parameters"], parts["trainer"],
            parts["epoch"], history,
        )  # fmt: skip
        current = self._snapshot("Load session")
        try:
            self._restore(loaded)
        except Exception as error:  # checked above, so a bug of ours: put everything back
            self._restore(current)
            raise SessionError(damaged_message(f"{type(error).__name__}: {error}")) from None
        if undoable:
            self.undo_stack.push(current)
        self._changed()

    # -- undo --------------------------------------------------------------------------

    def _snapshot(self, label: str) -> Snapshot:
        return Snapshot(
            label=label,
            settings={k: (list(v) if isinstance(v, list) else v) for k, v in self.settings.items()},
            points=self.points,
            parameters=[p.copy() for p in self.network.parameters()],
            trainer=self.trainer.state(),
            epoch=self.epoch,
            history=self.history.copy(),
        )

    def _push_undo(self, label: str):
        self.undo_stack.push(self._snapshot(label))

    def _restore(self, snap: Snapshot):
        generation = self.history.generation
        self.settings = snap.settings
        self.points = snap.points
        self._build_data()
        self._build_network()
        for p, saved in zip(self.network.parameters(), snap.parameters):
            p[...] = saved
        self.trainer.load_state(snap.trainer)
        self.epoch = snap.epoch
        self.history = snap.history.copy()
        self.history.generation = generation + 1
        self.history.truncate(self.epoch)  # a kept history may run ahead of its weights
        self._measure()
        self.playing = False
        self.alert = None

    def undo(self):
        """Go back to before the last reset, architecture change, regenerate, clear or edit."""
        snap = self.undo_stack.back(self._snapshot(self.undo_label or ""))
        if snap is None:
            raise SessionError("There is nothing to undo.")
        self._restore(snap)
        self._changed([f"Undid: {snap.label}."])

    def redo(self):
        """Do again what undo took back."""
        snap = self.undo_stack.forward(self._snapshot(self.redo_label or ""))
        if snap is None:
            raise SessionError("There is nothing to redo.")
        self._restore(snap)
        self._changed([f"Redid: {snap.label}."])

    @property
    def undo_label(self) -> str | None:
        """What undo would take back, or None."""
        return self.undo_stack.undo_label

    @property
    def redo_label(self) -> str | None:
        """What redo would do again, or None."""
        return self.undo_stack.redo_label

    # -- bookkeeping -------------------------------------------------------------------

    def _changed(self, notices: list[str] | None = None):
        self.version += 1
        if notices:
            self.notices.extend(notices)

    def take_notices(self) -> list[str]:
        """The notices since the last call, then forget them."""
        notices, self.notices = self.notices, []
        return notices


def _empty_dataset(problem: str, classes: int) -> Dataset:
    if problem == "regression":
        return Dataset.from_points(np.zeros((0, 2)), [], "regression")
    names = tuple(str(i) for i in range(max(2, min(classes, MAX_DRAW_CLASSES))))
    return Dataset.from_points(np.zeros((0, 2)), [], "classification", class_names=names)


def _change_label(old: dict, new: dict) -> str:
    if old["hidden_layers"] != new["hidden_layers"]:
        return "Change layers"
    if old["features"] != new["features"]:
        return "Change features"
    if old["dataset"] != new["dataset"]:
        return "Change dataset"
    return "Change settings"


def _reset_notice(new_data: bool) -> str:
    why = "the data changed" if new_data else "the shape of its weights changed"
    return f"The network was reset because {why}. Undo brings back the trained one."
