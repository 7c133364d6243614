// @ts-check
/**
 * Plain-language help for every control: what it does and why you would change it.
 *
 * helpButton(key) makes a small "?" button that opens the text in a popover
 * (click, Enter or Space; Escape or a click elsewhere closes it). Every view
 * uses it, so help looks and works the same everywhere. A text links glossary
 * words as a lesson does, [[epoch]] or [[weight|weights]] (lib/terms.js), and
 * openNote() shows any other short text (a word's definition) the same way.
 * A popover opens below what opened it, or above it when the screen has no
 * room below. The texts themselves (lib/helpTexts.js) load with the first help
 * opened: the page draws its first network without them.
 */

import { cssZoom } from "./dom.js";
import { withTermLinks } from "./terms.js";


/** @type {{ button: HTMLElement, box: HTMLElement } | null} */
let openPopover = null;

/** Close the open popover, if any. */
export function closePopover() {
  if (!openPopover) return;
  openPopover.button.setAttribute("aria-expanded", "false");
  openPopover.box.remove();
  openPopover = null;
}

document.addEventListener("pointerdown", (event) => {
  const target = /** @type {Node} */ (event.target);
  if (openPopover && !openPopover.box.contains(target) && target !== openPopover.button) {
    closePopover();
  }
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && openPopover) {
    const button = openPopover.button;
    closePopover();
    button.focus();
  }
});

/**
 * A "?" button that shows the help text for `key`.
 * @param {string} key a key of HELP (lib/helpTexts.js)
 * @param {string} label what the help is about, for its accessible name ("Help: Learning rate")
 */
export function helpButton(key, label) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "gn-help";
  button.dataset.help = key;
  button.textContent = "?";
  button.setAttribute("aria-label", `Help: ${label}`);
  button.setAttribute("aria-expanded", "false");
  button.addEventListener("click", async (event) => {
    event.stopPropagation();
    const wasOpen = openPopover?.button === button;
    closePopover();
    if (wasOpen) return;
    const { HELP } = await import("./helpTexts.js");
    openNote(button, withTermLinks(HELP[key] ?? `(No help text for ${key}.)`));
  });
  return button;
}

/**
 * Show a short text in a popover beside `anchor` (which gets aria-expanded and,
 * on Escape, the focus back). Any popover open before closes.
 * @param {HTMLElement} anchor
 * @param {(Node | string)[]} content
 */
export function openNote(anchor, content) {
  // Measure first: the anchor may be a word in the popover that closes now (a help text's link).
  const root = anchor.closest(".glassnet") || document.body;
  const b = anchor.getBoundingClientRect();
  const inside = openPopover?.box.contains(anchor) ? openPopover.button : null;
  closePopover();
  const box = document.createElement("div");
  box.className = "gn-popover";
  box.setAttribute("role", "note");
  box.append(...content);
  root.appendChild(box);
  const r = root.getBoundingClientRect();
  // The rectangles are in the viewport's pixels; the box is placed in the root's own (zoomed).
  const zoom = cssZoom(root);
  const rootWidth = r.width / zoom;
  const width = Math.min(280, rootWidth - 16);
  box.style.width = `${width}px`;
  const left = Math.min(Math.max(8, (b.left - r.left) / zoom - width / 2), rootWidth - width - 8);
  box.style.left = `${left}px`;
  // Below the anchor; above it when the window has no room below (a help button low on the page).
  const tall = box.offsetHeight * zoom;
  const below = b.bottom + 6 + tall <= window.innerHeight - 4;
  const above = b.top - 6 - tall >= 4;
  const top = (below || !above ? b.bottom - r.top + 6 : b.top - r.top - 6 - tall) / zoom;
  box.style.top = `${top}px`;
  box.dataset.side = below || !above ? "below" : "above";
  // Escape gives the focus back to what opened the first popover, which is still on the page.
  const opener = inside || anchor;
  opener.setAttribute("aria-expanded", "true");
  openPopover = { button: opener, box };
}
