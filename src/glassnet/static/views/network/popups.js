/**
 * The network diagram's two pop-ups: a tooltip that shows numbers while the
 * pointer rests on something, and an editor where a person types new weights
 * and biases (one value for an edge or a bias, or a neuron's whole card).
 *
 * Both are placed inside the diagram's root element, next to what they are
 * about, and never leave it. The editor only sends what was typed; the session
 * checks it and answers bad values with an error message.
 */

import { h } from "../../lib/dom.js";
import { num } from "../../lib/format.js";

/**
 * Place a pop-up next to a rectangle (in the root's coordinates), inside the root.
 * @param {HTMLElement} box
 * @param {HTMLElement} root
 * @param {{left: number, top: number, right: number, bottom: number}} anchor
 */
function place(box, root, anchor) {
  const width = root.clientWidth;
  const height = root.clientHeight;
  const w = box.offsetWidth;
  const hgt = box.offsetHeight;
  // Right of the anchor if it fits, else left of it, else below it.
  let left = anchor.right + 8;
  if (left + w > width - 4) left = anchor.left - 8 - w;
  if (left < 4) left = Math.max(4, Math.min(width - w - 4, (anchor.left + anchor.right - w) / 2));
  let top = (anchor.top + anchor.bottom - hgt) / 2;
  top = Math.max(4, Math.min(top, height - hgt - 4));
  box.style.left = `${Math.round(left)}px`;
  box.style.top = `${Math.round(top)}px`;
}

/**
 * A rectangle relative to the root.
 * @param {HTMLElement} root
 * @param {Element | {x: number, y: number}} target an element, or a point in the viewport
 */
export function anchorOf(root, target) {
  const r = root.getBoundingClientRect();
  if (target instanceof Element) {
    const b = target.getBoundingClientRect();
    return { left: b.left - r.left, top: b.top - r.top, right: b.right - r.left, bottom: b.bottom - r.top };
  }
  const x = target.x - r.left;
  const y = target.y - r.top;
  return { left: x - 6, top: y - 6, right: x + 6, bottom: y + 6 };
}

/** The tooltip: shown while the pointer rests on a neuron, an edge or a bias. */
export function createTip(root) {
  const box = h("div", { class: "gn-net-tip", role: "tooltip", hidden: true });
  root.append(box);
  return {
    element: box,
    /** Show `content` (a node or text) next to the anchor. */
    show(content, anchor) {
      box.replaceChildren(content);
      box.hidden = false;
      place(box, root, anchor);
    },
    /** Change what it says without moving it (for new numbers while training). */
    set(content) {
      box.replaceChildren(content);
    },
    hide() {
      box.hidden = true;
    },
    get shown() {
      return !box.hidden;
    },
  };
}

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
 */

let nextId = 1;

/**
 * The editor: a small dialog with one number input per row, Apply and Cancel.
 * Enter applies, Escape cancels, a click elsewhere cancels. Only rows that were
 * typed in are applied; the others follow training while it is open.
 * @param {HTMLElement} root
 */
export function createEditor(root) {
  let current = null;

  function onOutside(event) {
    if (current && !current.box.contains(event.target) && event.target !== current.opener) close(false);
  }

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
    const box = h("div", { class: "gn-net-editor", role: "dialog", "aria-label": title },
      h("div", { class: "gn-net-editor-title" }, title),
      (note || []).map((line) => h("div", { class: "gn-net-editor-note" }, line)),
      h("div", { class: "gn-net-editor-rows" }, rows.flatMap((row, k) => [
        h("label", { htmlFor: inputs[k].id, class: "gn-net-editor-label" }, row.label),
        inputs[k],
      ])),
      h("div", { class: "gn-net-editor-actions" }, apply, cancel),
    );
    box.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && event.target.tagName === "INPUT") {
        event.preventDefault();
        commit();
      } else if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        close(true);
      }
    });
    root.append(box);
    place(box, root, anchor);
    current = { box, rows, inputs, opener };
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
    const { box, opener } = current;
    current = null;
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
      current.rows.forEach((row, k) => {
        const input = current.inputs[k];
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
