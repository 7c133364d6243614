// @ts-check
/**
 * "Why did this weight change?": the chain rule behind one weight's gradient.
 *
 * The session's `chain` message lists every path from the weight to the loss
 * with the local derivative on each hop; each path's product is its share and
 * the products add up to the gradient. With too many paths (`paths` null) the
 * same sum is shown one hop at a time: dL/dw = input × δ, and each δ from the
 * layer after it (`delta` messages, asked for on demand).
 * Hovering or focusing a path asks the network view to light it up
 * (api.explain.hoverPath).
 */

import { h } from "../../lib/dom.js";
import { grouped, num } from "../../lib/format.js";
import { chunk, formula, n, result, t } from "./parts.js";

/** @import { CardContext, CardParts, Names } from "./parts.js" */

/** @import { ChainMessage } from "../../lib/messages.js" */

/**
 * What each kind of hop is, in the words the panel uses.
 * @type {Record<string, string>}
 */
export const HOP_LABELS = {
  input: "input a",
  activation: "f'(z)",
  weight: "weight",
  loss: "dL/da",
  loss_sum: "dL/dz",
};

/** How many paths show before "Show all". */
const FIRST_PATHS = 6;

/**
 * @param {CardContext & { chain: ChainMessage }} ctx
 */
export function chainBlock(ctx) {
  const { chain, names, api, local, refresh } = ctx;
  const { layer, source, target } = chain;
  const close = h("button", {
    type: "button",
    class: "gn-button gn-ex-close-chain",
    "aria-label": "Hide why this weight changed",
    dataset: { key: "chain-close" },
    onclick: () => {
      local.hiddenChain = chain;
      api.explain.hoverPath(null);
      refresh();
    },
  }, "Hide");
  /** @type {CardParts} */
  const parts = [
    h("div", { class: "gn-ex-chain-head" },
      h("h3", { class: "gn-ex-card-title" }, `Why did the weight from ${names.source(layer, source)} to ${names.neuron(layer, target)} change?`),
      close),
    h("p", { class: "gn-ex-note" }, "Its gradient dL/dw says how the loss changes when this weight grows. The update moves the weight against it."),
    formula(chunk("dL/dw = input × δ"), " ", chunk("= ", t(chain.input_value, "chain-input"), " × ", t(chain.delta, "chain-delta")), " ",
      chunk("= ", result(chain.gradient, "gradient"))),
  ];
  if (chain.paths) parts.push(...pathList(ctx, chain.paths));
  else {
    parts.push(
      h("p", { class: "gn-ex-note" }, `There are ${grouped(chain.path_count)} paths from this weight to the loss: too many to list. Here is the same sum one hop at a time. δ is where all the paths meet:`),
      deltaTree(ctx, layer, target, chain.delta));
  }
  return h("section", { class: "gn-ex-chain", "aria-label": "Why did this weight change?", dataset: { layer, source, target } }, ...parts);
}

/**
 * @param {CardContext & { chain: ChainMessage }} ctx
 * @param {NonNullable<ChainMessage["paths"]>} paths the chain's paths (there are few enough to list)
 * @returns {CardParts}
 */
function pathList({ chain, names, api, local, refresh }, paths) {
  const all = local.allPaths === chain;
  const shown = all ? paths : paths.slice(0, FIRST_PATHS);
  const count = paths.length;
  const items = shown.map((path, p) => {
    const route = path.units.map((u, o) => names.short(chain.layer + o, u)).join(" → ");
    const hover = { layer: chain.layer, units: path.units };
    const hops = path.hops.flatMap((hop, k) => [
      k ? h("span", { class: "gn-ex-times", "aria-hidden": "true" }, "×") : null,
      h("span", { class: "gn-ex-hop", dataset: { kind: hop.kind } },
        t(hop.value, "hop", { dataset: { kind: hop.kind } }),
        h("span", { class: "gn-ex-hop-label" }, HOP_LABELS[hop.kind] || hop.kind)),
    ]);
    return h("li", {
      class: "gn-ex-path",
      tabindex: 0,
      dataset: { key: `path:${p}`, units: path.units.join(",") },
      "aria-label": `Path ${p + 1}, through ${route}: product ${num(path.product)}`,
      onpointerenter: () => api.explain.hoverPath(hover),
      onpointerleave: () => api.explain.hoverPath(null),
      onfocus: () => api.explain.hoverPath(hover),
      onblur: () => api.explain.hoverPath(null),
    },
      h("span", { class: "gn-ex-route" }, `${route} → loss`),
      h("span", { class: "gn-ex-hops" }, ...hops, h("span", { class: "gn-ex-times" }, "="), n(path.product, "path-product")));
  });
  // The check: the engine added up the paths' products; they make the gradient.
  const sum = chain.path_sum;
  const more = count > FIRST_PATHS
    ? h("button", {
      type: "button",
      class: "gn-button gn-ex-more",
      dataset: { key: "all-paths" },
      onclick: () => { local.allPaths = all ? null : chain; refresh(); },
    }, all ? `Show the first ${FIRST_PATHS} paths` : `Show all ${count} paths`)
    : null;
  return [
    h("p", { class: "gn-ex-note" }, count === 1
      ? "The weight reaches the loss along 1 path. Multiply the slopes along it:"
      : `The weight reaches the loss along ${count} paths. Along each, multiply the slopes; then add the paths up:`),
    h("ol", { class: "gn-ex-paths" }, ...items),
    more,
    h("p", { class: "gn-ex-sum" },
      // path_sum is null only when the paths are not listed.
      count === 1 ? "The path's product " : `Sum of the ${count} paths: `, result(/** @type {number} */ (sum), "path-sum"),
      num(sum) === num(chain.gradient) ? " = dL/dw ✓" : " ≈ dL/dw"),
  ];
}

/**
 * δ of one neuron, and on demand how it comes from the deltas of the layer after it.
 * @param {CardContext} ctx
 * @param {number} layer
 * @param {number} unit
 * @param {number} value
 * @returns {HTMLElement}
 */
function deltaTree(ctx, layer, unit, value) {
  const { E, names, api, deltas } = ctx;
  const message = deltas[`${layer}:${unit}`];
  const who = names.neuron(layer, unit);
  const head = h("p", { class: "gn-ex-delta-head" },
    `δ of ${names.short(layer, unit)} = `, n(value, "tree-value"), " ",
    message ? null : h("button", {
      type: "button",
      class: "gn-ex-link gn-ex-expand",
      "aria-label": `Show how δ of ${who} comes about`,
      dataset: { key: `delta:${layer}:${unit}`, layer, unit },
      onclick: () => api.explain.delta(layer, unit),
    }, "how?"));
  if (!message) return h("div", { class: "gn-ex-delta", dataset: { layer, unit } }, head);
  if (message.terms.length === 0) {
    const line = message.fused
      ? formula(chunk("δ = a - t"), " ", chunk("= ", t(message.activation), " - ", t(E.target[unit])), " ", chunk("= ", result(message.delta, "tree-delta")))
      : formula(chunk("δ = f'(z) × dL/da"), " ", chunk("= ", t(message.slope), " × ", t(/** @type {number} */ (message.output_error))), " ", chunk("= ", result(message.delta, "tree-delta")));
    return h("div", { class: "gn-ex-delta", dataset: { layer, unit } }, head, line,
      h("p", { class: "gn-ex-note" }, "The output's delta comes straight from the loss: here the chain ends."));
  }
  const terms = message.terms.map((term, k) => chunk(k === 0 ? "(" : "", t(term.weight), " × ", t(term.next_delta, "tree-next-delta"),
    k < message.terms.length - 1 ? " +" : ")"));
  return h("div", { class: "gn-ex-delta", dataset: { layer, unit } },
    head,
    formula(chunk("δ = f'(z) × Σ (weight × next δ)")),
    formula(chunk("= ", t(message.slope), " ×"), " ", ...terms.flatMap((c) => [c, " "]), chunk("= ", result(message.delta, "tree-delta"))),
    h("ul", { class: "gn-ex-delta-next", "aria-label": "The deltas it gathers" },
      ...message.terms.map((term) => h("li", null, deltaTree(ctx, layer + 1, term.unit, term.next_delta)))));
}
