// @ts-check
/**
 * Data with more than two inputs (RGB colours, iris measurements, a hand pose's
 * 63 numbers) on a map that has two axes: the map and every neuron's picture
 * show one plane through the inputs. Two inputs go across and up; every other
 * input is held at the value of a chosen point (a data point, or the data's
 * mean to start, or values typed in).
 *
 *   inputSlice(state)       the slice to draw now, or null for data with two inputs or fewer
 *   chooseSlice(state, ...) the person's new choice, for api.setUi({ slice })
 *
 * The choice is the page's own (state.ui.slice), like the pointer's hover: the
 * session trains on every input whatever the map shows. A choice made for other
 * data is not used.
 */

/** @import { DataMessage } from "./messages.js" */
/** @import { Slice, SliceChoice, State } from "./types.js" */

/** @type {WeakMap<DataMessage, number[]>} each data's mean point, computed once */
const MEANS = new WeakMap();

/**
 * How many inputs a point of the data has (from the frame, which says it even before any point is drawn).
 * @param {Pick<State, "frame" | "data">} state
 */
export function inputCount(state) {
  return state.frame?.network.n_raw_inputs ?? state.data?.points[0]?.length ?? 2;
}

/**
 * The slice the map shows now: the person's choice if it was made for this data, else the
 * first two inputs across and up with the others held at the data's mean. While a
 * training step is explained, the others are held at the explained point's values.
 * @param {Pick<State, "frame" | "data" | "ui"> & Partial<Pick<State, "explain">>} state
 * @returns {Slice | null} null for data with two inputs or fewer
 */
export function inputSlice(state) {
  const n = inputCount(state);
  if (n <= 2 || !state.data) return null;
  const choice = state.ui.slice;
  const fits = choice && choice.data === dataKey(state.data, n) && choice.held.length === n &&
    choice.axes.every((a) => Number.isInteger(a) && a >= 0 && a < n) && choice.axes[0] !== choice.axes[1];
  let { axes, held, from } = fits ? choice : { axes: /** @type {[number, number]} */ ([0, 1]), held: mean(state.data, n), from: /** @type {Slice["from"]} */ ("mean") };
  const explained = state.explain?.open ? state.explain.explanation : null;
  if (explained && explained.x.length === n) [held, from] = [explained.x, explained.point];
  return { axes, held, from, key: `${axes.join()}|${held.join()}` };
}

/**
 * A new choice of slice, starting from the one shown now.
 * @param {Pick<State, "frame" | "data" | "ui">} state
 * @param {{ axes?: [number, number], point?: number, mean?: boolean, input?: number, value?: number }} change
 *   axes: the inputs across and up; point: hold the others at this data point's values;
 *   mean: at the data's mean; input and value: type one input's held value
 * @returns {SliceChoice | null}
 */
export function chooseSlice(state, change) {
  const now = inputSlice(state);
  const data = state.data;
  if (!now || !data) return null;
  const n = inputCount(state);
  let { axes, held, from } = now;
  if (change.axes) axes = change.axes;
  if (change.mean) [held, from] = [mean(data, n), "mean"];
  if (change.point !== undefined && data.points[change.point]) [held, from] = [[...data.points[change.point]], change.point];
  if (change.input !== undefined && change.value !== undefined) {
    held = held.map((v, k) => (k === change.input ? change.value ?? v : v));
    from = "edited";
  }
  return { axes, held, from, data: dataKey(data, n) };
}

/**
 * The point a new drawn point gets: the chosen point, with the map's two inputs where it was drawn.
 * @param {Slice} slice
 * @param {number} across
 * @param {number} up
 */
export function pointOnSlice(slice, across, up) {
  const point = [...slice.held];
  point[slice.axes[0]] = across;
  point[slice.axes[1]] = up;
  return point;
}

/**
 * A value in the view (-6..6) in the person's own units, when the data came from a file or a model.
 * @param {DataMessage} data
 * @param {number} input which input
 * @param {number} v
 */
export function rawValue(data, input, v) {
  const norm = data.normalization;
  if (!norm) return v;
  const low = norm.input_min[input];
  const high = norm.input_max[input];
  return low + ((v + 5) / 10) * (high - low);
}

/**
 * The view's value (-6..6) of a value in the person's own units: rawValue backwards.
 * @param {DataMessage} data
 * @param {number} input
 * @param {number} raw
 */
export function viewValue(data, input, raw) {
  const norm = data.normalization;
  if (!norm) return raw;
  const low = norm.input_min[input];
  const high = norm.input_max[input];
  return high === low ? 0 : -5 + (10 * (raw - low)) / (high - low);
}

/**
 * @param {DataMessage} data
 * @param {number} n
 */
function dataKey(data, n) {
  return `${data.source}:${data.name}:${n}`;
}

/**
 * Each input's mean over the data's points (0 without points).
 * @param {DataMessage} data
 * @param {number} n
 * @returns {number[]}
 */
function mean(data, n) {
  const known = MEANS.get(data);
  if (known && known.length === n) return known;
  const sums = new Array(n).fill(0);
  for (const point of data.points) for (let k = 0; k < n; k++) sums[k] += point[k] ?? 0;
  const means = sums.map((s) => (data.points.length ? s / data.points.length : 0));
  MEANS.set(data, means);
  return means;
}
