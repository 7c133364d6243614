// @ts-check
/**
 * Typing new numbers into the network: one weight (a click on a line), one
 * bias (a click on its square), or a neuron's whole card (its bias and every
 * weight coming in). The editor (editor.js) sends only what was typed or
 * dragged, as the commands set_weight and set_bias.
 */

import { activationText, biasOf, sourcesOf, SUM, weightOf } from "./nodeInfo.js";
import { anchorOf } from "./tip.js";

/** @import { DrawnState, ViewApi } from "../../lib/types.js" */
/** @import { Diagram, DiagramEdge, DiagramNode } from "./buildDiagram.js" */
/** @import { EditorRow, createEditor } from "./editor.js" */

/**
 * @param {HTMLElement} root the diagram's root, where the editor opens
 * @param {ReturnType<typeof createEditor>} editor
 * @param {ViewApi} api
 */
export function createWeightEditing(root, editor, api) {
  // The editor is open only on a drawn network; its rows read the numbers now, every frame.
  const state = () => /** @type {DrawnState} */ (api.state);

  /**
   * @param {DiagramEdge} edge
   * @param {string} label
   * @returns {EditorRow}
   */
  function weightRow(edge, label) {
    return {
      label,
      name: `Weight from ${edge.from.short} to ${edge.to.short}`,
      read: () => weightOf(edge, state()),
      apply: (value) => api.command("set_weight", { layer: edge.l, source: edge.i, target: edge.j, value }),
      drag: (value, drag) => api.command("set_weight", { layer: edge.l, source: edge.i, target: edge.j, value, drag }),
    };
  }

  /**
   * @param {DiagramNode} node
   * @param {string} label
   * @returns {EditorRow}
   */
  function biasRow(node, label) {
    return {
      label,
      name: `Bias of ${node.short}`,
      read: () => biasOf(node, state()),
      apply: (value) => api.command("set_bias", { layer: node.a - 1, unit: node.unit, value }),
      drag: (value, drag) => api.command("set_bias", { layer: node.a - 1, unit: node.unit, value, drag }),
    };
  }

  return {
    /**
     * @param {DiagramEdge} edge
     * @param {{ x: number, y: number }} point where the line was clicked
     */
    weight(edge, point) {
      editor.open({
        title: `Weight from ${edge.from.short} to ${edge.to.short}`,
        rows: [weightRow(edge, "Weight")],
        anchor: anchorOf(root, point),
        opener: null,
      });
    },
    /**
     * @param {DiagramNode} node
     * @param {HTMLElement} el its bias square
     */
    bias(node, el) {
      const title = `Bias of ${node.short}`;
      editor.open({ title, rows: [biasRow(node, "Bias")], anchor: anchorOf(root, el), opener: el });
    },
    /**
     * @param {DiagramNode} node
     * @param {HTMLElement} el its button
     * @param {Diagram} diagram
     */
    card(node, el, diagram) {
      const edges = diagram.edges.filter((e) => e.to === node);
      const sources = sourcesOf(node, diagram);
      editor.open({
        title: node.name,
        note: [activationText(node, state()), SUM],
        rows: [biasRow(node, "Bias"), ...sources.map((s, i) => weightRow(edges[i], `from ${s.short}`))],
        anchor: anchorOf(root, el),
        opener: el,
      });
    },
  };
}
