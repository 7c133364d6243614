// @ts-check
/**
 * Drawing your own points on the output map.
 *
 * "Draw points" turns drawing on (state.ui.drawMode). Then:
 *  - a click or a tap on the map adds a point of the chosen class (or value),
 *  - Shift-click, a right-click or a long press removes the nearest point,
 *  - with the keyboard: arrow keys move a cross on the focused map, Enter adds
 *    a point there, Delete removes the nearest one.
 * Each becomes a command (add_point, remove_point); the session checks it and
 * answers with new data, which the map then shows.
 *
 * While stepping through a training step (state.explain.open) a click on the
 * map picks a point to explain instead (views/outputExplain.js): drawing waits.
 */

import { classColor } from "../../lib/colors.js";
import { h } from "../../lib/dom.js";
import { classLabel, num } from "../../lib/format.js";
import { helpButton } from "../../lib/help.js";
import { initialState } from "../../lib/initialState.js";
import { pointOnSlice } from "../../lib/inputSlice.js";
import { EXTENT, mapPosition, nearestShownPoint, plotRange } from "./mapGeometry.js";

/** @import { DataMessage } from "../../lib/messages.js" */
/** @import { State, ViewApi } from "../../lib/types.js" */

const REMOVE_RADIUS = 8; // CSS pixels around a point that count as "on" it
const LONG_PRESS_MS = 550;
let nextId = 1;
const MOVE_TOLERANCE = 8; // a press that moves further is a scroll or a drag, not a tap

/**
 * @param {HTMLElement} map the square map element that takes the pointer
 * @param {ViewApi} api
 * @returns {{controls: HTMLElement, update: (state: State) => void, destroy: () => void}}
 */
export function createDrawing(map, api) {
  /** @type {State} the last state given (an empty one until the first) */
  let state = initialState();
  /** @type {{ id: number, x: number, y: number, timer: ReturnType<typeof setTimeout> | null, removed: boolean } | null} */
  let press = null;
  const cursor = h("div", { class: "gn-map-cursor", hidden: true, "aria-hidden": "true" });
  /** @type {[number, number] | null} the keyboard cross, in data coordinates */
  let keyPoint = null;
  map.append(cursor);

  const drawButton = h(
    "button",
    { type: "button", class: "gn-button gn-draw-toggle", "aria-pressed": "false", onclick: () => api.setUi({ drawMode: !state?.ui.drawMode }) },
    "Draw points",
  );
  const classButtons = h("div", { class: "gn-draw-classes", role: "group", "aria-label": "Class of new points" });
  const sliderId = `gn-draw-value-${nextId++}`; // unique, for pages with several playgrounds
  const slider = h("input", {
    id: sliderId, type: "range", min: -1, max: 1, step: 0.05, value: 1, class: "gn-draw-slider",
    "aria-label": "Value of new points",
    oninput: () => api.setUi({ drawValue: Number(slider.value) }),
  });
  const sliderValue = h("span", { class: "gn-value gn-draw-value", "aria-hidden": "true" });
  const valuePicker = h("div", { class: "gn-draw-values" }, h("label", { for: sliderId }, "Value"), slider, sliderValue);
  const pickerHelp = helpButton("draw_class", "Class of new points");
  const hint = h("p", { class: "gn-draw-hint" });
  const picker = h(
    "div",
    { class: "gn-draw-picker", hidden: true },
    h("span", { class: "gn-label gn-draw-label" }, "New points", pickerHelp),
    classButtons,
    valuePicker,
    hint,
  );
  const clearButton = h(
    "button",
    { type: "button", class: "gn-button gn-draw-clear", onclick: () => api.command("clear_points") },
    "Clear drawn points",
  );
  const controls = h(
    "div",
    { class: "gn-draw", dataset: { control: "draw" } },
    h("div", { class: "gn-draw-row" },
      h("span", { class: "gn-with-help" }, drawButton, helpButton("draw", "Draw points")),
      h("span", { class: "gn-with-help" }, clearButton, helpButton("clear", "Clear drawn points"))),
    picker,
  );

  // -- from the pointer to the plane -------------------------------------------

  function size() {
    return map.clientWidth;
  }

  /** The data coordinates under a pixel of the map: [x1, x2], or [x1, value] for 1-D data. */
  /**
   * @param {number} px
   * @param {number} py
   * @returns {[number, number]}
   */
  function toData(px, py) {
    const s = size();
    const x1 = -EXTENT + (2 * EXTENT * px) / s;
    if (isOneD()) {
      const { low, high } = plotRange(state);
      return [x1, high - ((high - low) * py) / s];
    }
    return [x1, EXTENT - (2 * EXTENT * py) / s];
  }

  /** Drawing is on, and not paused by the step-through. */
  function drawing() {
    return Boolean(state?.ui.drawMode && !state.explain?.open);
  }

  function isOneD() {
    const points = state.data?.points ?? [];
    return points.length > 0 ? points[0].length === 1 : Boolean(state.grid?.oneD);
  }

  /** Add a point at [x1, x2] (or [x1, value] for 1-D data). @param {[number, number]} at */
  function addAt([x1, second]) {
    const data = state.data;
    if (!data) return;
    const clamp = (/** @type {number} */ v, /** @type {number} */ lo, /** @type {number} */ hi) => Math.min(hi, Math.max(lo, v));
    const regression = data.kind === "regression";
    const oneD = isOneD();
    const classes = Math.max(1, data.class_names.length);
    let target = regression ? state.ui.drawValue : Math.min(state.ui.drawClass, classes - 1);
    if (oneD && regression) target = clamp(second, -1, 1); // the value under the pointer
    let x = oneD ? [clamp(x1, -EXTENT, EXTENT)] : [clamp(x1, -EXTENT, EXTENT), clamp(second, -EXTENT, EXTENT)];
    const slice = state.grid?.slice; // more inputs: the others as held on the map's plane
    if (slice && !oneD) x = pointOnSlice(slice, x[0], x[1]);
    api.command("add_point", { x, target: regression ? Math.round(target * 1000) / 1000 : target });
  }

  /** Remove the shown point nearest to (px, py), if one is within REMOVE_RADIUS pixels. */
  function removeNear(/** @type {number} */ px, /** @type {number} */ py) {
    const data = state.data;
    if (!data) return;
    const best = nearestShownPoint({ ...state, data }, size(), px, py, REMOVE_RADIUS);
    if (best >= 0) api.command("remove_point", { index: best });
  }

  function local(/** @type {PointerEvent} */ event) {
    return mapPosition(map, event);
  }

  function onPointerDown(/** @type {PointerEvent} */ event) {
    if (!drawing() || !state.data) return;
    const [px, py] = local(event);
    if (event.button === 2 || (event.button === 0 && event.shiftKey)) {
      event.preventDefault();
      removeNear(px, py);
      return;
    }
    if (event.button !== 0) return;
    press = { id: event.pointerId, x: px, y: py, removed: false, timer: null };
    if (event.pointerType !== "mouse") {
      const p = press;
      p.timer = setTimeout(() => {
        p.removed = true;
        removeNear(p.x, p.y);
      }, LONG_PRESS_MS);
    }
  }

  function onPointerMove(/** @type {PointerEvent} */ event) {
    if (!press || event.pointerId !== press.id) return;
    const [px, py] = local(event);
    if (Math.hypot(px - press.x, py - press.y) > MOVE_TOLERANCE) endPress();
  }

  function onPointerUp(/** @type {PointerEvent} */ event) {
    if (!press || event.pointerId !== press.id) return;
    const p = press;
    endPress();
    if (!p.removed && drawing()) addAt(toData(p.x, p.y));
  }

  function endPress() {
    if (press?.timer) clearTimeout(press.timer);
    press = null;
  }

  function onContextMenu(/** @type {MouseEvent} */ event) {
    if (drawing()) event.preventDefault();
  }

  // -- the keyboard cross ------------------------------------------------------

  function onKeyDown(/** @type {KeyboardEvent} */ event) {
    if (!drawing() || !state.data) return;
    const step = event.shiftKey ? 0.1 : 0.5;
    /** @type {Record<string, [number, number]>} */
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (!keyPoint) keyPoint = [0, 0]; // starts at the centre
    if (event.key in moves) {
      const [dx, dy] = moves[event.key];
      const { low, high } = isOneD() ? plotRange(state) : { low: -EXTENT, high: EXTENT };
      const scaleY = (high - low) / (2 * EXTENT);
      keyPoint = [
        Math.min(EXTENT, Math.max(-EXTENT, keyPoint[0] + dx)),
        Math.min(high, Math.max(low, keyPoint[1] + dy * scaleY)),
      ];
    } else if (event.key === "Enter" || event.key === " ") {
      addAt(keyPoint);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      const [px, py] = toPixels(keyPoint);
      removeNear(px, py);
    } else {
      return;
    }
    event.preventDefault();
    showCursor();
  }

  /** @param {[number, number]} at */
  function toPixels([x1, second]) {
    const s = size();
    const px = ((x1 + EXTENT) / (2 * EXTENT)) * s;
    if (isOneD()) {
      const { low, high } = plotRange(state);
      return [px, ((high - second) / (high - low)) * s];
    }
    return [px, ((EXTENT - second) / (2 * EXTENT)) * s];
  }

  function showCursor() {
    const visible = Boolean(drawing() && keyPoint && map.matches(":focus-visible, :focus"));
    cursor.hidden = !visible;
    if (!visible || !keyPoint) return;
    const [px, py] = toPixels(keyPoint);
    cursor.style.transform = `translate(${px}px, ${py}px)`;
    cursor.title = `x₁ ${num(keyPoint[0], 2)}, ${isOneD() ? "value" : "x₂"} ${num(keyPoint[1], 2)}`;
  }

  map.addEventListener("pointerdown", onPointerDown);
  map.addEventListener("pointermove", onPointerMove);
  map.addEventListener("pointerup", onPointerUp);
  map.addEventListener("pointercancel", endPress);
  map.addEventListener("pointerleave", endPress);
  map.addEventListener("contextmenu", onContextMenu);
  map.addEventListener("keydown", onKeyDown);
  map.addEventListener("focus", showCursor);
  map.addEventListener("blur", showCursor);

  // -- from the state ------------------------------------------------------------

  let classKey = "";

  function updateClasses(/** @type {DataMessage} */ data) {
    const names = data.class_names;
    const key = names.join("\u0000");
    if (key !== classKey) {
      classKey = key;
      classButtons.replaceChildren(...names.map((name, k) => h(
        "button",
        { type: "button", class: "gn-draw-class", "aria-label": `Draw ${classLabel(name)}`, onclick: () => api.setUi({ drawClass: k }) },
        h("span", { class: "gn-draw-swatch", style: { background: classColor(k) } }),
        classLabel(name),
      )));
    }
    const chosen = Math.min(state.ui.drawClass, names.length - 1);
    classButtons.querySelectorAll("button").forEach((b, k) => b.setAttribute("aria-pressed", String(k === chosen)));
  }

  return {
    controls,
    update(next) {
      state = next;
      const { changed } = state;
      if (!changed.ui && !changed.data && !changed.settings && !changed.explain) return;
      const on = drawing();
      drawButton.setAttribute("aria-pressed", String(on));
      // Paused while stepping through: the map's clicks pick the point to explain.
      drawButton.disabled = Boolean(state.explain?.open);
      drawButton.title = state.explain?.open ? "Drawing waits while you step through training." : "";
      map.classList.toggle("gn-map-drawing", on);
      picker.hidden = !on || !state.data;
      if (state.data) {
        const regression = state.data.kind === "regression";
        const oneD = isOneD();
        classButtons.hidden = regression;
        // For 1-D regression the pointer's height is the value, so no slider.
        valuePicker.hidden = !regression || oneD;
        /** @type {HTMLElement} */ (pickerHelp.parentElement).hidden = regression && oneD;
        hint.textContent = (regression && oneD
          ? "Click the map to add a point: its height is its value. "
          : "Click the map to add a point. ") + "Shift-click, right-click or long-press a point to remove it.";
        if (!regression) updateClasses(state.data);
        slider.value = String(state.ui.drawValue);
        sliderValue.textContent = num(state.ui.drawValue, 2);
        const base = state.data.n_base;
        const drawn = state.data.points.length - base;
        const kept = state.data.train.length + state.data.test.length;
        clearButton.disabled = drawn === 0 && kept === base + drawn;
      }
      showCursor();
    },
    destroy() {
      endPress();
      controls.remove();
      cursor.remove();
    },
  };
}
