// @ts-check
/**
 * The grid every heatmap is drawn from: each neuron's value at every point of a
 * grid over the plane, for the network of the latest frame.
 *
 * This is display, not training: lib/evaluate.js runs the weights the session
 * sent, and a browser test keeps it equal to the engine. The network diagram's
 * pictures and the output map all read this one grid, computed once per frame.
 */

import { evaluateGrid, makeGrid } from "./evaluate.js";

/** @import { FrameNetwork } from "./messages.js" */
/** @import { Grid, Layer, Slice } from "./types.js" */

/** Points per side of the grid every heatmap is drawn from. */
export const GRID_RESOLUTION = 48;

/**
 * @param {FrameNetwork} network the frame's network (its features, and whether the data has one input)
 * @param {Layer[]} layers its weights, from the frame's parameters
 * @param {Slice | null} [slice] for data with more than two inputs (lib/inputSlice.js)
 * @param {object} [options]
 * @param {number} [options.resolution] points per side (a picture to export wants more)
 * @param {Grid | null} [options.reuse] a grid this one replaces, whose arrays are overwritten
 * @returns {Grid} for 1-D data, a row of 4 × resolution points along x₁
 */
export function heatmapGrid(network, layers, slice = null, { resolution = GRID_RESOLUTION, reuse = null } = {}) {
  const oneD = network.n_raw_inputs === 1;
  const grid = { ...makeGrid(resolution * (oneD ? 4 : 1), oneD), slice };
  const values = evaluateGrid(layers, network.features, grid, reuse);
  return { ...grid, features: network.features, values };
}

/**
 * The store's grid, frame after frame. It is evaluated again only for a different
 * network or slice, and into the arrays of the grid it replaces: a page that draws
 * a network many times a second then makes no garbage to collect. So a grid is
 * good until the next frame's: nothing may keep one (or its arrays) longer.
 */
export function createGridKeeper() {
  /** @type {Grid | null} */
  let grid = null;
  /** @type {{ network: FrameNetwork, layers: Layer[] } | null} the network `grid` holds */
  let holds = null;
  return {
    /**
     * @param {FrameNetwork} network
     * @param {Layer[]} layers
     * @param {Slice | null} slice
     * @returns {Grid}
     */
    gridFor(network, layers, slice) {
      const asked = { network, layers };
      const sameSlice = (grid?.slice?.key ?? null) === (slice?.key ?? null);
      if (grid && holds && sameSlice && sameNetwork(holds, asked)) {
        holds = asked;
        return grid;
      }
      holds = null; // if evaluating fails halfway, the half-written grid is not taken for whole
      grid = heatmapGrid(network, layers, slice, { reuse: grid });
      holds = asked;
      return grid;
    },
  };
}

/**
 * Whether two frames' networks compute the same function over the plane: the same
 * features, the same layers and the same numbers. A frame that only answers a
 * display setting (Discretize, Show test data) while training is paused has the
 * weights of the one before, and its grid is the one already computed.
 * @param {{ network: FrameNetwork, layers: Layer[] }} a
 * @param {{ network: FrameNetwork, layers: Layer[] }} b
 */
export function sameNetwork(a, b) {
  if (a.network.n_raw_inputs !== b.network.n_raw_inputs) return false;
  if (a.network.features.join() !== b.network.features.join()) return false;
  if (a.layers.length !== b.layers.length) return false;
  return a.layers.every((layer, l) => {
    const other = b.layers[l];
    return (
      layer.activation === other.activation &&
      sameNumbers(layer.weights, other.weights) &&
      sameNumbers(layer.biases, other.biases)
    );
  });
}

/**
 * @param {ArrayLike<number>} a
 * @param {ArrayLike<number>} b
 */
function sameNumbers(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
