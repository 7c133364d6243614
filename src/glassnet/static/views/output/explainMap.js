// @ts-check
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
 *   from the update on, as it is after it (parameters_after), morphing between
 *   them (beforeAfter.js).
 *
 * Nothing here runs while the step-through is closed. The numbers are the
 * explanation's own parameters, run through the display evaluator.
 */

import { context2d, h } from "../../lib/dom.js";
import { initialState } from "../../lib/initialState.js";
import { createBeforeAfter } from "./beforeAfter.js";
import { mapPosition, nearestShownPoint, plotRange, pointPosition } from "./mapGeometry.js";
import { explainedPoint, paintMarks } from "./pointMarks.js";

/** @import { State, ViewApi } from "../../lib/types.js" */
/** @import { ExplainMapPart } from "./output.js" */

const PICK_RADIUS = 12; // CSS pixels around a point that count as "on" it
const MOVE_TOLERANCE = 8; // a press that moves further is a scroll or a drag, not a tap
const KEY_STEP = 1 / 24; // the keyboard cross moves half a unit of the plane per press

/**
 * @param {HTMLElement} map the square map element
 * @param {ViewApi} api
 * @param {{repaint: () => void}} host repaint() redraws the map's picture (while morphing)
 * @returns {ExplainMapPart}
 */
export function createExplainMap(map, api, host) {
  const marks = h("canvas", { class: "gn-map-marks", "aria-hidden": "true" });
  const label = h("div", { class: "gn-map-point-label", hidden: true, "aria-hidden": "true" });
  const stageCaption = h("div", { class: "gn-map-stage", hidden: true });
  const cross = h("div", { class: "gn-map-pick-cursor", hidden: true, "aria-hidden": "true" });
  const hint = h("p", { class: "gn-map-hint", hidden: true });
  map.append(marks, label, stageCaption, cross);

  /** @type {State} the last state given (an empty one until the first) */
  let state = initialState();
  let size = 0;
  /** @type {{ id: number, x: number, y: number } | null} */
  let press = null;
  /** @type {[number, number] | null} the keyboard cross, as fractions [0..1] of the map's width and height */
  let keyPoint = null;
  const beforeAfter = createBeforeAfter(() => {
    showStage();
    host.repaint();
  });
  const open = () => Boolean(state?.explain.open && state.data);

  // -- picking a point ------------------------------------------------------------

  function local(/** @type {PointerEvent} */ event) {
    return mapPosition(map, event);
  }

  /** The shown point nearest to (px, py): within `radius` pixels, or -1. */
  function nearest(/** @type {number} */ px, /** @type {number} */ py, radius = PICK_RADIUS) {
    const data = state.data;
    return data ? nearestShownPoint({ ...state, data }, map.clientWidth, px, py, radius) : -1;
  }

  function pick(/** @type {number} */ index) {
    if (index >= 0) api.explain.point(index);
  }

  function onPointerDown(/** @type {PointerEvent} */ event) {
    if (!open() || event.button !== 0) return;
    const [x, y] = local(event);
    press = { id: event.pointerId, x, y };
  }

  function onPointerMove(/** @type {PointerEvent} */ event) {
    if (!open()) return;
    const [x, y] = local(event);
    if (press && event.pointerId === press.id && Math.hypot(x - press.x, y - press.y) > MOVE_TOLERANCE) press = null;
    if (event.pointerType === "mouse") map.classList.toggle("gn-map-over-point", nearest(x, y) >= 0);
  }

  function onPointerUp(/** @type {PointerEvent} */ event) {
    if (!press || event.pointerId !== press.id) return;
    const p = press;
    press = null;
    if (open()) pick(nearest(p.x, p.y));
  }

  function onKeyDown(/** @type {KeyboardEvent} */ event) {
    if (!open()) return;
    /** @type {Record<string, [number, number]>} */
    const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const [kx, ky] = keyPoint ||= startingPoint();
    if (event.key in moves) {
      const step = event.shiftKey ? KEY_STEP / 5 : KEY_STEP;
      const [dx, dy] = moves[event.key];
      keyPoint = [clamp01(kx + dx * step), clamp01(ky + dy * step)];
    } else if (event.key === "Enter" || event.key === " ") {
      const s = map.clientWidth;
      pick(nearest(kx * s, ky * s, Infinity));
    } else {
      return;
    }
    event.preventDefault();
    showCross();
  }

  /**
   * The cross starts on the explained point, or in the middle.
   * @returns {[number, number]}
   */
  function startingPoint() {
    const point = explainedPoint(state);
    const s = map.clientWidth;
    if (point === null || !s || !state.data) return [0.5, 0.5];
    const [x, y] = pointPosition(state.data, point, s, plotRange(state));
    return [x / s, y / s];
  }

  function showCross() {
    const visible = Boolean(open() && keyPoint && map.matches(":focus"));
    cross.hidden = !visible;
    if (visible && keyPoint) {
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

  // -- before and after the update (beforeAfter.js) ----------------------------

  function showStage() {
    const e = state.explain;
    const has = Boolean(e.open && e.explanation);
    stageCaption.hidden = !has;
    if (!has) {
      map.dataset.explainShows = "";
      return;
    }
    const noUpdate = !e.explanation?.parameters_after;
    const showing = beforeAfter.showing;
    map.dataset.explainShows = noUpdate ? "before" : showing;
    stageCaption.textContent = noUpdate
      ? "no update: a test point"
      : showing === "after" ? "after the update" : showing === "morphing" ? "the update…" : "before the update";
  }

  /** The step-through closed: the map is the live map again. */
  function reset() {
    beforeAfter.reset();
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
    gridFor: beforeAfter.gridFor,
    /** The sentence the map's accessible name gets while explaining. */
    label: () => "Click a point, or move the cross with the arrow keys and press Enter, to follow it through one training step.",
    update(next, mapSize) {
      state = next;
      const resized = mapSize !== size;
      size = mapSize;
      const e = state.explain;
      const { changed } = state;
      if (!changed.explain && !changed.data && !changed.settings && !changed.ui && !resized) return;
      if (!e.open) {
        if (beforeAfter.active || !hint.hidden) reset();
        return;
      }
      hint.hidden = false;
      map.classList.add("gn-map-explaining");
      describe();
      if (!state.data || !state.grid) return;
      if (changed.explain || changed.data || changed.settings || resized) paintMarks({ marks, label, map }, state, size); // not on every hover
      if (changed.explain) beforeAfter.follow(e);
      showStage();
      showCross();
    },
    destroy() {
      beforeAfter.stop();
      marks.remove();
      label.remove();
      stageCaption.remove();
      cross.remove();
      hint.remove();
    },
  };
}

/** @param {number} v */
function clamp01(v) {
  return Math.min(1, Math.max(0, v));
}
