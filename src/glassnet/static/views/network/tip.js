// @ts-check
/**
 * The network diagram's tooltip, which shows numbers while the pointer rests on
 * a neuron, an edge or a bias, and where pop-ups go: next to what they are
 * about, inside the diagram's root element, never outside it.
 */

import { cssZoom, h } from "../../lib/dom.js";

/** @typedef {{ left: number, top: number, right: number, bottom: number }} Anchor a rectangle in the root's coordinates */

/**
 * Place a pop-up next to a rectangle (in the root's coordinates), inside the root.
 * @param {HTMLElement} box
 * @param {HTMLElement} root
 * @param {Anchor} anchor
 */
export function placeBeside(box, root, anchor) {
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
 * @returns {Anchor}
 */
export function anchorOf(root, target) {
  const r = root.getBoundingClientRect();
  const zoom = cssZoom(root); // the rectangles are in the viewport's pixels, the root in its own
  if (target instanceof Element) {
    const b = target.getBoundingClientRect();
    return {
      left: (b.left - r.left) / zoom, top: (b.top - r.top) / zoom,
      right: (b.right - r.left) / zoom, bottom: (b.bottom - r.top) / zoom,
    };
  }
  const x = (target.x - r.left) / zoom;
  const y = (target.y - r.top) / zoom;
  return { left: x - 6, top: y - 6, right: x + 6, bottom: y + 6 };
}

/**
 * The tooltip: shown while the pointer rests on a neuron, an edge or a bias.
 * @param {HTMLElement} root
 */
export function createTip(root) {
  const box = h("div", { class: "gn-net-tip", role: "tooltip", hidden: true });
  root.append(box);
  return {
    element: box,
    /**
     * Show `content` (a node or text) next to the anchor.
     * @param {Node | string} content
     * @param {Anchor} anchor
     */
    show(content, anchor) {
      box.replaceChildren(content);
      box.hidden = false;
      placeBeside(box, root, anchor);
    },
    /**
     * Change what it says without moving it (for new numbers while training).
     * @param {Node | string} content
     */
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

