// @ts-check
/**
 * The input features, computed in the browser to draw their pictures and the heatmaps.
 * The same formulas as glassnet/data/features.py; a browser test keeps them equal.
 *
 * A feature is computed from a point's raw inputs (x1, x2, ...): TensorFlow
 * Playground's seven from x1 and x2, and for data with more inputs one plain
 * feature per input, x3, x4, ... (featureFunction).
 */

/** @import { Catalog, FeatureSpec } from "./messages.js" */
/** @import { Slice } from "./types.js" */

/** @typedef {(raw: ArrayLike<number>) => number} FeatureFunction a feature from a point's raw inputs */

/** @type {Record<string, FeatureFunction>} */
export const FEATURE_FUNCTIONS = {
  x1: (x) => x[0],
  x2: (x) => x[1],
  "x1^2": (x) => x[0] * x[0],
  "x2^2": (x) => x[1] * x[1],
  "x1*x2": (x) => x[0] * x[1],
  "sin(x1)": (x) => Math.sin(x[0]),
  "sin(x2)": (x) => Math.sin(x[1]),
};

/** The largest size each feature reaches over the view (-6..6 on every input); 6 for plain inputs. */
const FEATURE_RANGES = { "x1^2": 36, "x2^2": 36, "x1*x2": 36, "sin(x1)": 1, "sin(x2)": 1 };

/**
 * The feature called `name`: one of the seven, or a plain input x3 ... x64.
 * @param {string} name
 * @returns {FeatureFunction}
 */
export function featureFunction(name) {
  const known = FEATURE_FUNCTIONS[name];
  if (known) return known;
  const match = /^x([1-9][0-9]*)$/.exec(name);
  if (!match) throw new Error(`unknown feature ${name}`);
  const column = Number(match[1]) - 1;
  return (x) => x[column];
}

/** How large a feature gets over the view, to scale its picture. @param {string} name */
export function featureRange(name) {
  return FEATURE_RANGES[/** @type {keyof typeof FEATURE_RANGES} */ (name)] ?? 6;
}

/**
 * How a feature is written on screen: the catalog's label (x₁², sin(x₁)), or x₃ for a plain input.
 * @param {string} name
 * @param {Catalog | null} [catalog]
 */
export function featureLabel(name, catalog) {
  const found = catalog?.features.find((f) => f.name === name);
  if (found) return found.label;
  return name.replace(/[0-9]/g, (d) => String.fromCharCode(0x2080 + Number(d)));
}

/**
 * The features the network diagram lists, on or off: the catalog's seven, and for
 * data with more than two inputs each input first (x1, x2, x3, ...), then the others.
 * @param {Catalog} catalog
 * @param {number} nRaw how many inputs a point has
 * @returns {FeatureSpec[]}
 */
export function columnFeatures(catalog, nRaw) {
  if (nRaw <= 2) return catalog.features;
  const plain = Array.from({ length: nRaw }, (_, k) => {
    const name = `x${k + 1}`;
    return { name, label: featureLabel(name, catalog), needs: [name] };
  });
  return [...plain, ...catalog.features.filter((f) => f.name !== "x1" && f.name !== "x2")];
}

/**
 * Each feature's key in TensorFlow Playground links (x=true, xSquared_hide=true, ...):
 * the feature's on/off key and the name of its control for hide keys.
 */
/** @type {Record<string, string>} */
export const PLAYGROUND_FEATURE_KEYS = {
  x1: "x",
  x2: "y",
  "x1^2": "xSquared",
  "x2^2": "ySquared",
  "x1*x2": "xTimesY",
  "sin(x1)": "sinX",
  "sin(x2)": "sinY",
};

/** The features TensorFlow Playground turns on when a link does not say. */
export const PLAYGROUND_DEFAULT_FEATURES = ["x1", "x2"];

/**
 * The features of many points, as the network's first layer of activations.
 * Each point is (x1[i], x2[i]); with a slice (data with more inputs), those are
 * the two inputs on the map's axes and every other input is held at its value.
 * @param {string[]} names
 * @param {Float64Array} x1 one value per point
 * @param {Float64Array | null} x2 one value per point, or null for 1-D data
 * @param {Slice | null} [slice]
 * @returns {Float64Array} row-major (n_points × names.length)
 */
export function computeFeatures(names, x1, x2, slice = null) {
  const n = x1.length;
  const k = names.length;
  const out = new Float64Array(n * k);
  const functions = names.map(featureFunction);
  const raw = slice ? Float64Array.from(slice.held) : new Float64Array(2); // 1-D data: x2 = 0
  const [across, up] = slice ? slice.axes : [0, 1];
  for (let i = 0; i < n; i++) {
    raw[across] = x1[i];
    if (x2) raw[up] = x2[i];
    for (let j = 0; j < k; j++) out[i * k + j] = functions[j](raw);
  }
  return out;
}
