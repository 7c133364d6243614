// @ts-check
/**
 * What the network answers where the pointer rests on the output map: each
 * class's confidence, or the value for regression, at that place.
 *
 * The numbers come from the display evaluator (lib/evaluate.js), run on the
 * weights of the latest frame at that one place: the same evaluator that
 * paints the map, which a browser test keeps equal to the engine. They follow
 * training while the pointer stays. The readout keeps its exact numbers in
 * data attributes (data-x1, data-x2, data-outputs) for tests.
 */

import { h } from "../../lib/dom.js";
import { forward } from "../../lib/evaluate.js";
import { computeFeatures } from "../../lib/features.js";
import { classLabel, num } from "../../lib/format.js";
import { EXTENT, isMapState, mapPosition, shownNeuron } from "./mapGeometry.js";

/** @import { State } from "../../lib/types.js" */
/** @import { MapState } from "./mapGeometry.js" */

/**
 * @param {HTMLElement} map the map's box
 * @param {() => State} read the state now
 */
export function createMapReadout(map, read) {
  const box = h("div", { class: "gn-map-readout", "aria-hidden": "true", hidden: true });
  map.append(box);
  /** @type {[number, number] | null} where the pointer rests, in the map's own numbers (x₁, x₂) */
  let at = null;

  function onMove(/** @type {PointerEvent} */ event) {
    const size = map.clientWidth;
    if (size <= 0) return;
    const [px, py] = mapPosition(map, event);
    at = [((px / size) * 2 - 1) * EXTENT, (1 - (py / size) * 2) * EXTENT];
    show(read());
  }

  function onLeave() {
    at = null;
    box.hidden = true;
  }

  /** @param {State} state */
  function show(state) {
    if (!at || !isMapState(state) || shownNeuron(state)) {
      box.hidden = true;
      return;
    }
    const [x1, x2] = at;
    const oneD = state.grid.oneD;
    const inputs = computeFeatures(state.frame.network.features, Float64Array.of(x1), oneD ? null : Float64Array.of(x2));
    const outputs = [...forward(state.layers, inputs, 1).at(-1) ?? []];
    box.dataset.x1 = String(x1);
    box.dataset.x2 = oneD ? "" : String(x2);
    box.dataset.outputs = JSON.stringify(outputs);
    const where = oneD ? `x₁ ${num(x1, 2)}` : `x₁ ${num(x1, 2)}, x₂ ${num(x2, 2)}`;
    box.replaceChildren(h("span", { class: "gn-map-readout-where" }, where), ...answer(state, outputs));
    box.hidden = false;
  }

  map.addEventListener("pointermove", onMove);
  map.addEventListener("pointerleave", onLeave);
  return {
    /** Follow the network while the pointer rests (training goes on). */
    update(/** @type {State} */ state) {
      if (at && (state.changed.frame || state.changed.ui || state.changed.data)) show(state);
    },
    destroy() {
      map.removeEventListener("pointermove", onMove);
      map.removeEventListener("pointerleave", onLeave);
      box.remove();
    },
  };
}

/**
 * The network's answer in words: confidences per class, or a value.
 * @param {MapState} state
 * @param {number[]} outputs the output layer's activations at that place
 * @returns {HTMLElement[]}
 */
function answer(state, outputs) {
  const { kind, class_names: names } = state.data;
  const activation = state.frame.network.activations.at(-1);
  const line = (/** @type {string} */ text) => h("span", null, text);
  if (kind === "regression") return [line(`value ${num(outputs[0])}`)];
  if (kind === "multiclass" || outputs.length > 1) {
    return outputs.map((p, k) => ({ p, k })).sort((a, b) => b.p - a.p)
      .map(({ p, k }) => line(`${classLabel(names[k] ?? k)}: ${percent(p)}`));
  }
  const y = outputs[0];
  if (activation === "sigmoid") {
    return [line(`${classLabel(names[1] ?? 1)}: ${percent(y)}`), line(`${classLabel(names[0] ?? 0)}: ${percent(1 - y)}`)];
  }
  // A tanh (or linear) output learns -1 and +1: its sign is the class.
  return [line(`output ${num(y)}: ${classLabel(names[y >= 0 ? 1 : 0] ?? (y >= 0 ? 1 : 0))}`)];
}

/** @param {number} p a confidence from 0 to 1 */
function percent(p) {
  return `${(p * 100).toFixed(p > 0.999 || p < 0.001 ? 2 : 1)}%`;
}
