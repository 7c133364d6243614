// @ts-check
/**
 * Marking the explained point on the output map: a ring and a label on it, and
 * lighter rings on the other points of its batch.
 */

import { context2d, pixelRatio } from "../../lib/dom.js";
import { plotRange, pointPosition } from "./mapGeometry.js";

/** @import { State } from "../../lib/types.js" */

const INK = "#1f2328";

/**
 * @param {{ marks: HTMLCanvasElement, label: HTMLElement, map: HTMLElement }} els the marks' canvas, the
 *   point's label, and the map (its data-explain-point and data-explain-batch say what is marked)
 * @param {State} state
 * @param {number} size the map's size in CSS pixels
 */
export function paintMarks({ marks, label, map }, state, size) {
  const data = state.data;
  if (!data) return;
  const ratio = pixelRatio(marks);
  const pixels = Math.max(1, Math.round(size * ratio));
  if (marks.width !== pixels) marks.width = marks.height = pixels;
  const ctx = context2d(marks);
  ctx.setTransform(pixels / (size || 1), 0, 0, pixels / (size || 1), 0, 0);
  ctx.clearRect(0, 0, size, size);
  const e = state.explain;
  const point = explainedPoint(state);
  const range = plotRange(state);
  const asking = e.pending !== null && e.pending !== undefined;
  // A batch's other points; an epoch's would be every training point, which says nothing.
  const batch = !asking && e.explanation?.size === "batch" ? e.explanation.batch.indices : [];
  const others = batch.filter((i) => i !== point);
  map.dataset.explainPoint = point === null ? "" : String(point);
  map.dataset.explainBatch = String(others.length);
  label.hidden = point === null || !size;
  if (point === null || !size) return;
  // The batch's other points: thin rings, lighter than the explained one.
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = "rgba(31, 35, 40, 0.55)";
  for (const i of others) {
    if (i >= data.points.length) continue;
    const [x, y] = pointPosition(data, i, size, range);
    ring(ctx, x, y, 6);
  }
  // The explained point: a thick dark ring with a white halo (dashed while waiting for the answer).
  const [x, y] = pointPosition(data, point, size, range);
  ctx.setLineDash(asking ? [3, 3] : []);
  ctx.strokeStyle = "#ffffff";
  ctx.lineWidth = 5;
  ring(ctx, x, y, 9);
  ctx.strokeStyle = INK;
  ctx.lineWidth = 2.5;
  ring(ctx, x, y, 9);
  ctx.setLineDash([]);
  label.textContent = asking ? "asking…" : e.explanation?.trains ? "this point" : "this point (test)";
  // Right of the ring if it fits, else left of it, else under it; always inside the map.
  const width = label.offsetWidth;
  let left = x + 12;
  let top = y - label.offsetHeight / 2;
  if (left + width > size - 2) left = x - 12 - width;
  if (left < 2) {
    left = Math.min(size - width - 2, Math.max(2, x - width / 2));
    top = y + 12;
  }
  label.style.left = `${Math.round(left)}px`;
  label.style.top = `${Math.round(Math.max(2, Math.min(size - label.offsetHeight - 2, top)))}px`;
}

/**
 * The point being explained, or the one asked about, or null.
 * @param {State} state
 */
export function explainedPoint(state) {
  const e = state.explain;
  const point = e.pending ?? e.explanation?.point; // a new question first: the old answer is on its way out
  return point === null || point === undefined || !state.data || point >= state.data.points.length ? null : point;
}

/**
 * @param {CanvasRenderingContext2D} ctx
 * @param {number} x
 * @param {number} y
 * @param {number} r
 */
function ring(ctx, x, y, r) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.stroke();
}
