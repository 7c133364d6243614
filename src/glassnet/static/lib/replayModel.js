// @ts-check
/**
 * A model object that answers from a published run instead of a live session.
 *
 * A published page (glassnet.publish, docs/publishing.md) holds one JSON
 * document, the publication: the saved session with its recording (the
 * weights at each recorded epoch), the messages the session sent when it was
 * published (welcome, settings, data, frame), the loss and accuracy the engine
 * measured at each recorded epoch, and explained steps the engine computed.
 * This model offers the narrow anywidget model API, so the front end (app.js)
 * runs on it as on a WebSocket or a notebook, and answers as the session would:
 *
 *   hello        -> welcome (capabilities: ["replay"], replay: the recorded epochs),
 *                   settings, data, and the frame of the last epoch
 *   seek {epoch} -> the frame of the recorded epoch nearest to it
 *   explain      -> the explained step recorded for that point at that epoch
 *   apply_step / revert_step -> the frame after / before that step, as the engine computed it
 *   save         -> the saved session
 *   anything else (play, edits, settings) -> an error that says it needs glassnet
 *
 * It computes no number: every weight, loss and explained value comes from the
 * publication. This is host code of the published page: the shared front end
 * never imports it.
 */

import { OPEN_IN_GLASSNET } from "./capabilities.js";

/** @import { Outgoing } from "./messages.js" */
/** @import { Model } from "./types.js" */

/** Whether this machine stores numbers little-endian first, as the recording does (most do). */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/**
 * The weights of every recorded epoch, from the session's recording.
 * `parameters` is base64 of little-endian float64s, one keyframe after another.
 * @param {{ epochs: number[], parameters: string }} recording
 * @returns {{ epochs: number[], frames: Float64Array, size: number }}
 */
export function readRecording(recording) {
  const binary = atob(recording.parameters);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const frames = new Float64Array(bytes.length / 8);
  if (LITTLE_ENDIAN) {
    frames.set(new Float64Array(bytes.buffer)); // the same byte order: a plain copy
  } else {
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < frames.length; i++) frames[i] = view.getFloat64(i * 8, true);
  }
  const epochs = recording.epochs;
  return { epochs, frames, size: epochs.length ? frames.length / epochs.length : 0 };
}

/**
 * The index of the recorded epoch nearest to `epoch` (the earlier one on a tie),
 * as the session's Recording.nearest finds it.
 * @param {number[]} epochs in order
 * @param {number} epoch
 */
export function nearestIndex(epochs, epoch) {
  let low = 0;
  let high = epochs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (epochs[mid] < epoch) low = mid + 1;
    else high = mid;
  }
  if (low === epochs.length) return epochs.length - 1;
  if (low > 0 && epoch - epochs[low - 1] <= epochs[low] - epoch) return low - 1;
  return low;
}

/** Requests answered from the recorded weights: they wait until the page has read them. */
const NEED_WEIGHTS = new Set(["seek", "apply_step", "revert_step", "save"]);

/**
 * @param {any} publication the page's JSON document (docs/publishing.md)
 * @param {object} [options]
 * @param {Record<string, unknown>} [options.local] values only this page knows (ui_options)
 * @param {Promise<string>} [options.weights] the recording's weights (base64), when the page
 *   carries them apart from the publication (its last element, read after the first drawing)
 * @returns {Model}
 */
export function createReplayModel(publication, { local = {}, weights } = {}) {
  const { welcome, data, frame: lastFrame, replay } = publication;
  let session = publication.session;
  /** @type {Promise<unknown>} the weights are in `session` once this settles */
  const weightsRead = weights
    ? weights.then((parameters) => {
        session = { ...session, recording: { ...session.recording, parameters } };
      })
    : Promise.resolve();
  // The recording is decoded when first needed: the page opens on the last frame, which it has.
  /** @type {ReturnType<typeof readRecording> | null} */
  let decoded = null;
  const recording = {
    epochs: session.recording.epochs,
    get frames() {
      decoded ??= readRecording(session.recording);
      return decoded.frames;
    },
    get size() {
      decoded ??= readRecording(session.recording);
      return decoded.size;
    },
  };
  /** @type {Promise<unknown>} the last request's turn: requests are answered in the order sent */
  let turn = Promise.resolve();
  /** @type {Record<string, any>} */
  const values = { ...publication.settings, ...local };
  /** @type {Record<string, unknown>} */
  let pending = {};
  /** @type {Map<string, Set<(...args: any[]) => void>>} */
  const listeners = new Map();
  const history = lastFrame.history;
  let version = lastFrame.version;
  let shown = recording.epochs.length - 1; // the keyframe on screen
  /** @type {any} the explained step on screen */
  let explained = null;

  /**
   * @param {string} event
   * @param {...unknown} args
   */
  function emit(event, ...args) {
    for (const fn of listeners.get(event) || []) fn(...args);
  }

  /** @param {Record<string, unknown>} message @param {DataView[]} [buffers] */
  const answer = (message, buffers = []) => emit("msg:custom", message, buffers);

  /** @param {string | null} request @param {string} message */
  const refuse = (request, message) => answer({ type: "error", request, message });

  /**
   * The frame of one keyframe (or other weights, for an explained step): the
   * parameters travel as a binary buffer, the history up to its epoch.
   * @param {number} index
   * @param {Float64Array} [parameters]
   */
  function frameAt(index, parameters) {
    const epoch = recording.epochs[index];
    const weights = parameters ?? framesOf(index);
    const until = history.epochs.findLastIndex((/** @type {number} */ e) => e <= epoch) + 1;
    /** @type {Record<string, unknown>} */
    const piece = { start: 0, stride: history.stride };
    for (const name of ["epochs", "train_loss", "test_loss", "train_accuracy", "test_accuracy"]) {
      piece[name] = history[name].slice(0, until);
    }
    version += 1;
    const message = {
      ...lastFrame, version, epoch, playing: false, undo: null, redo: null, alert: null,
      metrics: replay.metrics[index], history: piece,
      parameters: { buffer: 0, dtype: "float64", length: weights.length },
    };
    answer(message, [new DataView(weights.buffer, weights.byteOffset, weights.byteLength)]);
  }

  /** The parameters of keyframe `index`: the last frame's own at first, then the recording's. */
  function framesOf(/** @type {number} */ index) {
    if (index === recording.epochs.length - 1 && !decoded && lastFrame.epoch === recording.epochs[index]) {
      return Float64Array.from(lastFrame.parameters, (v) => (v === null ? NaN : v));
    }
    const n = recording.size;
    return recording.frames.subarray(index * n, (index + 1) * n);
  }

  /** @param {Outgoing} content */
  function handle(content) {
    switch (content.type) {
      case "hello":
        answer(welcome);
        emit("change", model);
        answer(data);
        frameAt(shown);
        return;
      case "ready":
      case "goodbye":
      case "pause":
        return; // nothing plays here
      case "seek":
        shown = nearestIndex(recording.epochs, Number(content.epoch) || 0);
        explained = null;
        frameAt(shown);
        return;
      case "explain": {
        const epoch = recording.epochs[shown];
        const found = publication.explanations.find(
          (/** @type {any} */ e) => e.point === content.point && e.epoch === epoch,
        );
        if (!found) {
          refuse("explain", notRecorded(epoch));
          return;
        }
        explained = found.message;
        answer(explained);
        return;
      }
      case "apply_step":
        if (explained?.parameters_after) frameAt(shown, Float64Array.from(explained.parameters_after));
        return;
      case "revert_step":
        frameAt(shown);
        return;
      case "save":
        answer({ type: "saved", session });
        return;
      default:
        refuse(content.type, `That needs a live glassnet: this page replays a recorded run. ${OPEN_IN_GLASSNET}`);
    }
  }

  /** The steps this page can explain, in a sentence, for an epoch it has none at. @param {number} epoch */
  function notRecorded(epoch) {
    const steps = publication.explanations;
    if (!steps.length) return `This page holds no explained steps (they are chosen when publishing). ${OPEN_IN_GLASSNET}`;
    const at = [...new Set(steps.map((/** @type {any} */ e) => e.epoch))].join(", ");
    const points = [...new Set(steps.map((/** @type {any} */ e) => e.point))].join(", ");
    return `This page can step through training on points ${points} at epoch ${at} (drag the timeline there), not on this point at epoch ${epoch}. ${OPEN_IN_GLASSNET}`;
  }

  /** @type {Model} */
  const model = {
    get: (name) => values[name],
    set(name, value) {
      pending[name] = value;
    },
    save_changes() {
      // Settings cannot change a recorded run: say so, and show them as they are.
      const changed = Object.keys(pending).filter((k) => JSON.stringify(pending[k]) !== JSON.stringify(values[k]));
      pending = {};
      if (!changed.length) return;
      for (const k of changed) emit(`change:${k}`, model, values[k]);
      emit("change", model);
      refuse("set", `Settings cannot change here: this page replays a recorded run. ${OPEN_IN_GLASSNET}`);
    },
    on(event, fn) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(fn);
    },
    off(event, fn) {
      if (event === undefined) listeners.clear();
      else if (fn === undefined) listeners.delete(event);
      else listeners.get(event)?.delete(fn);
    },
    send(content) {
      // Answer later, as a session does: the sender may not be listening yet. What needs
      // the recorded weights waits for them, and every later request waits its turn.
      const ready = NEED_WEIGHTS.has(content.type) ? weightsRead : null;
      turn = turn
        .then(() => ready)
        .then(() => handle(content))
        .catch((error) => queueMicrotask(() => { throw error; })); // reported; the next ones go on
    },
  };
  return model;
}
