// @ts-check
/**
 * The Export menu's panel (it loads the first time the menu opens).
 *
 * Files come from the session (the `export` request; the answer, `exported`,
 * is saved as a download): a model for ml5.js, a p5.js sketch, a NumPy script,
 * the weights as JSON or CSV; and, where the host can publish (`publish`), one web
 * page that replays the run with no server (docs/publishing.md). Pictures are made here, in the browser
 * (lib/picture.js, by the network's and the output's own views, which app.js
 * hands over): the network diagram or the output map, as PNG or SVG, at a
 * chosen size. Each entry says plainly what it is and what it is not.
 */

import { can } from "../../lib/capabilities.js";
import { cssZoom, h } from "../../lib/dom.js";
import { featureLabel } from "../../lib/features.js";
import { pngOf } from "../../lib/picture.js";
import { saveFile } from "./saveFile.js";

/** @import { PictureMaker, PictureState } from "../../lib/picture.js" */
/** @import { State, ViewApi } from "../../lib/types.js" */

/**
 * The pictures the Export menu offers, each loaded when first made.
 * @typedef {{ network: () => Promise<PictureMaker>, map: () => Promise<PictureMaker> }} Pictures
 */

/** glassnet activations TensorFlow.js has no activation for (bridge/ml5_files.py NOT_IN_TFJS). */
const NOT_IN_ML5 = new Set(["leaky_relu", "sine"]);

/**
 * @param {HTMLButtonElement} button the menu's button (the panel opens under it)
 * @param {ViewApi} api
 * @param {Pictures} pictures
 * @param {() => void} onClose
 */
export function createExportPanel(button, api, pictures, onClose) {
  const libraries = h("input", { type: "checkbox", id: `gn-export-libraries-${Math.random().toString(36).slice(2, 8)}` });
  const unique = () => Math.random().toString(36).slice(2, 8);
  const withoutPoints = h("input", { type: "checkbox", id: `gn-publish-points-${unique()}` });
  const compact = h("input", { type: "checkbox", id: `gn-publish-compact-${unique()}` });
  const stepThrough = h("input", { type: "checkbox", id: `gn-publish-steps-${unique()}`, checked: true });
  // A recorded step shows its point's inputs and target: without the points there is none.
  withoutPoints.addEventListener("change", () => {
    stepThrough.disabled = withoutPoints.checked;
  });
  const status = h("p", { class: "gn-export-status", role: "status", "aria-live": "polite" });
  const modelNote = h("p", { class: "gn-export-note" });
  const what = h("select", { class: "gn-select", "aria-label": "Picture of" },
    h("option", { value: "network" }, "the network diagram"), h("option", { value: "map" }, "the output map"));
  const size = h("input", { type: "number", min: 200, max: 4000, step: 100, value: 1600, class: "gn-export-size", "aria-label": "Width in pixels" });

  /** The request waiting for its file, if any. @type {string | null} */
  let waiting = null;
  let lastErrorId = Math.max(0, ...api.state.errors.map((e) => e.id));

  /**
   * @param {string} format
   * @param {string} label
   */
  const file = (format, label) => h("button", {
    type: "button", class: "gn-button gn-export-file", dataset: { format },
    onclick: () => {
      waiting = format;
      status.textContent = `Preparing ${label}…`;
      api.command("export", { format, libraries: format === "sketch" && libraries.checked });
    },
  }, label);

  const publishButton = h("button", {
    type: "button", class: "gn-button gn-export-file", dataset: { format: "publish" },
    onclick: () => {
      waiting = "publish";
      status.textContent = "Preparing the web page…";
      const explain = stepThrough.checked && !withoutPoints.checked && api.state.data ? pointsToExplain(api.state.data) : [];
      api.command("publish", { points: !withoutPoints.checked, compact: compact.checked, explain });
    },
  }, "Web page (publish)");
  const publishEntry = entry(publishButton,
    "One HTML file that replays this network's training, with no server: open it from disk, put it on any web host or in an iframe. Load it in glassnet to train on. It holds the data points unless you leave them out.",
    h("label", { class: "gn-export-check", htmlFor: withoutPoints.id }, withoutPoints, "Leave the data points out (the network and the map still show)"),
    h("label", { class: "gn-export-check", htmlFor: compact.id }, compact, "Compact, for an iframe of about 600 × 450"),
    h("label", { class: "gn-export-check", htmlFor: stepThrough.id }, stepThrough,
      "Readers can step through training on a point of each class (three points, for a regression), with the numbers recorded now"));

  /** @param {"png" | "svg"} kind */
  async function picture(kind) {
    const state = api.state;
    if (!state.frame || !state.grid || !state.layers || !state.catalog || !state.data) return;
    const width = Math.max(200, Math.min(4000, Math.round(Number(size.value) || 1600)));
    const map = what.value === "map";
    const make = await (map ? pictures.map() : pictures.network());
    const made = make(/** @type {PictureState} */ (state), width);
    const name = `glassnet-${map ? "map" : "network"}-${safe(state.data.name)}.${kind}`;
    const blob = kind === "svg" ? new Blob([made.svg], { type: "image/svg+xml" }) : await pngOf(made);
    saveFile(blob, name);
    status.textContent = `Saved ${name} (${made.width} × ${made.height}).`;
  }

  const el = h("div", { class: "gn-popover gn-export", role: "dialog", "aria-label": "Export", hidden: true },
    h("h2", { class: "gn-export-title" }, "Export"),
    h("p", { class: "gn-export-lead" }, "Take this network with you. Files come from the session; pictures are made here."),
    h("ul", { class: "gn-export-list" },
      entry(file("ml5", "Model for ml5.js"), "model.json, model.weights.bin and model_meta.json in a zip, for ml5.neuralNetwork().load(). The trained weights, not the data or the training settings.", modelNote),
      entry(file("sketch", "p5.js sketch"),
        "index.html, sketch.js and the model in a zip: the map, and the class (or value) under the mouse, in p5.js with ml5.js. Run it from a local server, or upload the files to the p5.js web editor. It computes the features for the model.",
        h("label", { class: "gn-export-check", htmlFor: libraries.id }, libraries,
          "Put p5.js and ml5.js inside, for a room without internet (about 6 MB; otherwise it links them from the internet, as the p5.js web editor does)")),
      entry(file("numpy", "Python (NumPy)"), "One script, NumPy only, that trains this network from its first weights on this data with these settings, and prints the loss. Not glassnet, and not a saved session."),
      entry(h("span", { class: "gn-export-pair" }, file("weights_json", "Weights (JSON)"), file("weights_csv", "Weights (CSV)")),
        "Every weight and bias, layer by layer (a layer's weights are inputs × neurons, as in Keras and TensorFlow.js), for your own code. Only numbers: no data, no settings."),
      publishEntry,
    ),
    h("h3", { class: "gn-export-subtitle" }, "Pictures"),
    h("div", { class: "gn-export-picture" }, what, h("label", null, size, " px wide")),
    h("div", { class: "gn-export-pair" },
      h("button", { type: "button", class: "gn-button", onclick: () => picture("png") }, "PNG"),
      h("button", { type: "button", class: "gn-button", onclick: () => picture("svg") }, "SVG")),
    h("p", { class: "gn-export-note" }, "For slides and portfolios. A PNG has that many pixels; an SVG scales to any size (its heatmaps are pictures inside it)."),
    status,
    h("button", { type: "button", class: "gn-button gn-export-close", "aria-label": "Close Export", onclick: () => onClose() }, "Close"),
  );

  function place() {
    // In the playground's own pixels: a projector's zoom (docs/screens.md) scales them.
    const zoom = cssZoom(button);
    const b = button.getBoundingClientRect();
    const box = { right: b.right / zoom, bottom: b.bottom / zoom };
    const innerWidth = window.innerWidth / zoom;
    const innerHeight = window.innerHeight / zoom;
    const width = Math.min(380, innerWidth - 16);
    el.style.width = `${width}px`;
    el.style.left = `${Math.max(8, Math.min(box.right - width, innerWidth - width - 8))}px`;
    // Under the button when there is room (the full page); else over everything (a small embed).
    const top = innerHeight - box.bottom < 360 ? 8 : box.bottom + 4;
    el.style.top = `${Math.round(top)}px`;
    el.style.maxHeight = `${Math.round(innerHeight - top - 8)}px`;
  }

  /**
   * What an ml5.js model of this network takes and returns, and what it cannot do
   * (the same cases as protocol/exports.py's _model_inputs).
   * @param {State} state
   */
  function describeModel(state) {
    const net = state.frame?.network;
    const data = state.data;
    if (!net || !data) return "";
    const blocked = net.activations.slice(0, -1).find((a) => NOT_IN_ML5.has(a));
    if (blocked) return `ml5.js has no ${blocked.replace("_", " ")} activation: choose another for the hidden layers to export for ml5.js.`;
    const plain = net.features.every((f, k) => f === `x${k + 1}`) && net.features.length === net.n_raw_inputs;
    const file = data.normalization;
    const regression = data.problem === "regression";
    const returns = !regression
      ? "It answers each class's confidence."
      : file ? "It answers the value in your data's own units." : "It answers the value as glassnet shows it (about -1 to 1).";
    if (!plain) {
      const names = net.features.map((f) => featureLabel(f, state.catalog)).join(", ");
      const from = file
        ? "computed from glassnet's map coordinates, not from your own values: each of your columns goes from -5 (its lowest value) to 5 (its highest) there"
        : "computed from the map's coordinates, -6 to 6";
      return `The model takes ${names}, ${from}. Feature transforms such as x₁² are not part of an ml5.js model, so give it those numbers yourself (the p5.js sketch computes them${file ? ", and its toMap() turns your values into map coordinates" : ""}). ${returns}`;
    }
    if (file) return `The model takes your data's own values (${data.input_names.slice(0, 5).join(", ")}${data.input_names.length > 5 ? ", …" : ""}) and normalizes them itself, as ml5.js does. ${returns}`;
    return `The model takes x₁ and x₂ as on the map, from -6 to 6. ${returns}`;
  }

  return {
    el,
    open() {
      el.hidden = false;
      modelNote.textContent = describeModel(api.state);
      place();
      /** @type {HTMLElement | null} */ (el.querySelector(".gn-export-file"))?.focus();
    },
    close() {
      el.hidden = true;
    },
    place,
    /** @param {State} state */
    update(state) {
      publishEntry.hidden = !can(state, "publish"); // a published page cannot publish again
      if (state.changed.exported && state.exported && waiting) {
        const { filename, content } = state.exported;
        waiting = null;
        saveFile(new Blob([bytesOf(content)]), filename);
        status.textContent = `Saved ${filename}.`;
      }
      if (state.changed.messages) {
        for (const error of state.errors) {
          if (error.id <= lastErrorId) continue;
          lastErrorId = error.id;
          if (waiting && (error.request === "export" || error.request === "publish")) {
            waiting = null;
            status.textContent = error.message;
          }
        }
      }
      if (!el.hidden && (state.changed.frame || state.changed.data)) modelNote.textContent = describeModel(state);
    },
  };
}

/**
 * The points a published page records a training step for: the first training point
 * of each class, or for a regression the training points with the lowest, the middle
 * and the highest target.
 * @param {NonNullable<State["data"]>} data
 * @returns {number[]} indices into the data's points
 */
function pointsToExplain(data) {
  const { train, targets } = data;
  if (data.problem === "regression") {
    const sorted = [...train].sort((a, b) => targets[a] - targets[b]);
    return [...new Set([sorted[0], sorted[sorted.length >> 1], sorted[sorted.length - 1]])].filter((i) => i !== undefined);
  }
  /** @type {Map<number, number>} class -> its first training point */
  const first = new Map();
  for (const i of train) if (!first.has(targets[i])) first.set(targets[i], i);
  return [...first.keys()].sort((a, b) => a - b).map((c) => /** @type {number} */ (first.get(c)));
}

/**
 * One export: its button, what it is, and anything more.
 * @param {HTMLElement} control
 * @param {string} about
 * @param {...HTMLElement} more
 */
function entry(control, about, ...more) {
  return h("li", { class: "gn-export-entry" }, control, h("p", { class: "gn-export-about" }, about), ...more);
}

/** The bytes of base64 text. @param {string} text */
function bytesOf(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A name fit for a file name. @param {string} name */
function safe(name) {
  return name.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 40) || "network";
}
