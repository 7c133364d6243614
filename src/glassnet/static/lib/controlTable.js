// @ts-check
/**
 * The controls, generated from glassnet's Python table (src/glassnet/controls.py)
 * by `python -m glassnet.protocol.tables`. Do not edit: a test fails when it is stale.
 */

/** @typedef {{name: string, label: string, where: string, panel: boolean}} ControlSpec */

/** Every control and panel, by its data-control name. @type {ControlSpec[]} */
export const CONTROLS = [
  {"name": "playButton", "label": "Play and pause", "where": "top", "panel": false},
  {"name": "stepButton", "label": "Step one epoch", "where": "top", "panel": false},
  {"name": "resetButton", "label": "Reset", "where": "top", "panel": false},
  {"name": "undoButton", "label": "Undo and redo", "where": "top", "panel": false},
  {"name": "epoch", "label": "Epoch counter", "where": "top", "panel": true},
  {"name": "speed", "label": "Speed", "where": "top", "panel": false},
  {"name": "explain", "label": "Step through", "where": "top", "panel": false},
  {"name": "export", "label": "Export (ml5.js model, p5.js sketch, NumPy, weights, pictures)", "where": "top", "panel": false},
  {"name": "settingsPanel", "label": "Settings (compact layout)", "where": "top", "panel": true},
  {"name": "lessons", "label": "Lessons", "where": "top", "panel": false},
  {"name": "help", "label": "Help: words, lessons and docs", "where": "top", "panel": false},
  {"name": "timeline", "label": "Timeline of a replayed run (a published page)", "where": "top", "panel": true},
  {"name": "learningRate", "label": "Learning rate", "where": "settings", "panel": false},
  {"name": "activation", "label": "Activation", "where": "settings", "panel": false},
  {"name": "regularization", "label": "Regularization", "where": "settings", "panel": false},
  {"name": "regularizationRate", "label": "Regularization rate", "where": "settings", "panel": false},
  {"name": "problem", "label": "Problem type", "where": "settings", "panel": false},
  {"name": "optimizer", "label": "Optimizer", "where": "settings", "panel": false},
  {"name": "output", "label": "Output and loss", "where": "settings", "panel": false},
  {"name": "dataPanel", "label": "Data panel", "where": "data", "panel": true},
  {"name": "dataset", "label": "Dataset picker", "where": "data", "panel": false},
  {"name": "noise", "label": "Noise", "where": "data", "panel": false},
  {"name": "percTrainData", "label": "Ratio of training to test data", "where": "data", "panel": false},
  {"name": "batchSize", "label": "Batch size", "where": "data", "panel": false},
  {"name": "regenerate", "label": "Regenerate", "where": "data", "panel": false},
  {"name": "load", "label": "Load a data file", "where": "data", "panel": false},
  {"name": "draw", "label": "Draw points", "where": "data", "panel": false},
  {"name": "inputs", "label": "Inputs on the map (data with more than two inputs)", "where": "data", "panel": false},
  {"name": "featuresPanel", "label": "Features", "where": "network", "panel": true},
  {"name": "x", "label": "Feature x₁", "where": "network", "panel": false},
  {"name": "y", "label": "Feature x₂", "where": "network", "panel": false},
  {"name": "xSquared", "label": "Feature x₁²", "where": "network", "panel": false},
  {"name": "ySquared", "label": "Feature x₂²", "where": "network", "panel": false},
  {"name": "xTimesY", "label": "Feature x₁x₂", "where": "network", "panel": false},
  {"name": "sinX", "label": "Feature sin(x₁)", "where": "network", "panel": false},
  {"name": "sinY", "label": "Feature sin(x₂)", "where": "network", "panel": false},
  {"name": "numHiddenLayers", "label": "Add and remove layers and neurons", "where": "network", "panel": false},
  {"name": "showTestData", "label": "Show test data", "where": "output", "panel": false},
  {"name": "discretize", "label": "Discretize output", "where": "output", "panel": false},
  {"name": "legend", "label": "Legend", "where": "output", "panel": true},
  {"name": "lossChart", "label": "Loss chart", "where": "output", "panel": true},
  {"name": "metrics", "label": "Loss and accuracy", "where": "output", "panel": true},
  {"name": "explainSize", "label": "Step size (point, batch, epoch)", "where": "explain", "panel": false},
  {"name": "share", "label": "Share link", "where": "host", "panel": false},
  {"name": "embed", "label": "Embed", "where": "host", "panel": false},
  {"name": "save", "label": "Save session", "where": "host", "panel": false},
  {"name": "loadSession", "label": "Load session", "where": "host", "panel": false},
  {"name": "shareLive", "label": "Share live", "where": "host", "panel": false},
  {"name": "midi", "label": "MIDI controller: learn knobs and pads", "where": "host", "panel": false},
];

/** The controls a MIDI knob, fader or pad may drive (docs/screens.md). */
export const MIDI_CONTROLS = ["playButton", "stepButton", "resetButton", "explain", "speed", "learningRate", "activation", "regularization", "regularizationRate", "problem", "optimizer", "output", "noise", "percTrainData", "batchSize", "regenerate", "showTestData", "discretize"];
