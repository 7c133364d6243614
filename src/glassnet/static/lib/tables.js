// @ts-check
/**
 * The settings and the controls, generated from glassnet's Python tables
 * (src/glassnet/session/settings.py and src/glassnet/controls.py) by
 * `python -m glassnet.protocol.tables`. Do not edit: a test fails when it is stale.
 */

/**
 * @typedef {{
 *   name: string,
 *   kind: "choice" | "whole" | "number" | "flag" | "whole_list" | "choice_list",
 *   default: any, label: string, help: string,
 *   rebuilds: "data" | "network" | "training" | "nothing",
 *   low?: number, high?: number, low_open?: boolean, choices?: any[], max_items?: number,
 * }} SettingSpec
 * @typedef {{name: string, label: string, where: string, panel: boolean}} ControlSpec
 */

/** Every setting, in the order the page lists them. @type {SettingSpec[]} */
export const SETTINGS = [
  {"name": "dataset", "kind": "choice", "default": "circle", "label": "Dataset", "help": "Which data to learn: a generated set, or custom for points you drew or loaded.", "rebuilds": "data", "choices": ["circle", "xor", "gauss", "spiral", "plane", "multi_gauss", "moons", "blobs", "checkerboard", "sine", "custom"]},
  {"name": "problem", "kind": "choice", "default": "classification", "label": "Problem type", "help": "Classification (predict a class) or regression (predict a number).", "rebuilds": "data", "choices": ["classification", "regression"]},
  {"name": "classes", "kind": "whole", "default": 3, "label": "Classes", "help": "How many classes the blobs set and drawn points have.", "rebuilds": "data", "low": 2, "high": 6, "low_open": false},
  {"name": "noise", "kind": "whole", "default": 0, "label": "Noise", "help": "How noisy the generated data is, in percent.", "rebuilds": "data", "low": 0, "high": 50, "low_open": false},
  {"name": "train_percent", "kind": "whole", "default": 50, "label": "Ratio of training to test data", "help": "The percentage of points used for training; the rest test the network.", "rebuilds": "data", "low": 10, "high": 90, "low_open": false},
  {"name": "seed", "kind": "whole", "default": 1, "label": "Seed", "help": "Seeds the data, the split, the first weights and the shuffling: the same seed gives the same start.", "rebuilds": "data", "low": 0, "high": 2147483647, "low_open": false},
  {"name": "features", "kind": "choice_list", "default": ["x1", "x2"], "label": "Features", "help": "The input features the network sees, computed from each point's inputs.", "rebuilds": "network", "choices": ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]},
  {"name": "hidden_layers", "kind": "whole_list", "default": [4, 2], "label": "Hidden layers", "help": "How many neurons each hidden layer has; the list's length is the number of layers.", "rebuilds": "network", "low": 1, "high": 32, "low_open": false, "max_items": 10},
  {"name": "activations", "kind": "choice_list", "default": ["tanh", "tanh"], "label": "Activation", "help": "The activation function of each hidden layer.", "rebuilds": "training", "choices": ["tanh", "relu", "sigmoid", "linear", "leaky_relu", "elu", "softplus", "sine"], "max_items": 10},
  {"name": "output_activation", "kind": "choice", "default": "sigmoid", "label": "Output", "help": "The output neurons' activation; what is allowed depends on the problem.", "rebuilds": "training", "choices": ["sigmoid", "softmax", "linear", "tanh"]},
  {"name": "loss", "kind": "choice", "default": "binary_crossentropy", "label": "Loss", "help": "How wrongness is measured; what is allowed depends on the output.", "rebuilds": "training", "choices": ["mse", "binary_crossentropy", "categorical_crossentropy"]},
  {"name": "init", "kind": "choice", "default": "xavier", "label": "First weights", "help": "How the first weights are chosen.", "rebuilds": "network", "choices": ["xavier", "he", "uniform", "zeros"]},
  {"name": "learning_rate", "kind": "number", "default": 0.03, "label": "Learning rate", "help": "How big a step each update takes.", "rebuilds": "training", "low": 0, "high": 10, "low_open": true},
  {"name": "optimizer", "kind": "choice", "default": "sgd", "label": "Optimizer", "help": "How gradients become steps: plain SGD, momentum or Adam.", "rebuilds": "training", "choices": ["sgd", "momentum", "adam"]},
  {"name": "regularization", "kind": "choice", "default": "none", "label": "Regularization", "help": "A pull of every weight towards zero, to keep the network simple.", "rebuilds": "training", "choices": ["none", "l1", "l1_pin", "l2"]},
  {"name": "regularization_rate", "kind": "number", "default": 0.0, "label": "Regularization rate", "help": "How strong the pull towards zero is.", "rebuilds": "training", "low": 0, "high": 100, "low_open": false},
  {"name": "batch_size", "kind": "whole", "default": 10, "label": "Batch size", "help": "How many points each step averages its gradient over.", "rebuilds": "training", "low": 1, "high": 5000, "low_open": false},
  {"name": "speed", "kind": "choice", "default": 60, "label": "Speed", "help": "How many epochs to train per second while playing.", "rebuilds": "nothing", "choices": [1, 2, 5, 10, 30, 60, 120, 300, 1000, "max"]},
  {"name": "show_test", "kind": "flag", "default": false, "label": "Show test data", "help": "Show the test points on the output map.", "rebuilds": "nothing"},
  {"name": "discretize", "kind": "flag", "default": false, "label": "Discretize output", "help": "Show the output map as hard class regions instead of shades of confidence.", "rebuilds": "nothing"},
];

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

/** The map's view: every input lies from VIEW[0] to VIEW[1]. */
export const VIEW = [-6.0, 6.0];

/** The protocol version this front end speaks (docs/protocol.md). */
export const PROTOCOL_VERSION = 2;
