// @ts-check
/**
 * The message reducer: what one message from the session changes in the state.
 *
 *   reduce(state, message, buffers) -> { the parts of the state that change } or null
 *
 * It reads the state and returns new values for the parts a message changes;
 * the store puts them in place and redraws. It sends nothing and starts no
 * timers. (One exception for speed: a frame's history is appended to the
 * history in place, since it may hold thousands of entries.)
 *
 * Settings are not here: they are the model's values, read by the store.
 * A message of a later protocol version that this page does not know changes nothing.
 */

import { mergeHistory } from "./history.js";
import { unpackLayers } from "./evaluate.js";
import { closedExplain } from "./initialState.js";
import { buildSteps, updateIndex } from "./timeline.js";

/** @import { Alert, FrameMessage, Incoming } from "./messages.js" */
/** @import { State } from "./types.js" */

/** How many notices, and how many errors, are kept to show at once. */
const KEEP_NOTICES = 4;
const KEEP_ERRORS = 3;

let nextId = 1; // names each notice and error, so a view can dismiss it

/**
 * @param {Readonly<State>} state the state now (not changed here, but for the history)
 * @param {Incoming} message from the session, or from the host about the connection
 * @param {DataView[]} buffers the message's binary parts (a binary frame's parameters)
 * @returns {Partial<State> | null} new values of the parts that change, or null for none
 */
export function reduce(state, message, buffers) {
  switch (message.type) {
    case "connection":
      if (message.state === "closed") return { connection: "closed", alert: connectionLost(message.reason) };
      return { connection: message.state, alert: state.alert?.kind === "connection" ? null : state.alert };
    case "welcome":
      return {
        catalog: message.catalog,
        connection: "open",
        capabilities: message.capabilities ?? null,
        replay: message.replay ?? null,
      };
    case "data":
      return { data: message };
    case "busy":
      return { busy: message.busy ? message.message || "Busy." : null };
    case "frame":
      return acceptFrame(state, message, buffers);
    case "notice":
      return { notices: [...state.notices, { id: nextId++, message: message.message }].slice(-KEEP_NOTICES) };
    case "explanation":
      // A new explanation starts at its first step, keeping how the person likes to play it.
      return {
        explain: {
          ...closedExplain(state.explain),
          open: true,
          size: message.size,
          explanation: message,
          steps: buildSteps(message),
          index: 0,
        },
      };
    case "chain":
      if (message.id !== state.explain.explanation?.id) return null; // an answer about an older step
      return { explain: { ...state.explain, chain: message } };
    case "delta": {
      if (message.id !== state.explain.explanation?.id) return null;
      const deltas = { ...state.explain.deltas, [`${message.layer}:${message.unit}`]: message };
      return { explain: { ...state.explain, deltas } };
    }
    case "exported":
      return { exported: message };
    case "lessons":
      return { lessons: message.lessons };
    case "lesson":
      return { lesson: message };
    case "lesson_closed":
      return state.lesson?.name === message.name ? { lesson: null } : null;
    case "error": {
      const errors = [...state.errors, { id: nextId++, message: message.message, request: message.request }].slice(-KEEP_ERRORS);
      // The session refused to apply an explained step: the page is still before it.
      if (message.request === "apply_step" && state.explain.applied && state.explain.steps) {
        const before = Math.max(0, updateIndex(state.explain.steps) - 1);
        return { errors, explain: { ...state.explain, applied: false, index: before } };
      }
      return { errors };
    }
    default:
      return null;
  }
}

/**
 * A frame: its parameters as one Float64Array (from JSON, or from a binary
 * buffer), the network's layers, and the history it adds.
 * @param {Readonly<State>} state
 * @param {FrameMessage} message
 * @param {DataView[]} buffers
 * @returns {Partial<State>}
 */
function acceptFrame(state, message, buffers) {
  const p = message.parameters;
  const parameters = Array.isArray(p)
    ? Float64Array.from(p, (v) => (v === null ? NaN : v)) // JSON has no NaN: null stands in
    : new Float64Array(buffers[p.buffer].buffer.slice(
        buffers[p.buffer].byteOffset,
        buffers[p.buffer].byteOffset + p.length * 8,
      ));
  const frame = { ...message, parameters };
  /** @type {Partial<State>} */
  const changes = {
    frame,
    layers: unpackLayers(message.network.layer_sizes, message.network.activations, parameters),
    history: mergeHistory(state.history, message.history),
  };
  // The alert is redrawn only when it changes: most frames bring the same one (or none).
  if (JSON.stringify(state.alert) !== JSON.stringify(message.alert)) changes.alert = message.alert;
  return changes;
}

/**
 * @param {string | undefined} reason what the server said on closing, if anything
 * @returns {Alert}
 */
function connectionLost(reason) {
  return {
    kind: "connection",
    message:
      (reason ? `${reason} ` : "") +
      "The connection to the glassnet server was lost, so training has stopped. " +
      "Check that glassnet is still running, then reload this page.",
  };
}
