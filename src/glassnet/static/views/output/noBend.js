// @ts-check
/**
 * The "no bend" note: a network that can only draw a straight line, trained on
 * points no straight line can split, says so instead of fading to "unsure".
 *
 * It reads the session's own state (the frame's network: its layers, their
 * activations, its features; the data's name and kind), never the pictures. A
 * network draws one straight line between the classes when nothing in it bends:
 * no hidden layer, or only linear hidden layers, on the raw inputs x₁ and x₂.
 * (Features such as x₁² or x₁x₂ bend the inputs themselves.) The output's own
 * squashing (sigmoid, softmax) moves along that line but cannot bend it.
 */

/** @import { State } from "../../lib/types.js" */

/** Datasets whose classes no straight line can split (glassnet/data/generators.py). */
const NEEDS_A_BEND = new Set(["xor", "circle", "spiral", "checkerboard"]);

/** Inputs that do not bend: a sum of them is a straight line on the map. */
const STRAIGHT_FEATURES = new Set(["x1", "x2"]);

/**
 * The note for this state: why, and what to do; or null when the network can bend or the data does not need it.
 * @param {State} state
 * @returns {{ why: string, fix: string } | null}
 */
export function noBendNote(state) {
  const net = state.frame?.network;
  const data = state.data;
  if (!net || !data || data.kind !== "binary" || !NEEDS_A_BEND.has(data.name)) return null;
  if (!net.features.every((f) => STRAIGHT_FEATURES.has(f))) return null;
  const hidden = net.activations.slice(0, -1);
  if (hidden.some((a) => a !== "linear")) return null;
  const why = hidden.length === 0
    ? "No bend: with no hidden layer, this network can only split the map with one straight line, and no straight line splits these points."
    : "No bend: its hidden layers are all linear, so together they still draw one straight line, and no straight line splits these points.";
  const fix = hidden.length === 0
    ? "Add a hidden layer (the + above the diagram) with tanh or ReLU to bend it."
    : "Pick tanh or ReLU as the activation to bend it.";
  return { why, fix };
}
