"""A session: one playground's settings, data, training, undo and explained step, composed.

Everything a person does in the playground is a call on a ``Session``: it
succeeds, or raises :class:`SessionError` saying what was wrong and what is
allowed, and nothing changed. Its parts (listed in the package's docstring) do
the work; this façade calls them in order, keeps undo and counts versions.
Plain synchronous Python, not thread-safe. A host may set ``checkpoint``, called
between the batches of long work: it can let other sessions take a turn, or
raise :class:`Interrupted` to stop the work (then nothing changed).
"""

from __future__ import annotations

import time
from typing import Any

from ..data import Dataset
from . import edits, sources
from .changes import next_seed, plan_change
from .errors import SessionError, check_point
from .kept_undo import kept_steps, with_steps
from .midi import read_midi
from .player import Player
from .points import Points
from .preview import Explainer, StepRecord
from .rules import check_changes
from .saving import midi_of, rebuild_checked, restore_parts, to_document
from .settings import Settings
from .training import Training
from .undo import Snapshot, UndoStack
from .views import DataView, FrameView, NetworkView, ProbeView
from .workspace import Workspace, generated_points


class Session:
    """One playground. ``settings``: changes from the defaults, checked as a change would be;
    ``clock``: seconds as a float (``time.monotonic`` unless a test needs another)."""

    def __init__(self, settings: dict | None = None, clock=time.monotonic):
        self.clock = clock
        self.settings = Settings()
        self.workspace = Workspace.build(self.settings, generated_points(self.settings))
        self.training = Training(self.settings, self.workspace)
        self.player = Player(clock)  # whether training plays, and its pace
        self.notices: list[str] = []
        self.undo_stack = UndoStack()
        self.version = 0  # grows with every change a view could show
        self.data_version = 0  # grows when the points or the split change
        self.explainer = Explainer()  # the step being explained
        self.checkpoint = None  # set by a host that takes turns (see the module's docstring)
        self.midi: list[dict] = []  # the page's MIDI mappings, kept for it (midi.py)
        if settings:
            self.change_settings(settings, undoable=False)
            self.notices.clear()

    # The parts a view or a test reads most, by short names.
    network = property(lambda self: self.training.network, doc="The network being trained.")
    trainer = property(lambda self: self.training.trainer, doc="Its trainer.")
    epoch = property(lambda self: self.training.epoch, doc="Epochs trained.")
    history = property(lambda self: self.training.history, doc="Loss and accuracy by epoch.")
    metrics = property(lambda self: self.training.metrics, doc="Loss and accuracy now.")
    alert = property(lambda self: self.training.alert, doc="An Alert, or None.")
    points = property(lambda self: self.workspace.points, doc="The points trained on.")
    undo_label = property(lambda self: self.undo_stack.undo_label, doc="What undo takes back.")
    redo_label = property(lambda self: self.undo_stack.redo_label, doc="What redo does again.")

    playing = property(
        lambda self: self.player.playing,
        lambda self, playing: setattr(self.player, "playing", playing),
        doc="Whether training plays by itself (see :meth:`advance`); a host may set it.",
    )

    # -- settings and training --------------------------------------------------------

    def change_settings(self, changes: dict, undoable: bool = True) -> list[str]:
        """Change settings, rebuilding data and network only if they must; return notices."""
        new = check_changes(self.settings, changes, self.points)
        if new == self.settings:
            return []
        change = plan_change(self.settings, new, self.workspace, undoable and self.epoch > 0)
        if change.new_network and undoable:
            self._push_undo(change.undo_label)
        if change.new_network:
            self._use(new, change.workspace, Training(new, change.workspace))
        else:
            self._use(new, change.workspace)
            self.training.configure(new, change.workspace)
        self._changed(change.notices)
        return change.notices

    def play(self):
        """Start training at the chosen speed (see :meth:`advance`)."""
        self.player.play(self.training)
        self._changed()

    def pause(self):
        """Stop training."""
        self.playing = False
        self._changed()

    def step(self):
        """Pause, then train exactly one epoch."""
        self.player.step(self.training, self.workspace, self.checkpoint)
        self._changed()

    def reset(self):
        """Back to the first weights (the same ones for the same seed), epoch 0, no history."""
        self._push_undo("Reset")
        self._start(self.settings, self.workspace, Training(self.settings, self.workspace))
        self._changed()

    def advance(self, budget: float) -> int:
        """Train while playing, at the chosen speed, for at most ``budget`` seconds: the epochs."""
        playing, start = self.playing, self.epoch
        try:
            return self.player.advance(
                self.training, self.workspace, self.settings.speed, budget, self.checkpoint
            )
        finally:  # the views hear of epochs trained (even before an interruption), or of a pause
            if playing and (self.epoch != start or not self.playing):
                self._changed()

    def seconds_until_due(self) -> float:
        """How long until the next epoch is due while playing (0 at full speed)."""
        return self.player.seconds_until_due(self.settings.speed)

    # -- data and weights, by hand: each is undoable ----------------------------------------

    def add_point(self, x: Any, target: Any):
        """Add a drawn point: ``x`` is [x1, x2] ([x1] for 1-D data), ``target`` a class or value."""
        w = self.workspace
        self._edit("Add point", edits.add_point(w.points, x, target, w.kind, w.n_classes))

    def remove_point(self, index: Any):
        """Remove a point by its index in the data view."""
        self._edit("Remove point", edits.remove_point(self.points, index))

    def clear_points(self):
        """Remove every drawn point (and bring back removed ones)."""
        if self.points.n_drawn or self.points.removed:
            self._edit("Clear points", self.points.without_drawn())

    def set_weight(self, layer: Any, source: Any, target: Any, value: Any, drag: Any = None):
        """Set one weight, ``network.layers[layer].weights[source, target]``; the edits of one
        ``drag`` of a slider (the same weight, nothing undoable between them) are one undo step."""
        value = self.training.check_weight(layer, source, target, value)
        weights = self.network.layers[layer].weights
        drag = None if drag is None else ("weight", layer, source, target, drag)
        self._edit("Edit weight", self.points, weights, (source, target), value, drag)

    def set_bias(self, layer: Any, unit: Any, value: Any, drag: Any = None):
        """Set one bias, ``network.layers[layer].biases[unit]`` (``drag`` as in set_weight)."""
        value = self.training.check_bias(layer, unit, value)
        drag = None if drag is None else ("bias", layer, unit, drag)
        self._edit("Edit bias", self.points, self.network.layers[layer].biases, unit, value, drag)

    def _edit(self, label: str, points: Points, array=None, index=None, value=None, drag=None):
        """New points (or a new parameter value): the same network trains on."""
        self._push_undo(label, drag)
        if array is not None:
            array[index] = value
        self._use(self.settings, Workspace.build(self.settings, points))
        self.training.remeasure(self.workspace)
        self._changed()

    def new_drawing(self):
        """Start an empty drawing (dataset ``custom``) instead of loaded or generated points."""
        self._start_over(sources.drawing(self.settings))

    def regenerate(self):
        """New random points: the seed moves on, so the first weights are new too."""
        change = next_seed(self.settings)  # or an error for drawn points
        self._push_undo("Regenerate")
        self.change_settings(change, undoable=False)

    def load_data(self, filename: Any, content: Any):
        """Load a CSV or ml5.js JSON file; beside an opened ml5.js model, matched to its inputs."""
        new = sources.from_file(filename, content, self.points, self.network, self.checkpoint)
        self._start_over(new)
        self.notices.append(new.notice)

    def use_dataset(self, base: Dataset, label="Use data", network=None, model: bool = False):
        """Train on these points (and this Network if given); ``model``: an opened model's data."""
        self._start_over(sources.from_dataset(base, label, network, model))

    def _start_over(self, new: sources.NewData):
        settings, workspace, training = sources.start(self.settings, new)
        self._push_undo(new.label)
        self._start(settings, workspace, training)
        self._changed()

    # -- explaining one step ----------------------------------------------------------

    def explain(self, point: Any, size: Any = "sample") -> StepRecord:
        """Pause, and preview a training step on a point; the network waits for apply_step."""
        self.playing = False
        record = self.explainer.explain(
            self.training, self.workspace, self.settings.seed, point, size, self.checkpoint
        )
        self._changed()
        return record

    def apply_step(self, preview_id: Any):
        """Give the network exactly the weights the explained step computed."""
        self.explainer.named(preview_id).apply(self.training, self.workspace)
        self._changed()

    def revert_step(self, preview_id: Any):
        """Go back to the weights the explained step recorded as before it."""
        self.explainer.named(preview_id).revert(self.training, self.workspace)
        self._changed()

    def current_preview(self, preview_id: Any) -> StepRecord:
        """The step being explained, if ``preview_id`` names it."""
        return self.explainer.named(preview_id).record

    # -- saving and undo -----------------------------------------------------------------

    def save(self, include_history=True, include_points=True, undo_since=None) -> dict:
        """The whole session as one plain document (``saving.to_document``); with ``undo_since``,
        its undo and redo steps if they changed since (``kept_undo.with_steps``)."""
        document = to_document(
            self.settings, self.training, self.points, include_history, include_points, self.midi
        )
        if undo_since is not None:
            with_steps(document, self.undo_stack, self.points, undo_since)
        return document

    def restore(self, document: Any, undoable: bool = True, label: str = "Load session"):
        """Bring back a saved session exactly (a damaged one is refused; nothing changes); a kept
        copy restored by its view (``undoable=False``) brings back the undo steps it holds."""
        loaded = restore_parts(document, label)
        midi = midi_of(document)
        steps = None if undoable else kept_steps(document, self.notices)
        workspace, training = rebuild_checked(loaded, self.history.generation)
        if undoable:
            self._push_undo(label)
        self._start(loaded.settings, workspace, training)
        if steps is not None:
            self.undo_stack.replace(*steps)
        self.midi = self.midi if midi is None else midi  # versions 1 and 2 keep them
        self._changed()

    def set_midi(self, mappings: Any):
        """Keep the page's MIDI mappings (checked: ``midi.py``) for a reload and a session
        file: the page itself moves its controls by them. Not undoable."""
        self.midi = read_midi(mappings)

    def undo(self):
        """Go back to before the last reset, architecture change, regenerate, clear or edit."""
        self._travel(self.undo_stack.back, self.undo_label, "undo", "Undid")

    def redo(self):
        """Do again what undo took back."""
        self._travel(self.undo_stack.forward, self.redo_label, "redo", "Redid")

    def _travel(self, move, label: str | None, what: str, done: str):
        snap = move(Snapshot.take(label or "", self.settings, self.points, self.training))
        if snap is None:
            raise SessionError(f"There is nothing to {what}.")
        self._start(snap.settings, *snap.rebuild(self.history.generation))
        self._changed([f"{done}: {snap.label}."])

    def _push_undo(self, label: str, drag=None):
        self.undo_stack.push(Snapshot.take(label, self.settings, self.points, self.training), drag)

    # -- what a view shows, and bookkeeping ----------------------------------------------

    def frame(self) -> FrameView:
        """The session now: epoch, metrics, network and parameters, undo, alert."""
        network = NetworkView.of(self.network, self.workspace)
        return FrameView(
            self.version, self.epoch, self.playing, self.metrics, self.history, network,
            self.undo_label, self.redo_label, self.alert,
        )  # fmt: skip

    def probe(self, x: Any) -> ProbeView:
        """Every neuron's value for ``x`` ([x1, x2]; [x1] for 1-D data), changing nothing."""
        point = check_point(x, self.points.n_inputs)
        return ProbeView.of(self.network, self.workspace, point, self.version, self.epoch)

    def data_view(self) -> DataView:
        """The points, which train and which test, and their names."""
        return DataView.of(self.workspace, self.data_version)

    def take_notices(self) -> list[str]:
        """The notices since the last call, then forget them."""
        notices, self.notices = self.notices, []
        return notices

    def _start(self, settings: Settings, workspace: Workspace, training: Training):
        self.playing = False  # on a new training (a reset, new data, undo, a restored session)
        self._use(settings, workspace, training)

    def _use(self, settings: Settings, workspace: Workspace, training: Training | None = None):
        if not workspace.same_data(self.workspace):
            self.data_version += 1
        self.settings, self.workspace = settings, workspace
        if training is not None:
            self.training = training

    def _changed(self, notices: list[str] | None = None):
        self.version += 1
        self.notices.extend(notices or [])
