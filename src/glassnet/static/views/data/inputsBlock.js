// @ts-check
/**
 * "Inputs on the map", in the data panel, for data with more than two inputs
 * (RGB colours, iris measurements, a hand pose's 63 numbers): which two inputs
 * go across and up the output map, and the values every other input is held at
 * (lib/inputSlice.js). They are a chosen point's values: the data's mean to
 * start, a data point (pick it by number, or click it on the map), or values
 * typed in: with sliders when few inputs are held, as a compact table when many.
 *
 * Numbers are shown in the data's own units (a file's or a model's ranges).
 * Every choice is the page's own (api.setUi); the session trains on all inputs.
 */

import { h } from "../../lib/dom.js";
import { num } from "../../lib/format.js";
import { helpButton } from "../../lib/help.js";
import { chooseSlice, inputSlice, rawValue, viewValue } from "../../lib/inputSlice.js";

/** @import { DataMessage } from "../../lib/messages.js" */
/** @import { Slice, State, ViewApi } from "../../lib/types.js" */

/** Up to this many held inputs get a slider each; more get a table. */
export const MAX_SLIDERS = 8;

let nextId = 1; // unique ids, for pages (notebooks) with several playgrounds

/**
 * @param {ViewApi} api
 * @returns {{ el: HTMLElement, update: (state: State) => void }}
 */
export function createInputsBlock(api) {
  const id = nextId++;
  const choose = (/** @type {Parameters<typeof chooseSlice>[1]} */ change) =>
    api.setUi({ slice: chooseSlice(api.state, change) });
  const across = h("select", { id: `gn-ib-across-${id}`, class: "gn-select", onchange: () => setAxes() });
  const up = h("select", { id: `gn-ib-up-${id}`, class: "gn-select", onchange: () => setAxes() });
  const heldFrom = h("select", {
    id: `gn-ib-from-${id}`,
    class: "gn-select",
    onchange: () => (heldFrom.value === "point" ? choose({ point: Math.max(0, Number(pointInput.value) - 1) }) : choose({ mean: true })),
  },
  h("option", { value: "mean" }, "the mean of the data"),
  h("option", { value: "point" }, "a data point"),
  h("option", { value: "edited", disabled: true }, "values you set"));
  const pointInput = h("input", {
    type: "number", min: 1, step: 1, value: 1, class: "gn-ib-point", "aria-label": "Data point number",
    onchange: () => choose({ point: Math.max(0, Math.round(Number(pointInput.value)) - 1) }),
  });
  const pointRow = h("p", { class: "gn-ib-point-row" }, "Point ", pointInput, h("span", { class: "gn-ib-count" }),
    h("span", { class: "gn-ib-hint" }, "or click a point on the map"));
  const values = h("div", { class: "gn-ib-values" });
  const el = h("div", { class: "gn-dp-block gn-ib", hidden: true, dataset: { control: "inputs" } },
    h("h3", { class: "gn-dp-group" }, "Inputs on the map", helpButton("inputs", "Inputs on the map")),
    h("div", { class: "gn-ib-axes" },
      h("label", { htmlFor: across.id }, "Across"), across,
      h("label", { htmlFor: up.id }, "Up"), up),
    h("label", { class: "gn-ib-from", htmlFor: heldFrom.id }, "The others are held at"), heldFrom,
    pointRow,
    values,
  );

  /** @type {Map<number, { input: HTMLInputElement, shown: HTMLElement }>} each held input's control */
  let controls = new Map();
  let builtFor = "";

  function setAxes() {
    const a = Number(across.value);
    let b = Number(up.value);
    if (a === b) b = (a + 1) % across.options.length; // the other axis makes way
    choose({ axes: [a, b] });
  }

  /**
   * One control per held input: sliders for a few, a table of numbers for many.
   * @param {DataMessage} data
   * @param {Slice} slice
   */
  function build(data, slice) {
    const held = data.input_names.map((_, k) => k).filter((k) => !slice.axes.includes(k));
    const table = held.length > MAX_SLIDERS;
    controls = new Map();
    values.classList.toggle("gn-ib-table", table);
    values.replaceChildren(...held.map((k) => {
      const name = data.input_names[k];
      const label = `Held value of ${name}`;
      const shown = h("output", { class: "gn-value gn-ib-value" });
      /** @type {HTMLInputElement} */
      let input;
      if (table) {
        input = h("input", { type: "number", step: "any", class: "gn-ib-number", "aria-label": label, title: name,
          onchange: () => choose({ input: k, value: clampView(viewValue(data, k, Number(input.value))) }) });
      } else {
        input = h("input", { type: "range", min: -6, max: 6, step: 0.05, class: "gn-dp-range", "aria-label": label,
          oninput: () => choose({ input: k, value: Number(input.value) }) });
      }
      controls.set(k, { input, shown });
      return table
        ? h("label", { class: "gn-ib-cell", title: name }, h("span", { class: "gn-ib-name" }, name), input)
        : h("div", { class: "gn-ib-slider" },
          h("div", { class: "gn-dp-slider-top" }, h("span", { class: "gn-ib-name", title: name }, name), shown),
          input);
    }));
  }

  /** @param {State} state */
  function update(state) {
    if (!state.changed.data && !state.changed.ui && !state.changed.frame) return;
    const slice = inputSlice(state);
    const data = state.data;
    el.hidden = !slice || !data;
    if (!slice || !data) return;
    const key = `${data.source}:${data.name}:${data.input_names.join()}|${slice.axes.join()}`;
    if (key !== builtFor) {
      builtFor = key;
      const options = () => data.input_names.map((name, k) => h("option", { value: k }, name));
      across.replaceChildren(...options());
      up.replaceChildren(...options());
      build(data, slice);
    }
    across.value = String(slice.axes[0]);
    up.value = String(slice.axes[1]);
    heldFrom.value = typeof slice.from === "number" ? "point" : slice.from;
    pointRow.hidden = typeof slice.from !== "number";
    if (typeof slice.from === "number") pointInput.value = String(slice.from + 1);
    pointInput.max = String(data.points.length);
    /** @type {HTMLElement} */ (pointRow.querySelector(".gn-ib-count")).textContent = ` of ${data.points.length} `;
    for (const [k, { input, shown }] of controls) {
      const raw = rawValue(data, k, slice.held[k]);
      if (document.activeElement !== input || input.type === "range") {
        input.value = input.type === "range" ? String(slice.held[k]) : num(raw, 4);
      }
      shown.textContent = num(raw, 3);
    }
  }

  return { el, update };
}

/** A held value inside the view, -6..6. @param {number} v */
function clampView(v) {
  return Number.isFinite(v) ? Math.max(-6, Math.min(6, v)) : 0;
}
