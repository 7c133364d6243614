// @ts-check
/**
 * The little pictures on the dataset buttons of the data panel.
 *
 * Each one is drawn from the `preview` points the session sends in its catalog
 * (a few of the dataset's real points), so a thumbnail always shows the data you
 * will get. The view is the playground's: x1 and x2 from -6 to 6, x2 up.
 * Classes use the class colours; regression values the orange/blue diverging
 * scale; the one-input sine set is plotted as x1 across and its value up.
 */

import { VIEW } from "../../lib/tables.js";
import { classColor, css, diverging } from "../../lib/colors.js";
import { context2d, h } from "../../lib/dom.js";

/** @import { DatasetSpec } from "../../lib/messages.js" */

/** Pixels per side of a thumbnail's canvas (it is shown at about 46 CSS pixels: sharp at 2x). */
export const THUMB_PIXELS = 96;

const DOMAIN = VIEW[1]; // the view spans -6..6 on both axes
const DOT_RADIUS = 3.2; // canvas pixels
const VALUE_RADIUS = 4.4; // regression dots are bigger: their colour carries the value
const ONE_D_HEIGHT = 4; // a value of +1 is drawn at x2 = 4, so the wave keeps a margin

/**
 * A canvas showing one dataset's preview, drawn just after the page's next paint:
 * the first frame puts the network on screen without waiting for a dozen pictures.
 * @param {DatasetSpec} dataset
 * @returns {HTMLCanvasElement}
 */
export function datasetThumbnail(dataset) {
  const canvas = h("canvas", {
    class: "gn-dp-thumb",
    width: THUMB_PIXELS,
    height: THUMB_PIXELS,
    "aria-hidden": "true",
  });
  afterPaint(() => drawPreview(context2d(canvas), dataset));
  return canvas;
}

/**
 * Run `fn` once the browser has painted what is on screen now (the frame after the next).
 * @param {() => void} fn
 */
function afterPaint(fn) {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

/**
 * Where a point of the view lands on the canvas.
 * @param {number} x1
 * @param {number} x2
 * @returns {[number, number]}
 */
function toPixel(x1, x2) {
  return [((x1 + DOMAIN) / (2 * DOMAIN)) * THUMB_PIXELS, ((DOMAIN - x2) / (2 * DOMAIN)) * THUMB_PIXELS];
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {DatasetSpec} dataset
 */
function drawPreview(ctx, dataset) {
  const { points, targets } = dataset.preview;
  const regression = dataset.problem === "regression";
  const oneInput = points.length > 0 && points[0].length === 1;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, THUMB_PIXELS, THUMB_PIXELS);
  if (oneInput) {
    // The x1 axis, so the wave has something to wave around.
    ctx.strokeStyle = "#d8dce0";
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(0, THUMB_PIXELS / 2);
    ctx.lineTo(THUMB_PIXELS, THUMB_PIXELS / 2);
    ctx.stroke();
  }
  // A faint outline keeps values near zero (near-white) visible on white.
  ctx.strokeStyle = "rgba(31, 35, 40, 0.25)";
  ctx.lineWidth = 0.8;
  const rgb = [0, 0, 0];
  const radius = regression ? VALUE_RADIUS : DOT_RADIUS;
  points.forEach((point, i) => {
    const target = targets[i];
    const [px, py] = oneInput ? toPixel(point[0], target * ONE_D_HEIGHT) : toPixel(point[0], point[1]);
    ctx.fillStyle = regression ? css(diverging(target, rgb)) : classColor(target);
    ctx.beginPath();
    ctx.arc(px, py, radius, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  });
}

/**
 * The picture of the "Draw your own" button: a pencil and a few drawn dots.
 * @returns {SVGElement}
 */
export function pencilPicture() {
  const svg = h("svg", { class: "gn-dp-thumb gn-dp-pencil", viewBox: "0 0 48 48", "aria-hidden": "true" });
  svg.append(
    h("circle", { cx: 11, cy: 36, r: 2.6, fill: classColor(0) }),
    h("circle", { cx: 18, cy: 40, r: 2.6, fill: classColor(1) }),
    h("circle", { cx: 8, cy: 28, r: 2.6, fill: classColor(1) }),
    // The pencil, tip at the bottom left, drawn as its body, its tip and its lead.
    h("path", { d: "M33 8 l7 7 l-18 18 l-7 -7 z", fill: "#f6f7f8", stroke: "#5f6670", "stroke-width": 2, "stroke-linejoin": "round" }),
    h("path", { d: "M15 26 l7 7 l-10 3 z", fill: "#e8d2b0", stroke: "#5f6670", "stroke-width": 2, "stroke-linejoin": "round" }),
    h("path", { d: "M13.2 32.2 l2.6 2.6 l-3.9 1.2 z", fill: "#1f2328" }),
    h("line", { x1: 29, y1: 12, x2: 36, y2: 19, stroke: "#5f6670", "stroke-width": 2 }),
  );
  return svg;
}
