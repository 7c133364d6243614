// @ts-check
/**
 * The narration line: what is happening at this step and why, in plain words,
 * with the engine's numbers rounded for reading.
 *
 *   narrate(step, explanation, catalog, data, settings) -> "The network guessed 0.43 ..."
 *
 * It only words what the explanation holds; it computes nothing.
 */

import { num } from "../../lib/format.js";
import { labelText, namesFor } from "./parts.js";

/** @import { Names } from "./parts.js" */

/** @import { Catalog, DataMessage, ExplainLayer, Explanation, Settings } from "../../lib/messages.js" */
/** @import { Step } from "../../lib/types.js" */

/**
 * @param {Step} step
 * @param {Explanation} E the session's explanation message
 * @param {Catalog | null} catalog
 * @param {DataMessage | null} data
 * @param {Settings} [settings]
 * @returns {string}
 */
export function narrate(step, E, catalog, data, settings = {}) {
  const names = namesFor(E, catalog, data);
  const last = E.layers[E.layers.length - 1];
  switch (step.stage) {
    case "forward":
      return (step.layer ?? -1) < 0 ? enters(E, names) : forwardNeuron(step, E, names);
    case "loss":
      return loss(E, names, last);
    case "backward":
      return backward(step, E, names);
    case "update":
      return update(step, E, names, settings);
    case "done":
      return done(E);
    default:
      return "";
  }
}

/**
 * @param {Explanation} E
 * @param {Names} names
 */
function enters(E, names) {
  const where = E.x.map((v, i) => `x${"₁₂"[i]} = ${num(v)}`).join(", ");
  const what = E.kind === "regression" ? `its value is ${num(E.label)}` : `it belongs to ${labelText(E, names)}`;
  return `Point #${E.point} sits at ${where}, and ${what}. The network gets only its ${E.inputs.length} input numbers and must guess the answer from them.`;
}

/**
 * @param {Step} step
 * @param {Explanation} E
 * @param {Names} names
 */
function forwardNeuron({ layer: l = -1, unit: j = -1 }, E, names) {
  const layer = E.layers[l];
  const z = num(layer.z[j]);
  const a = num(layer.a[j]);
  if (l < names.last) {
    const from = l === 0 ? "the inputs" : `the ${E.layers[l - 1].a.length} outputs of layer ${l}`;
    return `${cap(names.neuron(l, j))} multiplies ${from} by its weights and adds its bias: z = ${z}. Then ${layer.activation} bends the sum into its output, a = ${a}.`;
  }
  if (layer.activation === "softmax") {
    return `${cap(names.neuron(l, j))} sums the last hidden layer the same way: z = ${z}. Softmax turns every output's sum into a share: ${a} of the network's confidence goes to ${names.className(j)}.`;
  }
  if (E.kind === "regression") {
    return `The output neuron sums the last layer the same way: z = ${z}, and ${layer.activation} gives ${a}: the network's guess for this point's value.`;
  }
  return `The output neuron sums the last layer the same way: z = ${z}, and ${layer.activation} gives ${a}: ${layer.activation === "sigmoid" ? `the network is ${num(layer.a[j] * 100, 2)}% sure this point is ${names.className(1)}` : "above 0 leans to class 1, below 0 to class 0"}.`;
}

/**
 * @param {Explanation} E
 * @param {Names} names
 * @param {ExplainLayer} last the output layer
 */
function loss(E, names, last) {
  const value = num(E.loss.value);
  if (E.kind === "multiclass") {
    const k = E.target.indexOf(1);
    return `The answer is ${names.className(k)}, and the network gave it a share of ${num(last.a[k])}. The loss, ${value}, measures how wrong that is: it would be 0 if that share were 1.`;
  }
  const answer = E.kind === "regression" ? num(E.target[0]) : `${num(E.target[0])} (${names.className(E.label)})`;
  const a = last.a[0];
  const t = E.target[0];
  const wrongSide = E.kind === "binary" && (last.activation === "tanh" ? Math.sign(a) !== Math.sign(t) : Math.abs(a - t) > 0.5);
  return `The network guessed ${num(a)}${wrongSide ? " but" : " and"} the answer is ${answer}. The loss, ${value}, measures how wrong that is: 0 would be perfect.`;
}

/**
 * @param {Step} step
 * @param {Explanation} E
 * @param {Names} names
 */
function backward({ layer: l = -1, unit: j = -1 }, E, names) {
  const d = E.layers[l].delta[j];
  const sign = d > 0 ? "a smaller sum z here would lower the loss" : d < 0 ? "a bigger sum z here would lower the loss" : "this neuron's sum does not change the loss at all";
  if (l === names.last) {
    return `Now backwards, from the loss. ${cap(names.neuron(l, j))} gets its delta: δ = ${num(d)}, so ${sign}. Every earlier delta starts from here.`;
  }
  return `${cap(names.neuron(l, j))} gets its share of the blame: the deltas of the layer after it, through the weights that join them, times its own slope. δ = ${num(d)}: ${sign}.`;
}

/**
 * @param {Step} step
 * @param {Explanation} E
 * @param {Names} names
 * @param {Settings} settings
 */
function update({ layer: l = -1 }, E, names, settings) {
  if (l < 0) {
    if (!E.trains) return `Point #${E.point} is a test point: the network never trains on test points, so nothing changes.`;
    return `One epoch: the network took a step after every batch of ${settings.batch_size ?? "?"} points, until it had seen all ${E.batch.size} training points once.`;
  }
  const which = l === names.last ? "the output layer" : `layer ${l + 1}`;
  const each = E.size === "batch" ? `the average gradient of the ${E.batch.size} points in the batch` : "its gradient";
  return `Now the network learns: every weight and bias of ${which} takes a small step against ${each}, scaled by the learning rate (${num(E.update?.learning_rate)}). after = before - step.`;
}

/** @param {Explanation} E */
function done(E) {
  const before = E.metrics_before?.train_loss;
  const after = E.metrics_after?.train_loss;
  if (after === undefined || after === null || before === null || before === undefined) {
    return "Done. Nothing trained, so every weight, and every prediction, is as it was.";
  }
  const average = `the training loss (the average over all training points) ${change(before, after)}`;
  const own = E.loss_after;
  if (own === undefined || own === null) {
    return `Done: ${average}. One step is tiny; training repeats it thousands of times.`;
  }
  const mine = `Done: point #${E.point}'s own loss ${change(E.loss.value, own)}`;
  if ((own < E.loss.value) === (after < before)) {
    return `${mine}, and ${average}. One step is tiny; training repeats it thousands of times.`;
  }
  return `${mine}, but ${average}: a step that helps ${E.size === "sample" ? "this point" : "this batch"} can make other points a little worse. Training takes such steps for every point in turn, and on the whole the average goes down.`;
}

/**
 * "fell from 0.706 to 0.699", with enough digits for a small change to show.
 * @param {number} before
 * @param {number} after
 */
function change(before, after) {
  let digits = 3;
  while (digits < 8 && num(before, digits) === num(after, digits)) digits += 1;
  if (after < before) return `fell from ${num(before, digits)} to ${num(after, digits)}`;
  if (after > before) return `rose from ${num(before, digits)} to ${num(after, digits)}`;
  return `stayed at ${num(before)}`;
}

/** @param {string} text */
function cap(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
