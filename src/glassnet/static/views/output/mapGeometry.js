// @ts-check
/**
 * Where things are on the output map: the plane runs from -6 to 6 on both
 * axes, x₂ pointing up, as the grid of lib/evaluate.js. For 1-D data the
 * vertical axis is the value (the target), over the range plotRange() picks.
 * For data with more than two inputs, the axes are the two inputs the person
 * chose (lib/inputSlice.js). Drawing points, picking them and painting them all use these.
 */

import { cssZoom } from "../../lib/dom.js";
import { inputSlice } from "../../lib/inputSlice.js";
import { VIEW } from "../../lib/tables.js";

export const EXTENT = VIEW[1];

/** @import { DataKind, DataMessage } from "../../lib/messages.js" */
/** @import { DrawnState, State } from "../../lib/types.js" */

/**
 * A state the map can draw: a network, and the data.
 * @typedef {DrawnState & { data: DataMessage }} MapState
 */

/**
 * Whether the map can draw this state: a network, its grid, and the data have arrived.
 * @param {State} state
 * @returns {state is MapState}
 */
export function isMapState(state) {
  return Boolean(state.frame && state.grid && state.data && state.layers && state.catalog);
}

/** A neuron the map shows instead of the output: a indexes state.grid.values (0 = features). @typedef {{a: number, unit: number}} ShownNeuron */

/**
 * The vertical range of the 1-D plot, and which inputs are across and up.
 * @typedef {{low: number, high: number, axes: [number, number]}} Range
 */

/**
 * What the map shows now: the network's output, or the hovered neuron.
 * @param {State} state
 * @returns {ShownNeuron | null} the neuron, or null for the output
 */
export function shownNeuron(state) {
  const hover = state.ui.hover;
  if (!hover || hover.kind !== "neuron" || !state.grid) return null;
  const values = state.grid.values[hover.layer];
  if (!values || hover.unit < 0 || hover.unit >= values.length / state.grid.n) return null;
  return { a: hover.layer, unit: hover.unit };
}

/**
 * The vertical range of the 1-D plot: the targets' range for regression, the
 * output's range for classification. Drawing and clicking both use it.
 * @param {State} state
 * @returns {Range}
 */
export function plotRange(state) {
  const data = state.data;
  const axes = inputSlice(state)?.axes ?? [0, 1];
  if (data && data.kind !== "regression") {
    const bounded = state.settings.output_activation !== "tanh";
    return bounded ? { low: -0.2, high: 1.2, axes } : { low: -1.2, high: 1.2, axes };
  }
  let m = 1;
  for (const t of data?.targets || []) if (Math.abs(t) > m) m = Math.abs(t);
  const edge = Math.min(10, m * 1.2);
  return { low: -edge, high: edge, axes };
}

/**
 * Where point i sits on the map, in CSS pixels.
 * @param {DataMessage} data
 * @param {number} i the point
 * @param {number} size the map's size in CSS pixels
 * @param {Range} range
 * @returns {[number, number]}
 */
export function pointPosition(data, i, size, range) {
  const p = data.points[i];
  const px = ((p[range.axes[0]] + EXTENT) / (2 * EXTENT)) * size;
  if (p.length === 1) {
    let v = data.targets[i];
    if (data.kind !== "regression") v = classHeight(v, data.kind, range);
    return [px, size * ((range.high - v) / (range.high - range.low))];
  }
  return [px, ((EXTENT - p[range.axes[1]]) / (2 * EXTENT)) * size];
}

/** The height of a class on the 1-D plot: where the output should be for it. */
/**
 * @param {number} k
 * @param {DataKind} kind
 * @param {Range} range
 */
function classHeight(k, kind, range) {
  if (kind === "multiclass") return 1;
  return k === 1 ? 1 : range.low < -0.5 ? -1 : 0;
}

/**
 * The points to show: the training points, and the test points when asked.
 * Removed points are in neither list.
 * @param {State} state
 * @returns {{train: number[], test: number[]}}
 */
export function shownPoints(state) {
  const data = state.data;
  if (!data) return { train: [], test: [] };
  return { train: data.train, test: state.settings.show_test ? data.test : [] };
}

/**
 * The shown point nearest to (px, py) on a map of `size` pixels, within `radius` pixels; -1 if none.
 * @param {State & { data: DataMessage }} state
 * @param {number} size the map's width in CSS pixels
 * @param {number} px
 * @param {number} py
 * @param {number} radius
 */
export function nearestShownPoint(state, size, px, py, radius) {
  const range = plotRange(state);
  const { train, test } = shownPoints(state);
  let best = -1;
  let bestDistance = radius * radius;
  for (const i of [...train, ...test]) {
    const [x, y] = pointPosition(state.data, i, size, range);
    const d = (x - px) ** 2 + (y - py) ** 2;
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

/** Where a pointer event is on the map, in CSS pixels from its top-left corner (inside the border). */
/**
 * @param {HTMLElement} map
 * @param {MouseEvent} event
 * @returns {[number, number]}
 */
export function mapPosition(map, event) {
  const box = map.getBoundingClientRect();
  const zoom = cssZoom(map); // the box and the event are in the viewport's pixels, the map in its own
  return [(event.clientX - box.left) / zoom - map.clientLeft, (event.clientY - box.top) / zoom - map.clientTop];
}
