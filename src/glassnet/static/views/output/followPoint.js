// @ts-check
/**
 * Follow a point through the forward pass: a click on the output map (while
 * not drawing and not stepping through a training step) pins that place, and a
 * card under the map shows what the network computes there, layer by layer:
 * the features, each layer's activations, and the output.
 *
 * The numbers come from the display evaluator (lib/evaluate.js) on the weights
 * of the frame on screen, the evaluator a browser test keeps equal to the
 * engine; they follow training (or a replay's timeline). Each number keeps its
 * exact value in data-value. Close (or Escape on the card) lets go of the point.
 */

import { h } from "../../lib/dom.js";
import { forward } from "../../lib/evaluate.js";
import { computeFeatures, featureLabel } from "../../lib/features.js";
import { num } from "../../lib/format.js";
import { EXTENT, isMapState, mapPosition } from "./mapGeometry.js";

/** @import { State, ViewApi } from "../../lib/types.js" */

const MOVE_TOLERANCE = 8; // a press that moves further is a drag, not a click

/**
 * @param {HTMLElement} map the square map element that takes the pointer
 * @param {() => State} read the state now
 * @returns {{ card: HTMLElement, update: (state: State) => void, destroy: () => void }}
 */
export function createFollowPoint(map, read) {
  const mark = h("div", { class: "gn-follow-mark", hidden: true, "aria-hidden": "true" });
  const card = h("section", { class: "gn-follow", hidden: true, "aria-label": "A point through the network" });
  map.append(mark);
  /** @type {[number, number] | null} the pinned place, in the map's own numbers (x₁, x₂) */
  let at = null;
  /** @type {[number, number] | null} */
  let down = null;

  function onDown(/** @type {PointerEvent} */ event) {
    down = [event.clientX, event.clientY];
  }

  function onUp(/** @type {PointerEvent} */ event) {
    const state = read();
    const moved = !down || Math.hypot(event.clientX - down[0], event.clientY - down[1]) > MOVE_TOLERANCE;
    down = null;
    if (moved || event.button !== 0 || state.ui.drawMode || state.explain.open || !isMapState(state)) return;
    const size = map.clientWidth;
    if (size <= 0) return;
    const [px, py] = mapPosition(map, event);
    at = [((px / size) * 2 - 1) * EXTENT, state.grid.oneD ? 0 : (1 - (py / size) * 2) * EXTENT];
    show(state);
  }

  function close() {
    at = null;
    card.hidden = true;
    mark.hidden = true;
  }

  /** @param {number} v */
  const value = (v) => h("span", { class: "gn-follow-value gn-value", dataset: { value: String(v) } }, num(v));

  /** @param {State} state */
  function show(state) {
    if (!at || !isMapState(state)) return close();
    const [x1, x2] = at;
    const oneD = state.grid.oneD;
    const network = state.frame.network;
    const inputs = computeFeatures(network.features, Float64Array.of(x1), oneD ? null : Float64Array.of(x2));
    const values = forward(state.layers, inputs, 1);
    const where = oneD ? `x₁ = ${num(x1, 2)}` : `x₁ = ${num(x1, 2)}, x₂ = ${num(x2, 2)}`;
    const last = values.length - 1;
    const rows = values.map((layer, a) => {
      const name = a === 0 ? "Features" : a === last ? "Output" : `Layer ${a}`;
      const activation = a === 0 ? "" : ` (${network.activations[a - 1]})`;
      const parts = [...layer].map((v, k) => h("span", { class: "gn-follow-unit" },
        a === 0 ? `${featureLabel(network.features[k], state.catalog)} ` : "", value(v)));
      return h("li", { class: "gn-follow-layer", dataset: { a: String(a) } },
        h("span", { class: "gn-follow-name" }, name + activation), ...parts);
    });
    card.dataset.x1 = String(x1);
    card.dataset.x2 = oneD ? "" : String(x2);
    card.replaceChildren(
      h("div", { class: "gn-follow-head" },
        h("span", null, `Following the point ${where} through the network`),
        h("button", { type: "button", class: "gn-button gn-follow-close", "aria-label": "Stop following the point", onclick: close }, "Close")),
      h("ol", { class: "gn-follow-layers" }, ...rows),
      h("p", { class: "gn-follow-note" }, "Each neuron's activation a = f(w · inputs + b), layer by layer, with the weights on screen."),
    );
    card.hidden = false;
    const size = map.clientWidth;
    mark.style.left = `${((x1 / EXTENT + 1) / 2) * size}px`;
    mark.style.top = `${oneD ? size / 2 : ((1 - x2 / EXTENT) / 2) * size}px`;
    mark.hidden = false;
  }

  const onKey = (/** @type {KeyboardEvent} */ event) => event.key === "Escape" && close();
  map.addEventListener("pointerdown", onDown);
  map.addEventListener("pointerup", onUp);
  card.addEventListener("keydown", onKey);
  return {
    card,
    update(/** @type {State} */ state) {
      if (!at) return;
      if (state.explain.open || state.ui.drawMode) return close();
      if (state.changed.frame || state.changed.data || state.changed.catalog) show(state);
    },
    destroy() {
      map.removeEventListener("pointerdown", onDown);
      map.removeEventListener("pointerup", onUp);
      mark.remove();
      card.remove();
    },
  };
}
