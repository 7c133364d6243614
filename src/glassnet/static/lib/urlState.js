// @ts-check
/**
 * The URL hash: the whole setup of a playground, as a link anyone can open.
 *
 * Two kinds of links are read:
 *
 * - glassnet's own (they start with gn=1): each key is a setting's own name
 *   (docs/protocol.md), such as learning_rate=0.03&hidden_layers=4,2.
 * - TensorFlow Playground's, from courses and textbooks: its keys keep their
 *   meaning, translated by the one table below so that a course's setup trains
 *   the way the course says (docs/urls.md explains each row).
 *
 * Both may carry hide keys (noise_hide=true, hideText=true, ...), which hide a
 * control or panel. A link may also open a lesson: lesson=NAME, and step=N for
 * its Nth step, counted from 1 as the lesson panel counts them. This is host
 * code of the standalone page: the shared front end never reads the URL.
 */

import { PLAYGROUND_DEFAULT_FEATURES, PLAYGROUND_FEATURE_KEYS } from "./features.js";
import { readSettingText } from "./settingSpecs.js";

/**
 * A link's settings, by name: values of any setting's type. The session checks
 * each one and refuses what is not allowed, with a message.
 * @typedef {Record<string, any>} LinkSettings
 */

/** @typedef {Record<string, string>} Params a hash's keys and their (still encoded) values */

/**
 * @typedef {object} Link
 * @property {"glassnet" | "playground" | "none"} kind
 * @property {LinkSettings} settings
 * @property {string[]} hidden names of controls to hide
 * @property {boolean} hideText
 * @property {{ name: string, step: number } | null} lesson a lesson to open, at its step (from 1)
 */

/**
 * TensorFlow Playground's datasets by its names.
 * @type {Record<string, string>}
 */
const PLAYGROUND_DATASETS = { circle: "circle", xor: "xor", gauss: "gauss", spiral: "spiral" };
/** @type {Record<string, string>} */
const PLAYGROUND_REG_DATASETS = { "reg-plane": "plane", "reg-gauss": "multi_gauss" };
/** @type {Record<string, string>} */
const PLAYGROUND_REGULARIZATION = { none: "none", L1: "l1_pin", L2: "l2" };
const PLAYGROUND_ACTIVATIONS = ["relu", "tanh", "sigmoid", "linear"];

/**
 * TensorFlow Playground's input features: its key, our feature name, on by default.
 * @type {[string, string, boolean][]}
 */
const PLAYGROUND_FEATURES = Object.entries(PLAYGROUND_FEATURE_KEYS).map(([name, key]) => [
  key,
  name,
  PLAYGROUND_DEFAULT_FEATURES.includes(name),
]);

/**
 * THE TABLE: each TensorFlow Playground key, the setting it sets here, and how
 * its value translates. `read(value, link)` returns the setting's value, or
 * undefined to ignore a value the Playground would ignore too.
 *
 * Why some values change: the Playground's squared error is (y - t)² / 2 and ours
 * (as Keras and PyTorch) is (y - t)², whose gradient is twice as large. So the same
 * steps need half the learning rate here, and twice the regularization rate (the
 * Playground applies the penalty with its own, undivided, learning rate).
 * @type {{ key: string, setting: string, read: (value: string, link: { problem: string }) => unknown }[]}
 */
export const PLAYGROUND_KEYS = [
  { key: "problem", setting: "problem", read: (v) => (v === "regression" ? "regression" : v === "classification" ? "classification" : undefined) },
  { key: "dataset", setting: "dataset", read: (v, link) => (link.problem === "regression" ? undefined : PLAYGROUND_DATASETS[v]) },
  { key: "regDataset", setting: "dataset", read: (v, link) => (link.problem === "regression" ? PLAYGROUND_REG_DATASETS[v] : undefined) },
  { key: "noise", setting: "noise", read: Number },
  { key: "percTrainData", setting: "train_percent", read: Number },
  { key: "batchSize", setting: "batch_size", read: Number },
  { key: "networkShape", setting: "hidden_layers", read: (v) => (v.trim() === "" ? [] : v.split(",").map(Number)) },
  { key: "activation", setting: "activations", read: (v) => (PLAYGROUND_ACTIVATIONS.includes(v) ? v : undefined) },
  { key: "learningRate", setting: "learning_rate", read: (v) => positive(v) / 2 },
  { key: "regularization", setting: "regularization", read: (v) => PLAYGROUND_REGULARIZATION[v] },
  { key: "regularizationRate", setting: "regularization_rate", read: (v) => 2 * Number(v) },
  { key: "seed", setting: "seed", read: seedNumber },
  { key: "showTestData", setting: "show_test", read: playgroundBoolean },
  { key: "discretize", setting: "discretize", read: playgroundBoolean },
  { key: "initZero", setting: "init", read: (v) => (playgroundBoolean(v) ? "zeros" : "uniform") },
];

/**
 * Every Playground link trains its way: a tanh output learning -1/+1 (or a linear
 * one for regression) with squared error, SGD, and its uniform first weights.
 */
const PLAYGROUND_IMPLIED = (/** @type {string} */ problem) => ({
  output_activation: problem === "regression" ? "linear" : "tanh",
  loss: "mse",
  optimizer: "sgd",
  init: "uniform",
});

/** Keys that only display options use, in both kinds of links. */
const DISPLAY_KEYS = new Set(["hideText", "gn", "embed", "lesson", "step", "join", "view", "kiosk", "projector"]);
const HIDE_SUFFIX = "_hide";


/**
 * Read a URL hash.
 * @param {string} hash such as "#gn=1&dataset=spiral" or "#learningRate=0.1&networkShape=3"
 * @returns {Link}
 */
export function readHash(hash) {
  const params = parseParams(hash);
  const hidden = Object.keys(params)
    .filter((k) => k.endsWith(HIDE_SUFFIX) && params[k] === "true")
    .map((k) => k.slice(0, -HIDE_SUFFIX.length));
  const hideText = params.hideText !== undefined && params.hideText !== "false";
  const lesson = readLesson(params);
  if (params.gn !== undefined) {
    const settings = readGlassnet(params);
    // As in the Playground, a hidden feature cannot be used.
    if (settings.features) {
      settings.features = settings.features.filter((/** @type {string} */ f) => !hidden.includes(PLAYGROUND_FEATURE_KEYS[f]));
    }
    return { kind: "glassnet", settings, hidden, hideText, lesson };
  }
  const isPlayground = PLAYGROUND_KEYS.some((row) => row.key in params) ||
    PLAYGROUND_FEATURES.some(([key]) => key in params);
  if (!isPlayground) return { kind: "none", settings: {}, hidden, hideText, lesson };
  return { kind: "playground", settings: readPlayground(params, hidden), hidden, hideText, lesson };
}

/**
 * lesson=NAME&step=N: a lesson to open, at step N (from 1; 1 when missing or not a whole number).
 * @param {Params} params
 */
function readLesson(params) {
  if (!params.lesson) return null;
  const step = Number(params.step);
  return { name: decodeURIComponent(params.lesson), step: Number.isInteger(step) && step >= 1 ? step : 1 };
}

/**
 * @param {Params} params
 * @param {string[]} hidden
 * @returns {LinkSettings}
 */
function readPlayground(params, hidden) {
  const link = { problem: params.problem === "regression" ? "regression" : "classification" };
  /** @type {LinkSettings} */
  const settings = { ...PLAYGROUND_IMPLIED(link.problem), problem: link.problem };
  for (const row of PLAYGROUND_KEYS) {
    if (!(row.key in params) || (row.key !== "networkShape" && params[row.key].trim() === "")) continue;
    const value = row.read(decodeURIComponent(params[row.key]), link);
    if (value !== undefined && !Number.isNaN(value)) settings[row.setting] = value;
  }
  if (link.problem === "regression" && !("regDataset" in params)) settings.dataset = "plane";
  if (link.problem === "classification" && !settings.dataset) settings.dataset = "circle";
  const shape = settings.hidden_layers ?? [4, 2];
  const activation = settings.activations ?? "tanh";
  settings.activations = shape.map(() => activation);
  // A feature hidden with x_hide=true cannot be used, as in the Playground.
  settings.features = PLAYGROUND_FEATURES.filter(([key, , on]) => {
    const wanted = key in params ? playgroundBoolean(params[key]) : on;
    return wanted && !hidden.includes(key);
  }).map(([, name]) => name);
  if (settings.features.length === 0) settings.features = ["x1"];
  return settings;
}

/**
 * @param {Params} params
 * @returns {LinkSettings}
 */
function readGlassnet(params) {
  /** @type {LinkSettings} */
  const settings = {};
  for (const [key, raw] of Object.entries(params)) {
    if (DISPLAY_KEYS.has(key) || key.endsWith(HIDE_SUFFIX)) continue;
    // Typed as the settings table says; the session refuses what is not allowed, with a message.
    const value = readSettingText(key, decodeURIComponent(raw));
    settings[key] = value === undefined ? decodeURIComponent(raw) : value;
  }
  return settings;
}

/**
 * Write settings (and hide keys) as a glassnet hash; or, while a lesson is open,
 * the lesson and its step (the lesson sets the playground up).
 * @param {Record<string, unknown>} settings every setting, as the session sent them
 * @param {{hidden?: string[], hideText?: boolean, lesson?: { name: string, step: number } | null,
 *   screen?: Screen}} [options]
 */
export function writeHash(settings, options = {}) {
  const parts = options.lesson
    ? [`lesson=${encodeURIComponent(options.lesson.name)}`, `step=${options.lesson.step}`]
    : ["gn=1"];
  for (const [key, value] of options.lesson ? [] : Object.entries(settings)) {
    const text = Array.isArray(value) ? value.join(",") : String(value);
    parts.push(`${key}=${encodeURIComponent(text).replace(/%2C/g, ",")}`);
  }
  for (const name of options.hidden || []) parts.push(`${name}${HIDE_SUFFIX}=true`);
  if (options.hideText) parts.push("hideText=true");
  const screen = options.screen;
  if (screen && screen.view !== "all") parts.push(`view=${screen.view}`);
  if (screen?.kiosk) parts.push("kiosk=1");
  if (screen?.projector) parts.push("projector=1");
  return `#${parts.join("&")}`;
}

/**
 * What a screen is for (docs/screens.md): the shared session it follows, the part
 * it shows, and whether it is an exhibition's or a projector's.
 * @typedef {object} Screen
 * @property {string | null} join a join code: follow that shared session (#join=CODE)
 * @property {"all" | "data" | "network" | "output" | "explain" | "controls"} view
 * @property {boolean} kiosk
 * @property {boolean} projector
 */

const SCREEN_VIEWS = ["all", "data", "network", "output", "explain", "controls"];

/**
 * Read a hash's screen keys: join=CODE, view=NAME, kiosk=1, projector=1.
 * @param {string} hash
 * @returns {Screen}
 */
export function readScreen(hash) {
  const params = parseParams(hash);
  const on = (/** @type {string | undefined} */ v) => v !== undefined && v !== "0" && v !== "false";
  const view = SCREEN_VIEWS.includes(params.view) ? params.view : "all";
  const join = /^[A-Za-z0-9_-]{1,100}$/.test(params.join || "") ? params.join : null;
  return {
    join,
    view: /** @type {Screen["view"]} */ (view),
    kiosk: on(params.kiosk),
    projector: on(params.projector),
  };
}

/**
 * @param {string} hash
 * @returns {Params}
 */
function parseParams(hash) {
  /** @type {Params} */
  const params = {};
  for (const pair of hash.replace(/^#/, "").split("&")) {
    if (!pair) continue;
    const [name, ...rest] = pair.split("=");
    params[name] = rest.join("=");
  }
  return params;
}

/** @param {string} v */
function playgroundBoolean(v) {
  return v !== "false"; // the Playground reads anything else as true
}

/** @param {string} v */
function positive(v) {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : NaN;
}

/**
 * The Playground's seed is any text ("0.71372"); ours is a whole number. A whole
 * number stays itself; other text becomes a number by a fixed hash (FNV-1a), so the
 * same link always gives the same seed.
 * @param {string} text
 */
export function seedNumber(text) {
  if (/^\d+$/.test(text) && Number(text) < 2 ** 31) return Number(text);
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= /** @type {number} */ (ch.codePointAt(0));
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash & 0x7fffffff;
}
