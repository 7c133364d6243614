// @ts-check
/**
 * What the network diagram says about a neuron, an edge or a bias: the numbers
 * of its tooltip and its card, read from the state's layers now.
 */

import { h } from "../../lib/dom.js";
import { num } from "../../lib/format.js";

/** @import { DrawnState } from "../../lib/types.js" */
/** @import { Diagram, DiagramEdge, DiagramNode } from "./buildDiagram.js" */

/**
 * The weight of an edge now.
 * @param {DiagramEdge} edge
 * @param {DrawnState} state
 */
export function weightOf(edge, state) {
  const layer = state.layers[edge.l];
  return layer.weights[edge.i * layer.nOut + edge.j];
}

/**
 * The bias of a neuron now.
 * @param {DiagramNode} node
 * @param {DrawnState} state
 */
export function biasOf(node, state) {
  return state.layers[node.a - 1].biases[node.unit];
}

/**
 * What an edge's tooltip says: "Weight 0.532, from x₁ to neuron 1 of layer 1".
 * @param {DiagramEdge} edge
 * @param {DrawnState} state
 */
export function edgeText(edge, state) {
  return `Weight ${num(weightOf(edge, state))}, from ${edge.from.short} to ${edge.to.short}`;
}

/**
 * The activation of a neuron in words and as a formula: "Tanh: tanh(z)".
 * @param {DiagramNode} node
 * @param {DrawnState} state
 */
export function activationText(node, state) {
  const entry = state.catalog.activations.find((act) => act.name === node.activation);
  return entry ? `${entry.label}: ${entry.formula}` : node.activation;
}

/**
 * The sources of a neuron's incoming weights: active features, or the previous layer.
 * @param {DiagramNode} node
 * @param {Diagram} diagram
 */
export function sourcesOf(node, diagram) {
  return node.a === 1 ? diagram.inputs : diagram.columns[node.a - 1];
}

const MAX_ROWS = 12;

/** What z is, in every neuron's tooltip and card. */
export const SUM = "z = Σ weight × input + bias";

/**
 * What a node's tooltip shows: for a neuron its activation, bias and incoming
 * weights; for a feature whether the network gets it. `hint` says what a click does.
 * @param {DiagramNode} node
 * @param {Diagram} diagram
 * @param {DrawnState} state
 * @param {string} [hint]
 * @returns {HTMLElement}
 */
export function nodeInfo(node, diagram, state, hint = "Click or press Enter to edit.") {
  if (node.kind === "feature") {
    const what = node.disabled
      ? node.button.title
      : node.unit >= 0
        ? "The network gets this input. Click to take it away."
        : "Off: the network does not get this input. Click to give it.";
    return h("div", null, h("div", { class: "gn-net-tip-title" }, node.short), what);
  }
  const layer = state.layers[node.a - 1];
  const sources = sourcesOf(node, diagram);
  const rows = [h("tr", null, h("th", null, "bias"), h("td", { class: "gn-value" }, num(layer.biases[node.unit])))];
  sources.slice(0, MAX_ROWS).forEach((source, i) => {
    rows.push(h("tr", null, h("th", null, `from ${source.short}`),
      h("td", { class: "gn-value" }, num(layer.weights[i * layer.nOut + node.unit]))));
  });
  return h("div", null,
    h("div", { class: "gn-net-tip-title" }, node.name),
    h("div", { class: "gn-net-tip-formula" }, activationText(node, state)),
    h("div", { class: "gn-net-tip-formula" }, SUM),
    h("table", { class: "gn-net-tip-table" }, rows),
    sources.length > MAX_ROWS ? h("div", null, `and ${sources.length - MAX_ROWS} more weights`) : null,
    h("div", { class: "gn-net-tip-hint" }, hint),
  );
}

/**
 * What the tooltip says about what the pointer rests on; while stepping
 * through, what a click does there instead of editing.
 * @param {"node" | "edge" | "bias"} kind
 * @param {DiagramNode | DiagramEdge} item
 * @param {Diagram} diagram
 * @param {DrawnState} state
 * @returns {HTMLElement | string}
 */
export function tipContent(kind, item, diagram, state) {
  const explain = state.explain.open;
  if ("from" in item) return edgeText(item, state) + (explain ? ". Click to see why it changes." : "");
  if (kind === "bias") return `Bias ${num(biasOf(item, state))} of ${item.short}.${explain ? "" : " Click to edit."}`;
  if (explain && item.kind === "feature") {
    const what = item.unit >= 0 ? "An input of the network. Click to go to the inputs' step." : "Off: the network does not get this input.";
    return h("div", null, h("div", { class: "gn-net-tip-title" }, item.short), what);
  }
  return nodeInfo(item, diagram, state, explain ? "Click or press Enter to go to its step." : undefined);
}
