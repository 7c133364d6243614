// @ts-check
/**
 * Picking the point to explain, and how much one explained step trains.
 *
 * - a short table of training points, every class in turn (each row a button), "Random training
 *   point" and "A test point"; clicks on the output map pick points too (the
 *   output view calls api.explain.point while the panel is open);
 * - the step size: one point, one batch, or one epoch.
 *
 * Every choice becomes api.explain.point(index, size).
 */

import { classColor, css, diverging } from "../../lib/colors.js";
import { h } from "../../lib/dom.js";
import { classLabel, num } from "../../lib/format.js";
import { helpButton } from "../../lib/help.js";

/** @import { DataMessage, StepSize } from "../../lib/messages.js" */
/** @import { State, ViewApi } from "../../lib/types.js" */

/** How many training points the table lists. */
const LISTED = 8;
/** @type {[StepSize, string][]} */
const SIZES = [
  ["sample", "One point"],
  ["batch", "One batch"],
  ["epoch", "One epoch"],
];

/**
 * @param {ViewApi} api
 * @param {string} uid a suffix that keeps ids unique on the page
 * @returns {{ els: HTMLElement[], details: HTMLDetailsElement, update(state: State): void }}
 */
export function createPicker(api, uid) {
  /** @type {StepSize} */
  let chosenSize = "sample";
  const rows = h("div", { class: "gn-ex-points", role: "group", "aria-label": "Training points" });
  const random = h("button", { type: "button", class: "gn-button", onclick: () => pickFrom("train") }, "Random training point");
  const test = h("button", { type: "button", class: "gn-button", onclick: () => pickFrom("test") }, "A test point");
  const summary = h("span", { class: "gn-ex-picked" }, "Pick a point");
  const details = h("details", { class: "gn-ex-pick", open: true },
    h("summary", null, h("span", { class: "gn-ex-summary-label" }, "Point"), summary),
    h("p", { class: "gn-ex-hint" }, "Click a point on the output map, or pick one here:", helpButton("explain_point", "Pick a point")),
    rows,
    h("div", { class: "gn-ex-row" }, random, test));

  const radios = SIZES.map(([value, label]) => {
    const input = h("input", {
      type: "radio", name: `gn-ex-size-${uid}`, value, id: `gn-ex-size-${value}-${uid}`,
      onchange: () => {
        chosenSize = value;
        const point = current();
        if (point !== null) api.explain.point(point, value);
      },
    });
    const text = h("span", null, label);
    return { input, text, el: h("label", { class: "gn-ex-size", htmlFor: input.id }, input, text) };
  });
  const sizes = h("fieldset", { class: "gn-ex-sizes", dataset: { control: "explainSize" } },
    h("legend", { class: "gn-label" }, "Step size", helpButton("explain_size", "Step size")),
    h("div", { class: "gn-ex-segmented" }, ...radios.map((r) => r.el)));

  /** @type {DataMessage | null} the data the table lists */
  let data = null;

  /** The point being explained (or asked about), or null. */
  function current() {
    const e = api.state.explain;
    return e.pending ?? e.explanation?.point ?? null;
  }

  function pickFrom(/** @type {"train" | "test"} */ part) {
    const pool = data?.[part] || [];
    if (!pool.length) return;
    api.explain.point(pool[Math.floor(Math.random() * pool.length)], size());
  }

  function size() {
    return api.state.explain.explanation ? api.state.explain.size : chosenSize;
  }

  /** Rebuild the table of points (when the data changes). */
  function renderRows(/** @type {DataMessage} */ data) {
    const oneD = data.points[0]?.length === 1;
    const head = h("div", { class: "gn-ex-point gn-ex-point-head", "aria-hidden": "true" },
      h("span", null, "#"), h("span", null, "x₁"), h("span", null, oneD ? "" : "x₂"),
      h("span", null, data.kind === "regression" ? "value" : "class"));
    const buttons = listed(data).map((i) => {
      const [x1, x2] = data.points[i];
      const target = data.targets[i];
      const isValue = data.kind === "regression";
      const swatch = isValue ? css(diverging(target)) : classColor(target);
      const label = isValue ? num(target) : className(target);
      return h("button", {
        type: "button",
        class: "gn-ex-point",
        "aria-pressed": "false",
        "aria-label": `Point #${i}: x₁ ${num(x1)}${oneD ? "" : `, x₂ ${num(x2)}`}, ${isValue ? `value ${label}` : label}`,
        dataset: { point: i },
        onclick: () => api.explain.point(i, size()),
      },
        h("span", null, String(i)),
        h("span", { class: "gn-value" }, num(x1)),
        h("span", { class: "gn-value" }, oneD ? "" : num(x2)),
        h("span", { class: "gn-ex-class" }, h("span", { class: "gn-ex-swatch", style: { background: swatch } }), label));
    });
    rows.replaceChildren(head, ...buttons);
    test.disabled = !data.test.length;
    random.disabled = !data.train.length;
  }

  /** The first training points, taking the classes in turn so that every class shows. */
  function listed(/** @type {DataMessage} */ data) {
    if (data.kind === "regression") return data.train.slice(0, LISTED);
    const byClass = new Map();
    for (const i of data.train) {
      const list = byClass.get(data.targets[i]) || [];
      if (list.length < LISTED) list.push(i);
      byClass.set(data.targets[i], list);
    }
    const groups = [...byClass.keys()].sort((a, b) => a - b).map((k) => byClass.get(k));
    const out = [];
    for (let r = 0; out.length < LISTED && groups.some((g) => r < g.length); r++) {
      for (const g of groups) if (r < g.length && out.length < LISTED) out.push(g[r]);
    }
    return out;
  }

  function className(/** @type {number} */ k) {
    return classLabel(data?.class_names?.[k] ?? k);
  }

  /** Show which point is explained, and the step size in force. */
  function show(/** @type {State} */ s) {
    const e = s.explain;
    const point = current();
    for (const b of rows.querySelectorAll("button[data-point]")) {
      if (!(b instanceof HTMLElement)) continue;
      b.setAttribute("aria-pressed", String(Number(b.dataset.point) === point));
    }
    if (point === null) summary.textContent = "none yet: pick one";
    else {
      const trains = data?.train.includes(point);
      const label = data ? (data.kind === "regression" ? `value ${num(data.targets[point])}` : className(data.targets[point])) : "";
      summary.textContent = `#${point} · ${label} · ${trains ? "training point" : "test point"}${e.pending !== null ? " (working…)" : ""}`;
    }
    const shownSize = e.explanation ? e.size : chosenSize;
    for (const r of radios) r.input.checked = r.input.value === shownSize;
    const batch = s.settings?.batch_size;
    radios[1].text.textContent = batch ? `One batch (${batch})` : "One batch";
  }

  return {
    els: [details, sizes],
    details,
    update(s) {
      if (s.data && (s.changed.data || data !== s.data)) {
        data = s.data;
        renderRows(data);
      }
      show(s);
    },
  };
}
