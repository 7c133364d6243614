/**
 * Small pieces every part of the step-through panel shares: shown numbers and names.
 *
 * Every number shown is the engine's, rounded for display only; the unrounded
 * value rides along in `data-value` (and `data-part` says which number it is),
 * so a test can compare what the page shows with the session's message.
 * Names follow the network diagram: "neuron 2 of layer 1", "the output neuron".
 */

import { classColor } from "../../lib/colors.js";
import { h } from "../../lib/dom.js";
import { num, term } from "../../lib/format.js";

/**
 * A shown number: rounded text, the exact value in data-value.
 * @param {number} v
 * @param {string} [part] what the number is, for tests and styling (data-part)
 * @param {object} [extra] more attributes (dataset entries go in extra.dataset)
 */
export function n(v, part, extra = {}) {
  const dataset = { value: String(v), ...(part ? { part } : {}), ...(extra.dataset || {}) };
  // Whole numbers (targets 0 and 1, a bias of 0) read best as they are.
  const text = Number.isInteger(v) && Math.abs(v) < 1e5 ? String(v) : num(v);
  return h("span", { class: "gn-ex-n", ...extra, dataset }, text);
}

/** The result of a formula: a shown number, marked out. */
export function result(v, part, extra = {}) {
  const el = n(v, part, extra);
  el.classList.add("gn-ex-result");
  return el;
}

/** A number inside a formula: negatives in brackets, "(-1.10)" (format.js term()). */
export function t(v, part, extra = {}) {
  const el = n(v, part, extra);
  el.textContent = Number.isInteger(v) ? (v < 0 ? `(${v})` : String(v)) : term(v);
  return el;
}

/** A formula line: monospace, wrapping only between its terms. */
export function formula(...children) {
  return h("p", { class: "gn-ex-formula" }, ...children);
}

/** A piece of a formula that never breaks inside (a term such as "0.52 × 0.80"). */
export function chunk(...children) {
  return h("span", { class: "gn-ex-chunk" }, ...children);
}

/** Names of the things the panel talks about, from the data and the catalog. */
export function namesFor(explanation, catalog, data) {
  const sizes = explanation.layer_sizes;
  const last = sizes.length - 2; // the last layer of weights
  const softmax = explanation.kind === "multiclass";
  const labels = new Map((catalog?.features || []).map((f) => [f.name, f.label]));
  const classNames = data?.class_names || [];

  /** "class 0" for numbered classes, else the class's own name. */
  const className = (k) => {
    const name = String(classNames[k] ?? k);
    return /^\d+$/.test(name) ? `class ${name}` : name;
  };
  /** The feature going into input i, as the diagram labels it (x₁, x₁², ...). */
  const feature = (i) => labels.get(explanation.features[i]) || explanation.features[i];
  /** A neuron by its layer of weights l (its activations are index l + 1). */
  const neuron = (l, j) => {
    if (l < last) return `neuron ${j + 1} of layer ${l + 1}`;
    return softmax ? `the output for ${className(j)}` : "the output neuron";
  };
  /** Short name of a neuron, for routes and lists: "L1·n2", "out", or a softmax output's class. */
  const short = (l, j) => (l < last ? `L${l + 1}·n${j + 1}` : softmax ? className(j) : "out");
  /** Tiny names inside one layer's table, whose note says which layers: "n2", "out", "class 1". */
  const tiny = (l, j) => (l < last ? `n${j + 1}` : softmax ? className(j) : "out");
  const tinySource = (l, i) => (l === 0 ? feature(i) : tiny(l - 1, i));
  /** The groups a layer of weights joins, in words. */
  const group = (layer, count) => `layer ${layer}'s neurons ${count > 1 ? `n1–n${count}` : "n1"}`;
  const sourceGroup = (l) => (l === 0 ? "the inputs" : group(l, sizes[l]));
  const targetGroup = (l) => (l < last ? group(l + 1, sizes[l + 1]) : softmax ? "the output for each class" : "the output (out)");
  /** What feeds layer l: the features, or the neurons of the layer before. */
  const source = (l, i) => (l === 0 ? feature(i) : neuron(l - 1, i));
  const sourceShort = (l, i) => (l === 0 ? feature(i) : short(l - 1, i));
  /** The values that feed layer l for the explained point. */
  const inputsOf = (l) => (l === 0 ? explanation.inputs : explanation.layers[l - 1].a);
  return { last, softmax, className, feature, neuron, short, tiny, tinySource, sourceGroup, targetGroup, source, sourceShort, inputsOf };
}

/** A class name with its colour swatch, for tables and headings. */
export function classTag(names, k) {
  return h("span", { class: "gn-ex-class" },
    h("span", { class: "gn-ex-swatch", style: { background: classColor(k) }, "aria-hidden": "true" }),
    names.className(k));
}

/** What a point's label means: a class with its colour, or a value. */
export function labelText(explanation, names) {
  if (explanation.kind === "regression") return `value ${num(explanation.label)}`;
  return names.className(explanation.label);
}

/** The activation's formulas from the catalog ({formula, derivative_formula}), if known. */
export function activationInfo(catalog, name) {
  return (catalog?.activations || []).find((a) => a.name === name) || { formula: `${name}(z)`, derivative_formula: `${name}'(z)` };
}

/** A small definition list of [label, value node] rows. */
export function rows(pairs, className = "") {
  return h("dl", { class: `gn-ex-rows ${className}`.trim() },
    ...pairs.flatMap(([label, value]) => [h("dt", null, label), h("dd", null, value)]));
}
