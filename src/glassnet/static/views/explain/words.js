// @ts-check
/**
 * Plain words for the step-through panel: a glossary one click away, and the
 * common mix-ups answered at the moment they arise.
 */

import { h } from "../../lib/dom.js";

/** @import { Explanation } from "../../lib/messages.js" */
/** @import { Step } from "../../lib/types.js" */

/** Every term the panel uses, in words a beginner can follow. */
export const GLOSSARY = [
  ["weight", "Weight", "A number on a connection. It says how strongly one neuron's output counts for the next neuron: big means it counts a lot, negative means it pushes the other way. Training changes the weights."],
  ["bias", "Bias", "A number a neuron adds to its weighted sum. It shifts where the neuron switches on, even when all its inputs are 0."],
  ["activation", "Activation", "What a neuron does with its weighted sum z: a function f that bends it, such as tanh (squashes it between -1 and 1). Its result a = f(z) is the neuron's output. Without bending, the network could only draw straight lines."],
  ["loss", "Loss", "One number for how wrong a guess was: 0 means right, bigger means more wrong. Training tries to make the loss smaller."],
  ["gradient", "Gradient", "For each weight, how much the loss changes when that weight grows a little (dL/dw). It points uphill, so the update steps the other way."],
  ["delta", "Delta (δ)", "A neuron's share of the blame: how much the loss changes when its weighted sum z grows (dL/dz). The backward pass finds every neuron's delta, from the output back."],
  ["learning_rate", "Learning rate", "How big the steps are: step = learning rate × gradient. Too small and learning crawls; too big and the steps overshoot."],
  ["batch", "Batch", "The group of points one update averages over. Averaging over a few points makes each step steadier than following one point alone."],
  ["epoch", "Epoch", "One pass over all the training points, one batch at a time. Training runs for many epochs."],
  ["overfitting", "Overfitting", "When a network learns its training points so closely, noise and all, that it does worse on new points. The test points are there to catch it."],
];

/** The mix-ups people often have, and the stage where each one comes up. */
/** @type {Record<string, string>} */
const MIXUPS = {
  forward: "Using a network to predict never changes its weights: the forward pass only reads them. Only training changes them, in the update stage.",
  loss: "Outputs are confidences, not certainties. The network always gives an answer, even for a point unlike anything it has seen, and a confident answer can still be wrong.",
  backward: "The backward pass changes nothing yet: it only works out how much each weight is to blame. The weights move in the next stage.",
  update: "Everything the network learned lives in these weights and biases. A saved model holds its weights and settings, not the training data.",
  done: "Every choice here was a person's: the data and its labels, the number of layers and neurons, the learning rate. The network only moved its weights to fit them.",
};

/**
 * The glossary: a row of small buttons, each toggling its definition below.
 * @returns {HTMLElement}
 */
export function createGlossary() {
  const definition = h("p", { class: "gn-ex-definition", id: "gn-ex-definition", "aria-live": "polite", hidden: true });
  /** @type {string | null} the term whose definition shows */
  let open = null;
  const buttons = GLOSSARY.map(([key, label, text]) => h("button", {
    type: "button",
    class: "gn-ex-term",
    "aria-label": `${label}: what it means`,
    "aria-expanded": "false",
    "aria-controls": "gn-ex-definition",
    dataset: { term: key },
    onclick: (/** @type {MouseEvent} */ event) => {
      open = open === key ? null : key;
      for (const b of buttons) b.setAttribute("aria-expanded", String(b.dataset.term === open));
      definition.hidden = open === null;
      definition.textContent = open === null ? "" : `${label}: ${text}`;
      /** @type {HTMLButtonElement} */ (event.currentTarget).focus();
    },
  }, label));
  return h("div", { class: "gn-ex-words" },
    h("h3", { class: "gn-heading" }, "Words"),
    h("div", { class: "gn-ex-terms", role: "group", "aria-label": "Words explained" }, ...buttons),
    definition);
}

/**
 * The mix-up worth answering at this step, or null.
 * @param {Step} step
 * @param {Explanation} explanation
 */
export function mixupFor(step, explanation) {
  if (step.stage === "update" && (step.layer ?? -1) < 0 && !explanation.trains) {
    return "A test point is a fair check only because the network never learns from it.";
  }
  if (step.stage === "loss" && explanation.kind === "regression") {
    return "The output is an estimate, not a fact: the network gives a number for any point, even one far from all it has seen.";
  }
  const text = MIXUPS[step.stage];
  return text ? text : null;
}
