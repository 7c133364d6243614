// @ts-check
/**
 * A tiny helper to build DOM elements readably:
 *   h("button", { class: "gn-button", onclick: play, "aria-label": "Play" }, "Play")
 * Attributes starting with "on" become event listeners; `class`, `style` (an
 * object or text), `dataset` (an object) and boolean attributes are handled.
 */

/**
 * What h() takes as a child: a node, text or a number; null, undefined and
 * false are left out (for `cond && child`). A list of children counts as its items.
 * @typedef {Node | string | number | null | undefined | false} Child
 */

/** @typedef {Record<string, unknown>} Attributes any values: functions for on*, objects for style and dataset */

/**
 * h(tag, attributes, ...children): an HTML element, or an SVG one for SVG_TAGS,
 * typed as the element its tag makes (h("input") is an HTMLInputElement).
 * @typedef {{
 *   <K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attributes | null, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K];
 *   <K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attributes | null, ...children: (Child | Child[])[]): SVGElementTagNameMap[K];
 * }} H
 */

/** @type {H} */
export const h = function h(
  /** @type {string} */ tag,
  /** @type {Attributes | null} */ attrs = null,
  /** @type {(Child | Child[])[]} */ ...children
) {
  const svg = SVG_TAGS.has(tag);
  /** @type {any} h() sets properties by name (value, htmlFor, ...), which only `any` allows */
  const el = svg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "class") {
      el.setAttribute("class", value);
    } else if (key === "style" && typeof value === "object") {
      Object.assign(el.style, value);
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(key, "");
    } else if (!svg && key in el && typeof el[key] !== "function" && key !== "list") {
      el[key] = value;
    } else {
      el.setAttribute(key, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
};

export const SVG_NS = "http://www.w3.org/2000/svg";
const SVG_TAGS = new Set(["svg", "g", "path", "line", "circle", "rect", "text", "polyline", "title"]);

/** @typedef {{ value: string | number, label: string }} Choice */

/** The choices each select made by select() offers now, with their values' own types. */
const CHOICES = new WeakMap(/** @type {[HTMLSelectElement, Choice[]][]} */ ([]));

/**
 * A <select> of options [{value, label}], calling onChange(value) when the person picks one.
 * @param {object} options
 * @param {string} options.id
 * @param {Choice[]} options.choices
 * @param {(value: string | number) => void} options.onChange gets the choice's value, a number stays a number
 * @param {string} [options.label] an accessible name, when no <label for> names it
 * @returns {HTMLSelectElement}
 */
export function select({ id, choices, onChange, label }) {
  const el = h("select", { id, class: "gn-select", "aria-label": label });
  setChoices(el, choices);
  el.addEventListener("change", () => {
    const choice = (CHOICES.get(el) || []).find((c) => String(c.value) === el.value);
    onChange(choice ? choice.value : el.value);
  });
  return el;
}

/**
 * Replace a select's options (keeps the element, so focus stays).
 * @param {HTMLSelectElement} el
 * @param {Choice[]} choices
 */
export function setChoices(el, choices) {
  CHOICES.set(el, choices);
  el.replaceChildren(...choices.map((c) => h("option", { value: String(c.value) }, c.label)));
}

/**
 * Show `value` in a select without firing its change handler.
 * @param {HTMLSelectElement} el
 * @param {unknown} value
 */
export function showValue(el, value) {
  const text = String(value);
  if (el.value !== text) el.value = text;
}

/**
 * A 2-D context (a canvas always has one: a null means the browser is out of memory).
 * @param {HTMLCanvasElement} canvas
 */
export function context2d(canvas) {
  return /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
}

/**
 * The CSS zoom on an element and above it (a projector's screen zooms the page,
 * docs/screens.md): its own CSS pixels are this many of the viewport's, the unit of
 * getBoundingClientRect and of a pointer event's clientX and clientY.
 * @param {Element} el
 */
export function cssZoom(el) {
  return /** @type {{ currentCSSZoom?: number }} */ (/** @type {unknown} */ (el)).currentCSSZoom || 1;
}

/**
 * Device pixels per CSS pixel of an element's box: the screen's ratio times its CSS zoom.
 * A canvas whose bitmap is its CSS size times this is drawn pixel for pixel, never
 * stretched blurry.
 * @param {Element} el
 */
export function pixelRatio(el) {
  return (window.devicePixelRatio || 1) * cssZoom(el);
}
