/**
 * The network diagram: the features, every hidden layer and the output, each
 * neuron a live picture of its output over the plane, joined by edges whose
 * colour is the weight's sign and whose width is its size.
 *
 * Here: the view's frame (its containers), what pointer, touch and keyboard do,
 * and when to rebuild, re-place or repaint. The elements are made in
 * networkBuild.js, placed by networkLayout.js and painted by networkPaint.js;
 * the tooltip and the weight editor are in networkPopups.js. While stepping
 * through a training step, networkExplain.js draws the step's numbers, and a
 * click asks about a weight or goes to a neuron's step instead of editing.
 *
 * The DOM is rebuilt only when the architecture changes (layers, neurons,
 * features, activations, the data's shape). While training, a frame only
 * repaints canvases and changes edge colours and widths.
 */

import { h, showValue } from "../../lib/dom.js";
import { num } from "../../lib/format.js";
import { helpButton } from "../../lib/help.js";
import { lazy } from "../../lib/lazy.js";
import { findStep } from "../../lib/timeline.js";
import { buildDiagram, placeDiagram } from "./buildDiagram.js";
import {
  activationText, biasOf, edgeText, nodeInfo, paintFeatures, paintFrame, sourcesOf, SUM, weightOf,
} from "./paintFrame.js";
import { anchorOf, createEditor, createTip } from "./popups.js";

const EDIT_HINT = "Click a line, a bias or a neuron to type a new value.";
const EXPLAIN_HINT = "Click a line to see why its weight changes, or a neuron to go to its step.";

/** What stands in for the step-through's drawing until it has loaded: it draws nothing. */
const IDLE_OVERLAY = { active: false, update() {}, destroy() {} };

/** Above this many edges the flowing dashes are left out while training: dashes are slow to draw. */
const MAX_FLOWING_EDGES = 250;

/**
 * @param {HTMLElement} el the .gn-network section
 * @param {ViewApi} api
 */
export function createNetwork(el, api) {
  const svg = h("svg", { class: "gn-net-svg", "aria-hidden": "true" });
  const parts = {
    head: h("div", { class: "gn-net-head" }),
    layers: h("div", { class: "gn-net-layers" }),
    svg,
    nodes: h("div", { class: "gn-net-nodes" }),
  };
  parts.body = h("div", { class: "gn-net-body" }, svg, parts.nodes);
  parts.stage = h("div", { class: "gn-net-stage" }, parts.head, parts.layers, parts.body);
  const scroller = h("div", { class: "gn-net-scroll" }, parts.stage);
  const legend = h("div", { class: "gn-net-legend" },
    h("span", { class: "gn-net-legend-item" },
      h("span", { class: "gn-net-legend-line gn-net-negative", "aria-hidden": "true" }),
      h("span", { class: "gn-net-legend-line gn-net-positive", "aria-hidden": "true" }),
      "Weight: orange −, blue +", helpButton("weight", "Weights")),
    h("span", { class: "gn-net-legend-item" },
      h("span", { class: "gn-net-legend-bias", "aria-hidden": "true" }), "Bias", helpButton("bias", "Biases")),
    h("span", { class: "gn-net-legend-item" }, "Neuron", helpButton("neuron", "Neurons and their pictures")),
    h("span", { class: "gn-net-legend-hint" }, EDIT_HINT),
  );
  const legendHint = legend.querySelector(".gn-net-legend-hint");
  const root = h("div", { class: "gn-net" }, scroller, legend);
  el.append(root);
  const tip = createTip(root);
  const editor = createEditor(root);
  // The step-through's drawing (stepOverlay.js) loads the first time it is opened.
  const overlay = lazy(
    async () => (await import("./stepOverlay.js")).createStepOverlay(parts, root),
    IDLE_OVERLAY,
    (loaded) => {
      if (latest?.explain.open && diagram) loaded.update(latest, diagram);
    },
  );

  /** @type {any} the diagram of the architecture on screen */
  let diagram = null;
  let latest = null;
  let tipFor = null; // {kind: "node" | "edge" | "bias", item, anchor}
  let sentHover = null;

  const actions = {
    addLayer() {
      // A new layer copies the last one: its size and its activation.
      const { hidden, activations } = current();
      const defaults = api.state.catalog.settings.find((s) => s.name === "activations")?.default;
      const activation = activations[activations.length - 1] ?? defaults?.[0] ?? "tanh";
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
  };

  /** The layers as the settings have them now (they run ahead of the frame after a click). */
  function current() {
    const s = api.state.settings;
    return { hidden: [...(s.hidden_layers || [])], activations: [...(s.activations || [])] };
  }

  function changeLayers(hidden, activations) {
    api.setSettings({ hidden_layers: hidden, activations });
  }

  function toggleFeature(node) {
    if (node.disabled) return;
    const on = new Set(latest.frame.network.features);
    if (on.has(node.feature)) on.delete(node.feature);
    else on.add(node.feature);
    // The session refuses an empty list with a message; send it anyway so the person sees why.
    api.setSettings({ features: latest.catalog.features.map((f) => f.name).filter((f) => on.has(f)) });
  }

  // -- hover: the tooltip here, and state.ui.hover for the other views ---------

  function setHover(hover) {
    if (JSON.stringify(hover) === JSON.stringify(sentHover)) return;
    sentHover = hover;
    api.setUi({ hover });
  }

  function hoverOf(node) {
    return node.unit >= 0 ? { kind: "neuron", layer: node.a, unit: node.unit } : null;
  }

  function showTip(kind, item, anchor) {
    tipFor = { kind, item, anchor };
    tip.show(tipContent(), anchor);
  }

  function tipContent() {
    const { kind, item } = tipFor;
    const explain = latest.explain.open;
    if (kind === "edge") return edgeText(item, latest) + (explain ? ". Click to see why it changes." : "");
    if (kind === "bias") return `Bias ${num(biasOf(item, latest))} of ${item.short}.${explain ? "" : " Click to edit."}`;
    if (explain && item.kind === "feature") {
      const what = item.unit >= 0 ? "An input of the network. Click to go to the inputs' step." : "Off: the network does not get this input.";
      return h("div", null, h("div", { class: "gn-net-tip-title" }, item.short), what);
    }
    return nodeInfo(item, diagram, latest, explain ? "Click or press Enter to go to its step." : undefined);
  }

  function hideTip() {
    tipFor = null;
    tip.hide();
  }

  function target(event) {
    const el = event.target.closest?.("[data-node], [data-edge]");
    if (!el || !diagram) return null;
    if (el.dataset.edge !== undefined) return { kind: "edge", item: diagram.edges[Number(el.dataset.edge)], el };
    const node = diagram.nodes[Number(el.dataset.node)];
    return { kind: el.dataset.role === "bias" ? "bias" : "node", item: node, el };
  }

  function onOver(event) {
    const t = target(event);
    if (!t) return;
    if (t.kind === "edge") {
      const { l, i, j } = t.item;
      setHover({ kind: "edge", layer: l, source: i, target: j });
      showTip("edge", t.item, anchorOf(root, { x: event.clientX, y: event.clientY }));
    } else {
      setHover(hoverOf(t.item));
      showTip(t.kind, t.item, anchorOf(root, t.el));
    }
  }

  function onOut(event) {
    const t = target(event);
    if (!t || (event.relatedTarget && t.el.contains(event.relatedTarget))) return;
    setHover(null);
    hideTip();
  }

  function onFocusIn(event) {
    const t = target(event);
    if (!t || t.kind === "edge") return;
    setHover(t.kind === "node" ? hoverOf(t.item) : null);
    showTip(t.kind, t.item, anchorOf(root, t.el));
  }

  function onClick(event) {
    const t = target(event);
    if (!t) return;
    hideTip();
    if (api.state.explain.open) explainClick(t);
    else if (t.kind === "edge") openWeightEditor(t.item, { x: event.clientX, y: event.clientY });
    else if (t.kind === "bias") openBiasEditor(t.item, t.el);
    else if (t.item.kind === "feature") toggleFeature(t.item);
    else openCard(t.item, t.el);
  }

  /**
   * While stepping through, nothing is edited (the explained step needs the network as it is):
   * an edge asks why its weight changes, a neuron (or its bias) goes to its forward step.
   */
  function explainClick(t) {
    const e = api.state.explain;
    if (!e.explanation) return;
    if (t.kind === "edge") {
      api.explain.weight(t.item.l, t.item.i, t.item.j);
      return;
    }
    const node = t.item;
    if (node.unit < 0) return; // a feature the network does not get
    const index = node.a === 0 ? findStep(e.steps, "forward", -1) : findStep(e.steps, "forward", node.a - 1, node.unit);
    if (index >= 0) api.explain.goTo(index);
  }

  // -- editing: one weight, one bias, or a neuron's card -----------------------

  function weightRow(edge, label) {
    return {
      label,
      name: `Weight from ${edge.from.short} to ${edge.to.short}`,
      read: () => weightOf(edge, latest),
      apply: (value) => api.command("set_weight", { layer: edge.l, source: edge.i, target: edge.j, value }),
    };
  }

  function biasRow(node, label) {
    return {
      label,
      name: `Bias of ${node.short}`,
      read: () => biasOf(node, latest),
      apply: (value) => api.command("set_bias", { layer: node.a - 1, unit: node.unit, value }),
    };
  }

  function openWeightEditor(edge, point) {
    editor.open({
      title: `Weight from ${edge.from.short} to ${edge.to.short}`,
      rows: [weightRow(edge, "Weight")],
      anchor: anchorOf(root, point),
      opener: null,
    });
  }

  function openBiasEditor(node, el) {
    const title = `Bias of ${node.short}`;
    editor.open({ title, rows: [biasRow(node, "Bias")], anchor: anchorOf(root, el), opener: el });
  }

  function openCard(node, el) {
    const edges = diagram.edges.filter((e) => e.to === node);
    const sources = sourcesOf(node, diagram);
    editor.open({
      title: node.name,
      note: [activationText(node, latest), SUM],
      rows: [biasRow(node, "Bias"), ...sources.map((s, i) => weightRow(edges[i], `from ${s.short}`))],
      anchor: anchorOf(root, el),
      opener: el,
    });
  }

  parts.body.addEventListener("pointerover", onOver);
  parts.body.addEventListener("pointerout", onOut);
  parts.body.addEventListener("focusin", onFocusIn);
  parts.body.addEventListener("focusout", onOut);
  parts.body.addEventListener("click", onClick);
  // Escape hides the tooltip (it may cover something the person wants to see).
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && tipFor) hideTip();
  });

  // -- drawing -------------------------------------------------------------------

  function architectureKey(state) {
    const net = state.frame.network;
    return JSON.stringify([
      net.layer_sizes, net.activations, net.features, state.grid.oneD, state.grid.resolution,
      state.data?.class_names ?? null, state.catalog.features.length,
    ]);
  }

  function rebuild(state, key) {
    // Keyboard users keep their place: focus goes back to the control of the same name.
    const active = document.activeElement;
    const focused = root.contains(active) && !editor.isOpen ? active.getAttribute("aria-label") : null;
    editor.close(false);
    hideTip();
    if (sentHover) setHover(null); // the hovered neuron may be gone
    diagram = buildDiagram(parts, state, actions);
    diagram.key = key;
    place();
    paintFeatures(diagram, state.grid);
    if (focused) root.querySelector(`[aria-label="${CSS.escape(focused)}"]`)?.focus();
  }

  function place() {
    placeDiagram(diagram, parts, scroller.clientWidth, parts.body.clientHeight);
    placed = { width: scroller.clientWidth, height: parts.body.clientHeight };
  }

  function syncControls(state) {
    const limits = state.catalog.limits;
    const { hidden, activations } = current();
    diagram.addLayer.disabled = hidden.length >= limits.MAX_HIDDEN_LAYERS;
    diagram.removeLayer.disabled = hidden.length === 0;
    diagram.layers.forEach((layer, k) => {
      const count = hidden[k] ?? layer.count;
      layer.plus.disabled = count >= limits.MAX_NEURONS;
      layer.minus.disabled = count <= limits.MIN_NEURONS;
      // The settings, not the frame: they change at once, and come back if the session refuses.
      if (activations[k]) showValue(layer.select, activations[k]);
    });
  }

  function highlight(hover) {
    root.querySelector(".gn-net-hovered")?.classList.remove("gn-net-hovered");
    root.querySelector(".gn-edge-hovered")?.classList.remove("gn-edge-hovered");
    if (!hover || !diagram) return;
    if (hover.kind === "edge") {
      const edge = diagram.edges.find((e) => e.l === hover.layer && e.i === hover.source && e.j === hover.target);
      edge?.path.classList.add("gn-edge-hovered");
    } else if (hover.kind === "neuron") {
      const node = diagram.nodes.find((n) => n.a === hover.layer && n.unit === hover.unit);
      node?.wrap.classList.add("gn-net-hovered");
    }
  }

  function update(state) {
    latest = state;
    if (!state.catalog || !state.frame || !state.grid || !state.layers) return;
    const key = architectureKey(state);
    const rebuilt = !diagram || key !== diagram.key;
    if (rebuilt) rebuild(state, key);
    if (rebuilt || state.changed.settings || state.changed.catalog) syncControls(state);
    if (rebuilt || state.changed.frame || state.changed.data) {
      paintFrame(diagram, state);
      root.dataset.playing = String(Boolean(state.frame.playing));
      root.dataset.flow = String(Boolean(state.frame.playing) && diagram.edges.length <= MAX_FLOWING_EDGES);
      if (tipFor) tip.set(tipContent());
      editor.refresh();
    }
    if (rebuilt || state.changed.ui) highlight(state.ui.hover);
    // The step-through's numbers: only while it is open (or to clear them once it closes).
    if (state.explain.open) overlay.need();
    if ((state.explain.open || overlay.current.active) && (rebuilt || state.changed.explain || state.changed.frame)) {
      if (state.changed.explain && state.explain.open) editor.close(false);
      overlay.current.update(state, diagram);
    }
    if (rebuilt || state.changed.explain) {
      legendHint.textContent = state.explain.open ? EXPLAIN_HINT : EDIT_HINT;
      root.dataset.explain = String(Boolean(state.explain.open));
    }
  }

  // Re-place (not rebuild) when the space changes size; after the browser's layout, not during it.
  let placed = null;
  let pending = 0;
  const resizer = new ResizeObserver(() => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      if (!diagram || !latest) return;
      const same = placed && placed.width === scroller.clientWidth && placed.height === parts.body.clientHeight;
      if (same) return;
      place();
      if (diagram.oneD) paintFeatures(diagram, latest.grid);
      paintFrame(diagram, latest);
      if (latest.explain.open) overlay.current.update(latest, diagram);
    });
  });
  resizer.observe(scroller);
  resizer.observe(parts.body);

  return {
    update,
    destroy() {
      resizer.disconnect();
      cancelAnimationFrame(pending);
      editor.close(false);
      overlay.cancel();
      overlay.current.destroy();
      if (sentHover) api.setUi({ hover: null });
      el.replaceChildren();
    },
  };
}
