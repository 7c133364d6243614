// @ts-check
/**
 * The display evaluator: the network's values at many points, to draw heatmaps.
 *
 * This is display, not training: it runs the weights the session sent through
 * the same formulas as the engine (glassnet/engine/activations.py), one layer
 * at a time over typed arrays. A browser test keeps it equal to the engine on
 * random networks with every activation.
 */

import { VIEW } from "./tables.js";
import { computeFeatures } from "./features.js";

export const LEAKY_RELU_SLOPE = 0.01;

/** @import { Grid, GridPoints, Layer } from "./types.js" */

/**
 * Elementwise activations, as in the engine.
 * @type {Record<string, (z: number) => number>}
 */
export const ACTIVATIONS = {
  tanh: Math.tanh,
  relu: (z) => (z > 0 ? z : 0),
  sigmoid: (z) => {
    const e = Math.exp(-Math.abs(z));
    return (z >= 0 ? 1 : e) / (1 + e);
  },
  linear: (z) => z,
  leaky_relu: (z) => (z > 0 ? z : LEAKY_RELU_SLOPE * z),
  elu: (z) => (z > 0 ? z : Math.expm1(Math.min(z, 0))),
  softplus: (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))),
  sine: Math.sin,
};

/**
 * Split the flat parameter list of a frame into layers.
 * @param {number[]} layerSizes [n_inputs, hidden..., n_outputs]
 * @param {string[]} activations one per layer of weights
 * @param {Float64Array | number[]} parameters W0, b0, W1, b1, ... (W row-major)
 * @returns {Layer[]}
 */
export function unpackLayers(layerSizes, activations, parameters) {
  const params = parameters instanceof Float64Array ? parameters : Float64Array.from(parameters);
  const layers = [];
  let offset = 0;
  for (let l = 0; l < layerSizes.length - 1; l++) {
    const nIn = layerSizes[l];
    const nOut = layerSizes[l + 1];
    const weights = params.subarray(offset, offset + nIn * nOut);
    offset += nIn * nOut;
    const biases = params.subarray(offset, offset + nOut);
    offset += nOut;
    layers.push({ nIn, nOut, weights, biases, activation: activations[l] });
  }
  if (offset !== params.length) {
    throw new Error(`expected ${offset} parameters for ${layerSizes}, got ${params.length}`);
  }
  return layers;
}

/**
 * Run inputs through the layers, keeping every layer's outputs.
 * @param {Layer[]} layers
 * @param {Float64Array} inputs row-major (n × nIn of the first layer)
 * @param {number} n number of points
 * @param {Float64Array[]} [reuse] arrays of an earlier result that may be overwritten
 *   (layer l's output goes into reuse[l + 1] when its length fits)
 * @returns {Float64Array[]} activations: [inputs, layer 0 output, layer 1 output, ...]
 */
export function forward(layers, inputs, n, reuse = []) {
  const outputs = [inputs];
  let a = inputs;
  for (const [l, layer] of layers.entries()) {
    const { nIn, nOut, weights, biases } = layer;
    const old = reuse[l + 1];
    const z = old && old.length === n * nOut ? old : new Float64Array(n * nOut);
    for (let p = 0; p < n; p++) {
      const row = p * nIn;
      const out = p * nOut;
      for (let j = 0; j < nOut; j++) z[out + j] = biases[j];
      for (let i = 0; i < nIn; i++) {
        const ai = a[row + i];
        if (ai === 0) continue;
        const w = i * nOut;
        for (let j = 0; j < nOut; j++) z[out + j] += ai * weights[w + j];
      }
    }
    if (layer.activation === "softmax") softmaxRows(z, n, nOut);
    else {
      const f = ACTIVATIONS[layer.activation];
      if (!f) throw new Error(`unknown activation ${layer.activation}`);
      if (layer.activation !== "linear") for (let k = 0; k < z.length; k++) z[k] = f(z[k]);
    }
    outputs.push(z);
    a = z;
  }
  return outputs;
}

/**
 * Softmax of each row, in place.
 * @param {Float64Array} z row-major (n × k)
 * @param {number} n
 * @param {number} k
 */
function softmaxRows(z, n, k) {
  for (let p = 0; p < n; p++) {
    const o = p * k;
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, z[o + j]);
    let sum = 0;
    for (let j = 0; j < k; j++) {
      z[o + j] = Math.exp(z[o + j] - max);
      sum += z[o + j];
    }
    for (let j = 0; j < k; j++) z[o + j] /= sum;
  }
}

/**
 * A square grid of points over the view, row by row from the top (x2 = 6)
 * to the bottom, each row from left (x1 = -6) to right: the order of image pixels.
 * For 1-D data, a row of points along x1 only.
 * @param {number} resolution points per side
 * @param {boolean} oneD
 * @param {number} [extent=6]
 * @returns {GridPoints}
 */
export function makeGrid(resolution, oneD = false, extent = VIEW[1]) {
  const n = oneD ? resolution : resolution * resolution;
  const x1 = new Float64Array(n);
  const x2 = oneD ? null : new Float64Array(n);
  const step = (2 * extent) / resolution;
  for (let r = 0; r < (oneD ? 1 : resolution); r++) {
    for (let c = 0; c < resolution; c++) {
      const i = r * resolution + c;
      x1[i] = -extent + (c + 0.5) * step;
      if (x2) x2[i] = extent - (r + 0.5) * step;
    }
  }
  return { resolution, n, x1, x2, oneD, slice: null };
}

/**
 * Every neuron's value at every grid point.
 * @param {Layer[]} layers
 * @param {string[]} features the network's input features
 * @param {GridPoints} grid (with a slice, for data with more than two inputs)
 * @param {Grid | null} [earlier] an earlier evaluation whose arrays are overwritten
 *   (lib/heatmapGrid.js); its features' values are kept when the features and the
 *   points are the same
 * @returns {Float64Array[]} [features, layer 0 output, ...], each row-major (grid.n × units)
 */
export function evaluateGrid(layers, features, grid, earlier = null) {
  const samePoints =
    earlier &&
    earlier.features.join() === features.join() &&
    earlier.n === grid.n &&
    earlier.oneD === grid.oneD &&
    (earlier.slice?.key ?? null) === (grid.slice?.key ?? null);
  const inputs = samePoints ? earlier.values[0] : computeFeatures(features, grid.x1, grid.x2, grid.slice);
  return forward(layers, inputs, grid.n, earlier?.values);
}
