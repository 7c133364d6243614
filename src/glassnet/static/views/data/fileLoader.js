// @ts-check
/**
 * "Load your data" in the data panel: a button that opens a file picker, and
 * dropping files anywhere on the panel.
 *
 * - A CSV or JSON data file is read as text and sent to the session (load_data).
 * - An ml5.js model is its three files (NAME.json, NAME.weights.bin,
 *   NAME_meta.json; any names), chosen or dropped together: they are sent in
 *   base64 (open_model), and the network opens in glassnet without data. With
 *   a model open, a data file loaded next is matched to the model (docs/bridge.md).
 *
 * The session reads every file and answers with the new data, or an error that
 * names what is wrong. Reading and sending are fileSending.js's, which checks
 * sizes before sending: the file's (MAX_FILE_BYTES), and the message's it becomes
 * (MAX_MESSAGE_BYTES). Errors about the files just sent are shown right here too, next to the button that sent them (the
 * messages view shows every error as a toast).
 */

import { h } from "../../lib/dom.js";

/** @import { DataMessage } from "../../lib/messages.js" */
/** @import { State, ViewApi } from "../../lib/types.js" */

/**
 * @param {HTMLElement} panel the element that accepts dropped files
 * @param {ViewApi} api
 */
export function createFileLoader(panel, api) {
  const input = h("input", {
    type: "file",
    multiple: true,
    accept: ".csv,.json,.bin,text/csv,application/json",
    class: "gn-dp-file-input",
    "aria-label": "Data file (CSV or JSON), or an ml5.js model's three files",
    tabindex: -1,
    onchange: () => {
      const files = Array.from(input.files || []);
      if (files.length) load(files);
      input.value = ""; // so picking the same file again loads it again
    },
  });
  const button = h("button", { type: "button", class: "gn-button gn-dp-load", onclick: () => input.click() }, "Load CSV or JSON");
  const status = h("p", { class: "gn-dp-file-status", role: "status", "aria-live": "polite" });
  const problem = h("p", { class: "gn-dp-file-error", role: "alert" });
  const loaded = h("div", { class: "gn-dp-loaded", hidden: true });
  // Two parts, placed by the panel: the button (with its hint), and what the
  // file did (its name and size, or what was wrong with it).
  const el = h("div", { class: "gn-dp-load-area", dataset: { control: "load" } },
    button, input, h("span", { class: "gn-dp-hint" }, "or drop a file here, or an ml5.js model's 3 files"));
  const notes = h("div", { class: "gn-dp-file-notes", dataset: { control: "load" } }, loaded, status, problem);

  /** The request sent and not yet answered (load_data or open_model), with its file's name. */
  /** @type {{ request: string, name: string } | null} */
  let pending = null;
  let lastErrorId = 0;

  /** Say what went wrong with files before anything was sent. @param {string} text */
  function refuse(text) {
    status.textContent = "";
    problem.textContent = text;
  }

  /**
   * Read the files and send them (views/data/fileSending.js, loaded with the first file).
   * @param {File[]} files
   */
  async function load(files) {
    problem.textContent = "";
    const { sendFiles } = await import("./fileSending.js");
    const sent = await sendFiles(files, api);
    if ("refused" in sent) {
      refuse(sent.refused);
      return;
    }
    pending = { request: sent.request, name: sent.name };
    status.textContent = sent.status;
  }

  // Drop files anywhere on the panel.
  // Not when a link hid loading (load_hide=true): then the block is not displayed.
  const hasFiles = (/** @type {DragEvent} */ event) =>
    Array.from(event.dataTransfer?.types || []).includes("Files") && getComputedStyle(el).display !== "none";
  let depth = 0; // dragenter/leave fire for every child: count them
  /** @type {Record<string, (event: DragEvent) => void>} */
  const handlers = {
    dragenter(event) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth += 1;
      panel.classList.add("gn-dp-dropping");
    },
    dragover(event) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    },
    dragleave() {
      depth = Math.max(0, depth - 1);
      if (depth === 0) panel.classList.remove("gn-dp-dropping");
    },
    drop(event) {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      panel.classList.remove("gn-dp-dropping");
      const files = Array.from(event.dataTransfer?.files || []);
      if (files.length) load(files);
    },
  };
  for (const [type, fn] of Object.entries(handlers)) panel.addEventListener(type, /** @type {EventListener} */ (fn));

  /** @param {State} state */
  function update(state) {
    if (state.changed.messages) {
      for (const error of state.errors) {
        if (error.id <= lastErrorId) continue;
        lastErrorId = error.id;
        if (pending && error.request === pending.request) {
          problem.textContent = error.message;
          status.textContent = "";
          pending = null;
        }
      }
    }
    if (!state.changed.data || !state.data) return;
    const data = state.data;
    const fromFile = data.source === "file" || data.source === "model";
    if (pending && fromFile && (data.name === pending.name || pending.request === "open_model")) {
      pending = null;
      status.textContent = "";
      problem.textContent = "";
    }
    loaded.hidden = !fromFile;
    if (fromFile) loaded.replaceChildren(...card(data));
  }

  return {
    el,
    notes,
    update,
    destroy() {
      for (const [type, fn] of Object.entries(handlers)) panel.removeEventListener(type, /** @type {EventListener} */ (fn));
    },
  };
}

/**
 * What the loaded file (or the opened model) is: its name, its size, and for a model without data what to do.
 * @param {DataMessage} data
 * @returns {HTMLElement[]}
 */
function card(data) {
  const n = data.input_names.length;
  const inputs = n > 2
    ? `${n} inputs (${data.input_names.slice(0, 4).join(", ")}${n > 4 ? ", …" : ""})`
    : `inputs ${data.input_names.join(" and ")}`;
  const what = data.problem === "regression" ? "a number to predict" : `${data.class_names.length} classes`;
  if (data.source === "file") {
    return [
      h("span", { class: "gn-dp-loaded-name", title: data.name }, data.name),
      h("span", { class: "gn-dp-loaded-facts" }, `${data.n_base} points · ${inputs} · ${what}`),
    ];
  }
  if (data.n_base > 0) {
    return [
      h("span", { class: "gn-dp-loaded-name", title: data.name }, `ml5.js model, with ${data.name}`),
      h("span", { class: "gn-dp-loaded-facts" },
        `${data.n_base} points · ${inputs} · ${what}. The model's network learns on from here.`),
    ];
  }
  const classes = data.problem === "regression" ? "" : ` (${data.class_names.join(", ")})`;
  const columns = [...data.input_names.slice(0, 6), ...(n > 6 ? ["…"] : [])].join(", ");
  return [
    h("span", { class: "gn-dp-loaded-name", title: data.name }, data.name),
    h("span", { class: "gn-dp-loaded-facts" }, `an ml5.js model without data · ${inputs} · ${what}${classes}`),
    h("span", { class: "gn-dp-loaded-next" },
      "A model carries no data. To step through it or train it further, load the data it learned from: " +
      `the JSON its saveData() wrote, or a CSV with the columns ${columns} and a label.`),
  ];
}
