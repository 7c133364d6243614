// @ts-check
/**
 * The output map's legend: what its colours mean now, for the output (the
 * classes, or low and high values) or for the neuron the map shows instead.
 */

import { classShade, css, diverging } from "../../lib/colors.js";
import { h } from "../../lib/dom.js";
import { classLabel, num } from "../../lib/format.js";
import { scaledFeature } from "./paintMap.js";

/** @import { MapState, ShownNeuron } from "./mapGeometry.js" */

/** A legend, and a key that changes when it does (so it is rebuilt only then). @typedef {{key: string, nodes: (Node | string)[]}} Legend */

/**
 * What the colours mean now, as legend elements.
 * @param {MapState} state
 * @param {ShownNeuron | null} neuron the neuron the map shows, or null for the output
 * @returns {Legend}
 */
export function legendOf(state, neuron) {
  const data = state.data;
  const names = data.class_names.map(classLabel);
  if (neuron) {
    const activation = neuron.a === 0 ? "feature" : state.layers[neuron.a - 1].activation;
    if (activation === "softmax") {
      const k = neuron.unit;
      const stops = [css(classShade(k, 0)), css(classShade(k, 1))];
      return bar(`${activation}${k}`, `Chance of ${names[k] ?? k}:`, stops, ["0", "", "1"]);
    }
    if (activation === "sigmoid") return bar("sigmoid", "Neuron output:", signedStops(), ["0", "0.5", "1"]);
    if (activation === "feature") {
      const values = state.grid.values[0];
      const { scale } = scaledFeature(values, values.length / state.grid.n, neuron.unit, state.grid.n);
      return bar(`feature${scale}`, "Feature value:", signedStops(), [num(-scale, 2), "0", num(scale, 2)]);
    }
    const bounded = activation === "tanh" || activation === "sine";
    const ends = bounded ? ["-1", "1"] : ["-1 or less", "1 or more"];
    return bar(`neuron${bounded}`, "Neuron output:", signedStops(), [ends[0], "0", ends[1]]);
  }
  if (data.kind === "regression") return bar("regression", "Value:", signedStops(), ["-1 low", "0", "1 high"]);
  if (data.kind === "multiclass" || state.settings.discretize) {
    const note = data.kind === "multiclass" && !state.settings.discretize ? "Paler: less sure." : "";
    return {
      key: `classes${names.join()}${note}`,
      nodes: [
        h("span", { class: "gn-legend-title" }, "Class:"),
        h("ul", { class: "gn-legend-classes" }, ...names.map((name, k) => h(
          "li", null, h("span", { class: "gn-legend-swatch", style: { background: css(classShade(k, 1)) } }), name,
        ))),
        note && h("span", { class: "gn-legend-note" }, note),
      ],
    };
  }
  return bar(`binary${names.join()}`, "Prediction:", signedStops(), [names[0], "unsure", names[1]]);
}

/** The diverging scale's colours at -1, 0 and 1. */
function signedStops() {
  return [css(diverging(-1)), css(diverging(0)), css(diverging(1))];
}

/**
 * A small gradient bar with a label at each end and in the middle.
 * @param {string} key
 * @param {string} title
 * @param {string[]} stops CSS colours
 * @param {string[]} labels left, middle, right
 * @returns {Legend}
 */
function bar(key, title, stops, [left, middle, right]) {
  return {
    key,
    nodes: [
      h("span", { class: "gn-legend-title" }, title),
      h(
        "span",
        { class: "gn-legend-scale" },
        h("span", { class: "gn-legend-bar", style: { background: `linear-gradient(to right, ${stops.join(", ")})` } }),
        h("span", { class: "gn-legend-labels" }, h("span", null, left), h("span", null, middle), h("span", null, right)),
      ),
    ],
  };
}
