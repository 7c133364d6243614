// @ts-check
/**
 * The output map before and after an explained training step.
 *
 * Until the timeline reaches the update, the map shows the network as it was
 * before the step (the explanation's parameters_before); from the update on,
 * as it is after it (parameters_after). Crossing over morphs from one to the
 * other in MORPH_MS, blending the outputs (no tween when the person prefers
 * reduced motion). The numbers are the explanation's own parameters, run
 * through the display evaluator once per explanation.
 */

import { evaluateGrid, unpackLayers } from "../../lib/evaluate.js";

/** @import { Explanation } from "../../lib/messages.js" */
/** @import { ExplainState, Grid, GridPoints, State } from "../../lib/types.js" */

export const MORPH_MS = 600;

/** The stages from which the map shows the network after the step. */
const AFTER_STAGES = new Set(["update", "done"]);

/**
 * @param {() => void} onFrame called on every frame of a morph (to repaint the map and its caption)
 */
export function createBeforeAfter(onFrame) {
  /** @type {{ key: string, before: Float64Array[], after: Float64Array[] | null } | null} every layer's values over the grid */
  let grids = null;
  let shown = 0; // 0: before the update, 1: after it, between: morphing
  let target = 0;
  /** @type {number | null} the explanation the map shows */
  let shownId = null;
  let tween = 0; // the animation frame of a running morph

  const reducedMotion = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;

  /**
   * Every layer's values over the grid, before and after the step (once per explanation).
   * @param {Explanation} explanation
   * @param {GridPoints} grid
   */
  function gridsOf(explanation, grid) {
    const key = `${explanation.id}:${grid.resolution}:${grid.oneD}:${grid.slice?.key ?? ""}`;
    if (grids?.key === key) return grids;
    const activations = explanation.layers.map((layer) => layer.activation);
    const run = (/** @type {number[]} */ parameters) => {
      const layers = unpackLayers(explanation.layer_sizes, activations, parameters);
      return evaluateGrid(layers, explanation.features, grid);
    };
    const after = explanation.parameters_after;
    grids = { key, before: run(explanation.parameters_before), after: after ? run(after) : null };
    return grids;
  }

  /**
   * Whether the timeline is at the update or past it, with new weights to show.
   * @param {ExplainState} e
   */
  function wantsAfter(e) {
    const step = e.steps?.[e.index];
    return Boolean(step && e.explanation?.parameters_after && AFTER_STAGES.has(step.stage));
  }

  function startMorph() {
    cancelAnimationFrame(tween);
    const from = shown;
    const start = performance.now();
    const frame = (/** @type {number} */ now) => {
      const t = Math.min(1, (now - start) / MORPH_MS);
      const eased = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
      shown = from + (target - from) * eased;
      if (t >= 1) {
        shown = target;
        tween = 0;
      } else {
        tween = requestAnimationFrame(frame);
      }
      onFrame();
    };
    tween = requestAnimationFrame(frame);
  }

  function stopMorph() {
    cancelAnimationFrame(tween);
    tween = 0;
  }

  return {
    /** "before", "after" or "morphing": what the map shows now. */
    get showing() {
      return tween ? "morphing" : shown === 1 ? "after" : "before";
    },
    /**
     * The grid the map shows: the network before or after the step (or between,
     * while morphing), or null for the live network of the frame.
     * @param {State} s
     * @returns {Grid | null}
     */
    gridFor(s) {
      const e = s.explain;
      if (!e.open || !e.explanation || !s.grid || !s.frame) return null;
      if (String(e.explanation.layer_sizes) !== String(s.frame.network.layer_sizes)) return null;
      const { before, after } = gridsOf(e.explanation, s.grid);
      const t = after ? shown : 0;
      let values = t === 1 && after ? after : before;
      if (t > 0 && t < 1 && after) {
        // Blend the outputs only: the map shows the output, and a blend of outputs is a smooth morph.
        const last = before.length - 1;
        const b = before[last];
        const a = after[last];
        const mixed = new Float64Array(b.length);
        for (let k = 0; k < b.length; k++) mixed[k] = b[k] + (a[k] - b[k]) * t;
        values = [...before.slice(0, last), mixed];
      }
      return { ...s.grid, values };
    },
    /**
     * Before or after: morph when the timeline crosses the update.
     * @param {ExplainState} e
     */
    follow(e) {
      const id = e.explanation ? e.explanation.id : null;
      const wanted = e.explanation && wantsAfter(e) ? 1 : 0;
      if (id !== shownId) {
        // A new explanation starts where its timeline is, without a morph from the last one.
        stopMorph();
        shownId = id;
        shown = target = wanted;
      } else if (wanted !== target) {
        target = wanted;
        if (reducedMotion()) {
          stopMorph();
          shown = target;
        } else {
          startMorph();
        }
      }
    },
    /** Whether there is anything to forget (grids computed). */
    get active() {
      return grids !== null;
    },
    /** The step-through closed: forget the step. */
    reset() {
      stopMorph();
      grids = null;
      shown = target = 0;
      shownId = null;
    },
    stop: stopMorph,
  };
}
