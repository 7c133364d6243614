// @ts-check
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
import { featureLabel } from "../../lib/features.js";
import { classLabel, num, term } from "../../lib/format.js";

/** @import { Child } from "../../lib/dom.js" */

/**
 * What every card of the panel is made from (explainPanel.js renderCard).
 * @typedef {object} CardContext
 * @property {Explanation} E the session's explanation
 * @property {Step} step the step on screen
 * @property {Names} names
 * @property {Catalog | null} catalog
 * @property {DataMessage | null} data
 * @property {Settings} settings
 * @property {State} state
 * @property {ViewApi} api
 * @property {LocalChoices} local the panel's view-only choices
 * @property {() => void} refresh redraw the card after a view-only choice
 * @property {ChainMessage | null} chain
 * @property {Record<string, DeltaMessage>} deltas
 */

/**
 * View-only choices of the panel: a hidden chain answer, "show all paths", the weight whose shares are watched.
 * @typedef {object} LocalChoices
 * @property {ChainMessage | null} hiddenChain
 * @property {ChainMessage | null} allPaths
 * @property {Record<number, number[]> | null} shareWeight by layer, the [source, target] watched
 */

/** What a card is: its elements, top to bottom (null ones are left out). @typedef {(HTMLElement | null)[]} CardParts */

/** @typedef {ReturnType<typeof namesFor>} Names */

/** Attributes of a shown number: any of h()'s, and dataset entries. @typedef {{ dataset?: Record<string, unknown> } & Record<string, unknown>} Extra */

/** @import { Catalog, ChainMessage, DataMessage, DeltaMessage, Explanation, Settings } from "../../lib/messages.js" */
/** @import { State, Step, ViewApi } from "../../lib/types.js" */

/**
 * A shown number: rounded text, the exact value in data-value.
 * @param {number} v
 * @param {string} [part] what the number is, for tests and styling (data-part)
 * @param {Extra} [extra] more attributes (dataset entries go in extra.dataset)
 */
export function n(v, part, extra = {}) {
  const dataset = { value: String(v), ...(part ? { part } : {}), ...(extra.dataset || {}) };
  // Whole numbers (targets 0 and 1, a bias of 0) read best as they are.
  const text = Number.isInteger(v) && Math.abs(v) < 1e5 ? String(v) : num(v);
  return h("span", { class: "gn-ex-n", ...extra, dataset }, text);
}

/**
 * The result of a formula: a shown number, marked out.
 * @param {number} v
 * @param {string} [part]
 * @param {Extra} [extra]
 */
export function result(v, part, extra = {}) {
  const el = n(v, part, extra);
  el.classList.add("gn-ex-result");
  return el;
}

/**
 * A number inside a formula: negatives in brackets, "(-1.10)" (format.js term()).
 * @param {number} v
 * @param {string} [part]
 * @param {Extra} [extra]
 */
export function t(v, part, extra = {}) {
  const el = n(v, part, extra);
  el.textContent = Number.isInteger(v) ? (v < 0 ? `(${v})` : String(v)) : term(v);
  return el;
}

/**
 * A formula line: monospace, wrapping only between its terms.
 * @param {...(Child | Child[])} children
 */
export function formula(...children) {
  return h("p", { class: "gn-ex-formula" }, ...children);
}

/**
 * A piece of a formula that never breaks inside (a term such as "0.52 × 0.80").
 * @param {...(Child | Child[])} children
 */
export function chunk(...children) {
  return h("span", { class: "gn-ex-chunk" }, ...children);
}

/**
 * Names of the things the panel talks about, from the data and the catalog.
 * Layers are counted as layers of weights (l), neurons within them (j), their inputs (i).
 * @param {Explanation} explanation
 * @param {Catalog | null} catalog
 * @param {DataMessage | null} data
 */
export function namesFor(explanation, catalog, data) {
  const sizes = explanation.layer_sizes;
  const last = sizes.length - 2; // the last layer of weights
  const softmax = explanation.kind === "multiclass";
  const labels = new Map((catalog?.features || []).map((f) => [f.name, f.label]));
  const classNames = data?.class_names || [];

  /** "class 0" for numbered classes, else the class's own name. */
  const className = (/** @type {number} */ k) => classLabel(classNames[k] ?? k);
  /** The feature going into input i, as the diagram labels it (x₁, x₁², ...). */
  const feature = (/** @type {number} */ i) => labels.get(explanation.features[i]) || featureLabel(explanation.features[i]);
  /** A neuron by its layer of weights l (its activations are index l + 1). */
  const neuron = (/** @type {number} */ l, /** @type {number} */ j) => {
    if (l < last) return `neuron ${j + 1} of layer ${l + 1}`;
    return softmax ? `the output for ${className(j)}` : "the output neuron";
  };
  /** Short name of a neuron, for routes and lists: "L1·n2", "out", or a softmax output's class. */
  const short = (/** @type {number} */ l, /** @type {number} */ j) => (l < last ? `L${l + 1}·n${j + 1}` : softmax ? className(j) : "out");
  /** Tiny names inside one layer's table, whose note says which layers: "n2", "out", "class 1". */
  const tiny = (/** @type {number} */ l, /** @type {number} */ j) => (l < last ? `n${j + 1}` : softmax ? className(j) : "out");
  const tinySource = (/** @type {number} */ l, /** @type {number} */ i) => (l === 0 ? feature(i) : tiny(l - 1, i));
  /** The groups a layer of weights joins, in words. */
  const group = (/** @type {number} */ layer, /** @type {number} */ count) => `layer ${layer}'s neurons ${count > 1 ? `n1–n${count}` : "n1"}`;
  const sourceGroup = (/** @type {number} */ l) => (l === 0 ? "the inputs" : group(l, sizes[l]));
  const targetGroup = (/** @type {number} */ l) => (l < last ? group(l + 1, sizes[l + 1]) : softmax ? "the output for each class" : "the output (out)");
  /** What feeds layer l: the features, or the neurons of the layer before. */
  const source = (/** @type {number} */ l, /** @type {number} */ i) => (l === 0 ? feature(i) : neuron(l - 1, i));
  const sourceShort = (/** @type {number} */ l, /** @type {number} */ i) => (l === 0 ? feature(i) : short(l - 1, i));
  /** The values that feed layer l for the explained point. */
  const inputsOf = (/** @type {number} */ l) => (l === 0 ? explanation.inputs : explanation.layers[l - 1].a);
  return { last, softmax, className, feature, neuron, short, tiny, tinySource, sourceGroup, targetGroup, source, sourceShort, inputsOf };
}

/**
 * A class name with its colour swatch, for tables and headings.
 * @param {Names} names
 * @param {number} k
 */
export function classTag(names, k) {
  return h("span", { class: "gn-ex-class" },
    h("span", { class: "gn-ex-swatch", style: { background: classColor(k) }, "aria-hidden": "true" }),
    names.className(k));
}

/**
 * What a point's label means: a class with its colour, or a value.
 * @param {Explanation} explanation
 * @param {Names} names
 */
export function labelText(explanation, names) {
  if (explanation.kind === "regression") return `value ${num(explanation.label)}`;
  return names.className(explanation.label);
}

/**
 * The activation's formulas from the catalog ({formula, derivative_formula}), if known.
 * @param {Catalog | null} catalog
 * @param {string} name
 * @returns {{ formula: string, derivative_formula: string }}
 */
export function activationInfo(catalog, name) {
  return (catalog?.activations || []).find((a) => a.name === name) || { formula: `${name}(z)`, derivative_formula: `${name}'(z)` };
}

/**
 * A small definition list of [label, value node] rows.
 * @param {[string, Child | Child[]][]} pairs
 * @param {string} [className]
 */
export function rows(pairs, className = "") {
  return h("dl", { class: `gn-ex-rows ${className}`.trim() },
    ...pairs.flatMap(([label, value]) => [h("dt", null, label), h("dd", null, value)]));
}
