// @ts-check
/**
 * Painting a neuron's values over the input plane, and the network's output map.
 *
 * Values come from the display evaluator (lib/evaluate.js) on a grid whose rows
 * run from the top of the plane (x2 = 6) to the bottom, so grid point i is pixel
 * i of an image of resolution × resolution. The canvas is that small; CSS scales
 * it up smoothly.
 */

import { classShade, diverging } from "./colors.js";
import { context2d } from "./dom.js";

/** @import { RGB } from "./colors.js" */
/** @import { GridPoints } from "./types.js" */

/** How a value becomes a colour: writes [r, g, b] into `out` and returns it. @typedef {(v: number, out: RGB) => RGB} ColorOf */

/**
 * How a neuron's value becomes a colour.
 * @param {string} activation the layer's activation
 * @param {number} unit the neuron (for softmax, its class)
 * @returns {ColorOf}
 */
export function colorOfNeuron(activation, unit) {
  if (activation === "sigmoid") return (v, out) => diverging(2 * v - 1, out);
  if (activation === "softmax") return (v, out) => classShade(unit, v, out);
  return (v, out) => diverging(v, out);
}

/**
 * Paint one neuron's values into a canvas of grid.resolution × grid.resolution pixels.
 * @param {HTMLCanvasElement} canvas
 * @param {{resolution: number, n: number}} grid
 * @param {Float64Array} values row-major (grid.n × nUnits)
 * @param {number} nUnits
 * @param {number} unit
 * @param {ColorOf} colorOf
 * @param {{discretize?: boolean, threshold?: number}} [options] discretize: only whether the
 *   value is above threshold (0, or 0.5 for sigmoid)
 */
export function paintNeuron(canvas, grid, values, nUnits, unit, colorOf, options = {}) {
  const res = grid.resolution;
  const image = imageFor(canvas, res, res);
  const px = image.data;
  const rgb = [0, 0, 0];
  const threshold = options.threshold ?? 0;
  for (let i = 0; i < grid.n; i++) {
    let v = values[i * nUnits + unit];
    if (options.discretize) v = v > threshold ? 1 : -1;
    colorOf(v, rgb);
    px[4 * i] = rgb[0];
    px[4 * i + 1] = rgb[1];
    px[4 * i + 2] = rgb[2];
    px[4 * i + 3] = 255;
  }
  context2d(canvas).putImageData(image, 0, 0);
}

/**
 * Paint the output of a whole network: one colour per pixel.
 *  - binary (one output): orange for class 0, blue for class 1, paler where unsure
 *  - multiclass (softmax): the colour of the most likely class, as strong as its confidence
 *  - regression: orange for low, blue for high values
 * @param {HTMLCanvasElement} canvas
 * @param {{resolution: number, n: number}} grid
 * @param {Float64Array} outputs row-major (grid.n × nOutputs)
 * @param {number} nOutputs
 * @param {{kind: string, outputActivation: string, discretize?: boolean}} options
 */
export function paintOutput(canvas, grid, outputs, nOutputs, options) {
  if (options.kind !== "multiclass") {
    const threshold = options.outputActivation === "sigmoid" ? 0.5 : 0;
    const colorOf = colorOfNeuron(options.outputActivation, 0);
    const discretize = options.discretize && options.kind === "binary";
    paintNeuron(canvas, grid, outputs, nOutputs, 0, discretize ? (v, out) => diverging(v, out) : colorOf, {
      discretize,
      threshold,
    });
    return;
  }
  const res = grid.resolution;
  const image = imageFor(canvas, res, res);
  const px = image.data;
  const rgb = [0, 0, 0];
  const floor = 1 / nOutputs;
  for (let i = 0; i < grid.n; i++) {
    let best = 0;
    for (let k = 1; k < nOutputs; k++) {
      if (outputs[i * nOutputs + k] > outputs[i * nOutputs + best]) best = k;
    }
    const p = outputs[i * nOutputs + best];
    const strength = options.discretize ? 0.85 : (p - floor) / (1 - floor);
    classShade(best, strength, rgb);
    px[4 * i] = rgb[0];
    px[4 * i + 1] = rgb[1];
    px[4 * i + 2] = rgb[2];
    px[4 * i + 3] = 255;
  }
  context2d(canvas).putImageData(image, 0, 0);
}

/**
 * Paint a 1-D neuron (data with one input, x1) as a curve on a shaded background.
 * @param {HTMLCanvasElement} canvas drawn at its own pixel size
 * @param {{n: number}} grid points along x1 from -6 to 6
 * @param {Float64Array} values row-major (grid.n × nUnits)
 * @param {number} nUnits
 * @param {number} unit
 * @param {{low?: number, high?: number, color?: string}} [options] the vertical range
 */
export function paintCurve(canvas, grid, values, nUnits, unit, options = {}) {
  const ctx = context2d(canvas);
  const { width, height } = canvas;
  const low = options.low ?? -1.2;
  const high = options.high ?? 1.2;
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = "#f3f4f5";
  ctx.fillRect(0, 0, width, height);
  const y0 = height * (high / (high - low));
  ctx.strokeStyle = "#c9ced3";
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, y0);
  ctx.lineTo(width, y0);
  ctx.stroke();
  ctx.strokeStyle = options.color || "#0877bd";
  ctx.lineWidth = Math.max(1.5, width / 40);
  ctx.beginPath();
  for (let i = 0; i < grid.n; i++) {
    const v = values[i * nUnits + unit];
    const x = ((i + 0.5) / grid.n) * width;
    const y = height * ((high - Math.min(Math.max(v, low), high)) / (high - low));
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.stroke();
}

/**
 * A blank image of the canvas's size, after making the canvas that size.
 * @param {HTMLCanvasElement} canvas
 * @param {number} width
 * @param {number} height
 */
function imageFor(canvas, width, height) {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  return context2d(canvas).createImageData(width, height);
}
