// @ts-check
/**
 * The numbers above the loss chart: training loss, test loss and, for
 * classification, accuracy on the training and the test points.
 *
 * Every number is the engine's (state.frame.metrics), rounded for display only.
 * A value that does not exist (no test points, or accuracy for regression)
 * shows a dash.
 */

import { h } from "../../lib/dom.js";
import { num, percent } from "../../lib/format.js";
import { helpButton } from "../../lib/help.js";

/** @import { View } from "../../lib/types.js" */

/**
 * @param {HTMLElement} el the metrics slot of the output column
 * @returns {View}
 */
export function createMetrics(el) {
  const trainLoss = value("train_loss");
  const testLoss = value("test_loss");
  const accuracy = value("accuracy");
  const accuracyRow = metric("Accuracy", "accuracy", accuracy, "gn-metric-accuracy");
  const root = h(
    "dl",
    { class: "gn-metrics", dataset: { control: "metrics" } },
    metric("Training loss", "training_loss", trainLoss, "gn-metric-train"),
    metric("Test loss", "test_loss", testLoss, "gn-metric-test"),
    accuracyRow,
  );
  el.append(root);

  return {
    update(state) {
      if (!state.changed.frame && !state.changed.data) return;
      const m = state.frame?.metrics;
      trainLoss.textContent = num(m?.train_loss);
      testLoss.textContent = num(m?.test_loss);
      const classification = state.data ? state.data.kind !== "regression" : true;
      accuracyRow.hidden = !classification;
      const train = percent(m?.train_accuracy);
      const test = percent(m?.test_accuracy);
      accuracy.textContent = `${train} / ${test}`;
      // Read aloud as words, not "slash".
      accuracy.setAttribute("aria-label", `training ${train}, test ${test}`);
      accuracy.title = "training / test";
    },
    destroy() {
      root.remove();
    },
  };
}

/** The element that shows one number; data-metric names it for tests and embedding pages. */
/** @param {string} name */
function value(name) {
  return h("dd", { class: "gn-value gn-metric-value", dataset: { metric: name } }, "–");
}

/**
 * One label (with its help) and its value.
 * @param {string} label the exact words shown
 * @param {string} helpKey
 * @param {HTMLElement} valueEl
 * @param {string} className
 */
function metric(label, helpKey, valueEl, className) {
  return h(
    "div",
    { class: `gn-metric ${className}` },
    h("dt", { class: "gn-metric-label" }, h("span", null, label), helpButton(helpKey, label)),
    valueEl,
  );
}
