"""Every control and panel of the front end, by name: the one list views, links and lessons share.

A control's name is what the page marks it with (``data-control="noise"``),
the hide key of links (``noise_hide=true``, docs/urls.md), and the name a
lesson's scene uses to show, hide or highlight it. Many names are TensorFlow
Playground's own hide keys, so its links hide the same things here.

This module is plain data and imports nothing, so any layer may use it (the
protocol sends it in the catalog, lessons check their scenes against it).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

PLACES = ("top", "settings", "data", "network", "output", "explain", "host")
"""Where a control lives: the top bar, the settings row, the data panel, the network
diagram, the output column, the step-through panel, or the page's own tools."""


@dataclass(frozen=True)
class Control:
    """One control or panel.

    Attributes
    ----------
    name : str
    label : str
        What a person calls it.
    where : str
        One of ``PLACES``.
    panel : bool
        A whole panel (a group of controls and pictures) rather than one control.
    """

    name: str
    label: str
    where: str
    panel: bool = False


CONTROLS: dict[str, Control] = {
    c.name: c
    for c in [
        Control("playButton", "Play and pause", "top"),
        Control("stepButton", "Step one epoch", "top"),
        Control("resetButton", "Reset", "top"),
        Control("undoButton", "Undo and redo", "top"),
        Control("epoch", "Epoch counter", "top", panel=True),
        Control("speed", "Speed", "top"),
        Control("explain", "Step through", "top"),
        Control("export", "Export (ml5.js model, p5.js sketch, NumPy, weights, pictures)", "top"),
        Control("settingsPanel", "Settings (compact layout)", "top", panel=True),
        Control("lessons", "Lessons", "top"),
        Control("help", "Help: words, lessons and docs", "top"),
        Control("timeline", "Timeline of a replayed run (a published page)", "top", panel=True),
        Control("learningRate", "Learning rate", "settings"),
        Control("activation", "Activation", "settings"),
        Control("regularization", "Regularization", "settings"),
        Control("regularizationRate", "Regularization rate", "settings"),
        Control("problem", "Problem type", "settings"),
        Control("optimizer", "Optimizer", "settings"),
        Control("output", "Output and loss", "settings"),
        Control("dataPanel", "Data panel", "data", panel=True),
        Control("dataset", "Dataset picker", "data"),
        Control("noise", "Noise", "data"),
        Control("percTrainData", "Ratio of training to test data", "data"),
        Control("batchSize", "Batch size", "data"),
        Control("regenerate", "Regenerate", "data"),
        Control("load", "Load a data file", "data"),
        Control("draw", "Draw points", "data"),
        Control("inputs", "Inputs on the map (data with more than two inputs)", "data"),
        Control("featuresPanel", "Features", "network", panel=True),
        Control("x", "Feature x₁", "network"),
        Control("y", "Feature x₂", "network"),
        Control("xSquared", "Feature x₁²", "network"),
        Control("ySquared", "Feature x₂²", "network"),
        Control("xTimesY", "Feature x₁x₂", "network"),
        Control("sinX", "Feature sin(x₁)", "network"),
        Control("sinY", "Feature sin(x₂)", "network"),
        Control("numHiddenLayers", "Add and remove layers and neurons", "network"),
        Control("showTestData", "Show test data", "output"),
        Control("discretize", "Discretize output", "output"),
        Control("legend", "Legend", "output", panel=True),
        Control("lossChart", "Loss chart", "output", panel=True),
        Control("metrics", "Loss and accuracy", "output", panel=True),
        Control("explainSize", "Step size (point, batch, epoch)", "explain"),
        Control("share", "Share link", "host"),
        Control("embed", "Embed", "host"),
        Control("save", "Save session", "host"),
        Control("loadSession", "Load session", "host"),
        Control("shareLive", "Share live", "host"),
        Control("midi", "MIDI controller: learn knobs and pads", "host"),
    ]
}
"""Every control and panel by name, in the order of the page."""

MIDI_CONTROLS = (
    "playButton", "stepButton", "resetButton", "explain", "speed",
    "learningRate", "activation", "regularization", "regularizationRate", "problem",
    "optimizer", "output", "noise", "percTrainData", "batchSize", "regenerate",
    "showTestData", "discretize",
)  # fmt: skip
"""The controls a MIDI knob, fader or pad may drive (docs/screens.md, "MIDI"): each is one
slider, select, checkbox or button, so a controller's value has one meaning for it."""


def describe_controls() -> list[dict]:
    """The controls as plain data, for the catalog."""
    return [asdict(c) for c in CONTROLS.values()]
