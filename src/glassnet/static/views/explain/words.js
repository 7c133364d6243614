// @ts-check
/**
 * Plain words for the step-through panel: a glossary one click away, and the
 * common mix-ups answered at the moment they arise.
 */

import { h } from "../../lib/dom.js";
import { GLOSSARY } from "../../lib/glossary.js";

/** @import { Explanation } from "../../lib/messages.js" */
/** @import { Step } from "../../lib/types.js" */

/** The words the panel offers, by their glossary key (lib/glossary.js has their definitions). */
const PANEL_WORDS = [
  "weight", "bias", "activation", "loss", "gradient", "delta", "learning_rate", "batch", "epoch", "overfitting",
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
  const words = PANEL_WORDS.map((key) => /** @type {import("../../lib/glossary.js").Term} */ (GLOSSARY.find((t) => t.term === key)));
  const buttons = words.map(({ term: key, title, text }) => h("button", {
    type: "button",
    class: "gn-ex-term",
    "aria-label": `${wordsOf(key)}: what it means`,
    "aria-expanded": "false",
    "aria-controls": "gn-ex-definition",
    dataset: { term: key },
    onclick: (/** @type {MouseEvent} */ event) => {
      open = open === key ? null : key;
      for (const b of buttons) b.setAttribute("aria-expanded", String(b.dataset.term === open));
      definition.hidden = open === null;
      definition.textContent = open === null ? "" : `${title}: ${text}`;
      /** @type {HTMLButtonElement} */ (event.currentTarget).focus();
    },
  }, wordsOf(key)));
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

/**
 * A glossary key as a label: "learning_rate" -> "Learning rate".
 * @param {string} key
 */
export function wordsOf(key) {
  const words = key.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
