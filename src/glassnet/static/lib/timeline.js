// @ts-check
/**
 * The timeline of one explained training step: its stages in order, separate from drawing.
 *
 * An explanation (the session's `explanation` message) becomes a list of steps:
 *
 *   forward   the inputs enter, then each neuron of each layer, in order
 *   loss      the prediction meets the target
 *   backward  each neuron's delta, from the output back to the first layer
 *   update    each layer's weights and biases move (or: a test point has none)
 *   done      what the step changed
 *
 * Views read the current step and draw it; stepping is moving an index. A new
 * stage or a new view needs no change here beyond adding a kind of step.
 * Every number a step points at is in the explanation; nothing is computed here.
 */

/** @import { Explanation } from "./messages.js" */
/** @import { Granularity, Step } from "./types.js" */

/** @type {Step["stage"][]} */
export const STAGES = ["forward", "loss", "backward", "update", "done"];

/**
 * How far one press of Next goes.
 * @type {Granularity[]}
 */
export const GRANULARITIES = ["neuron", "layer", "stage"];

/**
 * The steps of an explanation, in order.
 * @param {Explanation} explanation the session's `explanation` message
 * @returns {Step[]}
 */
export function buildSteps(explanation) {
  /** @type {Step[]} */
  const steps = [{ stage: "forward", layer: -1 }];
  const layers = explanation.layers;
  layers.forEach((layer, l) => {
    layer.z.forEach((_, j) => steps.push({ stage: "forward", layer: l, unit: j }));
  });
  steps.push({ stage: "loss" });
  for (let l = layers.length - 1; l >= 0; l--) {
    layers[l].delta.forEach((_, j) => steps.push({ stage: "backward", layer: l, unit: j }));
  }
  if (explanation.update) {
    layers.forEach((_, l) => steps.push({ stage: "update", layer: l }));
  } else {
    steps.push({ stage: "update", layer: -1 }); // an epoch, or a test point with no update
  }
  steps.push({ stage: "done" });
  return steps;
}

/**
 * The index Next (direction 1) or Back (direction -1) goes to from `index`.
 * @param {Step[]} steps
 * @param {number} index
 * @param {number} direction 1 or -1
 * @param {Granularity} granularity
 */
export function nextIndex(steps, index, direction, granularity) {
  const here = steps[index];
  const same = (/** @type {Step} */ s) =>
    granularity === "neuron" ? false
      : granularity === "layer" ? s.stage === here.stage && s.layer === here.layer
        : s.stage === here.stage;
  let i = index + direction;
  while (i > 0 && i < steps.length - 1 && same(steps[i])) i += direction;
  if (direction < 0 && granularity !== "neuron") {
    // Going back lands on the start of the previous group, as going forward did.
    const group = steps[i];
    const sameGroup = (/** @type {Step} */ s) =>
      granularity === "layer" ? s.stage === group.stage && s.layer === group.layer : s.stage === group.stage;
    while (i > 0 && sameGroup(steps[i - 1])) i -= 1;
  }
  return Math.max(0, Math.min(steps.length - 1, i));
}

/**
 * The index of the first update step: from there on, the network has the new weights.
 * @param {Step[]} steps
 */
export function updateIndex(steps) {
  return steps.findIndex((s) => s.stage === "update");
}

/**
 * The index of the step of a stage about one layer and neuron, or -1. For a
 * neuron's forward step: findStep(steps, "forward", l, j); the inputs entering
 * are findStep(steps, "forward", -1).
 * @param {Step[]} steps
 * @param {Step["stage"]} stage
 * @param {number} [layer]
 * @param {number} [unit]
 */
export function findStep(steps, stage, layer, unit) {
  return steps.findIndex((s) => s.stage === stage && s.layer === layer && s.unit === unit);
}

/**
 * Which neurons and edges a step is about, for views that highlight them.
 * Neurons are [a, unit] with a indexing activations (0 = the inputs), edges
 * [layer, source, target] with layer indexing the layers of weights.
 * @param {Step} step
 * @param {Explanation} explanation
 * @returns {{nodes: number[][], edges: number[][]}}
 */
export function highlight(step, explanation) {
  const sizes = explanation.layer_sizes;
  const { layer: l = -1, unit: u = -1 } = step;
  /** @type {number[][]} */
  const nodes = [];
  /** @type {number[][]} */
  const edges = [];
  if (step.stage === "forward" && l === -1) {
    for (let i = 0; i < sizes[0]; i++) nodes.push([0, i]);
  } else if (step.stage === "forward" || step.stage === "backward") {
    nodes.push([l + 1, u]);
    if (step.stage === "forward") {
      for (let i = 0; i < sizes[l]; i++) edges.push([l, i, u]);
    } else if (l + 1 < sizes.length - 1) {
      // A hidden neuron's delta gathers the deltas of the layer after it.
      for (let k = 0; k < sizes[l + 2]; k++) edges.push([l + 1, u, k]);
    }
  } else if (step.stage === "loss") {
    for (let k = 0; k < sizes[sizes.length - 1]; k++) nodes.push([sizes.length - 1, k]);
  } else if (step.stage === "update" && l >= 0) {
    for (let i = 0; i < sizes[l]; i++) {
      for (let j = 0; j < sizes[l + 1]; j++) edges.push([l, i, j]);
    }
  }
  return { nodes, edges };
}
