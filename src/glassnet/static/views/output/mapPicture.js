// @ts-check
/**
 * The output map as a picture to export (lib/picture.js): what the network
 * predicts over the plane (the heatmap, evaluated afresh at a resolution that
 * suits the size, inside the SVG as a picture), with the training points on it
 * as circles (the test points too when shown). For data with one input, the
 * plot and its points as drawn on screen; for data with more than two, the
 * chosen point's cross.
 */

import { classColor, css, diverging } from "../../lib/colors.js";
import { paintOutput } from "../../lib/heatmap.js";
import { heatmapGrid } from "../../lib/heatmapGrid.js";
import { INK, round, svgImage, svgOf } from "../../lib/picture.js";
import { EXTENT, plotRange, pointPosition, shownPoints } from "./mapGeometry.js";
import { paintPlot, paintPoints } from "./paintMap.js";

/** @import { Picture, PictureState } from "../../lib/picture.js" */

/** The SVG's own size; its viewBox scales it to the size asked for. */
const S = 400;

/**
 * @param {PictureState} state
 * @param {number} size the picture's width and height in pixels
 * @returns {Picture}
 */
export function mapPicture(state, size) {
  const parts = [];
  if (state.grid.oneD) {
    const plot = document.createElement("canvas");
    const points = document.createElement("canvas");
    plot.width = plot.height = points.width = points.height = Math.min(2000, Math.max(S, size));
    paintPlot(plot, plot.width, state, null);
    paintPoints(points, points.width, state);
    parts.push(svgImage(plot, 0, 0, S, S), svgImage(points, 0, 0, S, S));
  } else {
    const net = state.frame.network;
    const grid = heatmapGrid(net, state.layers, state.grid.slice ?? null, {
      resolution: Math.max(48, Math.min(256, Math.round(size / 3))),
    });
    const outputs = grid.values[grid.values.length - 1];
    const heat = document.createElement("canvas");
    paintOutput(heat, grid, outputs, outputs.length / grid.n, {
      kind: state.data.kind,
      outputActivation: net.activations[net.activations.length - 1],
      discretize: Boolean(state.settings.discretize),
    });
    parts.push(svgImage(heat, 0, 0, S, S), ...points(state));
  }
  parts.push(`<rect x="0.5" y="0.5" width="${S - 1}" height="${S - 1}" fill="none" stroke="#c9ced3"/>`);
  return svgOf(parts, S, S, size);
}

/**
 * The points as circles: training points with a white outline, test points (when shown) with a dark one.
 * @param {PictureState} state
 */
function points(state) {
  const data = state.data;
  const range = plotRange(state);
  const { train, test } = shownPoints(state);
  const fill = (/** @type {number} */ t) => (data.kind === "regression" ? css(diverging(t)) : classColor(t));
  const dot = (/** @type {number} */ i, /** @type {string} */ stroke) => {
    const [x, y] = pointPosition(data, i, S, range);
    return `<circle cx="${round(x)}" cy="${round(y)}" r="4" fill="${fill(data.targets[i])}" stroke="${stroke}"/>`;
  };
  const marks = [...train.map((i) => dot(i, "#ffffff")), ...test.map((i) => dot(i, INK))];
  const slice = state.grid.slice;
  if (slice) {
    const x = ((slice.held[slice.axes[0]] + EXTENT) / (2 * EXTENT)) * S;
    const y = ((EXTENT - slice.held[slice.axes[1]]) / (2 * EXTENT)) * S;
    marks.push(`<path d="M${round(x - 7)} ${round(y - 7)}L${round(x + 7)} ${round(y + 7)}M${round(x + 7)} ` +
      `${round(y - 7)}L${round(x - 7)} ${round(y + 7)}" stroke="${INK}" stroke-width="2"/>`);
  }
  return marks;
}
