// @ts-check
/**
 * A small picture of an activation function with the explained point marked on it.
 *
 * The curve is drawn with the same functions the display evaluator uses
 * (lib/evaluate.js ACTIVATIONS); the marked point (z, a) is the engine's.
 */

import { context2d, h } from "../../lib/dom.js";
import { ACTIVATIONS } from "../../lib/evaluate.js";
import { num } from "../../lib/format.js";

const WIDTH = 140;
const HEIGHT = 90;
const PAD = 8;

/**
 * A canvas showing `name`'s curve with the point (z, a) marked, or null when
 * the activation is not elementwise (softmax) and has no curve.
 * @param {string} name
 * @param {number} z
 * @param {number} a
 */
export function activationPlot(name, z, a) {
  const f = ACTIVATIONS[name];
  if (!f) return null;
  const canvas = h("canvas", {
    class: "gn-ex-plot",
    role: "img",
    "aria-label": `The ${name} curve; this point sits at z = ${num(z)}, a = ${num(a)}.`,
  });
  const ratio = window.devicePixelRatio || 1;
  canvas.width = WIDTH * ratio;
  canvas.height = HEIGHT * ratio;
  canvas.style.width = `${WIDTH}px`;
  canvas.style.height = `${HEIGHT}px`;
  const ctx = context2d(canvas);
  ctx.scale(ratio, ratio);

  // Show z from -4 to 4, wider when the point lies further out.
  const zMax = Math.max(4, Math.min(Math.abs(z) * 1.2, 1e6)) || 4;
  const samples = [];
  for (let i = 0; i <= 120; i++) {
    const x = -zMax + (2 * zMax * i) / 120;
    samples.push([x, f(x)]);
  }
  let lo = Math.min(0, a, ...samples.map((s) => s[1]));
  let hi = Math.max(0, a, ...samples.map((s) => s[1]));
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [-1, 1];
  if (hi - lo < 1e-9) hi = lo + 1;
  const margin = (hi - lo) * 0.08;
  lo -= margin;
  hi += margin;
  const X = (/** @type {number} */ x) => PAD + ((x + zMax) / (2 * zMax)) * (WIDTH - 2 * PAD);
  const Y = (/** @type {number} */ y) => HEIGHT - PAD - ((y - lo) / (hi - lo)) * (HEIGHT - 2 * PAD);

  // Axes through zero.
  ctx.strokeStyle = "#d8dce0";
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(PAD, Y(0));
  ctx.lineTo(WIDTH - PAD, Y(0));
  ctx.moveTo(X(0), PAD / 2);
  ctx.lineTo(X(0), HEIGHT - PAD / 2);
  ctx.stroke();
  ctx.fillStyle = "#5f6670";
  ctx.font = "10px system-ui, sans-serif";
  ctx.fillText("z", WIDTH - PAD - 6, Y(0) - 3);
  ctx.fillText("a", X(0) + 3, PAD + 4);

  // The curve.
  ctx.strokeStyle = "#1f2328";
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  samples.forEach(([x, y], i) => (i ? ctx.lineTo(X(x), Y(y)) : ctx.moveTo(X(x), Y(y))));
  ctx.stroke();

  // The explained point, with guides to both axes.
  if (Number.isFinite(z) && Number.isFinite(a)) {
    ctx.strokeStyle = "#0877bd";
    ctx.setLineDash([2, 2]);
    ctx.beginPath();
    ctx.moveTo(X(z), Y(0));
    ctx.lineTo(X(z), Y(a));
    ctx.lineTo(X(0), Y(a));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = "#0877bd";
    ctx.beginPath();
    ctx.arc(X(z), Y(a), 3.5, 0, 2 * Math.PI);
    ctx.fill();
  }
  return canvas;
}
