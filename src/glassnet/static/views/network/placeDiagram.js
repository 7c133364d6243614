// @ts-check
/**
 * Placing the network diagram's elements for a size: each neuron, edge and
 * heading goes where layoutNetwork.js says. It runs when the diagram is built
 * and when the space changes size, never on a training frame.
 */

import { edgePath, layoutNetwork } from "./layoutNetwork.js";
import { pixelRatio } from "../../lib/dom.js";

/** @import { Diagram, DiagramNode, DiagramParts } from "./buildDiagram.js" */

/** @typedef {{ features: number, layers: number, output: number }} HeadingWidths */

/**
 * Put every element where it belongs for a stage of this size.
 * @param {Diagram} diagram from buildDiagram
 * @param {DiagramParts} parts the containers
 * @param {number} width the width available
 * @param {number} height the height of the neuron area
 * @param {HeadingWidths} headings the headings' widths, from headingWidths(diagram), read with the sizes
 */
export function placeDiagram(diagram, parts, width, height, headings) {
  const counts = diagram.columns.map((c) => c.length);
  const layout = layoutNetwork({ width, height, counts, right: diagram.outputLabelRoom, left: diagram.inputLabelRoom });
  diagram.layout = layout;
  parts.stage.style.width = `${Math.round(layout.width)}px`;
  parts.svg.setAttribute("width", String(Math.round(layout.width)));
  parts.svg.setAttribute("height", String(Math.round(height)));
  const dpr = pixelRatio(parts.stage);

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
  // Too many features to name each one: only the map's two inputs keep their names (paintFrame.js).
  const features = layout.columns[0];
  const pitch = features.ys.length > 1 ? features.ys[1] - features.ys[0] : Infinity;
  parts.nodes.classList.toggle("gn-net-crowded", pitch < 14);
  for (const edge of diagram.edges) {
    const a = edge.from.kind === "feature" ? 0 : edge.from.a;
    const d = edgePath(layout.columns[a], columnRow(diagram, edge.from), layout.columns[a + 1], edge.j);
    edge.path.setAttribute("d", d);
    edge.hit.setAttribute("d", d);
  }

  // Headings: features over the first column, output over the last, layers between.
  const cols = layout.columns;
  const last = cols[cols.length - 1].x;
  const featuresHeading = { x: Math.max(cols[0].x, 44), width: headings.features };
  const outputHeading = { x: Math.min(last, layout.width - 30), width: headings.output };
  const hidden = cols.slice(1, -1);
  const mid = hidden.length ? (hidden[0].x + hidden[hidden.length - 1].x) / 2 : (cols[0].x + last) / 2;
  const layersHeading = { x: mid, width: headings.layers };
  setCentre(diagram.featuresHeading, featuresHeading.x);
  setCentre(diagram.outputHeading, outputHeading.x);
  setCentre(diagram.layersHeading, layersHeading.x);
  diagram.layers.forEach((layer, k) => {
    setCentre(layer.wrap, hidden[k].x);
    layer.wrap.style.width = `${Math.round(Math.min(120, layout.spacing - 6))}px`;
    layer.wrap.classList.toggle("gn-net-narrow", layout.spacing < 80);
  });
  // When the headings would overlap, the layers heading takes a row of its own.
  // Each heading is centred on its x, so its edges are x ± width / 2.
  const left = (/** @type {{x: number, width: number}} */ h) => h.x - h.width / 2;
  const right = (/** @type {{x: number, width: number}} */ h) => h.x + h.width / 2;
  const overlap =
    left(layersHeading) < right(featuresHeading) + 4 || right(layersHeading) > left(outputHeading) - 4;
  parts.head.classList.toggle("gn-net-head-stacked", overlap);
}

/**
 * The widths of the three headings, read before placeDiagram moves anything:
 * with every size read first, the browser lays the page out once per placing,
 * instead of again after each move.
 * @param {Diagram} diagram
 * @returns {HeadingWidths}
 */
export function headingWidths(diagram) {
  return {
    features: diagram.featuresHeading.offsetWidth,
    layers: diagram.layersHeading.offsetWidth,
    output: diagram.outputHeading.offsetWidth,
  };
}

/**
 * @param {HTMLElement} el
 * @param {number} x
 */
function setCentre(el, x) {
  el.style.left = `${Math.round(x)}px`;
}

/** The row of a node in its column (features keep their catalog row, on or off). */
/**
 * @param {Diagram} diagram
 * @param {DiagramNode} node
 */
function columnRow(diagram, node) {
  return node.kind === "feature" ? diagram.columns[0].indexOf(node) : node.unit;
}
