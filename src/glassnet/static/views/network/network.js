// @ts-check
/**
 * The network diagram: the features, every hidden layer and the output, each
 * neuron a live picture of its output over the plane, joined by edges whose
 * colour is the weight's sign and whose width is its size.
 *
 * Here: the view's frame (its containers), what pointer, touch and keyboard do,
 * and when to rebuild, re-place or repaint. The elements are made in
 * buildDiagram.js, placed by placeDiagram.js (layoutNetwork.js says where) and
 * painted by paintFrame.js; the tooltip is tip.js, typing numbers is
 * weightEditing.js and the layer controls' actions are layerActions.js. While
 * stepping through a training step, stepOverlay.js draws the step's numbers,
 * and a click asks about a weight or goes to a neuron's step instead of editing.
 *
 * The DOM is rebuilt only when the architecture changes (layers, neurons,
 * features, activations, the data's shape). While training, a frame only
 * repaints canvases and changes edge colours and widths.
 */

import { h } from "../../lib/dom.js";
import { helpButton } from "../../lib/help.js";
import { lazy } from "../../lib/lazy.js";
import { findStep } from "../../lib/timeline.js";
import { architectureKey, buildDiagram } from "./buildDiagram.js";
import { createEditor } from "./editor.js";
import { layerActions, syncControls } from "./layerActions.js";
import { tipContent } from "./nodeInfo.js";
import { markHover, paintFeatures, paintFrame } from "./paintFrame.js";
import { headingWidths, placeDiagram } from "./placeDiagram.js";
import { anchorOf, createTip } from "./tip.js";
import { createWeightEditing } from "./weightEditing.js";

/** @import { DrawnState, Hover, State, View, ViewApi } from "../../lib/types.js" */
/** @import { Diagram, DiagramEdge, DiagramNode, DiagramParts } from "./buildDiagram.js" */
/** @import { Anchor } from "./tip.js" */

/**
 * What the pointer or the focus is on: an edge, a node, or a node's bias square.
 * @typedef {{ kind: "edge", item: DiagramEdge, el: HTMLElement }
 *   | { kind: "node" | "bias", item: DiagramNode, el: HTMLElement }} Target
 */

const EDIT_HINT = "Click a line, a bias or a neuron to type a new value.";
const EXPLAIN_HINT = "Click a line to see why its weight changes, or a neuron to go to its step.";

/** What stands in for the step-through's drawing until it has loaded: it draws nothing. */
const IDLE_OVERLAY = { active: false, update() {}, destroy() {} };

/** Above this many edges the flowing dashes are left out while training: dashes are slow to draw. */
const MAX_FLOWING_EDGES = 250;

/**
 * @param {HTMLElement} el the .gn-network section
 * @param {ViewApi} api
 * @returns {View}
 */
export function createNetwork(el, api) {
  const svg = h("svg", { class: "gn-net-svg", "aria-hidden": "true" });
  const head = h("div", { class: "gn-net-head" });
  const layers = h("div", { class: "gn-net-layers" });
  const nodes = h("div", { class: "gn-net-nodes" });
  const body = h("div", { class: "gn-net-body" }, svg, nodes);
  /** @type {DiagramParts} */
  const parts = { head, layers, svg, nodes, body, stage: h("div", { class: "gn-net-stage" }, head, layers, body) };
  const scroller = h("div", { class: "gn-net-scroll" }, parts.stage);
  const legendHint = h("span", { class: "gn-net-legend-hint" }, EDIT_HINT);
  const legend = h("div", { class: "gn-net-legend" },
    h("span", { class: "gn-net-legend-item" },
      h("span", { class: "gn-net-legend-line gn-net-negative", "aria-hidden": "true" }),
      h("span", { class: "gn-net-legend-line gn-net-positive", "aria-hidden": "true" }),
      "Weight: orange −, blue +", helpButton("weight", "Weights")),
    h("span", { class: "gn-net-legend-item" },
      h("span", { class: "gn-net-legend-bias", "aria-hidden": "true" }), "Bias", helpButton("bias", "Biases")),
    h("span", { class: "gn-net-legend-item" }, "Neuron", helpButton("neuron", "Neurons and their pictures")),
    legendHint,
  );
  const root = h("div", { class: "gn-net" }, scroller, legend);
  el.append(root);
  const tip = createTip(root);
  const editor = createEditor(root);
  const editing = createWeightEditing(root, editor, api);
  const actions = layerActions(api);
  // The step-through's drawing (stepOverlay.js) loads the first time it is opened.
  const overlay = lazy(
    async () => (await import("./stepOverlay.js")).createStepOverlay(parts, root),
    IDLE_OVERLAY,
    (loaded) => {
      if (latest?.explain.open && diagram) loaded.update(latest, diagram);
    },
  );

  /** @type {Diagram | null} the diagram of the architecture on screen */
  let diagram = null;
  /** @type {DrawnState | null} the last state drawn */
  let latest = null;
  /** @type {Target | null} what the tooltip is about */
  let tipFor = null;
  /** @type {Hover | null} the hover this view told the others about */
  let sentHover = null;

  // -- hover: the tooltip here, and state.ui.hover for the other views ---------

  function setHover(/** @type {Hover | null} */ hover) {
    if (JSON.stringify(hover) === JSON.stringify(sentHover)) return;
    sentHover = hover;
    api.setUi({ hover });
  }

  /** @returns {Hover | null} */
  function hoverOf(/** @type {DiagramNode} */ node) {
    return node.unit >= 0 ? { kind: "neuron", layer: node.a, unit: node.unit } : null;
  }

  /**
   * @param {Target} t
   * @param {Anchor} anchor
   */
  function showTip(t, anchor) {
    tipFor = t;
    if (diagram && latest) tip.show(tipContent(t.kind, t.item, diagram, latest), anchor);
  }

  function hideTip() {
    tipFor = null;
    tip.hide();
  }

  /** @returns {Target | null} */
  function target(/** @type {Event} */ event) {
    const el = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest?.("[data-node], [data-edge]"));
    if (!el || !diagram) return null;
    if (el.dataset.edge !== undefined) return { kind: "edge", item: diagram.edges[Number(el.dataset.edge)], el };
    const node = diagram.nodes[Number(el.dataset.node)];
    return { kind: el.dataset.role === "bias" ? "bias" : "node", item: node, el };
  }

  function onOver(/** @type {PointerEvent} */ event) {
    const t = target(event);
    if (!t) return;
    if (t.kind === "edge") {
      const { l, i, j } = t.item;
      setHover({ kind: "edge", layer: l, source: i, target: j });
      showTip(t, anchorOf(root, { x: event.clientX, y: event.clientY }));
    } else {
      setHover(hoverOf(t.item));
      showTip(t, anchorOf(root, t.el));
    }
  }

  function onOut(/** @type {PointerEvent | FocusEvent} */ event) {
    const t = target(event);
    const to = /** @type {Node | null} */ (event.relatedTarget);
    if (!t || (to && t.el.contains(to))) return;
    setHover(null);
    hideTip();
  }

  function onFocusIn(/** @type {FocusEvent} */ event) {
    const t = target(event);
    if (!t || t.kind === "edge") return;
    setHover(t.kind === "node" ? hoverOf(t.item) : null);
    showTip(t, anchorOf(root, t.el));
  }

  function onClick(/** @type {MouseEvent} */ event) {
    const t = target(event);
    if (!t || !diagram) return;
    hideTip();
    if (api.state.explain.open) explainClick(t);
    else if (t.kind === "edge") editing.weight(t.item, { x: event.clientX, y: event.clientY });
    else if (t.kind === "bias") editing.bias(t.item, t.el);
    else if (t.item.kind === "feature") actions.toggleFeature(t.item);
    else editing.card(t.item, t.el, diagram);
  }

  /**
   * While stepping through, nothing is edited (the explained step needs the network as it is):
   * an edge asks why its weight changes, a neuron (or its bias) goes to its forward step.
   * @param {Target} t
   */
  function explainClick(t) {
    const e = api.state.explain;
    if (!e.explanation || !e.steps) return;
    if (t.kind === "edge") {
      api.explain.weight(t.item.l, t.item.i, t.item.j);
      return;
    }
    const node = t.item;
    if (node.unit < 0) return; // a feature the network does not get
    const index = node.a === 0 ? findStep(e.steps, "forward", -1) : findStep(e.steps, "forward", node.a - 1, node.unit);
    if (index >= 0) api.explain.goTo(index);
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

  /**
   * @param {DrawnState} state
   * @param {string} key
   * @returns {Diagram}
   */
  function rebuild(state, key) {
    // Keyboard users keep their place: focus goes back to the control of the same name.
    const active = document.activeElement;
    const focused = active && root.contains(active) && !editor.isOpen ? active.getAttribute("aria-label") : null;
    editor.close(false);
    hideTip();
    if (sentHover) setHover(null); // the hovered neuron may be gone
    const built = buildDiagram(parts, state, actions);
    built.key = key;
    diagram = built;
    place(built);
    paintFeatures(built, state.grid);
    if (focused) /** @type {HTMLElement | null} */ (root.querySelector(`[aria-label="${CSS.escape(focused)}"]`))?.focus();
    return built;
  }

  function place(/** @type {Diagram} */ d) {
    // Every size is read before anything moves: the page is laid out once here.
    const size = { width: scroller.clientWidth, height: parts.body.clientHeight };
    placeDiagram(d, parts, size.width, size.height, headingWidths(d));
    placed = size;
  }

  function update(/** @type {State} */ s) {
    if (!s.catalog || !s.frame || !s.grid || !s.layers) return;
    const state = /** @type {DrawnState} */ (s);
    latest = state;
    const key = architectureKey(state);
    const rebuilt = !diagram || key !== diagram.key;
    const d = !diagram || rebuilt ? rebuild(state, key) : diagram;
    if (rebuilt || state.changed.settings || state.changed.catalog) syncControls(d, state);
    if (rebuilt || state.changed.frame || state.changed.data) {
      paintFrame(d, state);
      root.dataset.playing = String(Boolean(state.frame.playing));
      root.dataset.flow = String(Boolean(state.frame.playing) && d.edges.length <= MAX_FLOWING_EDGES);
      if (tipFor) tip.set(tipContent(tipFor.kind, tipFor.item, d, state));
      editor.refresh();
    }
    if (rebuilt || state.changed.ui) markHover(root, d, state.ui.hover);
    // The step-through's numbers: only while it is open (or to clear them once it closes).
    if (state.explain.open) overlay.need();
    if ((state.explain.open || overlay.current.active) && (rebuilt || state.changed.explain || state.changed.frame)) {
      if (state.changed.explain && state.explain.open) editor.close(false);
      overlay.current.update(state, d);
    }
    if (rebuilt || state.changed.explain) {
      legendHint.textContent = state.explain.open ? EXPLAIN_HINT : EDIT_HINT;
      root.dataset.explain = String(Boolean(state.explain.open));
    }
  }

  // Re-place (not rebuild) when the space changes size; after the browser's layout, not during it.
  /** @type {{ width: number, height: number } | null} the size the diagram was placed for */
  let placed = null;
  let pending = 0;
  const resizer = new ResizeObserver(() => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      if (!diagram || !latest) return;
      // The state may already hold a new architecture that the next update rebuilds the diagram for.
      if (architectureKey(latest) !== diagram.key) return;
      const same = placed && placed.width === scroller.clientWidth && placed.height === parts.body.clientHeight;
      if (same) return;
      place(diagram);
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
