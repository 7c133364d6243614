// @ts-check
/**
 * Focus cards of the update and of the end: how every weight moved, how a batch
 * averages its points' gradients, and what the step changed.
 *
 * Numbers come from explanation.update (before, gradient, regularization, step,
 * after: after = before - step exactly), explanation.batch (each point's own
 * gradient) and metrics_before / metrics_after. Nothing is recomputed here.
 */

import { css, diverging } from "../../lib/colors.js";
import { h } from "../../lib/dom.js";
import { percent } from "../../lib/format.js";
import { chunk, formula, n, result } from "./parts.js";

/** @import { CardContext, CardParts, Names } from "./parts.js" */

/** @import { ExplainUpdate, Explanation, Metrics, UpdatePart } from "../../lib/messages.js" */
/** @import { ViewApi } from "../../lib/types.js" */

/**
 * One layer's weights and biases: before, step, after.
 * @param {CardContext} ctx
 * @returns {CardParts}
 */
export function updateCard(ctx) {
  const { E, step, names, api } = ctx;
  const { layer: l = -1 } = step;
  const u = /** @type {ExplainUpdate} */ (E.update); // a step with a layer's update has one
  const layer = u.layers[l];
  const reg = u.regularization !== "none";
  const sgd = u.optimizer === "sgd";
  const title = l === names.last ? "The output layer's weights move" : `Layer ${l + 1}'s weights move`;
  const how = sgd
    ? formula(chunk(reg ? "step = learning rate × (gradient + regularization)" : "step = learning rate × gradient"),
      " ", chunk("learning rate = ", n(u.learning_rate, "learning-rate")))
    : h("p", { class: "gn-ex-note" }, `The ${u.optimizer} optimizer turns each gradient into a step (it remembers earlier steps), with learning rate `,
      n(u.learning_rate, "learning-rate"), ".");
  const head = ["Weight", "Before", "Gradient", ...(reg ? ["Reg."] : []), "Step", "After"];
  /**
   * One weight's or bias's row.
   * @template T
   * @param {string | HTMLElement} label
   * @param {UpdatePart<T>} part
   * @param {(m: T) => number} pick this weight's number from each matrix (or bias's from each vector)
   * @param {Record<string, unknown>} extra the row's attributes
   */
  const row = (label, part, pick, extra) => h("tr", extra,
    h("th", { scope: "row" }, label),
    h("td", null, n(pick(part.before), "before")),
    h("td", null, n(pick(part.gradient), "gradient")),
    reg ? h("td", null, n(pick(part.regularization), "regularization")) : null,
    h("td", null, n(pick(part.step), "step")),
    h("td", { class: "gn-ex-after" }, n(pick(part.after), "after")));
  /** @type {HTMLElement[]} */
  const body = [];
  layer.weights.before.forEach((line, i) => line.forEach((_, j) => {
    body.push(row(whyLink(api, names, l, i, j), layer.weights, (m) => m[i][j],
      { dataset: { kind: "weight", source: i, target: j } }));
  }));
  layer.biases.before.forEach((_, j) => {
    body.push(row(`bias ${names.tiny(l, j)}`, layer.biases, (m) => m[j], { dataset: { kind: "bias", target: j } }));
  });
  /** @type {CardParts} */
  const parts = [
    h("h3", { class: "gn-ex-card-title" }, title),
    formula(chunk("after = before - step")),
    how,
    E.size === "batch"
      ? h("p", { class: "gn-ex-note" }, `The gradient is the average over the batch's ${E.batch.size} points.`)
      : null,
    h("p", { class: "gn-ex-note" }, `Weights from ${names.sourceGroup(l)} to ${names.targetGroup(l)}. Click one to see why it changed.`),
    h("div", { class: "gn-ex-table-wrap" },
      h("table", { class: "gn-ex-table gn-ex-update", dataset: { layer: l } },
        h("thead", null, h("tr", null, ...head.map((text) => h("th", { scope: "col" }, text)))),
        h("tbody", null, ...body))),
  ];
  if (E.size === "batch" && E.batch.weight_grads) parts.push(sharesBlock(ctx, l));
  return parts;
}

/** A weight's name in the table, as a button asking why it changed (api.explain.weight). */
/**
 * @param {ViewApi} api
 * @param {Names} names
 * @param {number} l
 * @param {number} i
 * @param {number} j
 */
function whyLink(api, names, l, i, j) {
  const text = `${names.tinySource(l, i)} → ${names.tiny(l, j)}`;
  return h("button", {
    type: "button",
    class: "gn-ex-why gn-ex-link",
    "aria-label": `${text}: why did the weight from ${names.source(l, i)} to ${names.neuron(l, j)} change?`,
    title: "Why did this weight change?",
    dataset: { key: `why:${l}:${i}:${j}`, layer: l, source: i, target: j },
    onclick: () => api.explain.weight(l, i, j),
  }, text);
}

/** "Watch one point's share": each batch point's own gradient for one weight, and their average. */
/**
 * @param {CardContext} ctx
 * @param {number} l
 */
function sharesBlock({ E, names, local, refresh }, l) {
  // Only for a batch step, which has every point's own gradients and an update.
  const grads = /** @type {number[][][][]} */ (E.batch.weight_grads)[l]; // [point in batch][i][j]
  const mean = /** @type {ExplainUpdate} */ (E.update).layers[l].weights.gradient;
  /** @type {number[][]} every weight of the layer, as [source, target] */
  const choices = [];
  mean.forEach((line, i) => line.forEach((_, j) => choices.push([i, j])));
  let chosen = local.shareWeight?.[l];
  if (!chosen) {
    // Start with the weight whose batch gradient is largest: its shares are easiest to see.
    chosen = choices.reduce((best, c) => (Math.abs(mean[c[0]][c[1]]) > Math.abs(mean[best[0]][best[1]]) ? c : best));
  }
  const [i, j] = chosen;
  const picker = h("select", {
    class: "gn-select gn-ex-share-weight",
    "aria-label": "Weight to watch",
    dataset: { key: "share-weight" },
    onchange: (/** @type {Event} */ event) => {
      const value = /** @type {HTMLSelectElement} */ (event.target).value;
      local.shareWeight = { ...(local.shareWeight || {}), [l]: value.split(",").map(Number) };
      refresh();
    },
  }, ...choices.map(([a, b]) => h("option", { value: `${a},${b}`, selected: a === i && b === j },
    `${names.tinySource(l, a)} → ${names.tiny(l, b)}`)));
  const shares = grads.map((g) => g[i][j]);
  const biggest = Math.max(...shares.map(Math.abs), 1e-12);
  const items = shares.map((v, s) => h("li", { class: s === 0 ? "gn-ex-share gn-ex-current" : "gn-ex-share", dataset: { point: E.batch.indices[s] } },
    h("span", { class: "gn-ex-share-who" }, `#${E.batch.indices[s]}`, s === 0 ? " (this point)" : ""),
    h("span", { class: "gn-ex-bar", "aria-hidden": "true" },
      h("span", { style: barStyle(v, biggest) })),
    n(v, "share")));
  return h("section", { class: "gn-ex-shares", "aria-label": "Watch one point's share" },
    h("h4", { class: "gn-ex-subtitle" }, "Watch one point's share"),
    h("p", { class: "gn-ex-note" }, "Each point of the batch has its own gradient for a weight; the step uses their average. Weight: ", picker),
    h("ol", { class: "gn-ex-share-list" }, ...items),
    formula(chunk(`average of the ${shares.length} = `, result(mean[i][j], "share-mean"))));
}

/**
 * @param {number} v
 * @param {number} biggest
 */
function barStyle(v, biggest) {
  const width = (Math.abs(v) / biggest) * 50;
  return {
    width: `${width}%`,
    left: v < 0 ? `${50 - width}%` : "50%",
    background: css(diverging(v < 0 ? -1 : 1)),
  };
}

/** No per-layer update: a test point (nothing trains) or a whole epoch (too many steps to list). */
/**
 * @param {CardContext} ctx
 * @returns {CardParts}
 */
export function noUpdateCard({ E, settings }) {
  if (!E.trains) {
    return [
      h("h3", { class: "gn-ex-card-title" }, "Update: nothing changes"),
      h("p", null, `Point #${E.point} is a test point. The network never trains on test points, so no weight moves. Test points are kept aside to check how well the network does on points it has never learned from.`),
    ];
  }
  const batch = settings?.batch_size || 1;
  const count = E.batch.size;
  const steps = Math.ceil(count / batch);
  return [
    h("h3", { class: "gn-ex-card-title" }, "Update: one whole epoch"),
    h("p", null, `The network trained on all ${count} training points, in ${steps} step${steps === 1 ? "" : "s"} of up to ${batch} points each, taking one small step after every batch. That is too many numbers to list one by one. Here is what the epoch changed:`),
    metricsTable(E),
  ];
}

/** What the step changed: the losses and accuracies, and this point's numbers. */
/**
 * @param {CardContext} ctx
 * @returns {CardParts}
 */
export function doneCard({ E, state }) {
  const last = E.layers[E.layers.length - 1];
  const guess = E.kind === "multiclass"
    ? h("span", null, "its share for the true class was ", n(last.a[E.target.indexOf(1)], "prediction"))
    : h("span", null, "the network guessed ", n(last.a[0], "prediction"), " for an answer of ", n(E.target[0], "target"));
  const own = E.loss_after;
  const trainBefore = E.metrics_before.train_loss;
  const trainAfter = E.metrics_after?.train_loss;
  // One point's step lowers its own loss; the average over every point may still rise, and that puzzles people.
  const apart = own !== null && own !== undefined && trainBefore !== null && trainAfter !== null && trainAfter !== undefined &&
    (own < E.loss.value) !== (trainAfter < trainBefore);
  return [
    h("h3", { class: "gn-ex-card-title" }, "Done: what changed"),
    metricsTable(E),
    h("p", null, `Point #${E.point}${E.metrics_after ? " before the step" : ""}: `, guess, ", a loss of ", n(E.loss.value, "loss"),
      own !== null && own !== undefined ? h("span", null, "; after it, its own loss is ", n(own, "point-loss-after")) : null, "."),
    apart
      ? h("p", { class: "gn-ex-note gn-ex-why-average" }, "Why can the training loss move the other way? It is the average over every training point. ",
        "The step moved the weights to suit ", E.size === "sample" ? "this one point" : "this batch",
        ", and the same weights serve every other point, so some of those got a little worse. Training steps on every point in turn, and over many steps the average goes down.")
      : null,
    E.metrics_after
      ? h("p", { class: "gn-ex-note" }, state.explain.applied
        ? "The network now has the new weights: the pictures on the diagram and the output map show them. Pick the same point and step again, and its loss is usually a little smaller."
        : "Step back to see the numbers again.")
      : null,
  ];
}

/** @type {[keyof Metrics, string, "loss" | "accuracy"][]} */
const METRICS = [
  ["train_loss", "Training loss", "loss"],
  ["test_loss", "Test loss", "loss"],
  ["train_accuracy", "Training accuracy", "accuracy"],
  ["test_accuracy", "Test accuracy", "accuracy"],
];

/**
 * Metrics before and after the step (after: "no change" when nothing trained).
 * @param {Explanation} E
 */
export function metricsTable(E) {
  const before = E.metrics_before;
  const after = E.metrics_after;
  /**
   * @param {number | null} v
   * @param {"loss" | "accuracy"} kind
   * @param {string} part
   */
  const shown = (v, kind, part) => (v === null || v === undefined
    ? "–"
    : kind === "loss" ? n(v, part) : h("span", { class: "gn-ex-n", dataset: { value: String(v), part } }, percent(v)));
  const body = METRICS.filter(([key]) => before[key] !== null && before[key] !== undefined).map(([key, label, kind]) =>
    h("tr", { dataset: { metric: key } },
      h("th", { scope: "row" }, label),
      h("td", null, shown(before[key], kind, "metric-before")),
      h("td", null, after ? shown(after[key], kind, "metric-after") : "no change")));
  return h("table", { class: "gn-ex-table gn-ex-metrics" },
    h("thead", null, h("tr", null, h("th", { scope: "col" }, "On all points"), h("th", { scope: "col" }, "Before"), h("th", { scope: "col" }, "After"))),
    h("tbody", null, ...body));
}
