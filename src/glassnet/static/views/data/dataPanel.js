// @ts-check
/**
 * The data panel (the left column, like TensorFlow Playground's DATA column):
 *
 * - a button with a small picture for every dataset in the catalog, grouped by
 *   problem, and "Draw your own";
 * - for drawn data, the problem (classification or regression) and the number
 *   of classes; for blobs, the number of classes;
 * - the Noise, "Ratio of training to test data" and "Batch size" sliders;
 * - Regenerate, and loading a CSV or JSON file or an ml5.js model (fileLoader.js);
 * - for data with more than two inputs, which two the map shows and what the
 *   others are held at (inputsBlock.js);
 * - one line saying how many points there are, and the classes with their colours.
 *
 * It only reads state: every choice becomes api.setSettings(...) or a command,
 * and the controls show whatever settings the session answers with.
 */

import { classColor, css, diverging } from "../../lib/colors.js";
import { h, select, showValue } from "../../lib/dom.js";
import { classLabel, num } from "../../lib/format.js";
import { helpButton } from "../../lib/help.js";
import { inputSlice } from "../../lib/inputSlice.js";
import { lazy } from "../../lib/lazy.js";
import { settingSpec, wholeRange } from "../../lib/settingSpecs.js";
import { createFileLoader } from "./fileLoader.js";
import { createSlider } from "./slider.js";
import { datasetThumbnail, pencilPicture } from "./thumbnails.js";

/** @import { Catalog, DataMessage } from "../../lib/messages.js" */
/** @import { State, View, ViewApi } from "../../lib/types.js" */

/** The dataset name of points a person drew or loaded (the session's CUSTOM). */
const CUSTOM = "custom";
const CUSTOM_LABEL = "Draw your own";
const CUSTOM_DESCRIPTION = "Start with no points and draw them on the output map, clicking where each one goes.";
/** @type {["classification" | "regression", string][]} */
const GROUPS = [
  ["classification", "Classification"],
  ["regression", "Regression"],
];
const CLASS_CHOICES = wholeRange("classes").map((n) => ({ value: n, label: String(n) }));
/** TensorFlow Playground's batch slider stops at 30; a link may ask for more, up to the table's. */
const BATCH_SLIDER_MAX = 30;
const NOISE_OFF = "Noise only changes generated data; drawn or loaded points stay where they are.";

/**
 * @param {HTMLElement} el the .gn-data section
 * @param {ViewApi} api
 * @returns {View}
 */
export function createDataPanel(el, api) {
  const settings = () => api.state.settings;

  // Dataset buttons: filled in when the catalog arrives.
  const tiles = new Map(); // dataset name -> button
  const pickers = h("div", { class: "gn-dp-pickers" });
  const current = h("p", { class: "gn-dp-current", dataset: { control: "dataset" } });

  // Problem and classes, for drawn data and blobs.
  const problemButtons = GROUPS.map(([name, label]) =>
    h("button", {
      type: "button",
      class: "gn-button gn-dp-problem-choice",
      dataset: { problem: name },
      onclick: () => api.setSettings({ problem: name }),
    }, label));
  const problemField = h("div", { class: "gn-dp-field gn-dp-problem", hidden: true, dataset: { control: "problem" } },
    h("span", { class: "gn-label", id: "gn-dp-problem-label" }, "Problem", helpButton("problem", "Problem")),
    h("div", { class: "gn-dp-segmented", role: "group", "aria-labelledby": "gn-dp-problem-label" }, ...problemButtons),
  );
  const classes = select({
    id: "gn-dp-classes",
    choices: CLASS_CHOICES,
    onChange: (value) => api.setSettings({ classes: Number(value) }),
  });
  const classesField = h("div", { class: "gn-dp-field gn-dp-classes", hidden: true, dataset: { control: "dataset" } },
    h("span", { class: "gn-label" }, h("label", { htmlFor: "gn-dp-classes" }, "Classes"), helpButton("classes", "Classes")),
    classes,
  );

  // Sliders.
  // `control` names each control for links that hide it (noise_hide=true, docs/urls.md).
  const setSettings = api.setSettings;
  // Each slider's range comes from the settings table (lib/tables.js).
  const noiseSpec = settingSpec("noise");
  const noise = createSlider({
    name: "noise", control: "noise", label: noiseSpec.label, min: noiseSpec.low ?? 0, max: noiseSpec.high ?? 0,
    step: 1, format: String, setSettings,
  });
  const ratioSpec = settingSpec("train_percent");
  const ratio = createSlider({
    name: "train_percent", control: "percTrainData", label: ratioSpec.label, min: ratioSpec.low ?? 0,
    max: ratioSpec.high ?? 0, step: 10, format: (v) => `${v}%`, setSettings,
  });
  const batchSpec = settingSpec("batch_size");
  const batch = createSlider({
    name: "batch_size", control: "batchSize", label: batchSpec.label, min: batchSpec.low ?? 1,
    max: Math.min(batchSpec.high ?? BATCH_SLIDER_MAX, BATCH_SLIDER_MAX), step: 1, format: String, setSettings,
  });
  const sliders = [noise, ratio, batch];

  const regenerate = h("button", {
    type: "button",
    class: "gn-button gn-dp-regenerate",
    onclick: () => api.command("regenerate"),
  }, "Regenerate");

  const file = createFileLoader(el, api);
  // Which inputs the map shows, for data with more than two: its module loads with such data.
  const inputsPlace = h("div", { hidden: true, dataset: { control: "inputs" } });
  /** @type {{ update(state: State): void }} */
  const noInputs = { update() {} };
  const inputs = lazy(async () => {
    const { createInputsBlock } = await import("./inputsBlock.js");
    const block = createInputsBlock(api);
    inputsPlace.replaceWith(block.el);
    return block;
  }, noInputs, (block) => block.update({ ...api.state, changed: { data: true } }));

  const summaryText = h("p", { class: "gn-dp-count" });
  const legend = h("ul", { class: "gn-dp-legend", "aria-label": "Classes in this data" });
  const summary = h("div", { class: "gn-dp-summary", "aria-live": "polite" }, summaryText, legend);

  el.dataset.control = `${el.dataset.control || ""} dataPanel`.trim();
  el.append(
    h("h2", { class: "gn-dp-heading" }, "Data", helpButton("dataset", "Data")),
    h("div", { class: "gn-dp-wrap" }, h("div", { class: "gn-dp-body" },
      h("div", { class: "gn-dp-block gn-dp-datasets" },
        pickers, file.notes, current, problemField, classesField),
      inputsPlace,
      h("div", { class: "gn-dp-block gn-dp-sliders" },
        ...sliders.map((s) => s.el),
        h("div", { class: "gn-dp-row", dataset: { control: "regenerate" } }, regenerate, helpButton("regenerate", "Regenerate")),
      ),
      h("div", { class: "gn-dp-block gn-dp-about" }, summary),
    )),
    h("div", { class: "gn-dp-drop-note", "aria-hidden": "true" }, "Drop a CSV or JSON file to load it, or an ml5.js model's three files to open it"),
  );

  function buildPickers(/** @type {Catalog} */ catalog) {
    tiles.clear();
    const groups = GROUPS.map(([problem, title]) => {
      const sets = catalog.datasets.filter((d) => d.problem === problem);
      return h("div", { class: "gn-dp-group-block", dataset: { control: "dataset" } },
        h("h3", { class: "gn-dp-group", id: `gn-dp-group-${problem}` }, title),
        h("div", { class: "gn-dp-tiles", role: "group", "aria-labelledby": `gn-dp-group-${problem}` },
          ...sets.map((d) => tile(d.name, d.label, d.description, datasetThumbnail(d)))));
    });
    const own = h("div", { class: "gn-dp-group-block" },
      h("h3", { class: "gn-dp-group", id: "gn-dp-group-own" }, "Your own data", helpButton("load", "Your own data")),
      h("div", { class: "gn-dp-own", role: "group", "aria-labelledby": "gn-dp-group-own" },
        tile(CUSTOM, CUSTOM_LABEL, CUSTOM_DESCRIPTION, pencilPicture()), file.el));
    pickers.replaceChildren(...groups, own);
  }

  /**
   * A dataset's button, with its picture.
   * @param {string} name
   * @param {string} label
   * @param {string} description
   * @param {Element} picture
   */
  function tile(name, label, description, picture) {
    const button = h("button", {
      type: "button",
      class: "gn-dp-tile",
      "aria-label": label,
      "aria-pressed": "false",
      title: `${label}: ${description}`,
      dataset: { dataset: name, control: name === CUSTOM ? "draw" : "dataset" },
      onclick: () => {
        if (name !== CUSTOM) {
          api.setSettings({ dataset: name });
          return;
        }
        // Loaded points are custom data too: start a blank drawing instead of keeping them.
        if (api.state.data?.source === "file" || api.state.data?.source === "model") api.command("new_drawing");
        else api.setSettings({ dataset: CUSTOM, problem: settings().problem });
        // Drawing your own starts with drawing: turn it on, so a click on the map adds a point.
        api.setUi({ drawMode: true });
      },
    }, picture);
    tiles.set(name, button);
    return button;
  }

  function showSettings(/** @type {State} */ state, /** @type {Catalog} */ catalog) {
    const s = state.settings;
    const custom = s.dataset === CUSTOM;
    const fromFile = state.data?.source === "file" || state.data?.source === "model";
    for (const [name, button] of tiles) button.setAttribute("aria-pressed", String(name === s.dataset));
    const spec = catalog.datasets.find((d) => d.name === s.dataset);
    // A loaded file speaks for itself (its card shows its name and size).
    current.hidden = custom && fromFile;
    current.replaceChildren(
      h("strong", null, spec ? spec.label : CUSTOM_LABEL),
      h("span", null, spec ? spec.description : CUSTOM_DESCRIPTION),
    );

    problemField.hidden = !custom || fromFile;
    for (const b of problemButtons) b.setAttribute("aria-pressed", String(b.dataset.problem === s.problem));
    classesField.hidden = !((custom && !fromFile && s.problem === "classification") || s.dataset === "blobs");
    showValue(classes, s.classes);

    noise.show(s.noise);
    ratio.show(s.train_percent);
    batch.show(s.batch_size);
    noise.input.disabled = custom;
    noise.el.title = custom ? NOISE_OFF : "";
    noise.el.classList.toggle("gn-dp-off", custom);
    regenerate.disabled = custom;
    regenerate.title = custom
      ? "Drawn or loaded points cannot be regenerated; pick a dataset above to do so."
      : "New random points of the same kind";
  }

  function showSummary(/** @type {DataMessage} */ data) {
    const drawn = data.points.length - data.n_base;
    const train = data.train.length;
    const test = data.test.length;
    const total = train + test;
    summaryText.replaceChildren();
    if (total === 0 && data.source === "model") {
      summaryText.textContent = "No points: an ml5.js model carries no data. Load its data above, or draw points on the map.";
    } else if (total === 0) {
      summaryText.textContent = "No points yet: with drawing on, click the output map to add some.";
    } else {
      summaryText.append(
        h("span", { class: "gn-value" }, String(total)), total === 1 ? " point: " : " points: ",
        h("span", { class: "gn-value" }, String(train)), " training, ",
        h("span", { class: "gn-value" }, String(test)), " test",
        drawn > 0 ? ` (${drawn} drawn)` : "",
      );
    }
    if (data.problem === "regression") {
      legend.setAttribute("aria-label", "Values in this data");
      legend.replaceChildren(...valueLegend(data.targets));
    } else {
      legend.setAttribute("aria-label", "Classes in this data");
      legend.replaceChildren(...data.class_names.map((name, k) =>
        h("li", { class: "gn-dp-class", dataset: { class: k } },
          h("span", { class: "gn-dp-swatch", style: { background: classColor(k) }, "aria-hidden": "true" }),
          classLabel(name))));
    }
  }

  function update(/** @type {State} */ state) {
    if (!state.catalog) return;
    if (state.changed.catalog) buildPickers(state.catalog);
    if (state.changed.catalog || state.changed.settings || state.changed.data) showSettings(state, state.catalog);
    if (state.data && (state.changed.data || state.changed.catalog)) showSummary(state.data);
    file.update(state);
    if (inputSlice(state)) inputs.need();
    inputs.current.update(state);
  }

  return {
    update,
    destroy() {
      for (const s of sliders) s.cancel();
      file.destroy();
      el.replaceChildren();
    },
  };
}

/**
 * For regression: the lowest and highest value, on the diverging scale between them.
 * @param {number[]} targets
 */
function valueLegend(targets) {
  if (targets.length === 0) return [];
  let low = Infinity;
  let high = -Infinity;
  for (const t of targets) {
    if (t < low) low = t;
    if (t > high) high = t;
  }
  // The ramp runs through the colours the points really get, from low to high.
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => css(diverging(low + (high - low) * t))).join(", ");
  return [
    h("li", { class: "gn-dp-values" },
      h("span", { class: "gn-value" }, num(low, 2)),
      h("span", { class: "gn-dp-ramp", style: { background: `linear-gradient(to right, ${stops})` }, "aria-hidden": "true" }),
      h("span", { class: "gn-value" }, num(high, 2)),
      h("span", { class: "gn-sr-only" }, "values from lowest (orange) to highest (blue)")),
  ];
}
