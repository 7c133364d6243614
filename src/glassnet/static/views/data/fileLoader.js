// @ts-check
/**
 * "Load your data" in the data panel: a button that opens a file picker, and
 * dropping a file anywhere on the panel. The file is read as text here and sent
 * to the session (command load_data); the session reads it, and either sends
 * the new data or an error that names the row. Only the size is checked here,
 * before sending, so a huge file is not pushed down the wire for nothing: the
 * file's (MAX_FILE_BYTES), and the message's it becomes (MAX_MESSAGE_BYTES; JSON
 * writes a line break as two characters, so a CSV's CRLF line ends become LF first).
 *
 * The session's errors arrive in state.errors (the messages view shows them as
 * toasts); errors about the file we just sent are also shown right here, next
 * to the button that sent it.
 */

import { h } from "../../lib/dom.js";

/** @import { State, ViewApi } from "../../lib/types.js" */

/**
 * @param {HTMLElement} panel the element that accepts dropped files
 * @param {ViewApi} api
 */
export function createFileLoader(panel, api) {
  const input = h("input", {
    type: "file",
    accept: ".csv,.json,text/csv,application/json",
    class: "gn-dp-file-input",
    "aria-label": "Data file (CSV or JSON)",
    tabindex: -1,
    onchange: () => {
      const file = input.files?.[0];
      if (file) load(file);
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
    button, input, h("span", { class: "gn-dp-hint" }, "or drop a file here"));
  const notes = h("div", { class: "gn-dp-file-notes", dataset: { control: "load" } }, loaded, status, problem);

  /** The file sent and not yet answered, and the last error already seen. */
  /** @type {string | null} */
  let pending = null;
  let lastErrorId = 0;

  async function load(/** @type {File} */ file) {
    const limit = api.state.catalog?.limits?.MAX_FILE_BYTES ?? Infinity;
    problem.textContent = "";
    if (file.size > limit) {
      status.textContent = "";
      problem.textContent = `${file.name} is ${megabytes(file.size)}; glassnet reads files up to ${megabytes(limit)}. ` +
        "Keep fewer rows (or fewer columns) and try again.";
      return;
    }
    let content;
    try {
      content = (await file.text()).replace(/\r\n?/g, "\n");
    } catch {
      problem.textContent = `${file.name} could not be read. Is it still there?`;
      return;
    }
    const maxMessage = api.state.catalog?.limits?.MAX_MESSAGE_BYTES ?? Infinity;
    const message = new Blob([JSON.stringify({ type: "load_data", filename: file.name, content })]);
    if (message.size > maxMessage) {
      status.textContent = "";
      problem.textContent = `${file.name} makes a message of ${megabytes(message.size)} (its text, ` +
        `written as JSON); glassnet takes messages up to ${megabytes(maxMessage)}. ` +
        "Keep fewer rows (or fewer columns) and try again.";
      return;
    }
    pending = file.name;
    status.textContent = `Loading ${file.name}…`;
    api.command("load_data", { filename: file.name, content });
  }

  // Drop a file anywhere on the panel.
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
      const file = event.dataTransfer?.files[0];
      if (file) load(file);
    },
  };
  for (const [type, fn] of Object.entries(handlers)) panel.addEventListener(type, /** @type {EventListener} */ (fn));

  /** @param {State} state */
  function update(state) {
    if (state.changed.messages) {
      for (const error of state.errors) {
        if (error.id <= lastErrorId) continue;
        lastErrorId = error.id;
        if (pending && error.message.includes(pending)) {
          problem.textContent = error.message;
          status.textContent = "";
          pending = null;
        }
      }
    }
    if (!state.changed.data || !state.data) return;
    const data = state.data;
    if (pending && data.source === "file" && data.name === pending) {
      pending = null;
      status.textContent = "";
      problem.textContent = "";
    }
    loaded.hidden = data.source !== "file";
    if (data.source !== "file") return;
    const inputs = data.input_names.join(" and ");
    const what = data.problem === "regression"
      ? "a number to predict"
      : `${data.class_names.length} classes`;
    loaded.replaceChildren(
      h("span", { class: "gn-dp-loaded-name", title: data.name }, data.name),
      h("span", { class: "gn-dp-loaded-facts" },
        `${data.n_base} points · inputs ${inputs} · ${what}`),
    );
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

/** @param {number} bytes */
function megabytes(bytes) {
  const mb = bytes / 1e6;
  return `${mb >= 10 ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}
