// @ts-check
/**
 * The step-through player: moving through one explained training step.
 *
 * The step's timeline (lib/timeline.js) is a list of steps; the player moves an
 * index along it (next, back, goTo) and plays it on a timer. Crossing into the
 * update applies the explained step in the session (its new weights show
 * everywhere), crossing back reverts it. Opening the step-through pauses
 * training; picking a point asks the session to explain a step on it.
 *
 * The player keeps no state of its own but its timer: it reads state.explain
 * and writes a new one through the store.
 */

import { closedExplain } from "./initialState.js";
import { nextIndex, updateIndex } from "./timeline.js";

/** @import { Outgoing } from "./messages.js" */
/** @import { ExplainState, Player } from "./types.js" */

/** Explanation playback speeds, in steps per second. */
export const EXPLAIN_SPEEDS = [0.5, 1, 2, 4];

/**
 * @param {object} io
 * @param {() => ExplainState} io.read the step-through's state now
 * @param {(explain: ExplainState) => void} io.write replace it (the store redraws)
 * @param {(message: Outgoing) => void} io.send a message to the session
 * @returns {Player & {destroy(): void}}
 */
export function createPlayer({ read, write, send }) {
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let timer;

  /** Move to a step; crossing into the update applies the step, crossing back reverts it. */
  function goTo(/** @type {number} */ index) {
    const e = read();
    if (!e.steps || !e.explanation) return;
    const target = Math.max(0, Math.min(e.steps.length - 1, index));
    const boundary = updateIndex(e.steps);
    const canApply = e.explanation.parameters_after !== null;
    let applied = e.applied;
    if (canApply && !applied && target >= boundary) {
      send({ type: "apply_step", id: e.explanation.id });
      applied = true;
    } else if (applied && target < boundary) {
      send({ type: "revert_step", id: e.explanation.id });
      applied = false;
    }
    const last = target === e.steps.length - 1; // playing stops at the end
    if (last) stopTimer();
    write({ ...e, index: target, applied, playing: last ? false : e.playing });
  }

  function step(/** @type {1 | -1} */ direction) {
    const e = read();
    if (e.steps) goTo(nextIndex(e.steps, e.index, direction, e.granularity));
  }

  function stopTimer() {
    clearInterval(timer);
    timer = undefined;
  }

  /** Play from here: one step every 1 / speed seconds, until the end or a pause. */
  function startPlaying() {
    stopTimer();
    write({ ...read(), playing: true });
    timer = setInterval(() => {
      // A new explanation (lib/reduce.js) stops playing without the player: the timer stops here.
      if (read().playing) step(1);
      else stopTimer();
    }, 1000 / read().speed);
  }

  /** @returns {ExplainState} the state with playing off, and the timer stopped */
  function stopped() {
    stopTimer();
    const e = read();
    return e.playing ? { ...e, playing: false } : e;
  }

  return {
    open(open = true) {
      const e = stopped();
      if (open) send({ type: "pause" });
      write(open ? { ...e, open: true } : closedExplain(e));
    },
    point(point, size = read().size) {
      write({ ...stopped(), open: true, size, pending: point });
      send({ type: "explain", point, size });
    },
    next: () => step(1),
    back: () => step(-1),
    goTo,
    play(on = true) {
      if (on) startPlaying();
      else write(stopped());
    },
    setSpeed(speed) {
      write({ ...read(), speed });
      if (read().playing) startPlaying();
    },
    setGranularity(granularity) {
      write({ ...read(), granularity });
    },
    weight(layer, source, target) {
      const id = read().explanation?.id;
      if (id !== undefined) send({ type: "explain_weight", id, layer, source, target });
    },
    delta(layer, unit) {
      const id = read().explanation?.id;
      if (id !== undefined) send({ type: "explain_delta", id, layer, unit });
    },
    hoverPath(path) {
      write({ ...read(), hoverPath: path });
    },
    destroy: stopTimer,
  };
}

