// @ts-check
/**
 * The state every view draws from, as it is before the session has said anything.
 *
 * Only the store writes it (lib/store.js): messages from the session through
 * lib/reduce.js, the step-through through lib/player.js, and the views' own
 * choices (hover, drawing) through setUi. lib/types.js says what each part holds.
 */

import { emptyHistory } from "./history.js";

/** @import { ExplainState, State } from "./types.js" */

/** @returns {State} */
export function initialState() {
  return {
    connection: "connecting",
    catalog: null,
    capabilities: null,
    replay: null,
    settings: {},
    data: null,
    frame: null,
    layers: null,
    history: emptyHistory(),
    alert: null,
    busy: null,
    notices: [],
    errors: [],
    grid: null,
    ui: { hover: null, drawMode: false, drawClass: 0, drawValue: 1, slice: null },
    explain: closedExplain(),
    exported: null,
    lessons: null,
    lesson: null,
    changed: {},
  };
}

/**
 * The step-through state: closed, or open with an explanation, its timeline and where we are.
 * - open: the panel is shown; size: "sample", "batch" or "epoch"; pending: the point asked about
 * - explanation: the session's message; steps: lib/timeline.js; index: the current step
 * - applied: the network has the step's new weights; playing, speed, granularity: playback
 * - chain, deltas: answers to "why did this weight change?" and to expanding a delta
 * - hoverPath: the chain-rule path a view highlights
 * @param {Pick<ExplainState, "speed" | "granularity">} [keep] playback choices to keep
 * @returns {ExplainState}
 */
export function closedExplain(keep = { speed: 1, granularity: "neuron" }) {
  return {
    open: false, size: "sample", pending: null, explanation: null, steps: null, index: 0,
    applied: false, playing: false, speed: keep.speed, granularity: keep.granularity, chain: null,
    deltas: {}, hoverPath: null,
  };
}
