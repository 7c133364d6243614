// @ts-check
/**
 * The seven input features, computed in the browser to draw their pictures.
 * The same formulas as glassnet/data/features.py; a browser test keeps them equal.
 */

/** @type {Record<string, (x1: number, x2: number) => number>} */
export const FEATURE_FUNCTIONS = {
  x1: (x1) => x1,
  x2: (x1, x2) => x2,
  "x1^2": (x1) => x1 * x1,
  "x2^2": (x1, x2) => x2 * x2,
  "x1*x2": (x1, x2) => x1 * x2,
  "sin(x1)": (x1) => Math.sin(x1),
  "sin(x2)": (x1, x2) => Math.sin(x2),
};

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
 * @param {string[]} names
 * @param {Float64Array} x1 one value per point
 * @param {Float64Array | null} x2 one value per point, or null for 1-D data
 * @returns {Float64Array} row-major (n_points × names.length)
 */
export function computeFeatures(names, x1, x2) {
  const n = x1.length;
  const k = names.length;
  const out = new Float64Array(n * k);
  for (let j = 0; j < k; j++) {
    const f = FEATURE_FUNCTIONS[names[j]];
    for (let i = 0; i < n; i++) out[i * k + j] = f(x1[i], x2 ? x2[i] : 0);
  }
  return out;
}
