// @ts-check
/**
 * What the network diagram's controls change: hidden layers, neurons, a layer's
 * activation, and which features the network gets. Each becomes new settings;
 * the session checks them and answers with the settings in force.
 */

import { showValue } from "../../lib/dom.js";
import { columnFeatures } from "../../lib/features.js";

/** @import { Settings } from "../../lib/messages.js" */
/** @import { DrawnState, ViewApi } from "../../lib/types.js" */
/** @import { Diagram, DiagramNode, LayerActions } from "./buildDiagram.js" */

/**
 * The layers as the settings have them now (they run ahead of the frame after a click).
 * @param {Settings} settings
 * @returns {{ hidden: number[], activations: string[] }} copies, to change freely
 */
export function currentLayers(settings) {
  return { hidden: [...(settings.hidden_layers || [])], activations: [...(settings.activations || [])] };
}

/**
 * @param {ViewApi} api
 * @returns {LayerActions & { toggleFeature(node: DiagramNode): void }}
 */
export function layerActions(api) {
  const current = () => currentLayers(api.state.settings);

  /**
   * @param {number[]} hidden
   * @param {string[]} activations
   */
  function changeLayers(hidden, activations) {
    api.setSettings({ hidden_layers: hidden, activations });
  }

  return {
    addLayer() {
      // A new layer copies the last one: its size and its activation.
      const { hidden, activations } = current();
      const defaults = api.state.catalog?.settings.find((s) => s.name === "activations")?.default;
      const fallback = Array.isArray(defaults) ? defaults[0] : undefined;
      const activation = activations[activations.length - 1] ?? fallback ?? "tanh";
      changeLayers([...hidden, hidden[hidden.length - 1] ?? 4], [...activations, activation]);
    },
    removeLayer() {
      const { hidden, activations } = current();
      changeLayers(hidden.slice(0, -1), activations.slice(0, -1));
    },
    addNeuron(layer) {
      const { hidden, activations } = current();
      hidden[layer - 1] += 1;
      changeLayers(hidden, activations);
    },
    removeNeuron(layer) {
      const { hidden, activations } = current();
      hidden[layer - 1] -= 1;
      changeLayers(hidden, activations);
    },
    setActivation(layer, name) {
      const { activations } = current();
      activations[layer - 1] = name;
      api.setSettings({ activations });
    },
    /** Give the network a feature, or take it away. */
    toggleFeature(node) {
      const { frame, catalog } = api.state;
      if (node.disabled || !node.feature || !frame || !catalog) return;
      const on = new Set(frame.network.features);
      if (on.has(node.feature)) on.delete(node.feature);
      else on.add(node.feature);
      // The session refuses an empty list with a message; send it anyway so the person sees why.
      const listed = columnFeatures(catalog, frame.network.n_raw_inputs).map((f) => f.name);
      api.setSettings({ features: listed.filter((f) => on.has(f)) });
    },
  };
}

/**
 * Enable the layer controls the limits allow, and show each layer's activation.
 * @param {Diagram} d
 * @param {DrawnState} state
 */
export function syncControls(d, state) {
  const limits = state.catalog.limits;
  const { hidden, activations } = currentLayers(state.settings);
  d.addLayer.disabled = hidden.length >= limits.MAX_HIDDEN_LAYERS;
  d.removeLayer.disabled = hidden.length === 0;
  d.layers.forEach((layer, k) => {
    const count = hidden[k] ?? layer.count;
    layer.plus.disabled = count >= limits.MAX_NEURONS;
    layer.minus.disabled = count <= limits.MIN_NEURONS;
    // The settings, not the frame: they change at once, and come back if the session refuses.
    if (activations[k]) showValue(layer.select, activations[k]);
  });
}

