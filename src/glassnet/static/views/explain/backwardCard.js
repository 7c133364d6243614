// @ts-check
/**
 * Focus card of the backward pass: one neuron's delta, and the gradients of the
 * weights that feed it, each with "Why did this weight change?".
 *
 * δ (delta) = dL/dz: how the loss changes when the neuron's weighted sum grows.
 * Every number comes from the explanation (layers[l].delta, slope, weights,
 * weight_grads); the card only lays them out.
 */

import { h } from "../../lib/dom.js";
import { capital } from "./forwardCards.js";
import { activationInfo, chunk, formula, n, result, t } from "./parts.js";

/** @import { CardContext, CardParts, Names } from "./parts.js" */

/** @import { ViewApi } from "../../lib/types.js" */

/**
 * @param {CardContext} ctx
 * @returns {CardParts}
 */
export function backwardCard(ctx) {
  const { E, step, names, catalog } = ctx;
  const { layer: l = -1, unit: j = -1 } = step;
  const layer = E.layers[l];
  const delta = layer.delta[j];
  const info = activationInfo(catalog, layer.activation);
  /** @type {CardParts} */
  const parts = [
    h("h3", { class: "gn-ex-card-title" }, `${capital(names.neuron(l, j))}: backward`),
    h("p", { class: "gn-ex-note" }, "δ (delta) says how the loss changes when this neuron's sum z grows: its share of the blame."),
  ];
  if (l === names.last && E.loss.fused) {
    parts.push(
      formula(chunk("δ = a - t"), " ", chunk("= ", t(layer.a[j], "a"), " - ", t(E.target[j], "target")), " ", chunk("= ", result(delta, "delta"))),
      h("p", { class: "gn-ex-note" }, `With ${layer.activation} and cross-entropy the two slopes cancel, leaving guess minus answer.`));
  } else if (l === names.last) {
    parts.push(
      formula(chunk("δ = f'(z) × dL/da"), " ", chunk("= ", t(layer.slope[j], "slope"), " × ", t(E.loss.output_error[j], "output-error")), " ", chunk("= ", result(delta, "delta"))),
      h("p", { class: "gn-ex-note" }, `f'(z) = ${info.derivative_formula}, the slope of ${layer.activation} at this point; dL/da, how the loss changes with the output.`));
  } else {
    const next = E.layers[l + 1];
    const terms = next.delta.map((d, k) => chunk(
      k === 0 ? "(" : "",
      h("span", { title: `the weight to ${names.neuron(l + 1, k)}` }, t(next.weights[j][k], "next-weight", { dataset: { unit: k } })),
      " × ",
      h("span", { title: `the delta of ${names.neuron(l + 1, k)}` }, t(d, "next-delta", { dataset: { unit: k } })),
      k < next.delta.length - 1 ? " +" : ")",
    ));
    parts.push(
      h("p", { class: "gn-ex-note" }, "It gathers the deltas of the next layer, each through the weight that joins them, times the slope of its own activation:"),
      formula(chunk("δ = f'(z) × Σ (weight × next δ)")),
      formula(chunk("= ", t(layer.slope[j], "slope"), " ×"), " ", ...terms.flatMap((c) => [c, " "]), chunk("= ", result(delta, "delta"))),
      h("p", { class: "gn-ex-note" }, `f'(z) = ${info.derivative_formula}: the slope of ${layer.activation} at z = `, n(layer.z[j]), "."));
  }
  parts.push(gradientList(ctx, l, j));
  return parts;
}

/**
 * dL/dw = input × δ for each weight into neuron j, and dL/db = δ.
 * @param {CardContext} ctx
 * @param {number} l
 * @param {number} j
 */
function gradientList({ E, names, api }, l, j) {
  const layer = E.layers[l];
  const inputs = names.inputsOf(l);
  const items = inputs.map((v, i) => h("li", { dataset: { source: i, target: j } },
    h("span", { class: "gn-ex-from" }, `from ${names.sourceShort(l, i)}`),
    formula(chunk(t(v, "input", { dataset: { source: i } }), " × ", t(layer.delta[j])), " ",
      chunk("= ", n(layer.weight_grads[i][j], "weight-grad", { dataset: { source: i } }))),
    whyButton(api, names, l, i, j)));
  items.push(h("li", null,
    h("span", { class: "gn-ex-from" }, "bias"),
    formula(chunk("dL/db = δ = ", n(layer.bias_grads[j], "bias-grad")))));
  const batchNote = E.size === "batch"
    ? h("p", { class: "gn-ex-note" }, `These are this point's own gradients. The batch step will use the average over its ${E.batch.size} points.`)
    : null;
  return h("div", { class: "gn-ex-grads" },
    h("h4", { class: "gn-ex-subtitle" }, "Gradients of the weights coming in: dL/dw = input × δ"),
    h("ul", { class: "gn-ex-grad-list" }, ...items),
    batchNote);
}

/**
 * The "Why?" button of one weight: asks the session for the chain rule behind its gradient.
 * @param {ViewApi} api
 * @param {Names} names
 * @param {number} l
 * @param {number} i
 * @param {number} j
 * @returns {HTMLButtonElement}
 */
export function whyButton(api, names, l, i, j) {
  return h("button", {
    type: "button",
    class: "gn-button gn-ex-why",
    "aria-label": `Why did the weight from ${names.source(l, i)} to ${names.neuron(l, j)} change?`,
    title: "Why did this weight change?",
    dataset: { key: `why:${l}:${i}:${j}`, layer: l, source: i, target: j },
    onclick: () => api.explain.weight(l, i, j),
  }, "Why?");
}
