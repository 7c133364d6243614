// @ts-check
/**
 * The network diagram while stepping through one training step (state.explain).
 *
 * For the step on screen (lib/timeline.js) it lights up the neurons and edges
 * the step is about, dims the rest a little, and writes the explanation's own
 * numbers on the diagram:
 *
 *   forward   under each neuron passed so far, its output a; on the edges into
 *             the current neuron, what each input adds: input × weight
 *   loss      under each output, its value a and its target t
 *   backward  under each neuron passed so far (going back), its delta δ; on the
 *             edges into the current neuron, each weight's gradient dL/dw
 *   update    on the layer's edges, each weight's change (drawn with the new weight)
 *
 * and state.explain.hoverPath (one chain-rule path) is drawn strongly on top.
 * Labels are rounded with num(); each keeps its unrounded value in data-value.
 * Nothing is computed here except the products the stage names (input × weight,
 * from the explanation's numbers) and the sign of a step (after - before = -step).
 */

import { h } from "../../lib/dom.js";
import { num } from "../../lib/format.js";
import { highlight } from "../../lib/timeline.js";
import { edgeWidth } from "./layoutNetwork.js";
import { signedStep } from "./paintFrame.js";
import { overlaps, pointOn, rect, svg, travellingDot } from "./overlayParts.js";
import { EDGE_KEYS, stageNumbers } from "./stageNumbers.js";

/** @import { Explanation } from "../../lib/messages.js" */
/** @import { DrawnState, State } from "../../lib/types.js" */
/** @import { Diagram, DiagramEdge, DiagramNode, DiagramParts } from "./buildDiagram.js" */
/** @import { NodeNumbers, StageNumbers } from "./stageNumbers.js" */

/** @import { Box } from "./overlayParts.js" */

/** At most this many numbers on edges: the largest ones, so a big layer stays readable. */
const MAX_EDGE_LABELS = 24;
const LABEL_HEIGHT = 14;
/** Below this distance between columns, only the current neurons get their numbers. */
const CRAMPED_SPACING = 72;
const CHAR_WIDTH = 6.2; // of the 10 px monospace labels
/**
 * Where along an edge a label may sit, in the order tried. The edges into one
 * neuron spread out best in the middle; a whole layer's edges, near their targets,
 * where the labels of each neuron's incoming weights stack up in order.
 */
const ALONG = [0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8];
const ALONG_LAYER = [0.72, 0.8, 0.64, 0.56, 0.86, 0.48, 0.4, 0.3];

/**
 * @param {DiagramParts} parts the diagram's containers (svg, body)
 * @param {HTMLElement} root the .gn-net element
 * @returns {{ active: boolean, update(state: DrawnState, diagram: Diagram): void, destroy(): void }}
 */
export function createStepOverlay(parts, root) {
  const overlay = svg("g", { class: "gn-net-explain-edges" });
  const labels = h("div", { class: "gn-net-explain-labels", "aria-hidden": "true" });
  parts.body.append(labels);
  let active = false;
  /** @type {HTMLButtonElement[]} neuron buttons given an aria-description */
  let described = [];

  const reducedMotion = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;

  function clear(/** @type {Diagram} */ diagram) {
    overlay.replaceChildren();
    labels.replaceChildren();
    for (const button of described) button.removeAttribute("aria-description");
    described = [];
    if (diagram) {
      for (const edge of diagram.edges) edge.path.classList.remove("gn-edge-lit", "gn-edge-on-path", "gn-edge-asked");
      for (const node of diagram.nodes) node.wrap.classList.remove("gn-net-lit", "gn-net-current", "gn-net-on-path");
    }
    delete root.dataset.explainFocus;
    delete root.dataset.explainPath;
  }

  /**
   * Draw the step on screen, or nothing when the step-through is closed.
   * @param {DrawnState} state
   * @param {Diagram} diagram from buildDiagram (placed)
   */
  function update(state, diagram) {
    const e = state.explain;
    const explanation = e.open ? e.explanation : null;
    if (!explanation || !e.steps || !fits(explanation, state)) {
      if (active) clear(diagram);
      active = false;
      return;
    }
    active = true;
    clear(diagram);
    if (!overlay.isConnected) parts.svg.insertBefore(overlay, parts.svg.querySelector(".gn-net-hits"));
    const nodes = new Map(diagram.nodes.filter((n) => n.unit >= 0).map((n) => [`${n.a}:${n.unit}`, n]));
    const edges = new Map(diagram.edges.map((edge) => [`${edge.l}:${edge.i}:${edge.j}`, edge]));
    const step = e.steps[e.index];
    const lit = highlight(step, explanation);
    const stepEdges = [...lit.edges];
    const numbers = stageNumbers(step, { ...e, steps: e.steps }, explanation);
    lit.edges.push(...numbers.edges.map((n) => [n.l, n.i, n.j]));

    for (const [a, unit] of lit.nodes) nodes.get(`${a}:${unit}`)?.wrap.classList.add("gn-net-lit");
    if (step.unit !== undefined) nodes.get(`${(step.layer ?? 0) + 1}:${step.unit}`)?.wrap.classList.add("gn-net-current");
    for (const [l, i, j] of lit.edges) edges.get(`${l}:${i}:${j}`)?.path.classList.add("gn-edge-lit");
    if (lit.nodes.length || lit.edges.length) root.dataset.explainFocus = "true";

    const boxes = [];
    // A cramped diagram (a small window) keeps only the numbers of the neurons the step is about.
    const cramped = (diagram.layout?.spacing ?? 0) < CRAMPED_SPACING;
    const isLit = (/** @type {NodeNumbers} */ item) => lit.nodes.some(([a, unit]) => a === item.a && unit === item.unit);
    for (const item of cramped ? numbers.nodes.filter(isLit) : numbers.nodes) {
      const node = nodes.get(`${item.a}:${item.unit}`);
      if (node) boxes.push(nodeLabel(node, item, diagram));
    }
    drawEdges(numbers, edges, boxes, diagram);
    // Say what the numbers on the lines are, where they are: they are not the weights the legend names.
    if (EDGE_KEYS[numbers.kind]) labels.append(h("p", { class: "gn-net-edge-key", dataset: { kind: numbers.kind } }, EDGE_KEYS[numbers.kind]));
    if (!reducedMotion() && step.stage === "backward") {
      // The delta arrives from the layer after: dots run back along those edges.
      for (const [l, i, j] of stepEdges) {
        const edge = edges.get(`${l}:${i}:${j}`);
        if (edge) overlay.append(travellingDot(edge.path.getAttribute("d"), -1));
      }
    }
    drawPath(state, nodes, edges);
    const chain = e.chain;
    if (chain) edges.get(`${chain.layer}:${chain.source}:${chain.target}`)?.path.classList.add("gn-edge-asked");
  }

  /**
   * A neuron's numbers, under it (or right of it when the column is too tight), and for screen readers.
   * @param {DiagramNode} node
   * @param {NodeNumbers} item
   * @param {Diagram} diagram
   * @returns {Box} the room the label takes
   */
  function nodeLabel(node, item, diagram) {
    const box = h("div", { class: "gn-net-values", dataset: { a: node.a, unit: node.unit } },
      item.values.map((v) => h("span", {
        class: `gn-net-value gn-net-value-${v.kind}`,
        dataset: { kind: v.kind, a: node.a, unit: node.unit, value: String(v.value) },
      }, `${SYMBOLS[v.kind]} ${shownNumber(v)}`.trim())));
    const ys = diagram.layout?.columns[node.a].ys ?? [];
    const pitch = ys.length > 1 ? ys[1] - ys[0] : Infinity;
    const below = pitch - node.size >= LABEL_HEIGHT * item.values.length || node.kind === "feature";
    box.classList.toggle("gn-net-values-right", !below);
    box.style.left = `${Math.round(below ? node.x : node.x + node.size / 2 + 3)}px`;
    box.style.top = `${Math.round(below ? node.y + node.size / 2 + 3 : node.y)}px`;
    labels.append(box);
    node.button.setAttribute("aria-description",
      item.values.map((v) => `${WORDS[v.kind]} ${num(v.value)}`).join(", "));
    described.push(node.button);
    const width = Math.max(...item.values.map((v) => (num(v.value).length + 2) * CHAR_WIDTH + 8));
    return below
      ? rect(node.x - width / 2, node.y + node.size / 2 + 3, width, LABEL_HEIGHT * item.values.length)
      : rect(node.x + node.size / 2 + 3, node.y - LABEL_HEIGHT / 2, width, LABEL_HEIGHT);
  }

  /**
   * The stage's edges: coloured and sized by their number, with the biggest numbers as labels.
   * @param {StageNumbers} numbers
   * @param {Map<string, DiagramEdge>} edges by "l:i:j"
   * @param {Box[]} boxes the neurons' labels, which edge labels must not cover
   * @param {Diagram} diagram
   */
  function drawEdges(numbers, edges, boxes, diagram) {
    const taken = [...boxes, ...diagram.nodes.map((n) =>
      rect(n.x - n.size / 2, n.y - n.size / 2, n.size, n.size))];
    const shown = numbers.edges.flatMap((item) => {
      const edge = edges.get(`${item.l}:${item.i}:${item.j}`);
      return edge ? [{ ...item, edge }] : [];
    });
    const moving = !reducedMotion() && numbers.dots;
    for (const item of shown) {
      const d = item.edge.path.getAttribute("d");
      const where = { "data-layer": item.l, "data-source": item.i, "data-target": item.j };
      const value = item.drawn ?? item.value;
      const path = svg("path", {
        class: `gn-edge-explain gn-edge-${numbers.kind}`, d, ...where, "data-value": String(item.value),
        stroke: signedStep(value), "stroke-width": String(edgeWidth(value) + 0.5),
      });
      overlay.append(path);
      if (moving) overlay.append(travellingDot(d, 1));
    }
    // Labels: biggest first, each where it covers no other label or neuron; the rest go without.
    const byMagnitude = [...shown].sort((x, y) => Math.abs(y.value) - Math.abs(x.value));
    let placed = 0;
    for (const item of byMagnitude) {
      if (placed >= MAX_EDGE_LABELS) break;
      const text = numbers.kind === "change" ? signed(item.value) : num(item.value);
      const width = text.length * CHAR_WIDTH + 8;
      const spot = (numbers.kind === "change" ? ALONG_LAYER : ALONG).map((t) => pointOn(item.edge, t))
        .map(([x, y]) => rect(x - width / 2, y - LABEL_HEIGHT / 2, width, LABEL_HEIGHT))
        .find((r) => !taken.some((o) => overlaps(r, o)));
      if (!spot) continue;
      taken.push(spot);
      placed += 1;
      labels.append(h("span", {
        class: `gn-net-edge-value gn-net-edge-${numbers.kind}`,
        dataset: { kind: numbers.kind, layer: item.l, source: item.i, target: item.j, value: String(item.value) },
        style: { left: `${Math.round(spot.left)}px`, top: `${Math.round(spot.top)}px` },
        title: `${EDGE_WORDS[numbers.kind]}: ${num(item.value, 6)}`,
      }, text));
    }
  }

  /**
   * The chain-rule path the step-through points at: its edges and neurons, strongly.
   * @param {State} state
   * @param {Map<string, DiagramNode>} nodes by "a:unit"
   * @param {Map<string, DiagramEdge>} edges by "l:i:j"
   */
  function drawPath(state, nodes, edges) {
    const path = state.explain.hoverPath;
    if (!path || !Array.isArray(path.units) || path.units.length === 0) return;
    root.dataset.explainPath = "true";
    const { layer, units } = path;
    const chain = state.explain.chain;
    const source = path.source ?? (chain && chain.layer === layer && chain.target === units[0] ? chain.source : null);
    const pathEdges = [];
    if (source !== null && source !== undefined) pathEdges.push([layer, source, units[0]]);
    for (let k = 1; k < units.length; k++) pathEdges.push([layer + k, units[k - 1], units[k]]);
    const pathNodes = units.map((unit, k) => [layer + 1 + k, unit]);
    if (source !== null && source !== undefined) pathNodes.unshift([layer, source]);
    for (const [a, unit] of pathNodes) nodes.get(`${a}:${unit}`)?.wrap.classList.add("gn-net-on-path");
    for (const [l, i, j] of pathEdges) {
      const edge = edges.get(`${l}:${i}:${j}`);
      if (!edge) continue;
      edge.path.classList.add("gn-edge-on-path");
      overlay.append(svg("path", {
        class: "gn-edge-path", d: edge.path.getAttribute("d"), "data-layer": l, "data-source": i, "data-target": j,
      }));
    }
  }

  return {
    update,
    /** Whether anything of a step is drawn (so closing the step-through clears it). */
    get active() {
      return active;
    },
    destroy() {
      overlay.remove();
      labels.remove();
    },
  };
}

/**
 * The symbols before each number under a neuron.
 * @type {Record<NodeNumbers["values"][number]["kind"], string>}
 */
const SYMBOLS = { input: "", a: "a", delta: "δ", target: "target" };
/** @type {Record<NodeNumbers["values"][number]["kind"], string>} */
const WORDS = { input: "input", a: "output a", delta: "delta δ", target: "target" };
/** @type {Record<StageNumbers["kind"], string>} */
const EDGE_WORDS = {
  "": "",
  contribution: "input × weight",
  gradient: "gradient dL/dw",
  change: "change of the weight",
};

/**
 * Whether the explanation is about the network on screen (not one since changed).
 * @param {Explanation} explanation
 * @param {DrawnState} state
 */
function fits(explanation, state) {
  return String(explanation.layer_sizes) === String(state.frame.network.layer_sizes);
}

/**
 * A number under a neuron: targets are often whole (0, 1, -1) and read best so.
 * @param {{ kind: string, value: number }} v
 */
function shownNumber(v) {
  return v.kind === "target" && Number.isInteger(v.value) ? String(v.value) : num(v.value);
}

/**
 * A change with its sign: "+0.00123", "-0.0456".
 * @param {number} v
 */
function signed(v) {
  return v > 0 ? `+${num(v)}` : num(v);
}
