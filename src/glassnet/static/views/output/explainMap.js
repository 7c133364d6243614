/**
 * The output map while stepping through one training step (state.explain).
 *
 * - Picking: a click or a tap on a point asks the session to explain a step on
 *   it (api.explain.point). With the keyboard, the arrow keys move a cross on
 *   the focused map and Enter picks the point nearest to it. Drawing points is
 *   paused meanwhile.
 * - Marking: the explained point gets a ring and a label; for a batch step the
 *   other points of its batch get lighter rings.
 * - Before and after: until the timeline reaches the update, the map shows the
 *   network as it was before the step (the explanation's parameters_before);
 *   from the update on, as it is after it (parameters_after). Crossing over
 *   morphs from one to the other in MORPH_MS, blending the outputs (no tween
 *   when the person prefers reduced motion).
 *
 * Nothing here runs while the step-through is closed. The numbers are the
 * explanation's own parameters, run through the display evaluator.
 */

import { context2d, h } from "../../lib/dom.js";
import { evaluateGrid, unpackLayers } from "../../lib/evaluate.js";
import { mapPosition, nearestShownPoint, plotRange, pointPosition } from "./paintMap.js";

const PICK_RADIUS = 12; // CSS pixels around a point that count as "on" it
const MOVE_TOLERANCE = 8; // a press that moves further is a scroll or a drag, not a tap
export const MORPH_MS = 600;
const KEY_STEP = 1 / 24; // the keyboard cross moves half a unit of the plane per press
const INK = "#1f2328";

/** The stages from which the map shows the network after the step. */
const AFTER_STAGES = new Set(["update", "done"]);

/**
 * @param {HTMLElement} map the square map element
 * @param {ViewApi} api
 * @param {{repaint: () => void}} host repaint() redraws the map's picture (while morphing)
 */
export function createExplainMap(map, api, host) {
  const marks = h("canvas", { class: "gn-map-marks", "aria-hidden": "true" });
  const label = h("div", { class: "gn-map-point-label", hidden: true, "aria-hidden": "true" });
  const stageCaption = h("div", { class: "gn-map-stage", hidden: true });
  const cross = h("div", { class: "gn-map-pick-cursor", hidden: true, "aria-hidden": "true" });
  const hint = h("p", { class: "gn-map-hint", hidden: true });
  map.append(marks, label, stageCaption, cross);

  let state = null;
  let size = 0;
  let press = null; // {id, x, y}
  let keyPoint = null; // the keyboard cross, as fractions [0..1] of the map's width and height
  let grids = null; // {key, before, after}: every layer's values over the grid, before and after
  let shown = 0; // 0: before the update, 1: after it, between: morphing
  let target = 0;
  let shownId = null; // the explanation the map shows
  let tween = 0; // the animation frame of a running morph

  const reducedMotion = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
  const open = () => Boolean(state?.explain.open && state.data);

  // -- picking a point ------------------------------------------------------------

  function local(event) {
    return mapPosition(map, event);
  }

  /** The shown point nearest to (px, py): within `radius` pixels, or -1. */
  function nearest(px, py, radius = PICK_RADIUS) {
    return nearestShownPoint(state, map.clientWidth, px, py, radius);
  }

  function pick(index) {
    if (index >= 0) api.explain.point(index);
  }

  function onPointerDown(event) {
    if (!open() || event.button !== 0) return;
    const [x, y] = local(event);
    press = { id: event.pointerId, x, y };
  }

  function onPointerMove(event) {
    if (!open()) return;
    const [x, y] = local(event);
    if (press && event.pointerId === press.id && Math.hypot(x - press.x, y - press.y) > MOVE_TOLERANCE) press = null;
    if (event.pointerType === "mouse") map.classList.toggle("gn-map-over-point", nearest(x, y) >= 0);
  }

  function onPointerUp(event) {
    if (!press || event.pointerId !== press.id) return;
    const p = press;
    press = null;
    if (open()) pick(nearest(p.x, p.y));
  }

  function onKeyDown(event) {
    if (!open()) return;
    const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    keyPoint ||= startingPoint();
    if (event.key in moves) {
      const step = event.shiftKey ? KEY_STEP / 5 : KEY_STEP;
      const [dx, dy] = moves[event.key];
      keyPoint = [clamp01(keyPoint[0] + dx * step), clamp01(keyPoint[1] + dy * step)];
    } else if (event.key === "Enter" || event.key === " ") {
      const s = map.clientWidth;
      pick(nearest(keyPoint[0] * s, keyPoint[1] * s, Infinity));
    } else {
      return;
    }
    event.preventDefault();
    showCross();
  }

  /** The cross starts on the explained point, or in the middle. */
  function startingPoint() {
    const point = explainedPoint(state);
    const s = map.clientWidth;
    if (point === null || !s) return [0.5, 0.5];
    const [x, y] = pointPosition(state.data, point, s, plotRange(state));
    return [x / s, y / s];
  }

  function showCross() {
    const visible = Boolean(open() && keyPoint && map.matches(":focus"));
    cross.hidden = !visible;
    if (visible) {
      const s = map.clientWidth;
      cross.style.transform = `translate(${keyPoint[0] * s}px, ${keyPoint[1] * s}px)`;
    }
  }

  function onLeave() {
    press = null;
    map.classList.remove("gn-map-over-point");
  }

  map.addEventListener("pointerdown", onPointerDown);
  map.addEventListener("pointermove", onPointerMove);
  map.addEventListener("pointerup", onPointerUp);
  map.addEventListener("pointercancel", onLeave);
  map.addEventListener("pointerleave", onLeave);
  map.addEventListener("keydown", onKeyDown);
  map.addEventListener("focus", showCross);
  map.addEventListener("blur", showCross);

  // -- marking the point and its batch --------------------------------------------

  function paintMarks() {
    const ratio = window.devicePixelRatio || 1;
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
      if (i >= state.data.points.length) continue;
      const [x, y] = pointPosition(state.data, i, size, range);
      ring(ctx, x, y, 6);
    }
    // The explained point: a thick dark ring with a white halo (dashed while waiting for the answer).
    const [x, y] = pointPosition(state.data, point, size, range);
    ctx.setLineDash(asking ? [3, 3] : []);
    ctx.strokeStyle = "#ffffff";
    ctx.lineWidth = 5;
    ring(ctx, x, y, 9);
    ctx.strokeStyle = INK;
    ctx.lineWidth = 2.5;
    ring(ctx, x, y, 9);
    ctx.setLineDash([]);
    label.textContent = asking ? "asking…" : e.explanation.trains ? "this point" : "this point (test)";
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

  // -- before and after the update ------------------------------------------------

  /** Every layer's values over the grid, before and after the step (once per explanation). */
  function gridsOf(explanation) {
    const grid = state.grid;
    const key = `${explanation.id}:${grid.resolution}:${grid.oneD}`;
    if (grids?.key === key) return grids;
    const activations = explanation.layers.map((layer) => layer.activation);
    const run = (parameters) => {
      const layers = unpackLayers(explanation.layer_sizes, activations, parameters);
      return evaluateGrid(layers, explanation.features, grid);
    };
    const after = explanation.parameters_after;
    grids = { key, before: run(explanation.parameters_before), after: after ? run(after) : null };
    return grids;
  }

  /** Whether the timeline is at the update or past it, with new weights to show. */
  function wantsAfter(e) {
    const step = e.steps?.[e.index];
    return Boolean(step && e.explanation.parameters_after && AFTER_STAGES.has(step.stage));
  }

  function startMorph() {
    cancelAnimationFrame(tween);
    const from = shown;
    const start = performance.now();
    const frame = (now) => {
      const t = Math.min(1, (now - start) / MORPH_MS);
      const eased = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
      shown = from + (target - from) * eased;
      if (t >= 1) {
        shown = target;
        tween = 0;
      } else {
        tween = requestAnimationFrame(frame);
      }
      showStage();
      host.repaint();
    };
    tween = requestAnimationFrame(frame);
  }

  function stopMorph() {
    cancelAnimationFrame(tween);
    tween = 0;
  }

  function showStage() {
    const e = state.explain;
    const has = Boolean(e.open && e.explanation);
    stageCaption.hidden = !has;
    if (!has) {
      map.dataset.explainShows = "";
      return;
    }
    const noUpdate = !e.explanation.parameters_after;
    map.dataset.explainShows = noUpdate ? "before" : tween ? "morphing" : shown === 1 ? "after" : "before";
    stageCaption.textContent = noUpdate
      ? "no update: a test point"
      : shown === 1 && !tween ? "after the update" : tween ? "the update…" : "before the update";
  }

  /**
   * The grid the map shows: the network before or after the step (or between,
   * while morphing), or null for the live network of the frame.
   * @param {object} s the state
   */
  function gridFor(s) {
    const e = s.explain;
    if (!e.open || !e.explanation || !s.grid) return null;
    if (String(e.explanation.layer_sizes) !== String(s.frame.network.layer_sizes)) return null;
    const { before, after } = gridsOf(e.explanation);
    const t = after ? shown : 0;
    let values = t === 1 ? after : before;
    if (t > 0 && t < 1) {
      // Blend the outputs only: the map shows the output, and a blend of outputs is a smooth morph.
      const last = before.length - 1;
      const b = before[last];
      const a = after[last];
      const mixed = new Float64Array(b.length);
      for (let k = 0; k < b.length; k++) mixed[k] = b[k] + (a[k] - b[k]) * t;
      values = [...before.slice(0, last), mixed];
    }
    return { ...s.grid, values };
  }

  /** Before or after: morph when the timeline crosses the update. */
  function followTimeline(e) {
    const id = e.explanation ? e.explanation.id : null;
    const wanted = e.explanation && wantsAfter(e) ? 1 : 0;
    if (id !== shownId) {
      // A new explanation starts where its timeline is, without a morph from the last one.
      stopMorph();
      shownId = id;
      shown = target = wanted;
    } else if (wanted !== target) {
      target = wanted;
      if (reducedMotion()) {
        stopMorph();
        shown = target;
      } else {
        startMorph();
      }
    }
  }

  /** The step-through closed: the map is the live map again. */
  function reset() {
    stopMorph();
    grids = null;
    shown = target = 0;
    shownId = null;
    keyPoint = null;
    hint.hidden = true;
    label.hidden = true;
    context2d(marks).clearRect(0, 0, marks.width, marks.height);
    map.classList.remove("gn-map-explaining", "gn-map-over-point");
    map.dataset.explainPoint = "";
    map.dataset.explainBatch = "0";
    showStage();
    showCross();
  }

  /** The hint under the map, and how the map is announced. */
  function describe() {
    const drawing = state.ui.drawMode ? " Drawing points is paused while you step through." : "";
    hint.textContent =
      "Click a point on the map to follow it through one training step, or focus the map, " +
      "move the cross with the arrow keys and press Enter." + drawing;
  }

  return {
    hint,
    gridFor,
    /** The sentence the map's accessible name gets while explaining. */
    label: () => "Click a point, or move the cross with the arrow keys and press Enter, to follow it through one training step.",
    /** @param {object} next the state; @param {number} mapSize the map's size in CSS pixels */
    update(next, mapSize) {
      state = next;
      const resized = mapSize !== size;
      size = mapSize;
      const e = state.explain;
      const { changed } = state;
      if (!changed.explain && !changed.data && !changed.settings && !changed.ui && !resized) return;
      if (!e.open) {
        if (grids || !hint.hidden) reset();
        return;
      }
      hint.hidden = false;
      map.classList.add("gn-map-explaining");
      describe();
      if (!state.data || !state.grid) return;
      if (changed.explain || changed.data || changed.settings || resized) paintMarks(); // not on every hover
      if (changed.explain) followTimeline(e);
      showStage();
      showCross();
    },
    destroy() {
      stopMorph();
      marks.remove();
      label.remove();
      stageCaption.remove();
      cross.remove();
      hint.remove();
    },
  };
}

/** The point being explained, or the one asked about, or null. */
export function explainedPoint(state) {
  const e = state.explain;
  const point = e.pending ?? e.explanation?.point; // a new question first: the old answer is on its way out
  return point === null || point === undefined || !state.data || point >= state.data.points.length ? null : point;
}

function ring(ctx, x, y, r) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.stroke();
}

function clamp01(v) {
  return Math.min(1, Math.max(0, v));
}
