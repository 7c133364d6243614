// @ts-check
/**
 * What the step-through's overlay on the network diagram draws with: points
 * along an edge, dots that travel along it, and boxes that labels keep apart.
 */

/** @import { DiagramEdge } from "./buildDiagram.js" */

/** @typedef {{ left: number, top: number, right: number, bottom: number }} Box */

/**
 * A point along an edge's S-curve (as layoutNetwork.js edgePath draws it), t from 0 to 1.
 * @param {DiagramEdge} edge
 * @param {number} t
 * @returns {[number, number]}
 */
export function pointOn(edge, t) {
  const x1 = edge.from.x + edge.from.size / 2;
  const y1 = edge.from.y;
  const x2 = edge.to.x - edge.to.size / 2;
  const y2 = edge.to.y;
  const mid = (x1 + x2) / 2;
  const u = 1 - t;
  const x = u * u * u * x1 + 3 * u * u * t * mid + 3 * u * t * t * mid + t * t * t * x2;
  const y = u * u * u * y1 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y2;
  return [x, y];
}

/**
 * A small dot that runs along a path, forward (1) or back (-1), for as long as it is shown.
 * @param {string | null} d the path
 * @param {1 | -1} direction
 */
export function travellingDot(d, direction) {
  const dot = svg("circle", { class: "gn-edge-dot", r: "2.6" });
  const motion = svg("animateMotion", {
    path: d, dur: "1.4s", repeatCount: "indefinite", keyPoints: direction > 0 ? "0;1" : "1;0",
    keyTimes: "0;1", calcMode: "linear",
  });
  dot.append(motion);
  return dot;
}

/**
 * An SVG element with its attributes (h() knows only a few SVG tags; these are animated ones too).
 * @param {string} tag
 * @param {Record<string, unknown>} attrs
 */
export function svg(tag, attrs) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/**
 * @param {number} left
 * @param {number} top
 * @param {number} width
 * @param {number} height
 * @returns {Box}
 */
export function rect(left, top, width, height) {
  return { left, top, right: left + width, bottom: top + height };
}

/**
 * @param {Box} a
 * @param {Box} b
 */
export function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
