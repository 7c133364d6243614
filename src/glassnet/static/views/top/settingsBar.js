// @ts-check
/**
 * The training settings: learning rate, activation, regularization and its rate,
 * problem type, optimizer, and the output layer with its loss.
 */

import { h, select, setChoices, showValue } from "../../lib/dom.js";
import { settingSpec } from "../../lib/settingSpecs.js";
import { helpButton } from "../../lib/help.js";

/** @import { Catalog } from "../../lib/messages.js" */
/** @import { State, View, ViewApi } from "../../lib/types.js" */

/** The Playground's learning rates and regularization rates, so its links find their value. */
const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/**
 * Names for people; activations have theirs in the catalog (the engine's registry).
 * @type {Record<string, string>}
 */
const NAMES = {
  none: "None",
  l1: "L1",
  l2: "L2",
  l1_pin: "L1 pinned",
  sgd: "SGD",
  momentum: "Momentum",
  adam: "Adam",
  mse: "squared error",
  binary_crossentropy: "cross-entropy",
  categorical_crossentropy: "cross-entropy",
  classification: "Classification",
  regression: "Regression",
};

/**
 * A readable name for an optimizer, loss, regularizer, problem ...
 * @param {string} name
 */
export function displayName(name) {
  return NAMES[name] || name;
}

/**
 * @param {Catalog} catalog
 * @param {string} name
 */
function activationLabel(catalog, name) {
  return catalog.activations.find((a) => a.name === name)?.label || name;
}

/**
 * @param {HTMLElement} el
 * @param {ViewApi} api
 * @returns {View}
 */
export function createSettingsBar(el, api) {
  /** A select's handler that sets one setting to the value picked. @param {string} name */
  const set = (name) => (/** @type {unknown} */ value) => api.setSettings({ [name]: value });
  const controls = {
    learning_rate: select({ id: "gn-learning-rate", choices: [], onChange: (v) => set("learning_rate")(Number(v)) }),
    activation: select({
      id: "gn-activation",
      choices: [],
      onChange: (v) => {
        if (v === "mixed") return;
        api.setSettings({ activations: (api.state.settings.activations || []).map(() => String(v)) });
      },
    }),
    regularization: select({ id: "gn-regularization", choices: [], onChange: set("regularization") }),
    regularization_rate: select({
      id: "gn-regularization-rate",
      choices: [],
      onChange: (v) => set("regularization_rate")(Number(v)),
    }),
    problem: select({ id: "gn-problem", choices: [], onChange: set("problem") }),
    optimizer: select({ id: "gn-optimizer", choices: [], onChange: set("optimizer") }),
    output: select({
      id: "gn-output",
      choices: [],
      onChange: (v) => {
        const [output_activation, loss] = String(v).split("|");
        api.setSettings({ output_activation, loss });
      },
    }),
  };
  // [control, label, help text, hide key of links (docs/urls.md)]
  /** @type {[keyof typeof controls, string, string, string][]} */
  const fields = [
    ["learning_rate", "Learning rate", "learning_rate", "learningRate"],
    ["activation", "Activation", "activation", "activation"],
    ["regularization", "Regularization", "regularization", "regularization"],
    ["regularization_rate", "Regularization rate", "regularization_rate", "regularizationRate"],
    ["problem", "Problem type", "problem", "problem"],
    ["optimizer", "Optimizer", "optimizer", "optimizer"],
    ["output", "Output and loss", "output", "output"],
  ];
  el.append(
    h("div", { class: "gn-settings" },
      fields.map(([key, label, help, control]) =>
        h("div", { class: "gn-field", dataset: { control } },
          h("span", { class: "gn-label" }, h("label", { htmlFor: controls[key].id }, label), helpButton(help, label)),
          controls[key]),
      ),
    ),
  );

  function update(/** @type {State} */ state) {
    const s = state.settings;
    const catalog = state.catalog;
    if (!catalog || !s.activations) return; // the settings arrive just after the catalog
    if (!(state.changed.settings || state.changed.catalog || state.changed.data)) return;

    setChoices(controls.learning_rate, withValue(LEARNING_RATES, s.learning_rate).map(numberChoice));
    showValue(controls.learning_rate, s.learning_rate);

    const hidden = catalog.activations.filter((a) => a.hidden);
    const activations = s.activations;
    const same = activations.every((a) => a === activations[0]);
    const activationChoices = hidden.map((a) => ({ value: a.name, label: a.label }));
    if (!same) activationChoices.unshift({ value: "mixed", label: "Mixed (per layer)" });
    setChoices(controls.activation, activationChoices);
    showValue(controls.activation, same ? s.activations[0] || "tanh" : "mixed");
    controls.activation.disabled = s.activations.length === 0;
    controls.activation.title = s.activations.length === 0 ? "There are no hidden layers." : "";

    setChoices(controls.regularization, catalog.regularizers.map((r) => ({ value: r.name, label: displayName(r.name) })));
    showValue(controls.regularization, s.regularization);
    setChoices(controls.regularization_rate, withValue(REGULARIZATION_RATES, s.regularization_rate).map(numberChoice));
    showValue(controls.regularization_rate, s.regularization_rate);
    controls.regularization_rate.disabled = s.regularization === "none";

    setChoices(controls.problem, (settingSpec("problem").choices || []).map((p) => ({ value: p, label: displayName(p) })));
    showValue(controls.problem, s.problem);
    setChoices(controls.optimizer, catalog.optimizers.map((o) => ({ value: o, label: displayName(o) })));
    showValue(controls.optimizer, s.optimizer);

    const kind = state.data?.kind || (s.problem === "regression" ? "regression" : "binary");
    const pairs = catalog.outputs[kind] || [];
    setChoices(controls.output, pairs.map(([act, loss]) => ({
      value: `${act}|${loss}`,
      label: `${activationLabel(catalog, act)} · ${displayName(loss)}`,
    })));
    showValue(controls.output, `${s.output_activation}|${s.loss}`);
    controls.output.disabled = pairs.length < 2;
    controls.output.title = pairs.length < 2 ? "This problem has only one suitable output and loss." : "";
  }

  return { update, destroy: () => el.replaceChildren() };
}

/**
 * The list, with the value in force added in order when it is not one of them.
 * @param {number[]} list
 * @param {number | undefined} value
 */
function withValue(list, value) {
  return value === undefined || list.includes(value) ? list : [...list, value].sort((a, b) => a - b);
}

/** @param {number} v */
function numberChoice(v) {
  return { value: v, label: String(v) };
}
