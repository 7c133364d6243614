// @ts-check
/**
 * The network diagram's headings (Features, the hidden layers with their + and
 * − buttons, Output) and each hidden layer's controls: its neuron count, + and
 * −, and its activation.
 */

import { h } from "../../lib/dom.js";
import { helpButton } from "../../lib/help.js";

/** @import { Catalog, Frame } from "../../lib/messages.js" */
/** @import { State } from "../../lib/types.js" */
/** @import { Diagram, DiagramParts, LayerActions } from "./buildDiagram.js" */

/**
 * The headings over the columns, and each hidden layer's controls.
 * @param {DiagramParts} parts
 * @param {number[]} hiddenSizes
 * @param {State & { catalog: Catalog, frame: Frame }} state
 * @param {LayerActions} actions
 * @returns {Pick<Diagram, "featuresHeading" | "layersHeading" | "outputHeading" | "addLayer" | "removeLayer" | "layers">}
 */
export function buildHeadings(parts, hiddenSizes, state, actions) {
  const n = hiddenSizes.length;
  const featuresHeading = h("div", { class: "gn-net-heading", dataset: { control: "featuresPanel" } },
    h("span", { class: "gn-heading" }, "Features"), helpButton("features", "Features"));
  const addLayer = roundButton("Add layer", "+", actions.addLayer);
  const removeLayer = roundButton("Remove layer", "−", actions.removeLayer);
  const layersHeading = h("div", { class: "gn-net-heading gn-net-heading-layers" },
    removeLayer, addLayer,
    h("span", { class: "gn-heading gn-net-layer-count", dataset: { count: n } }, plural(n, "hidden layer")),
    helpButton("layers", "Hidden layers"));
  const outputHeading = h("div", { class: "gn-net-heading" }, h("span", { class: "gn-heading" }, "Output"));
  parts.head.replaceChildren(featuresHeading, layersHeading, outputHeading);

  const choices = state.catalog.activations.filter((act) => act.hidden);
  const layers = hiddenSizes.map((count, k) => {
    const layer = k + 1;
    const minus = roundButton(`Remove neuron from layer ${layer}`, "−", () => actions.removeNeuron(layer));
    const plus = roundButton(`Add neuron to layer ${layer}`, "+", () => actions.addNeuron(layer));
    minus.classList.add("gn-net-small");
    plus.classList.add("gn-net-small");
    const options = choices.map((act) => h("option", { value: act.name }, act.label));
    const select = h("select", {
      class: "gn-select gn-net-activation",
      "aria-label": `Activation of layer ${layer}`,
    }, options);
    select.value = state.frame.network.activations[k];
    select.addEventListener("change", () => actions.setActivation(layer, select.value));
    // In narrow columns only the number shows; the word stays for screen readers.
    const title = `${plural(count, "neuron")} in layer ${layer}`;
    const countEl = h("div", { class: "gn-net-count", dataset: { count }, title },
      h("span", { class: "gn-net-count-number" }, String(count)),
      h("span", { class: "gn-net-count-unit" }, count === 1 ? " neuron" : " neurons"),
      k === 0 ? helpButton("neurons", "Neurons") : null);
    const wrap = h("div", { class: "gn-net-layer", dataset: { layer } },
      h("div", { class: "gn-net-layer-buttons" }, minus, plus), countEl, select);
    return { wrap, minus, plus, select, count };
  });
  parts.layers.replaceChildren(...layers.map((layer) => layer.wrap));
  parts.layers.hidden = n === 0;
  return { featuresHeading, layersHeading, outputHeading, addLayer, removeLayer, layers };
}

/**
 * @param {string} label
 * @param {string} text
 * @param {() => void} onclick
 */
function roundButton(label, text, onclick) {
  const control = "numHiddenLayers"; // hidden by the hide key numHiddenLayers_hide
  return h("button", { type: "button", class: "gn-round", "aria-label": label, onclick, dataset: { control } }, text);
}

/**
 * "1 neuron", "4 neurons"
 * @param {number} n
 * @param {string} word
 */
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
