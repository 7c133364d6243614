/**
 * A tiny helper to build DOM elements readably:
 *   h("button", { class: "gn-button", onclick: play, "aria-label": "Play" }, "Play")
 * Attributes starting with "on" become event listeners; `class`, `style` (an
 * object or text), `dataset` (an object) and boolean attributes are handled.
 */

/**
 * @param {string} tag
 * @param {Record<string, any> | null} [attrs]
 * @param {...(Node | string | number | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = null, ...children) {
  const svg = SVG_TAGS.has(tag);
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
}

export const SVG_NS = "http://www.w3.org/2000/svg";
const SVG_TAGS = new Set(["svg", "g", "path", "line", "circle", "rect", "text", "polyline", "title"]);

/**
 * A <select> of options [{value, label}], calling onChange(value) when the person picks one.
 * @param {object} options
 * @param {string} options.id
 * @param {{value: any, label: string}[]} options.choices
 * @param {(value: any) => void} options.onChange
 * @param {string} [options.label] an accessible name, when no <label for> names it
 */
export function select({ id, choices, onChange, label }) {
  const el = h("select", { id, class: "gn-select", "aria-label": label });
  setChoices(el, choices);
  el.addEventListener("change", () => {
    const choice = el._choices.find((c) => String(c.value) === el.value);
    onChange(choice ? choice.value : el.value);
  });
  return el;
}

/** Replace a select's options (keeps the element, so focus stays). */
export function setChoices(el, choices) {
  el._choices = choices;
  el.replaceChildren(...choices.map((c) => h("option", { value: String(c.value) }, c.label)));
}

/** Show `value` in a select without firing its change handler. */
export function showValue(el, value) {
  const text = String(value);
  if (el.value !== text) el.value = text;
}
