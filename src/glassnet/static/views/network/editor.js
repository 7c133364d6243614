// @ts-check
/**
 * The network diagram's editor: a small dialog where a person types new weights
 * and biases (one value for an edge or a bias, or a neuron's whole card), or
 * drags each one's slider (dragSlider.js). It only sends what was typed or
 * dragged; the session checks it and answers bad values with an error message.
 */

import { h } from "../../lib/dom.js";
import { num } from "../../lib/format.js";
import { createDragSlider } from "./dragSlider.js";
import { placeBeside } from "./tip.js";

/** @import { Anchor } from "./tip.js" */

/**
 * A typed number, or the text itself when it is not a number, so that the
 * session answers with a message that says what is allowed.
 * @param {string} text
 * @returns {number | string}
 */
export function parseNumber(text) {
  const t = text.trim().replace(/^[−–]/, "-").replace(",", ".");
  const v = Number(t);
  return t !== "" && Number.isFinite(v) ? v : text;
}

/**
 * @typedef {object} EditorRow
 * @property {string} label what the value is ("Bias", "from x₁")
 * @property {string} name the input's accessible name ("Weight from x₁ to neuron 1 of layer 1")
 * @property {() => number} read the value now
 * @property {(value: number | string) => void} apply send a typed value to the session
 * @property {(value: number, drag: number) => void} [drag] send a value while its slider is dragged
 */

let nextId = 1;

/**
 * The editor: a small dialog with one number input per row, Apply and Cancel.
 * Enter applies, Escape cancels, a click elsewhere cancels. Only rows that were
 * typed in are applied; the others follow training while it is open.
 * @param {HTMLElement} root
 */
export function createEditor(root) {
  /** @type {{ box: HTMLElement, rows: EditorRow[], inputs: HTMLInputElement[], sliders: ReturnType<typeof createDragSlider>[], opener: HTMLElement | null } | null} */
  let current = null;

  function onOutside(/** @type {PointerEvent} */ event) {
    const target = /** @type {Node} */ (event.target);
    if (current && !current.box.contains(target) && target !== current.opener) close(false);
  }

  /**
   * @param {object} options
   * @param {string} options.title
   * @param {string[]} [options.note] lines above the rows
   * @param {EditorRow[]} options.rows
   * @param {Anchor} options.anchor where it opens
   * @param {HTMLElement | null} options.opener what gets the focus back when it closes
   */
  function open({ title, note, rows, anchor, opener }) {
    close(false);
    const inputs = rows.map((row, k) => {
      const input = h("input", {
        type: "text",
        inputmode: "decimal",
        autocomplete: "off",
        spellcheck: false,
        class: "gn-net-editor-input gn-value",
        id: `gn-net-edit-${nextId++}-${k}`,
        "aria-label": row.name,
        value: num(row.read(), 4),
      });
      input.addEventListener("input", () => (input.dataset.typed = "true"));
      return input;
    });
    const apply = h("button", { type: "button", class: "gn-button gn-primary", onclick: () => commit() }, "Apply");
    const cancel = h("button", { type: "button", class: "gn-button", onclick: () => close(true) }, "Cancel");
    // A slider sends as it moves: its row shows the value, and there is nothing left to cancel.
    const sliders = rows.map((row, k) => row.drag && createDragSlider({
      name: row.name,
      read: row.read,
      send: row.drag,
      moved: (value) => {
        inputs[k].value = num(value, 4);
        delete inputs[k].dataset.typed;
        cancel.textContent = "Close";
      },
    }));
    const box = h("div", { class: "gn-net-editor", role: "dialog", "aria-label": title },
      h("div", { class: "gn-net-editor-title" }, title),
      (note || []).map((line) => h("div", { class: "gn-net-editor-note" }, line)),
      h("div", { class: "gn-net-editor-rows", dataset: { sliders: String(sliders.some(Boolean)) } }, rows.flatMap((row, k) => [
        h("label", { htmlFor: inputs[k].id, class: "gn-net-editor-label" }, row.label),
        inputs[k],
        sliders[k] ? sliders[k].el : null,
      ])),
      h("div", { class: "gn-net-editor-actions" }, apply, cancel),
    );
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && /** @type {Element} */ (event.target).tagName === "INPUT") {
        event.preventDefault();
        commit();
      } else if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        close(true);
      }
    });
    root.append(box);
    placeBeside(box, root, anchor);
    current = { box, rows, inputs, sliders: sliders.filter((x) => x !== undefined), opener };
    document.addEventListener("pointerdown", onOutside, true);
    inputs[0].focus();
    inputs[0].select();
  }

  function commit() {
    if (!current) return;
    const { rows, inputs } = current;
    rows.forEach((row, k) => {
      if (inputs[k].dataset.typed) row.apply(parseNumber(inputs[k].value));
    });
    close(true);
  }

  /** @param {boolean} refocus give focus back to what opened it */
  function close(refocus) {
    if (!current) return;
    const { box, opener, sliders } = current;
    current = null;
    for (const slider of sliders) slider.destroy();
    box.remove();
    document.removeEventListener("pointerdown", onOutside, true);
    if (refocus && opener?.isConnected && typeof opener.focus === "function") opener.focus();
  }

  return {
    open,
    close,
    /** Show new values in the rows nobody typed in (training goes on while it is open). */
    refresh() {
      if (!current) return;
      const { rows, inputs, sliders } = current;
      for (const slider of sliders) slider.refresh();
      rows.forEach((row, k) => {
        const input = inputs[k];
        if (!input.dataset.typed && document.activeElement !== input) {
          const text = num(row.read(), 4);
          if (input.value !== text) input.value = text;
        }
      });
    },
    get isOpen() {
      return current !== null;
    },
  };
}
