// @ts-check
/**
 * What a lesson's step does to the playground around it: which controls and
 * panels it hides, and what it points at.
 *
 * - Hiding works as a link's hide keys do (app.js applyOptions): a rule per
 *   name, `[data-control~="name"] { display: none }`, in a style element of its
 *   own. So the link's own hides stay as they were, and closing the lesson
 *   empties only this one.
 * - The highlight is a dashed outline around a control, a dashed ring around a
 *   neuron, or a dotted halo along a weight's line: a shape, not only a colour.
 *   The step's text says in words what is marked (describeHighlight).
 *
 * The marks are put back after the network diagram is rebuilt (new layers, new
 * features), since its elements are then new. `spot()` says where on the screen
 * the mark is, so the lesson panel can tell when it covers it (in /embed).
 */

import { h } from "../../lib/dom.js";

/** @import { LessonHighlight } from "../../lib/messages.js" */
/** @import { State } from "../../lib/types.js" */

const MARK = "gn-lesson-mark";
const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * @param {HTMLElement} root the playground (.glassnet)
 */
export function createLessonMarks(root) {
  const style = h("style", { class: "gn-lesson-hides" });
  root.append(style);
  let hiddenKey = "";
  /** @type {Element[]} */
  let marked = [];
  /** @type {SVGPathElement | null} the halo along a highlighted weight */
  let halo = null;

  /** @param {string[]} names */
  function hide(names) {
    const safe = names.filter((name) => /^[A-Za-z0-9_]+$/.test(name));
    const key = safe.join(" ");
    if (key === hiddenKey) return;
    hiddenKey = key;
    style.textContent = safe.map((name) => `.glassnet [data-control~="${name}"] { display: none !important; }`).join("\n");
  }

  /** @param {Element[]} elements */
  function mark(elements) {
    const same = elements.length === marked.length && elements.every((el, i) => el === marked[i]);
    if (same) return;
    for (const el of marked) el.classList.remove(MARK);
    for (const el of elements) el.classList.add(MARK);
    marked = elements;
  }

  /**
   * The elements a highlight points at, now.
   * @param {LessonHighlight} highlight
   * @returns {Element[]}
   */
  function targets(highlight) {
    if (highlight.control) {
      const all = [...root.querySelectorAll(`[data-control~="${CSS.escape(highlight.control)}"]`)];
      // One outline round a group, not one more round each of its parts.
      const shown = all.filter((el) => el.getClientRects().length > 0 && !all.some((o) => o !== el && o.contains(el)));
      if (shown.length || !all.length) return shown;
      // Inside a closed panel of the compact layout: point at the button that opens it.
      const overlay = all[0].closest(".gn-overlay");
      const toggle = overlay?.id ? root.querySelector(`[aria-controls="${overlay.id}"]`) : null;
      return toggle ? [toggle] : [];
    }
    const { layer = 0, unit, source, target } = highlight;
    if (unit !== undefined) {
      const node = root.querySelector(`.gn-net-node[data-a="${layer + 1}"][data-unit="${unit}"]`);
      return node ? [node] : [];
    }
    const edge = root.querySelector(`path.gn-edge[data-layer="${layer}"][data-source="${source}"][data-target="${target}"]`);
    return edge ? [edge] : [];
  }

  /**
   * A dotted halo under a weight's line (a path has no outline of its own).
   * @param {Element | undefined} edge
   */
  function drawHalo(edge) {
    if (!edge || !(edge instanceof SVGPathElement)) {
      halo?.remove();
      halo = null;
      return;
    }
    if (!halo) halo = /** @type {SVGPathElement} */ (document.createElementNS(SVG_NS, "path"));
    halo.setAttribute("class", "gn-lesson-halo");
    const d = edge.getAttribute("d");
    if (d && halo.getAttribute("d") !== d) halo.setAttribute("d", d);
    if (halo.nextSibling !== edge) edge.parentNode?.insertBefore(halo, edge);
  }

  return {
    /** @param {State} state */
    update(state) {
      const lesson = state.lesson;
      hide(lesson ? lesson.hidden : []);
      const highlight = lesson?.highlight;
      const found = highlight ? targets(highlight) : [];
      mark(found);
      drawHalo(highlight && highlight.source !== undefined ? found[0] : undefined);
      root.dataset.lessonMark = highlight ? (highlight.control ? "control" : highlight.unit !== undefined ? "neuron" : "weight") : "";
    },
    /**
     * Where the mark is on the screen: a neuron's or a control's middle, the middle of a
     * weight's line; null when nothing is marked.
     * @returns {{ x: number, y: number } | null}
     */
    spot() {
      const el = marked[0];
      if (!el || el.getClientRects().length === 0) return null;
      if (el instanceof SVGPathElement && el.getTotalLength() > 0) {
        const point = el.getPointAtLength(el.getTotalLength() / 2);
        const m = el.getScreenCTM();
        if (m) return { x: point.x * m.a + point.y * m.c + m.e, y: point.x * m.b + point.y * m.d + m.f };
      }
      const box = el.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    destroy() {
      hide([]);
      mark([]);
      drawHalo(undefined);
      style.remove();
      delete root.dataset.lessonMark;
    },
  };
}

/**
 * What a step points at, in words: "the Play button", "neuron 2 of layer 1", "the weight from x₂ to the output neuron".
 * @param {LessonHighlight | null} highlight
 * @param {State} state
 * @returns {string}
 */
export function describeHighlight(highlight, state) {
  if (!highlight) return "";
  if (highlight.control) {
    const control = state.catalog?.controls.find((c) => c.name === highlight.control);
    return `${control ? control.label : highlight.control} (the dashed outline)`;
  }
  const net = state.frame?.network;
  if (!net) return "";
  const { layer = 0, unit, source = 0, target = 0 } = highlight;
  if (unit !== undefined) return `${neuronName(state, layer, unit)} (the dashed ring on the diagram)`;
  const from = layer === 0 ? featureLabel(state, net.features[source]) : neuronName(state, layer - 1, source);
  return `the weight from ${from} to ${neuronName(state, layer, target)} (the dotted line on the diagram)`;
}

/**
 * A neuron as the diagram names it; `layer` counts layers of weights.
 * @param {State} state
 * @param {number} layer
 * @param {number} unit
 */
function neuronName(state, layer, unit) {
  const net = /** @type {NonNullable<State["frame"]>} */ (state.frame).network;
  if (layer < net.layer_sizes.length - 2) return `neuron ${unit + 1} of layer ${layer + 1}`;
  if (net.activations[net.activations.length - 1] !== "softmax") return "the output neuron";
  return `the output for class ${state.data?.class_names[unit] ?? unit}`;
}

/**
 * @param {State} state
 * @param {string | undefined} name a feature's name, such as x1
 */
function featureLabel(state, name) {
  return state.catalog?.features.find((f) => f.name === name)?.label ?? name ?? "an input";
}
