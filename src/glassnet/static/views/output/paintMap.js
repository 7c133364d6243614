// @ts-check
/**
 * Painting the output map: what the network predicts over the plane, one
 * neuron's picture while the pointer rests on it in the network, the data points
 * on top, and for data with one input a plot of the fitted curve.
 *
 * The map paints every frame (a 48 × 48 grid, cheap). The points paint only when
 * the data, the settings or the map's size change.
 *
 * Coordinates: the plane runs from -6 to 6 on both axes, x₂ pointing up, as the
 * grid of lib/evaluate.js. For 1-D data the vertical axis is the value (the
 * target), over the range plotRange() picks.
 */

import { classColor, css, diverging } from "../../lib/colors.js";
import { context2d } from "../../lib/dom.js";
import { colorOfNeuron, paintNeuron, paintOutput } from "../../lib/heatmap.js";
import { EXTENT, plotRange, pointPosition, shownPoints } from "./mapGeometry.js";

/** @import { Grid, GridPoints } from "../../lib/types.js" */
/** @import { MapState, Range, ShownNeuron } from "./mapGeometry.js" */

const INK = "#1f2328";
const POINT_RADIUS = 3.5;

/**
 * Paint the map for a 2-D grid: the output, or the neuron `neuron`.
 * @param {HTMLCanvasElement} canvas of grid resolution, scaled up by CSS
 * @param {MapState} state
 * @param {ShownNeuron | null} neuron
 */
export function paintPlane(canvas, state, neuron) {
  const { grid } = state;
  if (!neuron) {
    const outputs = grid.values[grid.values.length - 1];
    paintOutput(canvas, grid, outputs, outputs.length / grid.n, {
      kind: state.data?.kind || "binary",
      outputActivation: state.frame.network.activations[state.frame.network.activations.length - 1],
      discretize: Boolean(state.settings.discretize),
    });
    return;
  }
  const values = grid.values[neuron.a];
  const nUnits = values.length / grid.n;
  if (neuron.a === 0) {
    const scaled = scaledFeature(values, nUnits, neuron.unit, grid.n);
    paintNeuron(canvas, grid, scaled.values, 1, 0, diverging);
  } else {
    const activation = state.layers[neuron.a - 1].activation;
    paintNeuron(canvas, grid, values, nUnits, neuron.unit, colorOfNeuron(activation, neuron.unit));
  }
}

/**
 * A feature's values divided by their largest size, so that x₁ (up to 6) and
 * x₁² (up to 36) both use the whole colour range, as in the network's pictures.
 * @param {Float64Array} values the features' values, row-major (n × nUnits)
 * @param {number} nUnits
 * @param {number} unit the feature
 * @param {number} n points
 * @returns {{values: Float64Array, scale: number}}
 */
export function scaledFeature(values, nUnits, unit, n) {
  const out = new Float64Array(n);
  let scale = 0;
  for (let p = 0; p < n; p++) {
    out[p] = values[p * nUnits + unit];
    scale = Math.max(scale, Math.abs(out[p]));
  }
  if (scale > 0) for (let p = 0; p < n; p++) out[p] /= scale;
  return { values: out, scale };
}

/**
 * Paint the 1-D plot's background and curves: the network's fitted curve (one
 * per class for softmax), or the neuron's curve.
 * @param {HTMLCanvasElement} canvas at device pixels
 * @param {number} size the map's size in CSS pixels
 * @param {MapState} state
 * @param {ShownNeuron | null} neuron
 */
export function paintPlot(canvas, size, state, neuron) {
  const ctx = context2d(canvas);
  const ratio = canvas.width / size;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, size, size); // transparent: the points and axes show through
  const range = plotRange(state);
  const y = (/** @type {number} */ v) => size * ((range.high - v) / (range.high - range.low));
  const { grid } = state;
  const outputs = grid.values[grid.values.length - 1];
  const nOut = outputs.length / grid.n;
  if (neuron) {
    const values = grid.values[neuron.a];
    const nUnits = values.length / grid.n;
    const activation = neuron.a === 0 ? "" : state.layers[neuron.a - 1].activation;
    const color = activation === "softmax" ? classColor(neuron.unit) : "#5f6670";
    line(ctx, grid, values, nUnits, neuron.unit, size, y, range, color);
  } else {
    for (let k = 0; k < nOut; k++) {
      const color = nOut > 1 ? classColor(k) : INK;
      line(ctx, grid, outputs, nOut, k, size, y, range, color);
    }
  }
}

/**
 * One curve of the 1-D plot, clipped to the map, with a white halo.
 * @param {CanvasRenderingContext2D} ctx
 * @param {GridPoints} grid
 * @param {Float64Array} values row-major (grid.n × nUnits)
 * @param {number} nUnits
 * @param {number} unit
 * @param {number} size
 * @param {(v: number) => number} y where a value goes
 * @param {Range} range
 * @param {string} color
 */
function line(ctx, grid, values, nUnits, unit, size, y, range, color) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, 0, size, size);
  ctx.clip();
  ctx.lineJoin = "round";
  ctx.beginPath();
  const pad = (range.high - range.low) * 0.1; // a curve leaving the plot leaves it steeply, not flat
  for (let i = 0; i < grid.n; i++) {
    const v = Math.min(range.high + pad, Math.max(range.low - pad, values[i * nUnits + unit]));
    const x = ((i + 0.5) / grid.n) * size;
    if (i === 0) ctx.moveTo(x, y(v));
    else ctx.lineTo(x, y(v));
  }
  // A white halo keeps the curve readable where it crosses the points.
  ctx.strokeStyle = "rgba(255, 255, 255, 0.85)";
  ctx.lineWidth = 5;
  ctx.stroke();
  ctx.strokeStyle = color;
  ctx.lineWidth = 2.5;
  ctx.stroke();
  ctx.restore();
}

/**
 * Paint the data points: training points with a white outline, test points with
 * a dark one, and points the person drew with a ring around them.
 * @param {HTMLCanvasElement} canvas at device pixels
 * @param {number} size the map's size in CSS pixels
 * @param {MapState} state
 * @returns {{ train: number, test: number, drawn: number } | undefined} how many of each it painted
 */
export function paintPoints(canvas, size, state) {
  const ctx = context2d(canvas);
  const ratio = canvas.width / size || 1;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, size, size);
  const data = state.data;
  if (!data) return;
  const range = plotRange(state);
  if (data.points[0]?.length === 1 || state.grid?.oneD) axes1D(ctx, size, range);
  const { train, test } = shownPoints(state);
  const colorOf = data.kind === "regression"
    ? (/** @type {number} */ t) => css(diverging(t))
    : (/** @type {number} */ t) => classColor(t);
  /** @type {number[]} */
  const drawn = [];
  ctx.lineWidth = 1;
  for (const i of train) {
    if (i >= data.n_base) {
      drawn.push(i);
      continue;
    }
    dot(ctx, pointPosition(data, i, size, range), POINT_RADIUS, colorOf(data.targets[i]), "#ffffff");
  }
  for (const i of test) {
    dot(ctx, pointPosition(data, i, size, range), POINT_RADIUS, colorOf(data.targets[i]), INK);
  }
  // Drawn points last, on top: a dot with a ring, so they stand out from the generated ones.
  for (const i of drawn) {
    const [x, y] = pointPosition(data, i, size, range);
    dot(ctx, [x, y], POINT_RADIUS + 0.5, colorOf(data.targets[i]), "#ffffff");
    ctx.strokeStyle = INK;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.arc(x, y, POINT_RADIUS + 3, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.lineWidth = 1;
  }
  const slice = state.grid?.slice;
  if (slice) heldMark(ctx, size, slice.held[slice.axes[0]], slice.held[slice.axes[1]]);
  return { train: train.length - drawn.length, test: test.length, drawn: drawn.length };
}

/**
 * For data with more than two inputs: a cross where the chosen point sits, whose
 * values the inputs off the map are held at.
 * @param {CanvasRenderingContext2D} ctx
 * @param {number} size
 * @param {number} across
 * @param {number} up
 */
function heldMark(ctx, size, across, up) {
  const x = ((across + EXTENT) / (2 * EXTENT)) * size;
  const y = ((EXTENT - up) / (2 * EXTENT)) * size;
  for (const [color, width] of [["#ffffff", 4], [INK, 2]]) {
    ctx.strokeStyle = /** @type {string} */ (color);
    ctx.lineWidth = /** @type {number} */ (width);
    ctx.beginPath();
    ctx.moveTo(x - 7, y - 7);
    ctx.lineTo(x + 7, y + 7);
    ctx.moveTo(x + 7, y - 7);
    ctx.lineTo(x - 7, y + 7);
    ctx.stroke();
  }
}

/** The 1-D plot's zero lines (value 0 across, x₁ = 0 up), under the points and the curve. */
/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {number} size
 * @param {Range} range
 */
function axes1D(ctx, size, range) {
  const y0 = Math.round(size * (range.high / (range.high - range.low))) + 0.5;
  const x0 = Math.round(size / 2) + 0.5;
  ctx.strokeStyle = "#c9ced3";
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, y0);
  ctx.lineTo(size, y0);
  ctx.moveTo(x0, 0);
  ctx.lineTo(x0, size);
  ctx.stroke();
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {[number, number]} at
 * @param {number} r
 * @param {string} fill
 * @param {string} stroke
 */
function dot(ctx, [x, y], r, fill, stroke) {
  ctx.fillStyle = fill;
  ctx.strokeStyle = stroke;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
}

