// @ts-check
/**
 * The numbers one step of an explained training step shows on the network
 * diagram, taken from the explanation: what goes under each neuron, and on
 * which edges. Nothing is computed but the products the stage names
 * (input × weight) and the sign of a change (after - before = -step).
 */

/** @import { Explanation } from "../../lib/messages.js" */
/** @import { ExplainState, Step } from "../../lib/types.js" */

/**
 * A neuron's numbers ({kind, value} each) and an edge's number (drawn: the
 * value its colour and width show, when that is another one).
 * @typedef {{ a: number, unit: number, values: { kind: "input" | "a" | "delta" | "target", value: number }[] }} NodeNumbers
 * @typedef {{ l: number, i: number, j: number, value: number, drawn?: number }} EdgeNumber
 * @typedef {{ nodes: NodeNumbers[], edges: EdgeNumber[], kind: "" | "contribution" | "gradient" | "change", dots: boolean }} StageNumbers
 */

/**
 * The numbers a step shows: under neurons and on edges; `kind` names the
 * edges' number and `dots` whether dots run along those edges.
 * @param {Step} step
 * @param {ExplainState & { steps: Step[] }} e state.explain
 * @param {Explanation} x the explanation
 * @returns {StageNumbers}
 */
export function stageNumbers(step, e, x) {
  /** @type {NodeNumbers[]} */
  const nodes = [];
  /** @type {EdgeNumber[]} */
  const edges = [];
  const layers = x.layers;
  const passed = e.steps.slice(0, e.index + 1);
  /** @type {StageNumbers} */
  const result = { nodes, edges, kind: "", dots: false };
  const { layer: l = -1, unit: j = -1 } = step;
  if (step.stage === "forward" || step.stage === "loss") {
    for (const { stage, layer = -1, unit = -1 } of passed) {
      if (stage !== "forward") continue;
      if (layer === -1) x.inputs.forEach((value, i) => nodes.push({ a: 0, unit: i, values: [{ kind: "input", value }] }));
      else nodes.push({ a: layer + 1, unit, values: [{ kind: "a", value: layers[layer].a[unit] }] });
    }
    if (step.stage === "loss") {
      const last = layers.length;
      for (const node of nodes) {
        if (node.a === last) node.values.push({ kind: "target", value: x.target[node.unit] });
      }
    } else if (l >= 0) {
      const inputs = l === 0 ? x.inputs : layers[l - 1].a;
      inputs.forEach((input, i) => edges.push({ l, i, j, value: input * layers[l].weights[i][j] }));
      Object.assign(result, { kind: "contribution", dots: true });
    }
  } else if (step.stage === "backward") {
    for (const { stage, layer = -1, unit = -1 } of passed) {
      if (stage === "backward") nodes.push({ a: layer + 1, unit, values: [{ kind: "delta", value: layers[layer].delta[unit] }] });
    }
    layers[l].weight_grads.forEach((row, i) => edges.push({ l, i, j, value: row[j] }));
    result.kind = "gradient";
  } else if (step.stage === "update" && l >= 0 && x.update) {
    const w = x.update.layers[l].weights;
    w.step.forEach((row, i) => row.forEach((s, k) => edges.push({ l, i, j: k, value: -s, drawn: w.after[i][k] })));
    result.kind = "change";
  }
  return result;
}

/**
 * What the numbers on the lines are, for the key the diagram shows with them: the
 * lit lines are drawn by these numbers (their colour and width), not by the weight.
 * @type {Record<StageNumbers["kind"], string>}
 */
export const EDGE_KEYS = {
  "": "",
  contribution: "On the lines: input × weight, what each input adds to the sum z. Their colour shows the sign of that product, not of the weight.",
  gradient: "On the lines: each weight's gradient dL/dw. Their colour shows its sign, not the weight's.",
  change: "On the lines: how much each weight changes (after − before). The lines are drawn with the new weights.",
};
