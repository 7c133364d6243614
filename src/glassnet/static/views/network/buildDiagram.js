/**
 * Building and placing the network diagram's elements for one architecture.
 *
 * buildDiagram makes every element once (headings, layer controls, feature
 * buttons, neuron buttons with their canvases and bias squares, the edges),
 * and placeDiagram moves them to where networkLayout.js says, for a size. The
 * per-frame work (colours, canvases) is in networkPaint.js; nothing here runs
 * while training unless the layers, features or the page size change.
 */

import { classColor } from "../../lib/colors.js";
import { h } from "../../lib/dom.js";
import { PLAYGROUND_FEATURE_KEYS } from "../../lib/features.js";
import { helpButton } from "../../lib/help.js";
import { colorOfNeuron } from "../../lib/heatmap.js";
import { edgePath, LEFT_LABELS, layoutNetwork } from "./layoutNetwork.js";

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
 * @property {HTMLElement} [label] the text next to a feature or a class output
 * @property {string} [feature] a feature's name
 * @property {boolean} [disabled] a feature this data cannot have
 * @property {(v: number, out: number[]) => number[]} [colorOf]
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
 */

/**
 * Make every element of the diagram for the network in `state.frame`.
 * @param {object} parts the containers: head, layers, body, svg, nodes
 * @param {object} state the state
 * @param {object} actions callbacks for the layer controls: addLayer, removeLayer,
 *   addNeuron(n), removeNeuron(n), setActivation(n, name)
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
  const diagram = { nodes: [], columns: [], inputs: [], neurons: [], edges: [], layers: [], oneD, softmax };

  // The features: every one the catalog offers, on or off.
  const featureColumn = catalog.features.map((f) => {
    const unit = net.features.indexOf(f.name);
    const disabled = oneD && f.needs.includes("x2");
    const node = makeNode(diagram, {
      kind: "feature", a: 0, unit, name: `Feature ${f.label}`, short: f.label, activation: "",
      feature: f.name, disabled,
    });
    node.button.setAttribute("aria-pressed", String(unit >= 0));
    if (disabled) {
      node.button.setAttribute("aria-disabled", "true");
      node.button.title = `${f.label} needs x₂, and this data has only x₁.`;
    }
    node.wrap.classList.toggle("gn-net-off", unit < 0);
    // For hide keys: y_hide=true hides this feature, featuresPanel_hide=true all of them.
    node.wrap.dataset.control = `${PLAYGROUND_FEATURE_KEYS[f.name]} featuresPanel`;
    node.label = h("span", { class: "gn-net-feature-label", "aria-hidden": "true" }, f.label);
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
    const column = [];
    for (let j = 0; j < count; j++) {
      const className = String(classNames[j] ?? j);
      let name = `Neuron ${j + 1} of layer ${a}`;
      let short = `neuron ${j + 1} of layer ${a}`;
      if (output) {
        name = softmax ? `Output: class ${className}` : "Output neuron";
        short = softmax ? `the output for class ${className}` : "the output neuron";
      }
      const node = makeNode(diagram, { kind: "neuron", a, unit: j, name, short, activation });
      node.colorOf = colorOfNeuron(activation, j);
      node.swatch = h("span", { class: "gn-net-bias-swatch" });
      node.bias = h("button", {
        type: "button",
        class: "gn-net-bias",
        "aria-label": `Bias of ${short}`,
        dataset: { node: node.index, role: "bias" },
      }, node.swatch);
      node.wrap.append(node.bias);
      if (output && softmax) {
        node.label = h("span", { class: "gn-net-class-label" },
          h("span", { class: "gn-net-class-swatch", style: { background: classColor(j) } }),
          /^\d+$/.test(className) ? `class ${className}` : className); // as the output map says it
        node.wrap.append(node.label);
      }
      diagram.neurons.push(node);
      column.push(node);
    }
    diagram.columns.push(column);
  });

  // Edges: from every active input of a layer to every neuron of the next.
  const visible = [];
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

  buildHeadings(parts, diagram, hiddenSizes, state, actions);
  // Room right of the output column for the class names (about 7 px a letter).
  const longest = Math.max(1, ...diagram.columns.at(-1).map((node) => node.label?.textContent.length ?? 0));
  diagram.outputLabelRoom = softmax ? Math.min(96, 26 + 7 * longest) : 12;
  return diagram;
}

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
  const node = { ...fields, index, wrap, button, canvas };
  diagram.nodes.push(node);
  return node;
}

function buildHeadings(parts, diagram, hiddenSizes, state, actions) {
  const n = hiddenSizes.length;
  diagram.featuresHeading = h("div", { class: "gn-net-heading", dataset: { control: "featuresPanel" } },
    h("span", { class: "gn-heading" }, "Features"), helpButton("features", "Features"));
  diagram.addLayer = roundButton("Add layer", "+", actions.addLayer);
  diagram.removeLayer = roundButton("Remove layer", "−", actions.removeLayer);
  diagram.layersHeading = h("div", { class: "gn-net-heading gn-net-heading-layers" },
    diagram.removeLayer, diagram.addLayer,
    h("span", { class: "gn-heading gn-net-layer-count", dataset: { count: n } }, plural(n, "hidden layer")),
    helpButton("layers", "Hidden layers"));
  diagram.outputHeading = h("div", { class: "gn-net-heading" }, h("span", { class: "gn-heading" }, "Output"));
  parts.head.replaceChildren(diagram.featuresHeading, diagram.layersHeading, diagram.outputHeading);

  const choices = state.catalog.activations.filter((act) => act.hidden);
  diagram.layers = hiddenSizes.map((count, k) => {
    const layer = k + 1;
    const minus = roundButton(`Remove neuron from layer ${layer}`, "−", () => actions.removeNeuron(layer));
    const plus = roundButton(`Add neuron to layer ${layer}`, "+", () => actions.addNeuron(layer));
    minus.classList.add("gn-net-small");
    plus.classList.add("gn-net-small");
    const options = choices.map((act) => h("option", { value: act.name }, act.label));
    const select = h("select", {
      class: "gn-select gn-net-activation",
      "aria-label": `Activation of layer ${layer}`,
    }, options);
    select.value = state.frame.network.activations[k];
    select.addEventListener("change", () => actions.setActivation(layer, select.value));
    // In narrow columns only the number shows; the word stays for screen readers.
    const title = `${plural(count, "neuron")} in layer ${layer}`;
    const countEl = h("div", { class: "gn-net-count", dataset: { count }, title },
      h("span", { class: "gn-net-count-number" }, String(count)),
      h("span", { class: "gn-net-count-unit" }, count === 1 ? " neuron" : " neurons"),
      k === 0 ? helpButton("neurons", "Neurons") : null);
    const wrap = h("div", { class: "gn-net-layer", dataset: { layer } },
      h("div", { class: "gn-net-layer-buttons" }, minus, plus), countEl, select);
    return { wrap, minus, plus, select, count };
  });
  parts.layers.replaceChildren(...diagram.layers.map((layer) => layer.wrap));
  parts.layers.hidden = n === 0;
}

/**
 * Put every element where it belongs for a stage of this size.
 * @param {object} diagram from buildDiagram
 * @param {object} parts the containers
 * @param {number} width the width available
 * @param {number} height the height of the neuron area
 */
export function placeDiagram(diagram, parts, width, height) {
  const counts = diagram.columns.map((c) => c.length);
  const layout = layoutNetwork({ width, height, counts, right: diagram.outputLabelRoom });
  diagram.layout = layout;
  parts.stage.style.width = `${Math.round(layout.width)}px`;
  parts.svg.setAttribute("width", String(Math.round(layout.width)));
  parts.svg.setAttribute("height", String(Math.round(height)));
  const dpr = window.devicePixelRatio || 1;

  diagram.columns.forEach((column, c) => {
    const { x, size, ys } = layout.columns[c];
    column.forEach((node, j) => {
      node.x = x;
      node.y = ys[j];
      node.size = size;
      const style = node.wrap.style;
      style.left = `${Math.round(x - size / 2)}px`;
      style.top = `${Math.round(ys[j] - size / 2)}px`;
      style.width = style.height = `${size}px`;
      node.wrap.style.setProperty("--gn-bias", `${Math.max(5, Math.min(10, Math.round(size * 0.24)))}px`);
      if (diagram.oneD) {
        const pixels = Math.round(size * dpr);
        if (node.canvas.width !== pixels) node.canvas.width = node.canvas.height = pixels;
      }
    });
  });
  for (const edge of diagram.edges) {
    const a = edge.from.kind === "feature" ? 0 : edge.from.a;
    const d = edgePath(layout.columns[a], columnRow(diagram, edge.from), layout.columns[a + 1], edge.j);
    edge.path.setAttribute("d", d);
    edge.hit.setAttribute("d", d);
  }

  // Headings: features over the first column, output over the last, layers between.
  const cols = layout.columns;
  const last = cols[cols.length - 1].x;
  setCentre(diagram.featuresHeading, Math.max(cols[0].x, 44));
  setCentre(diagram.outputHeading, Math.min(last, layout.width - 30));
  const hidden = cols.slice(1, -1);
  const mid = hidden.length ? (hidden[0].x + hidden[hidden.length - 1].x) / 2 : (cols[0].x + last) / 2;
  setCentre(diagram.layersHeading, mid);
  diagram.layers.forEach((layer, k) => {
    setCentre(layer.wrap, hidden[k].x);
    layer.wrap.style.width = `${Math.round(Math.min(120, layout.spacing - 6))}px`;
    layer.wrap.classList.toggle("gn-net-narrow", layout.spacing < 80);
  });
  // When the headings would overlap, the layers heading takes a row of its own.
  parts.head.classList.remove("gn-net-head-stacked");
  const f = diagram.featuresHeading.getBoundingClientRect();
  const m = diagram.layersHeading.getBoundingClientRect();
  const o = diagram.outputHeading.getBoundingClientRect();
  parts.head.classList.toggle("gn-net-head-stacked", m.left < f.right + 4 || m.right > o.left - 4);
}

function roundButton(label, text, onclick) {
  const control = "numHiddenLayers"; // hidden by the hide key numHiddenLayers_hide
  return h("button", { type: "button", class: "gn-round", "aria-label": label, onclick, dataset: { control } }, text);
}

/** "1 neuron", "4 neurons" */
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function setCentre(el, x) {
  el.style.left = `${Math.round(x)}px`;
}

/** The row of a node in its column (features keep their catalog row, on or off). */
function columnRow(diagram, node) {
  return node.kind === "feature" ? diagram.columns[0].indexOf(node) : node.unit;
}
