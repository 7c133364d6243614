// @ts-check
/**
 * The settings, generated from glassnet's Python table
 * (src/glassnet/session/settings.py) by
 * `python -m glassnet.protocol.tables`. Do not edit: a test fails when it is stale.
 */

/**
 * @typedef {{
 *   name: string,
 *   kind: "choice" | "whole" | "number" | "flag" | "whole_list" | "choice_list",
 *   default: any, label: string,
 *   rebuilds: "data" | "network" | "training" | "nothing",
 *   low?: number, high?: number, low_open?: boolean, choices?: any[], max_items?: number,
 * }} SettingSpec
 */

/** Every setting, in the order the page lists them. @type {SettingSpec[]} */
export const SETTINGS = [
  {"name": "dataset", "kind": "choice", "default": "circle", "label": "Dataset", "rebuilds": "data", "choices": ["circle", "xor", "gauss", "spiral", "plane", "multi_gauss", "moons", "blobs", "checkerboard", "sine", "custom"]},
  {"name": "problem", "kind": "choice", "default": "classification", "label": "Problem type", "rebuilds": "data", "choices": ["classification", "regression"]},
  {"name": "classes", "kind": "whole", "default": 3, "label": "Classes", "rebuilds": "data", "low": 2, "high": 6, "low_open": false},
  {"name": "noise", "kind": "whole", "default": 0, "label": "Noise", "rebuilds": "data", "low": 0, "high": 50, "low_open": false},
  {"name": "train_percent", "kind": "whole", "default": 50, "label": "Ratio of training to test data", "rebuilds": "data", "low": 10, "high": 90, "low_open": false},
  {"name": "seed", "kind": "whole", "default": 1, "label": "Seed", "rebuilds": "data", "low": 0, "high": 2147483647, "low_open": false},
  {"name": "features", "kind": "choice_list", "default": ["x1", "x2"], "label": "Features", "rebuilds": "network", "choices": ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]},
  {"name": "hidden_layers", "kind": "whole_list", "default": [4, 2], "label": "Hidden layers", "rebuilds": "network", "low": 1, "high": 32, "low_open": false, "max_items": 10},
  {"name": "activations", "kind": "choice_list", "default": ["tanh", "tanh"], "label": "Activation", "rebuilds": "training", "choices": ["tanh", "relu", "sigmoid", "linear", "leaky_relu", "elu", "softplus", "sine"], "max_items": 10},
  {"name": "output_activation", "kind": "choice", "default": "sigmoid", "label": "Output", "rebuilds": "training", "choices": ["sigmoid", "softmax", "linear", "tanh"]},
  {"name": "loss", "kind": "choice", "default": "binary_crossentropy", "label": "Loss", "rebuilds": "training", "choices": ["mse", "binary_crossentropy", "categorical_crossentropy"]},
  {"name": "init", "kind": "choice", "default": "xavier", "label": "First weights", "rebuilds": "network", "choices": ["xavier", "he", "uniform", "zeros"]},
  {"name": "learning_rate", "kind": "number", "default": 0.03, "label": "Learning rate", "rebuilds": "training", "low": 0, "high": 10, "low_open": true},
  {"name": "optimizer", "kind": "choice", "default": "sgd", "label": "Optimizer", "rebuilds": "training", "choices": ["sgd", "momentum", "adam"]},
  {"name": "regularization", "kind": "choice", "default": "none", "label": "Regularization", "rebuilds": "training", "choices": ["none", "l1", "l1_pin", "l2"]},
  {"name": "regularization_rate", "kind": "number", "default": 0.0, "label": "Regularization rate", "rebuilds": "training", "low": 0, "high": 100, "low_open": false},
  {"name": "batch_size", "kind": "whole", "default": 10, "label": "Batch size", "rebuilds": "training", "low": 1, "high": 5000, "low_open": false},
  {"name": "speed", "kind": "choice", "default": 60, "label": "Speed", "rebuilds": "nothing", "choices": [1, 2, 5, 10, 30, 60, 120, 300, 1000, "max"]},
  {"name": "show_test", "kind": "flag", "default": false, "label": "Show test data", "rebuilds": "nothing"},
  {"name": "discretize", "kind": "flag", "default": false, "label": "Discretize output", "rebuilds": "nothing"},
];

/** The map's view: every input lies from VIEW[0] to VIEW[1]. */
export const VIEW = [-6.0, 6.0];

/** The protocol version this front end speaks (docs/protocol.md). */
export const PROTOCOL_VERSION = 2;
