// @ts-check
/**
 * The network diagram's per-frame drawing, and what its tooltips say.
 *
 * Every frame while training: each neuron's picture, each bias square's colour
 * and each edge's colour and width. Attributes are only written when they
 * change, so a frame of an 8 × 8 network costs well under a millisecond
 * besides the canvases. Feature pictures never change with training, so they
 * are painted once per diagram.
 */

import { classColor, css, diverging } from "../../lib/colors.js";
import { context2d } from "../../lib/dom.js";
import { forward } from "../../lib/evaluate.js";
import { computeFeatures, featureRange } from "../../lib/features.js";
import { paintCurve, paintNeuron } from "../../lib/heatmap.js";
import { edgeWidth } from "./layoutNetwork.js";

/** @import { ColorOf } from "../../lib/heatmap.js" */
/** @import { DrawnState, Grid, GridPoints, Hover } from "../../lib/types.js" */
/** @import { Diagram, NeuronNode } from "./buildDiagram.js" */

/** The diverging colours in 201 steps from -1 to 1, made once instead of on every frame. */
const STEPS = 100;
const SIGNED = Array.from({ length: 2 * STEPS + 1 }, (_, k) => css(diverging((k - STEPS) / STEPS)));

/** The diverging colour of v (clamped to [-1, 1]), from the table. */
export function signedStep(/** @type {number} */ v) {
  const t = v > 1 ? 1 : v < -1 ? -1 : v;
  return SIGNED[Math.round(t * STEPS) + STEPS] ?? SIGNED[STEPS]; // NaN gives the neutral colour
}

const LUT_STEPS = 256;

/**
 * A neuron's colours, ready to copy: colorOf(v) for LUT_STEPS + 1 values of v
 * from `low` to `high`, each packed as the four bytes of one image pixel.
 * Every colorOfNeuron clamps outside its range (diverging at ±1, sigmoid and
 * softmax at 0 and 1), so a table over that range gives the same picture as
 * paintNeuron, a few times faster: a frame of 8 × 8 neurons takes under a millisecond.
 * @param {ColorOf} colorOf from colorOfNeuron
 * @param {string} activation
 * @returns {{colors: Uint32Array, low: number, high: number}}
 */
export function colorTable(colorOf, activation) {
  const [low, high] = activation === "sigmoid" || activation === "softmax" ? [0, 1] : [-1, 1];
  const bytes = new Uint8ClampedArray(4 * (LUT_STEPS + 1));
  /** @type {number[]} */
  const rgb = [0, 0, 0];
  for (let k = 0; k <= LUT_STEPS; k++) {
    colorOf(low + ((high - low) * k) / LUT_STEPS, rgb);
    bytes.set([rgb[0], rgb[1], rgb[2], 255], 4 * k);
  }
  return { colors: new Uint32Array(bytes.buffer), low, high };
}

/**
 * Paint one neuron of a 2-D grid into its canvas through its colour table
 * (the pixels of heatmap.js's paintNeuron, to within one step of the table).
 * @param {NeuronNode} node
 * @param {Grid} grid
 * @param {Float64Array} values the node's layer's values, row-major (grid.n × nUnits)
 * @param {number} nUnits
 */
function paintTable(node, grid, values, nUnits) {
  const res = grid.resolution;
  const canvas = node.canvas;
  if (!node.image || !node.context || !node.pixels || canvas.width !== res) {
    canvas.width = canvas.height = res;
    node.context = context2d(canvas);
    node.image = node.context.createImageData(res, res);
    node.pixels = new Uint32Array(node.image.data.buffer);
  }
  node.table ||= colorTable(node.colorOf, node.activation);
  const { colors, low, high } = node.table;
  const scale = LUT_STEPS / (high - low);
  const middle = colors[Math.round(LUT_STEPS / 2)];
  const px = node.pixels;
  for (let i = 0, p = node.unit; i < grid.n; i++, p += nUnits) {
    const k = (values[p] - low) * scale;
    px[i] = k >= 0 ? (k <= LUT_STEPS ? colors[(k + 0.5) | 0] : colors[LUT_STEPS]) : k < 0 ? colors[0] : middle;
  }
  node.context.putImageData(node.image, 0, 0);
}

/**
 * Paint each feature's picture: its value over the plane, scaled by its largest
 * size so that x₁ (up to 6) and x₁² (up to 36) both use the whole colour range.
 * With a slice (data with more than two inputs) each is scaled by how large it
 * gets over the whole view, so an input held at one value shows how large that is.
 * @param {Diagram} diagram
 * @param {GridPoints} grid state.grid
 */
export function paintFeatures(diagram, grid) {
  const slice = grid.slice ?? null;
  diagram.sliceKey = slice?.key ?? "";
  for (const node of diagram.columns[0]) {
    const name = node.feature || "";
    const values = computeFeatures([name], grid.x1, grid.x2, slice);
    let scale = slice ? featureRange(name) : 0;
    if (!slice) for (let p = 0; p < grid.n; p++) scale = Math.max(scale, Math.abs(values[p]));
    if (scale > 0) for (let p = 0; p < grid.n; p++) values[p] /= scale;
    if (grid.oneD) paintCurve(node.canvas, grid, values, 1, 0, { color: "#5f6670" });
    else paintNeuron(node.canvas, grid, values, 1, 0, diverging);
    // The map's two inputs stand out (and keep their names in a crowded column: the first above, the other below).
    const input = Number(node.wrap.dataset.input ?? -1);
    const axis = slice ? slice.axes.indexOf(input) : -1;
    const first = slice ? Math.min(...slice.axes) === input : false;
    node.wrap.classList.toggle("gn-net-axis", axis >= 0);
    node.wrap.classList.toggle("gn-net-axis-first", axis >= 0 && first);
  }
}

/**
 * Each neuron's bar: its value at the chosen point of data with more than two
 * inputs (the point whose values the inputs off the map are held at).
 * @param {Diagram} diagram
 * @param {DrawnState} state
 */
function paintBars(diagram, state) {
  const slice = state.grid.slice;
  if (!slice) return;
  const across = Float64Array.of(slice.held[slice.axes[0]]);
  const up = Float64Array.of(slice.held[slice.axes[1]]);
  const values = forward(state.layers, computeFeatures(state.frame.network.features, across, up, slice), 1);
  for (const node of diagram.neurons) {
    const bar = node.bar;
    if (!bar) continue;
    const v = values[node.a][node.unit];
    const bounded = node.activation === "sigmoid" || node.activation === "softmax";
    // A value in 0..1 fills from the left; others from the middle, left for negative.
    const t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
    const [from, to] = bounded ? [0, t] : [Math.min(0, t) / 2 + 0.5, Math.max(0, t) / 2 + 0.5];
    const fill = /** @type {HTMLElement} */ (bar.firstElementChild);
    fill.style.left = `${(100 * from).toFixed(1)}%`;
    fill.style.width = `${(100 * (to - from)).toFixed(1)}%`;
    fill.style.background = signedStep(bounded ? 2 * t - 1 : t);
    bar.dataset.value = String(v);
  }
}

/**
 * Paint every neuron's picture and bias, and every edge, from the state.
 * @param {Diagram} diagram
 * @param {DrawnState} state
 */
export function paintFrame(diagram, state) {
  const { grid, layers } = state;
  if ((grid.slice?.key ?? "") !== diagram.sliceKey) paintFeatures(diagram, grid);
  if (diagram.bars) paintBars(diagram, state);
  for (const node of diagram.neurons) {
    const values = grid.values[node.a];
    const nUnits = values.length / grid.n;
    if (grid.oneD) {
      const bounded = node.activation === "sigmoid" || node.activation === "softmax";
      paintCurve(node.canvas, grid, values, nUnits, node.unit, {
        low: bounded ? -0.2 : -1.2,
        high: 1.2,
        color: node.activation === "softmax" ? classColor(node.unit) : undefined,
      });
    } else {
      paintTable(node, grid, values, nUnits);
    }
    const color = signedStep(layers[node.a - 1].biases[node.unit]);
    if (node.biasColor !== color) {
      node.biasColor = color;
      node.swatch.style.background = color;
    }
  }
  for (const edge of diagram.edges) {
    const layer = layers[edge.l];
    const w = layer.weights[edge.i * layer.nOut + edge.j];
    const color = signedStep(w);
    const width = edgeWidth(w);
    if (edge.color !== color) {
      edge.color = color;
      edge.path.setAttribute("stroke", color);
    }
    if (edge.width !== width) {
      edge.width = width;
      edge.path.setAttribute("stroke-width", String(width));
    }
  }
}

/**
 * Mark what the pointer rests on (here, or in another view).
 * @param {HTMLElement} root
 * @param {Diagram | null} diagram
 * @param {Hover | null} hover
 */
export function markHover(root, diagram, hover) {
  root.querySelector(".gn-net-hovered")?.classList.remove("gn-net-hovered");
  root.querySelector(".gn-edge-hovered")?.classList.remove("gn-edge-hovered");
  if (!hover || !diagram) return;
  if (hover.kind === "edge") {
    const edge = diagram.edges.find((e) => e.l === hover.layer && e.i === hover.source && e.j === hover.target);
    edge?.path.classList.add("gn-edge-hovered");
  } else if (hover.kind === "neuron") {
    const node = diagram.nodes.find((n) => n.a === hover.layer && n.unit === hover.unit);
    node?.wrap.classList.add("gn-net-hovered");
  }
}

