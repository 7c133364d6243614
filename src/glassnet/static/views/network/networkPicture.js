// @ts-check
/**
 * The network diagram as a picture to export (lib/picture.js): the features the
 * network gets, every neuron's picture, the edges coloured and sized by their
 * weights, the biases, and a line saying what it shows. Laid out as on screen
 * (layoutNetwork.js); the SVG's viewBox scales it to the width asked for.
 */

import { classColor, diverging } from "../../lib/colors.js";
import { featureLabel, featureRange } from "../../lib/features.js";
import { classLabel, grouped, num } from "../../lib/format.js";
import { colorOfNeuron, paintCurve, paintNeuron } from "../../lib/heatmap.js";
import { heatmapGrid } from "../../lib/heatmapGrid.js";
import { svgImage, svgOf, svgText } from "../../lib/picture.js";
import { edgePath, edgeWidth, layoutNetwork } from "./layoutNetwork.js";
import { signedStep } from "./paintFrame.js";

/** @import { Picture, PictureState } from "../../lib/picture.js" */
/** @import { Grid } from "../../lib/types.js" */

/** Points per side of the grid each neuron's picture is painted from. */
const RESOLUTION = 64;

/**
 * @param {PictureState} state
 * @param {number} width the picture's width in pixels
 * @returns {Picture}
 */
export function networkPicture(state, width) {
  const { frame, layers, data, catalog } = state;
  const net = frame.network;
  const counts = [net.features.length, ...net.layer_sizes.slice(1)];
  const many = net.n_raw_inputs > 2;
  /** A feature's name: an input's own name for data with more inputs, else x₁, x₁², ... */
  const nameOf = (/** @type {string} */ feature) => {
    const k = /^x[0-9]+$/.test(feature) ? Number(feature.slice(1)) - 1 : -1;
    return many && k >= 0 ? data.input_names[k] ?? feature : featureLabel(feature, catalog);
  };
  const softmax = net.activations[net.activations.length - 1] === "softmax";
  const longest = (/** @type {string[]} */ words) => Math.max(1, ...words.map((w) => w.length));
  const left = Math.min(110, 16 + 6.5 * longest(net.features.map(nameOf)));
  const right = softmax ? Math.min(120, 30 + 7 * longest(data.class_names.map(classLabel))) : 16;
  const W = Math.max(640, 160 * counts.length);
  const H = Math.max(300, Math.min(900, 40 + 30 * Math.max(...counts)));
  const layout = layoutNetwork({ width: W, height: H - 40, counts, right, left });
  const grid = heatmapGrid(net, layers, state.grid.slice ?? null, { resolution: RESOLUTION });
  const parts = [];
  // The edges first, under the neurons.
  layers.forEach((layer, l) => {
    for (let i = 0; i < layer.nIn; i++) {
      for (let j = 0; j < layer.nOut; j++) {
        const w = layer.weights[i * layer.nOut + j];
        parts.push(`<path d="${edgePath(layout.columns[l], i, layout.columns[l + 1], j)}" fill="none" ` +
          `stroke="${signedStep(w)}" stroke-width="${edgeWidth(w)}" stroke-linecap="round"/>`);
      }
    }
  });
  layout.columns.forEach((column, a) => {
    const { x, size } = column;
    column.ys.forEach((y, unit) => {
      const top = y - size / 2;
      const activation = a === 0 ? "" : layers[a - 1].activation;
      parts.push(svgImage(nodeCanvas(grid, a, unit, activation, net.features[unit]), x - size / 2, top, size, size),
        `<rect x="${x - size / 2}" y="${top}" width="${size}" height="${size}" rx="3" fill="none" stroke="#aab0b6"/>`);
      if (a === 0) {
        parts.push(svgText(x - size / 2 - 7, y, nameOf(net.features[unit]), "end", 12));
        return;
      }
      const b = Math.max(5, Math.min(10, Math.round(size * 0.24))); // the bias square, at the lower left
      parts.push(`<rect x="${x - size / 2 - b - 2}" y="${top + size - b + 2}" width="${b}" height="${b}" ` +
        `fill="${signedStep(layers[a - 1].biases[unit])}" stroke="#6d747b"/>`);
      if (softmax && a === layout.columns.length - 1) {
        parts.push(`<circle cx="${x + size / 2 + 11}" cy="${y}" r="4.5" fill="${classColor(unit)}"/>`,
          svgText(x + size / 2 + 20, y, classLabel(data.class_names[unit] ?? String(unit)), "start", 11));
      }
    });
  });
  const loss = frame.metrics.train_loss;
  const trained = `epoch ${grouped(frame.epoch)}` + (loss === null ? "" : `, training loss ${num(loss)}`);
  parts.push(svgText(12, H - 14, `glassnet · ${data.name} · ${trained}`, "start", 11, "#80868d"));
  return svgOf(parts, layout.width, H, width);
}

/**
 * One neuron's (or feature's) picture, painted as the diagram paints it.
 * @param {Grid} grid
 * @param {number} a which of grid.values (0: the features)
 * @param {number} unit
 * @param {string} activation "" for a feature
 * @param {string} feature a feature's name
 */
function nodeCanvas(grid, a, unit, activation, feature) {
  const values = grid.values[a];
  const nUnits = values.length / grid.n;
  const canvas = document.createElement("canvas");
  if (grid.oneD) {
    canvas.width = canvas.height = 96;
    const bounded = activation === "sigmoid" || activation === "softmax";
    paintCurve(canvas, grid, values, nUnits, unit, { low: bounded ? -0.2 : -1.2, high: 1.2 });
  } else if (activation) {
    paintNeuron(canvas, grid, values, nUnits, unit, colorOfNeuron(activation, unit));
  } else {
    // A feature, scaled as paintFrame.js scales it.
    const own = new Float64Array(grid.n);
    let scale = grid.slice ? featureRange(feature) : 0;
    for (let p = 0; p < grid.n; p++) {
      own[p] = values[p * nUnits + unit];
      if (!grid.slice) scale = Math.max(scale, Math.abs(own[p]));
    }
    if (scale > 0) for (let p = 0; p < grid.n; p++) own[p] /= scale;
    paintNeuron(canvas, grid, own, 1, 0, diverging);
  }
  return canvas;
}
