// @ts-check
/**
 * The loss chart's history: what every frame adds to it.
 *
 * A frame sends only the entries a view does not have yet (docs/protocol.md,
 * frame.history); mergeHistory puts them in place. The front end keeps one
 * history for its chart, and the page's host keeps one to save with the session.
 */

/** @import { History, HistoryPiece } from "./messages.js" */

/** The series of a history, each one value per entry. */
export const HISTORY_SERIES = /** @type {const} */ (["epochs", "train_loss", "test_loss", "train_accuracy", "test_accuracy"]);

/**
 * Add a frame's piece of history to what a view has: drop entries from
 * `piece.start` on, then append the piece.
 * @param {History} history changed in place (it may hold thousands of entries), unless the piece starts over
 * @param {HistoryPiece} piece a frame's history
 * @returns {History} the history with the piece in it
 */
export function mergeHistory(history, piece) {
  const merged = piece.start === 0 ? emptyHistory() : history;
  for (const key of HISTORY_SERIES) {
    const series = /** @type {(number | null)[]} */ (merged[key]);
    series.length = Math.min(series.length, piece.start);
    series.push(...(piece[key] || []));
  }
  merged.stride = piece.stride;
  return merged;
}

/** @returns {History} a history with no entries */
export function emptyHistory() {
  return { epochs: [], train_loss: [], test_loss: [], train_accuracy: [], test_accuracy: [], stride: 1 };
}
