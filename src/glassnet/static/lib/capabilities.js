// @ts-check
/**
 * What the host can do, as it said in its welcome (docs/protocol.md): the front end
 * shows a control by what the host says, never by which host it is.
 *
 *   can(state, "train")   a live session trains, edits and steps through new steps
 *   can(state, "replay")  a published page replays a recorded run (the timeline)
 *
 * A host that says nothing (an older server) can do everything a live session can.
 */

/** @import { State } from "./types.js" */

/** What a live session can do, for a host that does not say. */
const LIVE = ["train", "edit", "explain", "export", "publish"];

/**
 * @param {Pick<State, "capabilities">} state
 * @param {string} what
 */
export function can(state, what) {
  return (state.capabilities ?? LIVE).includes(what);
}

/** The line that says how to go on with a replayed network in glassnet. */
export const OPEN_IN_GLASSNET =
  "To train it further or change it, open this page in glassnet: pip install glassnet, " +
  "run glassnet, then Load this .html file.";
