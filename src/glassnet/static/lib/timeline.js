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

export const STAGES = ["forward", "loss", "backward", "update", "done"];

/** How far one press of Next goes. */
export const GRANULARITIES = ["neuron", "layer", "stage"];

/**
 * @typedef {object} Step
 * @property {string} stage one of STAGES
 * @property {number} [layer] the layer of weights (-1: the inputs, in the forward stage)
 * @property {number} [unit] the neuron in that layer
 */

/**
 * The steps of an explanation, in order.
 * @param {object} explanation the session's `explanation` message
 * @returns {Step[]}
 */
export function buildSteps(explanation) {
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
 * @param {string} granularity one of GRANULARITIES
 */
export function nextIndex(steps, index, direction, granularity) {
  const here = steps[index];
  const same = (s) =>
    granularity === "neuron" ? false
      : granularity === "layer" ? s.stage === here.stage && s.layer === here.layer
        : s.stage === here.stage;
  let i = index + direction;
  while (i > 0 && i < steps.length - 1 && same(steps[i])) i += direction;
  if (direction < 0 && granularity !== "neuron") {
    // Going back lands on the start of the previous group, as going forward did.
    const group = steps[i];
    const sameGroup = (s) =>
      granularity === "layer" ? s.stage === group.stage && s.layer === group.layer : s.stage === group.stage;
    while (i > 0 && sameGroup(steps[i - 1])) i -= 1;
  }
  return Math.max(0, Math.min(steps.length - 1, i));
}

/** The index of the first update step: from there on, the network has the new weights. */
export function updateIndex(steps) {
  return steps.findIndex((s) => s.stage === "update");
}

/**
 * The index of the step of a stage about one layer and neuron, or -1. For a
 * neuron's forward step: findStep(steps, "forward", l, j); the inputs entering
 * are findStep(steps, "forward", -1).
 * @param {Step[]} steps
 * @param {string} stage
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
 * @param {object} explanation
 * @returns {{nodes: number[][], edges: number[][]}}
 */
export function highlight(step, explanation) {
  const sizes = explanation.layer_sizes;
  const nodes = [];
  const edges = [];
  if (step.stage === "forward" && step.layer === -1) {
    for (let i = 0; i < sizes[0]; i++) nodes.push([0, i]);
  } else if (step.stage === "forward" || step.stage === "backward") {
    nodes.push([step.layer + 1, step.unit]);
    if (step.stage === "forward") {
      for (let i = 0; i < sizes[step.layer]; i++) edges.push([step.layer, i, step.unit]);
    } else if (step.layer + 1 < sizes.length - 1) {
      // A hidden neuron's delta gathers the deltas of the layer after it.
      for (let k = 0; k < sizes[step.layer + 2]; k++) edges.push([step.layer + 1, step.unit, k]);
    }
  } else if (step.stage === "loss") {
    for (let k = 0; k < sizes[sizes.length - 1]; k++) nodes.push([sizes.length - 1, k]);
  } else if (step.stage === "update" && step.layer >= 0) {
    for (let i = 0; i < sizes[step.layer]; i++) {
      for (let j = 0; j < sizes[step.layer + 1]; j++) edges.push([step.layer, i, j]);
    }
  }
  return { nodes, edges };
}
