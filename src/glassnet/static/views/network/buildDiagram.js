// @ts-check
/**
 * Building the network diagram's elements for one architecture.
 *
 * buildDiagram makes every element once (headings, layer controls, feature
 * buttons, neuron buttons with their canvases and bias squares, the edges);
 * placeDiagram.js moves them to where layoutNetwork.js says, for a size. The
 * per-frame work (colours, canvases) is in paintFrame.js; nothing here runs
 * while training unless the layers, features or the data's shape change.
 */

import { classColor } from "../../lib/colors.js";
import { h } from "../../lib/dom.js";
import { PLAYGROUND_FEATURE_KEYS, columnFeatures } from "../../lib/features.js";
import { colorOfNeuron } from "../../lib/heatmap.js";
import { classLabel } from "../../lib/format.js";
import { buildHeadings } from "./buildHeadings.js";
import { LEFT_LABELS } from "./layoutNetwork.js";

/** @import { ColorOf } from "../../lib/heatmap.js" */
/** @import { Layout } from "./layoutNetwork.js" */

/** @import { Catalog, Frame } from "../../lib/messages.js" */
/** @import { DrawnState, Grid, State } from "../../lib/types.js" */

/**
 * @typedef {object} DiagramNode
 * @property {"feature" | "neuron"} kind
 * @property {number} a which of state.grid.values holds its outputs (0 = features)
 * @property {number} unit its index in that layer (-1 for a feature that is off)
 * @property {string} name its accessible name ("Neuron 2 of layer 1", "Feature x₁")
 * @property {string} short how sentences name it ("neuron 2 of layer 1", "x₁")
 * @property {string} activation its layer's activation ("" for features)
 * @property {HTMLElement} wrap
 * @property {HTMLButtonElement} button
 * @property {HTMLCanvasElement} canvas
 * @property {HTMLButtonElement} [bias]
 * @property {HTMLElement} [swatch] the coloured square inside the bias button
 * @property {HTMLElement} [bar] its value at the chosen point (data with more than two inputs)
 * @property {HTMLElement} [label] the text next to a feature or a class output
 * @property {string} [feature] a feature's name
 * @property {boolean} [disabled] a feature this data cannot have
 * @property {ColorOf} [colorOf] how its values become colours
 * @property {number} index its place in diagram.nodes (data-node)
 * @property {number} x where placeDiagram put its centre (0 until it is placed)
 * @property {number} y
 * @property {number} size its width and height
 * @property {string} [biasColor] the bias square's colour now (paintFrame.js)
 * @property {{ colors: Uint32Array, low: number, high: number }} [table] its colours, ready to copy
 * @property {ImageData} [image] its picture's pixels, kept between frames
 * @property {Uint32Array} [pixels] the same pixels, one number each
 * @property {CanvasRenderingContext2D} [context]
 */

/**
 * @typedef {object} DiagramEdge
 * @property {number} l the layer of weights (index into state.layers)
 * @property {number} i the source neuron (for l = 0, the index among the active features)
 * @property {number} j the target neuron
 * @property {DiagramNode} from
 * @property {DiagramNode} to
 * @property {SVGPathElement} path what is seen
 * @property {SVGPathElement} hit a wide invisible twin that is easy to point at
 * @property {string} color its stroke now
 * @property {number} width its stroke width now
 */

/**
 * A hidden or output neuron: it has a colour scale and a bias square.
 * @typedef {DiagramNode & { colorOf: ColorOf, swatch: HTMLElement, bias: HTMLButtonElement }} NeuronNode
 */

/**
 * The controls of one hidden layer, above its column.
 * @typedef {{ wrap: HTMLElement, minus: HTMLButtonElement, plus: HTMLButtonElement, select: HTMLSelectElement, count: number }} LayerControls
 */

/**
 * The diagram's containers (network.js makes them once).
 * @typedef {object} DiagramParts
 * @property {HTMLElement} head the headings' row
 * @property {HTMLElement} layers the row of layer controls
 * @property {SVGSVGElement} svg the edges
 * @property {HTMLElement} nodes the neurons
 * @property {HTMLElement} body the svg and the neurons
 * @property {HTMLElement} stage everything, as wide as the layout
 */

/**
 * What the layer controls do (network.js).
 * @typedef {object} LayerActions
 * @property {() => void} addLayer
 * @property {() => void} removeLayer
 * @property {(layer: number) => void} addNeuron layer counts hidden layers from 1
 * @property {(layer: number) => void} removeNeuron
 * @property {(layer: number, activation: string) => void} setActivation
 */

/**
 * Every element of the diagram for one architecture.
 * @typedef {object} Diagram
 * @property {DiagramNode[]} nodes every node, features first
 * @property {DiagramNode[][]} columns the features (on or off), then each layer's neurons
 * @property {DiagramNode[]} inputs the features the network gets, in its order
 * @property {NeuronNode[]} neurons every neuron with a bias (hidden and output)
 * @property {DiagramEdge[]} edges
 * @property {LayerControls[]} layers
 * @property {boolean} oneD the data has one input
 * @property {boolean} softmax the output is a softmax
 * @property {HTMLElement} featuresHeading
 * @property {HTMLElement} layersHeading
 * @property {HTMLElement} outputHeading
 * @property {HTMLButtonElement} addLayer
 * @property {HTMLButtonElement} removeLayer
 * @property {number} outputLabelRoom room right of the output column for class names
 * @property {number} inputLabelRoom room left of the feature column for their names
 * @property {boolean} bars each neuron shows its value at the chosen point (data with more than two inputs)
 * @property {string} sliceKey the slice the feature pictures show (paintFrame.js; "" for none)
 * @property {Layout | null} layout where placeDiagram put things
 * @property {string} key the architecture it was built for (network.js)
 */

/** A diagram's nodes and edges, while they are being made. @typedef {Pick<Diagram, "nodes" | "columns" | "inputs" | "neurons" | "edges" | "oneD" | "softmax">} Drawn */

/**
 * Make every element of the diagram for the network in `state.frame`.
 * @param {DiagramParts} parts
 * @param {State & { catalog: Catalog, frame: Frame, grid: Grid }} state
 * @param {LayerActions} actions
 * @returns {Diagram}
 */
export function buildDiagram(parts, state, actions) {
  const { catalog, frame, data, grid } = state;
  const net = frame.network;
  const sizes = net.layer_sizes;
  const hiddenSizes = sizes.slice(1, -1);
  const outActivation = net.activations[net.activations.length - 1];
  const softmax = outActivation === "softmax";
  const classNames = data?.class_names || [];
  const oneD = grid.oneD;
  const many = net.n_raw_inputs > 2; // then each input is named by the data, and neurons get bars
  /** @type {Drawn} */
  const diagram = { nodes: [], columns: [], inputs: [], neurons: [], edges: [], oneD, softmax };

  // The features: every one the catalog offers (and each input of data with more), on or off.
  const featureColumn = columnFeatures(catalog, net.n_raw_inputs).map((f) => {
    const unit = net.features.indexOf(f.name);
    const disabled = oneD && f.needs.includes("x2");
    const input = many && /^x[0-9]+$/.test(f.name) ? Number(f.name.slice(1)) - 1 : -1;
    const named = input >= 0 && data?.input_names[input] ? data.input_names[input] : "";
    const node = makeNode(diagram, {
      kind: "feature", a: 0, unit, name: `Feature ${f.label}${named ? ` (${named})` : ""}`,
      short: named ? `${f.label} (${named})` : f.label, activation: "", feature: f.name, disabled,
    });
    node.button.setAttribute("aria-pressed", String(unit >= 0));
    if (disabled) {
      node.button.setAttribute("aria-disabled", "true");
      node.button.title = `${f.label} needs x₂, and this data has only x₁.`;
    }
    node.wrap.classList.toggle("gn-net-off", unit < 0);
    if (input >= 0) node.wrap.dataset.input = String(input);
    // For hide keys: y_hide=true hides this feature, featuresPanel_hide=true all of them.
    const key = PLAYGROUND_FEATURE_KEYS[f.name];
    node.wrap.dataset.control = key ? `${key} featuresPanel` : "featuresPanel";
    node.label = h("span", { class: "gn-net-feature-label", "aria-hidden": "true", title: named || undefined }, named || f.label);
    node.wrap.append(node.label);
    if (unit >= 0) diagram.inputs[unit] = node;
    return node;
  });
  diagram.columns.push(featureColumn);

  // Hidden layers, then the output layer.
  sizes.slice(1).forEach((count, l) => {
    const a = l + 1;
    const output = a === sizes.length - 1;
    const activation = net.activations[l];
    /** @type {DiagramNode[]} */
    const column = [];
    for (let j = 0; j < count; j++) {
      const className = String(classNames[j] ?? j);
      const swatch = h("span", { class: "gn-net-bias-swatch" });
      let name = `Neuron ${j + 1} of layer ${a}`;
      let short = `neuron ${j + 1} of layer ${a}`;
      if (output) {
        name = softmax ? `Output: class ${className}` : "Output neuron";
        short = softmax ? `the output for class ${className}` : "the output neuron";
      }
      const plain = makeNode(diagram, { kind: "neuron", a, unit: j, name, short, activation });
      const bias = h("button", {
        type: "button",
        class: "gn-net-bias",
        "aria-label": `Bias of ${short}`,
        dataset: { node: plain.index, role: "bias" },
      }, swatch);
      const node = Object.assign(plain, { colorOf: colorOfNeuron(activation, j), swatch, bias });
      node.wrap.append(bias);
      if (many) {
        node.bar = h("span", { class: "gn-net-bar", "aria-hidden": "true" }, h("span", { class: "gn-net-bar-fill" }));
        node.wrap.append(node.bar);
      }
      if (output && softmax) {
        node.label = h("span", { class: "gn-net-class-label" },
          h("span", { class: "gn-net-class-swatch", style: { background: classColor(j) } }),
          classLabel(className)); // as the output map says it
        node.wrap.append(node.label);
      }
      diagram.neurons.push(node);
      column.push(node);
    }
    diagram.columns.push(column);
  });

  // Edges: from every active input of a layer to every neuron of the next.
  /** @type {SVGPathElement[]} */
  const visible = [];
  /** @type {SVGPathElement[]} */
  const hits = [];
  for (let l = 0; l < sizes.length - 1; l++) {
    const sources = l === 0 ? diagram.inputs : diagram.columns[l];
    const targets = diagram.columns[l + 1];
    sources.forEach((from, i) => {
      targets.forEach((to, j) => {
        const index = diagram.edges.length;
        const where = { "data-layer": l, "data-source": i, "data-target": j };
        const path = h("path", { class: "gn-edge", ...where });
        const hit = h("path", { class: "gn-edge-hit", "data-edge": index, ...where });
        diagram.edges.push({ l, i, j, from, to, path, hit, color: "", width: 0 });
        visible.push(path);
        hits.push(hit);
      });
    });
  }
  parts.svg.replaceChildren(h("g", { class: "gn-net-edges" }, visible), h("g", { class: "gn-net-hits" }, hits));
  parts.nodes.replaceChildren(...diagram.nodes.map((n) => n.wrap));

  const headings = buildHeadings(parts, hiddenSizes, state, actions);
  // Room right of the output column for the class names (about 7 px a letter).
  const outputs = diagram.columns[diagram.columns.length - 1];
  const longest = Math.max(1, ...outputs.map((node) => node.label?.textContent?.length ?? 0));
  const outputLabelRoom = softmax ? Math.min(96, 26 + 7 * longest) : 12;
  // Room left of the features for their names: x₁ needs little, an input's own name more.
  const widest = Math.max(0, ...featureColumn.map((node) => node.label?.textContent?.length ?? 0));
  const inputLabelRoom = many ? Math.max(LEFT_LABELS, Math.min(90, 12 + 6.5 * widest)) : LEFT_LABELS;
  return { ...diagram, ...headings, outputLabelRoom, inputLabelRoom, bars: many, sliceKey: "", layout: null, key: "" };
}

/**
 * Make a node's elements, and add it to the diagram.
 * @param {Drawn} diagram
 * @param {Pick<DiagramNode, "kind" | "a" | "unit" | "name" | "short" | "activation" | "feature" | "disabled">} fields
 * @returns {DiagramNode}
 */
function makeNode(diagram, fields) {
  const index = diagram.nodes.length;
  const canvas = h("canvas", { class: "gn-net-canvas", width: 1, height: 1, "aria-hidden": "true" });
  const button = h("button", {
    type: "button",
    class: `gn-net-${fields.kind}`,
    "aria-label": fields.name,
    dataset: { node: index, role: fields.kind },
  }, canvas);
  const wrap = h("div", { class: "gn-net-node", dataset: { a: fields.a, unit: fields.unit } }, button);
  const node = { ...fields, index, wrap, button, canvas, x: 0, y: 0, size: 0 };
  diagram.nodes.push(node);
  return node;
}

/** What a diagram is built for: when it changes, the diagram is built anew. */
export function architectureKey(/** @type {DrawnState} */ state) {
  const net = state.frame.network;
  return JSON.stringify([
    net.layer_sizes, net.activations, net.features, state.grid.oneD, state.grid.resolution,
    state.data?.class_names ?? null, state.catalog.features.length, net.n_raw_inputs,
    net.n_raw_inputs > 2 ? state.data?.input_names : null,
  ]);
}

