// @ts-check
/**
 * Focus cards of the forward pass and the loss: the real arithmetic of one point.
 *
 * Each card takes the context the panel builds ({E: the explanation, step,
 * names, catalog, data}) and returns DOM. Every number is the engine's
 * (explanation.layers, inputs, loss); the cards only lay them out.
 */

import { h } from "../../lib/dom.js";
import { activationPlot } from "./activationPlot.js";
import { activationInfo, chunk, classTag, formula, labelText, n, result, rows, t } from "./parts.js";

/** @import { CardContext, CardParts, Names } from "./parts.js" */

/** @import { Explanation } from "../../lib/messages.js" */

/**
 * The point enters: its position and the feature values the network gets.
 * @param {CardContext} ctx
 * @returns {CardParts}
 */
export function inputsCard({ E, names }) {
  const position = E.x.map((v, i) => h("span", { class: "gn-ex-chunk" }, `x${"₁₂"[i]} = `, n(v, "x", { dataset: { index: i } })));
  const features = h("table", { class: "gn-ex-table" },
    h("thead", null, h("tr", null, h("th", { scope: "col" }, "Input"), h("th", { scope: "col" }, "Value"))),
    h("tbody", null, ...E.inputs.map((v, i) =>
      h("tr", null, h("th", { scope: "row" }, names.feature(i)), h("td", null, n(v, "feature", { dataset: { index: i } }))))),
  );
  return [
    h("h3", { class: "gn-ex-card-title" }, "The point goes in"),
    rows([
      ["Point", h("span", null, `#${E.point} · `, E.kind === "regression" ? labelText(E, names) : classTag(names, E.label),
        E.trains ? " · training point" : " · test point")],
      ["Position", h("span", { class: "gn-ex-inline" }, ...position)],
    ]),
    h("p", { class: "gn-ex-note" }, `The network never sees the point's ${E.kind === "regression" ? "value" : "colour"}: only these ${E.inputs.length} numbers.`),
    features,
  ];
}

/**
 * One neuron: z = inputs × weights + bias, then a = f(z), with a picture of f.
 * @param {CardContext} ctx
 * @returns {CardParts}
 */
export function forwardNeuronCard({ E, step, names, catalog }) {
  const { layer: l = -1, unit: j = -1 } = step;
  const layer = E.layers[l];
  const inputs = names.inputsOf(l);
  /** @type {(HTMLElement | string)[]} */
  const sum = [];
  inputs.forEach((v, i) => {
    const w = layer.weights[i][j];
    sum.push(chunk(
      h("span", { title: `from ${names.source(l, i)}` }, t(v, "input", { dataset: { source: i } })),
      " × ",
      h("span", { title: "its weight" }, t(w, "weight", { dataset: { source: i } })),
      " +",
    ), " ");
  });
  const z = layer.z[j];
  const a = layer.a[j];
  /** @type {CardParts} */
  const parts = [
    h("h3", { class: "gn-ex-card-title" }, `${capital(names.neuron(l, j))}: forward`),
    h("p", { class: "gn-ex-note" }, "z, the weighted sum: each input × its weight, plus the bias."),
    formula(chunk("z = "), " ", ...sum, chunk(h("span", { title: "the bias" }, t(layer.biases[j], "bias")), " ="), " ", chunk(result(z, "z"))),
  ];
  if (layer.activation === "softmax") {
    parts.push(softmaxTable(E, l, j, names));
  } else {
    const info = activationInfo(catalog, layer.activation);
    const plot = activationPlot(layer.activation, z, a);
    parts.push(h("div", { class: "gn-ex-activation" },
      h("div", null,
        h("p", { class: "gn-ex-note" }, `a, the activation, bends the sum: a = ${info.formula}.`),
        formula(chunk(`a = ${layer.activation}(`, n(z), ")"), " ", chunk("= ", result(a, "a")))),
      plot));
  }
  return parts;
}

/**
 * Softmax needs every output's sum: each output's share of e^z, all adding up to 1.
 * @param {Explanation} E
 * @param {number} l
 * @param {number} j
 * @param {Names} names
 */
function softmaxTable(E, l, j, names) {
  const layer = E.layers[l];
  return h("div", { class: "gn-ex-softmax" },
    h("p", { class: "gn-ex-note" }, "Softmax turns all the outputs' sums into shares that add up to 1: a = eᶻ ÷ (the sum of eᶻ over every output)."),
    h("table", { class: "gn-ex-table" },
      h("thead", null, h("tr", null, h("th", { scope: "col" }, "Output"), h("th", { scope: "col" }, "z"), h("th", { scope: "col" }, "a (share)"))),
      h("tbody", null, ...layer.z.map((z, k) => h("tr", { class: k === j ? "gn-ex-current" : null, "aria-current": k === j ? "true" : null },
        h("th", { scope: "row" }, classTag(names, k)),
        h("td", null, n(z)),
        h("td", null, k === j ? n(layer.a[k], "a") : n(layer.a[k])))))));
}

/**
 * The prediction meets the target: the loss formula with the numbers filled in.
 * @param {CardContext} ctx
 * @returns {CardParts}
 */
export function lossCard({ E, names }) {
  const last = E.layers[E.layers.length - 1];
  const a = last.a;
  const target = E.target;
  const value = E.loss.value;
  /** @type {CardParts} */
  const parts = [h("h3", { class: "gn-ex-card-title" }, "Loss: how wrong was the guess?")];

  if (E.kind === "multiclass") {
    parts.push(h("table", { class: "gn-ex-table" },
      h("thead", null, h("tr", null, h("th", { scope: "col" }, "Class"), h("th", { scope: "col" }, "Prediction a"), h("th", { scope: "col" }, "Target t"))),
      h("tbody", null, ...a.map((v, k) => h("tr", { class: target[k] === 1 ? "gn-ex-current" : null },
        h("th", { scope: "row" }, classTag(names, k)),
        h("td", null, n(v, "prediction", { dataset: { unit: k } })),
        h("td", null, n(target[k], "target", { dataset: { unit: k } })))))));
  } else {
    parts.push(rows([
      ["Prediction a", h("span", null, n(a[0], "prediction", { dataset: { unit: 0 } }), " ", h("span", { class: "gn-ex-aside" }, predictionMeaning(E)))],
      ["Target t", h("span", null, n(target[0], "target", { dataset: { unit: 0 } }), " ", h("span", { class: "gn-ex-aside" }, `(${labelText(E, names)})`))],
    ]));
  }

  const loss = result(value, "loss");
  if (E.loss.name === "binary_crossentropy" && a.length === 1) {
    parts.push(
      formula(chunk("L = -(t ln a + (1 - t) ln(1 - a))")),
      formula(chunk("= -(", t(target[0]), " × ln ", t(a[0]), " +"), " ", chunk("(1 - ", t(target[0]), ") × ln(1 - ", t(a[0]), "))"), " ", chunk("= ", loss)),
      h("p", { class: "gn-ex-note" }, "0 would mean sure and right. The surer the network is of the wrong class, the bigger the loss, without limit."));
  } else if (E.loss.name === "categorical_crossentropy") {
    const k = target.indexOf(1);
    parts.push(
      formula(chunk("L = -ln(a of the true class)")),
      formula(chunk("= -ln(", t(a[k]), ")"), " ", chunk("= ", loss)),
      h("p", { class: "gn-ex-note" }, "Only the true class's share counts: the loss is 0 when it gets all of it (a = 1), and grows without limit as its share shrinks to 0."));
  } else if (E.loss.name === "mse" && a.length === 1) {
    parts.push(
      formula(chunk("L = (a - t)²")),
      formula(chunk("= (", t(a[0]), " - ", t(target[0]), ")²"), " ", chunk("= ", loss)),
      h("p", { class: "gn-ex-note" }, "The squared distance between guess and answer: 0 when they agree, and twice as far costs four times as much."));
  } else {
    parts.push(formula(chunk(`L = ${E.loss.formula}`), " ", chunk("= ", loss)));
  }
  if (E.update && E.batch.size > 1) {
    parts.push(h("p", { class: "gn-ex-note" }, "This is this point's own loss. The whole batch's loss, the average over its ",
      String(E.batch.size), " points, is ", n(E.update.loss, "batch-loss"), "."));
  }
  return parts;
}

/**
 * What the output number means for this kind of problem.
 * @param {Explanation} E
 */
export function predictionMeaning(E) {
  const last = E.layers[E.layers.length - 1];
  if (E.kind === "regression") return "(the network's estimate of the value)";
  if (last.activation === "sigmoid") return "(how sure it is of class 1)";
  if (last.activation === "tanh") return "(above 0 leans to class 1, below 0 to class 0)";
  return "";
}

/** @param {string} text */
export function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
