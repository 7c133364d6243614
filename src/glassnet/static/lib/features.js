/**
 * The seven input features, computed in the browser to draw their pictures.
 * The same formulas as glassnet/data/features.py; a browser test keeps them equal.
 */

/** @type {Record<string, (x1: number, x2: number) => number>} */
export const FEATURE_FUNCTIONS = {
  x1: (x1, x2) => x1,
  x2: (x1, x2) => x2,
  "x1^2": (x1, x2) => x1 * x1,
  "x2^2": (x1, x2) => x2 * x2,
  "x1*x2": (x1, x2) => x1 * x2,
  "sin(x1)": (x1, x2) => Math.sin(x1),
  "sin(x2)": (x1, x2) => Math.sin(x2),
};

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
