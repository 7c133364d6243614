// @ts-check
/**
 * The loss chart: training loss (dark) and test loss (light) after every epoch.
 *
 * It draws state.history, which the session keeps short by keeping only every
 * `stride`-th epoch, but can still hold thousands of entries. So each curve is
 * decimated to pixel columns: for every column of pixels the chart keeps the
 * first, lowest, highest and last value, and draws at most four points there.
 * A frame then costs one pass over the history, whatever its length.
 *
 * Hovering (or touching, or the arrow keys after focusing the chart) shows a
 * vertical line and a readout with the real values of that epoch.
 */

import { context2d, h, pixelRatio } from "../../lib/dom.js";
import { num } from "../../lib/format.js";
import { helpButton } from "../../lib/help.js";
import { emptyHistory } from "../../lib/history.js";
import { drawSeries, makeColumns } from "./drawSeries.js";

/** @import { History } from "../../lib/messages.js" */
/** @import { Columns } from "./drawSeries.js" */
/** @import { View } from "../../lib/types.js" */

const TRAIN_COLOR = "#1f2328";
const TEST_COLOR = "#9aa3ad";
const GRID_COLOR = "#e3e6e9";
const TEXT_COLOR = "#5f6670";
/** The chart's height when its canvas has none yet (its CSS sets it: 90 px, less in /embed). */
const HEIGHT = 90;

/**
 * @param {HTMLElement} el the chart slot of the output column
 * @returns {View}
 */
export function createLossChart(el) {
  const canvas = h("canvas", {
    class: "gn-chart-canvas",
    role: "img",
    tabindex: 0,
    "aria-label": "Loss chart: no training yet",
  });
  const readout = h("div", { class: "gn-chart-readout gn-value", "aria-live": "polite", hidden: true });
  const root = h(
    "div",
    { class: "gn-chart", dataset: { control: "lossChart" } },
    h(
      "div",
      { class: "gn-chart-head" },
      h("span", { class: "gn-label" }, "Loss over epochs", helpButton("loss_chart", "Loss chart")),
      h(
        "span",
        { class: "gn-chart-legend", "aria-hidden": "true" },
        h("span", { class: "gn-chart-key gn-chart-key-train" }, "training"),
        h("span", { class: "gn-chart-key gn-chart-key-test" }, "test"),
      ),
    ),
    h("div", { class: "gn-chart-box" }, canvas, readout),
  );
  el.append(root);

  /** @type {History} what the chart shows: the state's history (drawn on resize and hover too) */
  let history = emptyHistory();
  let cursor = -1; // the history index under the pointer, or -1
  let width = 0;
  let height = HEIGHT; // drawn at the height the canvas is shown at, so labels are neither squeezed nor cut
  let ratio = 1;
  /** @type {Columns | null} scratch arrays for decimation, one set per canvas width */
  let columns = null;

  const resize = new ResizeObserver(() => {
    const w = Math.round(canvas.clientWidth);
    const tall = Math.round(canvas.clientHeight) || HEIGHT;
    if (w === width && tall === height && ratio === pixelRatio(canvas)) return;
    width = w;
    height = tall;
    ratio = pixelRatio(canvas);
    canvas.width = Math.max(1, Math.round(width * ratio));
    canvas.height = Math.round(height * ratio);
    columns = null;
    draw();
  });
  resize.observe(canvas);

  // -- hover, touch and keys ---------------------------------------------------

  function pointAt(/** @type {PointerEvent} */ event) {
    if (!history || history.epochs.length === 0) return;
    const box = canvas.getBoundingClientRect();
    const frac = (event.clientX - box.left) / box.width;
    const { epochs } = history;
    const e0 = epochs[0];
    const e1 = epochs[epochs.length - 1];
    setCursor(nearestIndex(epochs, e0 + frac * (e1 - e0)));
  }

  function setCursor(/** @type {number} */ index) {
    cursor = index;
    draw();
  }

  canvas.addEventListener("pointermove", pointAt);
  canvas.addEventListener("pointerdown", pointAt);
  canvas.addEventListener("pointerleave", () => setCursor(-1));
  canvas.addEventListener("pointercancel", () => setCursor(-1));
  canvas.addEventListener("blur", () => setCursor(-1));
  canvas.addEventListener("keydown", (event) => {
    const n = history ? history.epochs.length : 0;
    if (n === 0) return;
    /** @type {Record<string, number>} */
    const steps = { ArrowLeft: -1, ArrowRight: 1, Home: -n, End: n, PageUp: -10, PageDown: 10 };
    if (!(event.key in steps)) return;
    event.preventDefault();
    const from = cursor < 0 ? n - 1 : cursor;
    setCursor(Math.min(n - 1, Math.max(0, from + steps[event.key])));
  });

  // -- drawing -----------------------------------------------------------------

  function draw() {
    const ctx = context2d(canvas);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const n = history ? history.epochs.length : 0;
    if (cursor >= n) cursor = -1;
    const top = 12;
    const bottom = height - 12;
    const yMax = niceMax(maxOf(history.train_loss, history.test_loss));
    const y = (/** @type {number} */ v) => bottom - (Math.min(v, yMax) / yMax) * (bottom - top);
    // Axes: the zero line, the top value, and where the epochs start and end.
    ctx.strokeStyle = GRID_COLOR;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, Math.round(bottom) + 0.5);
    ctx.lineTo(width, Math.round(bottom) + 0.5);
    ctx.moveTo(0, top + 0.5);
    ctx.lineTo(width, top + 0.5);
    ctx.stroke();
    ctx.fillStyle = TEXT_COLOR;
    ctx.font = "10px system-ui, sans-serif";
    ctx.textBaseline = "bottom";
    ctx.fillText(num(yMax, 2), 2, top - 1);
    if (n === 0) return;
    const { epochs } = history;
    const e0 = epochs[0];
    const e1 = epochs[n - 1];
    ctx.textBaseline = "top";
    ctx.fillText(`epoch ${e0}`, 2, bottom + 1);
    if (e1 !== e0) {
      const last = `${e1}`;
      ctx.fillText(last, width - ctx.measureText(last).width - 2, bottom + 1);
    }
    const x = (/** @type {number} */ e) => (e1 === e0 ? width / 2 : ((e - e0) / (e1 - e0)) * (width - 2) + 1);
    if (!columns || columns.first.length !== width + 1) columns = makeColumns(width + 1);
    drawSeries(ctx, { epochs, values: history.test_loss, x, y, color: TEST_COLOR, width, columns });
    drawSeries(ctx, { epochs, values: history.train_loss, x, y, color: TRAIN_COLOR, width, columns });
    if (cursor >= 0) drawCursor(ctx, x(epochs[cursor]), y);
    else readout.hidden = true;
  }

  /**
   * The line and dots at the cursor's epoch, and the readout of its values.
   * @param {CanvasRenderingContext2D} ctx
   * @param {number} cx the cursor's x
   * @param {(v: number) => number} y where a value goes
   */
  function drawCursor(ctx, cx, y) {
    const train = history.train_loss[cursor];
    const test = history.test_loss[cursor];
    ctx.strokeStyle = "rgba(31, 35, 40, 0.45)";
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(Math.round(cx) + 0.5, 8);
    ctx.lineTo(Math.round(cx) + 0.5, height - 12);
    ctx.stroke();
    for (const [v, color] of /** @type {[number | null, string][]} */ ([[test, TEST_COLOR], [train, TRAIN_COLOR]])) {
      if (v === null || !Number.isFinite(v)) continue;
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.arc(cx, y(v), 3, 0, 2 * Math.PI);
      ctx.fill();
    }
    readout.textContent = `Epoch ${history.epochs[cursor]}: training ${num(train)}, test ${num(test)}`;
    readout.hidden = false;
    // Keep the readout on the side away from the pointer.
    readout.classList.toggle("gn-chart-readout-right", cx < width / 2);
  }

  function describe() {
    const n = history ? history.epochs.length : 0;
    if (n === 0) return "Loss chart: no training yet";
    const train = history.train_loss[n - 1];
    const test = history.test_loss[n - 1];
    return `Loss chart, epochs ${history.epochs[0]} to ${history.epochs[n - 1]}: ` +
      `training loss now ${num(train)}, test loss now ${num(test)}`;
  }

  return {
    update(state) {
      if (!state.changed.frame) return;
      history = state.history;
      canvas.setAttribute("aria-label", describe());
      root.dataset.entries = String(history.epochs.length);
      draw();
    },
    destroy() {
      resize.disconnect();
      root.remove();
    },
  };
}

/**
 * The largest finite value of both series (0 when there is none).
 * @param {(number | null)[]} a
 * @param {(number | null)[]} b
 */
function maxOf(a, b) {
  let max = 0;
  for (const series of [a, b]) {
    for (const v of series) if (v !== null && Number.isFinite(v) && v > max) max = v;
  }
  return max;
}

/**
 * A round number a little above max, such as 0.8, 1.5 or 30, so the top label reads well.
 * @param {number} max
 */
export function niceMax(max) {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    if (step * power >= max * 1.02) return step * power;
  }
  return 10 * power;
}

/**
 * The index of the sorted `epochs` entry nearest to `epoch` (binary search).
 * @param {number[]} epochs
 * @param {number} epoch
 */
export function nearestIndex(epochs, epoch) {
  let lo = 0;
  let hi = epochs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (epochs[mid] <= epoch) lo = mid;
    else hi = mid;
  }
  return Math.abs(epochs[hi] - epoch) < Math.abs(epochs[lo] - epoch) ? hi : lo;
}
