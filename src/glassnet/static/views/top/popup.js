// @ts-check
/**
 * A button of the top bar that opens a small box below it: the Lessons list, the Help menu.
 *
 * The button says whether the box is open (aria-expanded). Escape, the button
 * again, or a click elsewhere closes it, and focus goes back to the button; the
 * arrow keys move between the box's buttons and links.
 */

import { cssZoom, h } from "../../lib/dom.js";

let nextId = 1;

/**
 * @param {HTMLElement} el where the button and its box go
 * @param {object} options
 * @param {string} options.label the button's text
 * @param {string} options.title the box's accessible name
 * @param {string} options.control the button's name for hide keys and lessons (glassnet/controls.py)
 * @param {(box: HTMLElement) => void} options.onOpen fill the box, focus what comes first
 */
export function createPopup(el, { label, title, control, onOpen }) {
  const id = `gn-popup-${control}-${nextId++}`;
  const box = h("div", { class: "gn-popup", id, role: "dialog", "aria-label": title, hidden: true });
  const button = h("button", {
    type: "button",
    class: "gn-button gn-popup-button",
    "aria-expanded": "false",
    "aria-controls": id,
    "aria-haspopup": "dialog",
    dataset: { control },
    onclick: () => (box.hidden ? open() : close(true)),
  }, label);
  el.append(h("div", { class: "gn-popup-wrap" }, button, box));

  function open() {
    if (!box.hidden) return;
    box.hidden = false;
    button.setAttribute("aria-expanded", "true");
    document.addEventListener("pointerdown", onOutside, true);
    // Below the button, moved left as far as it must to stay inside the window.
    box.style.left = "";
    const overflow = box.getBoundingClientRect().right - (window.innerWidth - 8);
    if (overflow > 0) box.style.left = `${-overflow / cssZoom(box)}px`; // in its own (zoomed) pixels
    onOpen(box);
  }

  /** @param {boolean} refocus give the focus back to the button */
  function close(refocus) {
    if (box.hidden) return;
    box.hidden = true;
    button.setAttribute("aria-expanded", "false");
    document.removeEventListener("pointerdown", onOutside, true);
    if (refocus) button.focus();
  }

  function onOutside(/** @type {PointerEvent} */ event) {
    const target = /** @type {Node} */ (event.target);
    if (!box.contains(target) && !button.contains(target)) close(false);
  }

  /** The box's buttons and links, in order. */
  function items() {
    return /** @type {HTMLElement[]} */ ([...box.querySelectorAll("button:not(:disabled), a[href]")]);
  }

  box.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const list = items();
    const at = list.indexOf(/** @type {HTMLElement} */ (document.activeElement));
    if (list.length === 0) return;
    event.preventDefault();
    const next = event.key === "ArrowDown" ? at + 1 : at - 1;
    list[(next + list.length) % list.length].focus();
  });

  return {
    box,
    button,
    open,
    close,
    /** Focus the box's first button or link. */
    focusFirst() {
      items()[0]?.focus();
    },
    destroy() {
      document.removeEventListener("pointerdown", onOutside, true);
    },
  };
}
