// @ts-check
/**
 * The output map: what the network predicts at every point of the plane, with
 * the data on top.
 *
 * - Two inputs: a heatmap of the output (lib/heatmap.js paintOutput), the
 *   training points on it, the test points when "Show test data" is on.
 * - One input (x₁ only): a plot of the data (x₁ across, the value up) and the
 *   network's fitted curve.
 * - While the pointer rests on a neuron in the network, the map shows that
 *   neuron's picture instead, enlarged, with its name.
 * - While stepping through a training step, a click picks the point to follow,
 *   and the map shows the network before or after the step (explainMap.js).
 *
 * Under the map: a legend of the colours, the two display toggles, and the
 * controls to draw your own points (drawing.js). The painting itself is in
 * paintMap.js, where things are in mapGeometry.js, and the legend in legend.js.
 * Resting the pointer on the map shows the network's answer there
 * (mapReadout.js), and a network that cannot bend on data that needs a bend
 * says so under the map (noBend.js).
 */

import { h, pixelRatio } from "../../lib/dom.js";
import { num } from "../../lib/format.js";
import { helpButton } from "../../lib/help.js";
import { lazy } from "../../lib/lazy.js";
import { createDrawing } from "./drawing.js";
import { legendOf } from "./legend.js";
import { chooseSlice, inputSlice, rawValue } from "../../lib/inputSlice.js";
import { isMapState, mapPosition, nearestShownPoint, plotRange, shownNeuron } from "./mapGeometry.js";
import { createMapReadout } from "./mapReadout.js";
import { noBendNote } from "./noBend.js";
import { paintPlane, paintPlot, paintPoints } from "./paintMap.js";

/** @import { Grid, State, View, ViewApi } from "../../lib/types.js" */
/** @import { MapState, ShownNeuron } from "./mapGeometry.js" */

/**
 * The step-through's part of the map (explainMap.js): picking a point, and the map before or after the step.
 * @typedef {object} ExplainMapPart
 * @property {HTMLElement | null} hint the line under the map
 * @property {(state: State, mapSize: number) => void} update
 * @property {(state: MapState) => Grid | null} gridFor the grid to show, or null for the live one
 * @property {() => string} label the sentence the map's accessible name gets
 * @property {() => void} destroy
 */

/**
 * What stands in for the step-through's part of the map until it has loaded: it does nothing.
 * @type {ExplainMapPart}
 */
const IDLE_EXPLAIN_MAP = { hint: null, update() {}, gridFor: () => null, label: () => "", destroy() {} };

/**
 * @param {HTMLElement} el the map slot of the output column
 * @param {ViewApi} api
 * @returns {View}
 */
export function createOutput(el, api) {
  const heat = h("canvas", { class: "gn-map-heat", width: 48, height: 48, "aria-hidden": "true" });
  const plot = h("canvas", { class: "gn-map-plot", hidden: true, "aria-hidden": "true" });
  const points = h("canvas", { class: "gn-map-points", "aria-hidden": "true" });
  const caption = h("div", { class: "gn-map-caption", hidden: true });
  const map = h("div", { class: "gn-map", role: "img", "aria-label": "Output map" }, heat, plot, points, caption);
  const yTicks = h("div", { class: "gn-map-y", "aria-hidden": "true" });
  const xTicks = h("div", { class: "gn-map-x", "aria-hidden": "true" });
  const legend = h("div", { class: "gn-legend", dataset: { control: "legend" } });
  const showTest = checkbox("gn-show-test", "Show test data", "show_test", "showTestData", (on) => api.setSettings({ show_test: on }));
  const discretize = checkbox("gn-discretize", "Discretize output", "discretize", "discretize", (on) => api.setSettings({ discretize: on }));
  const drawing = createDrawing(map, api);
  const readout = createMapReadout(map, () => api.state);
  // Following a point (a click on the map) loads once the first network is drawn.
  const followPlace = h("div", { hidden: true });
  /** @type {{ update(state: State): void, destroy(): void }} */
  const notFollowing = { update() {}, destroy() {} };
  const follow = lazy(async () => {
    const followed = (await import("./followPoint.js")).createFollowPoint(map, () => api.state);
    followPlace.replaceWith(followed.card);
    return followed;
  }, notFollowing);
  const noBend = h("p", { class: "gn-no-bend", role: "status", hidden: true });
  // Picking and morphing for the step-through (explainMap.js) load the first time it is opened.
  const hintSlot = h("div", { class: "gn-map-hint-slot" });
  const explaining = lazy(
    async () => /** @type {ExplainMapPart} */ ((await import("./explainMap.js")).createExplainMap(map, api, {
      repaint: () => latest && isMapState(latest) && paintPicture(latest),
    })),
    IDLE_EXPLAIN_MAP,
    (loaded) => {
      if (loaded.hint) hintSlot.append(loaded.hint);
      if (!latest || !isMapState(latest)) return;
      const everything = { ...latest, changed: { explain: true, ui: true } };
      loaded.update(everything, size);
      draw(everything, true);
    },
  );
  const root = h(
    "div",
    { class: "gn-out" },
    h("div", { class: "gn-map-head" }, h("span", { class: "gn-label" }, "Output map", helpButton("output_map", "Output map"))),
    h("div", { class: "gn-map-frame" }, yTicks, map, h("span"), xTicks),
    noBend,
    followPlace,
    hintSlot,
    legend,
    h("div", { class: "gn-out-toggles" }, showTest.el, discretize.el),
    drawing.controls,
  );
  el.append(root);

  /** @type {State | null} the last state given */
  let latest = null;
  let size = 0;
  let pointsStale = true;
  let pointsSlice = ""; // the slice the held point's cross was painted for
  let legendKey = "";
  let ticksKey = "";

  const resize = new ResizeObserver(() => {
    const s = Math.round(map.clientWidth);
    const ratio = pixelRatio(map);
    if (s === size && points.width === Math.round(s * ratio)) return;
    size = s;
    for (const canvas of [points, plot]) {
      canvas.width = Math.max(1, Math.round(s * ratio));
      canvas.height = canvas.width;
    }
    pointsStale = true;
    if (latest && isMapState(latest)) {
      draw(latest, true);
      explaining.current.update({ ...latest, changed: {} }, size);
    }
  });
  resize.observe(map);

  // Data with more than two inputs: a click on a point holds the inputs off the map at its values
  // (unless the click draws a point, or picks one to explain).
  map.addEventListener("click", (event) => {
    const state = latest;
    if (!state || !isMapState(state) || !state.grid.slice || state.ui.drawMode || state.explain.open) return;
    const [px, py] = mapPosition(map, event);
    const point = nearestShownPoint(state, size, px, py, 10);
    if (point >= 0) api.setUi({ slice: chooseSlice(state, { point }) });
  });

  /** The picture: the output (while explaining, before or after the step), or the hovered neuron. */
  function paintPicture(/** @type {MapState} */ state) {
    const neuron = shownNeuron(state);
    const oneD = Boolean(state.grid.oneD);
    heat.hidden = oneD;
    map.classList.toggle("gn-map-1d", oneD);
    plot.hidden = !oneD;
    const grid = neuron ? null : explaining.current.gridFor(state);
    const shown = grid ? { ...state, grid } : state;
    if (oneD) {
      if (size > 0) paintPlot(plot, size, shown, neuron);
    } else {
      paintPlane(heat, shown, neuron);
    }
  }

  function draw(/** @type {MapState} */ state, force = false) {
    const { changed } = state;
    const neuron = shownNeuron(state);
    const oneD = Boolean(state.grid.oneD);
    if (force || changed.frame || changed.data || changed.settings || changed.ui || changed.explain) {
      paintPicture(state);
    }
    const sliceKey = state.grid.slice?.key ?? "";
    if (pointsStale || changed.data || changed.settings || sliceKey !== pointsSlice) {
      pointsStale = false;
      pointsSlice = sliceKey;
      const shown = size > 0 ? paintPoints(points, size, state) : null;
      if (shown) {
        map.dataset.trainShown = String(shown.train);
        map.dataset.testShown = String(shown.test);
        map.dataset.drawnShown = String(shown.drawn);
      }
    }
    map.dataset.mode = oneD ? "curve" : neuron ? "neuron" : "output";
  }

  /**
   * @param {MapState} state
   * @param {ShownNeuron | null} neuron
   */
  function describe(state, neuron) {
    const data = state.data;
    const what = neuron ? `the picture of ${neuronName(state, neuron)}` : "what the network predicts";
    const shown = `${data.train.length} training points` + (state.settings.show_test ? ` and ${data.test.length} test points` : "");
    const plane = state.grid.oneD ? "along x₁" : "over the plane";
    const mode = state.explain.open ? ` ${explaining.current.label()}` : state.ui.drawMode ? " Drawing is on." : "";
    return `Output map: ${what} ${plane}, with ${shown}.${mode}`;
  }

  return {
    update(state) {
      latest = state;
      if (state.explain.open) explaining.need();
      drawing.update(state);
      if (!isMapState(state)) return;
      explaining.current.update(state, size);
      draw(state);
      readout.update(state);
      if (state.frame) setTimeout(follow.need); // after this frame is drawn, not before
      follow.current.update(state);
      const { changed } = state;
      if (!changed.data && !changed.settings && !changed.ui && !changed.frame && !changed.explain) return;
      const note = noBendNote(state);
      if (noBend.dataset.why !== (note?.why ?? "")) {
        noBend.dataset.why = note?.why ?? "";
        noBend.replaceChildren(...(note ? [note.why, " ", h("span", { class: "gn-no-bend-fix" }, note.fix)] : []));
      }
      noBend.hidden = !note;
      const neuron = shownNeuron(state);
      const data = state.data;
      caption.hidden = !neuron;
      caption.textContent = neuron ? neuronName(state, neuron) : "";
      const label = describe(state, neuron);
      if (map.getAttribute("aria-label") !== label) map.setAttribute("aria-label", label);
      // Drawing, or picking a point to explain, takes the keyboard.
      const interactive = state.ui.drawMode || state.explain.open;
      if (interactive) map.tabIndex = 0;
      else map.removeAttribute("tabindex");
      map.setAttribute("role", interactive ? "application" : "img");
      map.dataset.points = String(data.train.length + data.test.length);
      map.dataset.drawn = String(data.points.length - data.n_base);
      map.dataset.kind = data.kind;
      showTest.input.checked = Boolean(state.settings.show_test);
      discretize.input.checked = Boolean(state.settings.discretize);
      discretize.input.disabled = data.kind === "regression"; // a value has no classes to make hard
      const ticks = tickLabels(state);
      if (ticks.key !== ticksKey) {
        ticksKey = ticks.key;
        yTicks.replaceChildren(...ticks.y);
        xTicks.replaceChildren(...ticks.x);
      }
      const spec = legendOf(state, neuron);
      if (spec.key !== legendKey) {
        legendKey = spec.key;
        legend.replaceChildren(...spec.nodes);
      }
    },
    destroy() {
      resize.disconnect();
      readout.destroy();
      follow.cancel();
      follow.current.destroy();
      drawing.destroy();
      explaining.cancel();
      explaining.current.destroy();
      root.remove();
    },
  };
}

let nextId = 1;

/**
 * A labelled checkbox with its help, for a boolean setting.
 * @param {string} name
 * @param {string} label
 * @param {string} helpKey
 * @param {string} control its name for hide keys (docs/urls.md)
 * @param {(on: boolean) => void} onChange
 */
function checkbox(name, label, helpKey, control, onChange) {
  const id = `${name}-${nextId++}`; // unique, for pages (notebooks) with several playgrounds
  const input = h("input", { type: "checkbox", id, onchange: () => onChange(input.checked) });
  const el = h(
    "span",
    { class: "gn-toggle", dataset: { control } },
    input,
    h("label", { for: id }, label),
    helpButton(helpKey, label),
  );
  return { el, input };
}

/**
 * The name of a neuron, as the network diagram names it.
 * @param {MapState} state
 * @param {ShownNeuron} neuron
 */
function neuronName(state, neuron) {
  const net = state.frame.network;
  if (neuron.a === 0) {
    const name = net.features[neuron.unit];
    const feature = state.catalog?.features.find((f) => f.name === name);
    return `Feature ${feature ? feature.label : name}`;
  }
  if (neuron.a === net.layer_sizes.length - 1) {
    if (net.activations[net.activations.length - 1] !== "softmax") return "Output neuron";
    return `Output: class ${state.data.class_names[neuron.unit] ?? neuron.unit}`;
  }
  return `Neuron ${neuron.unit + 1} of layer ${neuron.a}`;
}

/**
 * Tick labels along the edges: -6, 0, 6 on both axes (in the data's own units for
 * a file or a model), or the value range of a 1-D plot. Data with more than two
 * inputs names the two inputs on the axes.
 * @param {MapState} state
 */
function tickLabels(state) {
  const tick = (/** @type {string} */ text, /** @type {string} */ at, cls = "") => h("span", { class: `gn-tick ${cls}`, style: `--at: ${at}` }, text);
  const data = state.data;
  const slice = inputSlice(state);
  const [across, up] = slice?.axes ?? [0, 1];
  /** The ticks of one input: where -6, 0 and 6 of the view are, in the data's units. */
  const ticks = (/** @type {number} */ input) => [6, 0, -6].map((v) => (data.normalization ? num(rawValue(data, input, v), 3) : String(v)));
  let y = ticks(up);
  let yName = slice ? data.input_names[up] : "x₂";
  if (state.grid.oneD) {
    const { low, high } = plotRange(state);
    y = [num(high, 2), num((low + high) / 2, 2), num(low, 2)];
    yName = state.data.kind === "regression" ? "value" : "output";
  }
  const [x6, x0, xm6] = state.grid.oneD && !data.normalization ? ["6", "0", "-6"] : ticks(across);
  const xName = slice ? data.input_names[across] : "x₁";
  const named = slice ? "gn-axis-name gn-axis-named" : "gn-axis-name";
  const x = [tick(xm6, "0%"), tick(x0, "50%"), tick(x6, "100%"), tick(xName, "75%", named)];
  const ys = [tick(y[0], "0%"), tick(y[1], "50%"), tick(y[2], "100%"), tick(yName, "25%", named)];
  return { key: [...y, yName, xm6, x6, xName].join(), x, y: ys };
}
