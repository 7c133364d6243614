// @ts-check
/**
 * The undo and redo steps this tab keeps, in IndexedDB, so that a reload after a
 * server restart brings them back with the session.
 *
 * sessionStorage (about 5 MB, and shared with the kept session itself) may be too
 * small for 30 undo steps of 5,000 points; IndexedDB is made for this. The steps
 * are stored under this tab's route (its id in sessionStorage), and steps a closed
 * tab left behind are dropped after a week. Where IndexedDB is missing or refuses,
 * the tab keeps its session without the steps, as before.
 *
 * This is host code of the standalone page: the shared front end never imports it.
 */

/** @import { SessionDocument } from "./lib/messages.js" */
/** @typedef {{ undo: unknown[], redo: unknown[], version: number, keptAt?: number }} KeptSteps */

const DATABASE = "glassnet";
const STORE = "undo";
const FORGET_AFTER_MS = 7 * 24 * 3600 * 1000;

/** @returns {Promise<IDBDatabase | null>} */
function open() {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

/**
 * @param {IDBDatabase | null} db
 * @param {IDBTransactionMode} mode
 * @param {(store: IDBObjectStore) => IDBRequest} act
 * @returns {Promise<any>} the request's result, or null when it failed
 */
function run(db, mode, act) {
  return new Promise((resolve) => {
    if (!db) return resolve(null);
    try {
      const request = act(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result ?? null);
      request.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

/**
 * The steps kept for this tab's route, and a function that keeps new ones.
 * @param {string} route
 * @returns {Promise<{ steps: KeptSteps | null, keep(steps: KeptSteps): void }>}
 */
export async function openKeptUndo(route) {
  const db = await open();
  const steps = /** @type {KeptSteps | null} */ (await run(db, "readonly", (s) => s.get(route)));
  forgetOldSteps(db);
  return {
    steps,
    keep(next) {
      run(db, "readwrite", (s) => s.put({ ...next, keptAt: Date.now() }, route));
    },
  };
}

/** Drop the steps of tabs closed long ago. @param {IDBDatabase | null} db */
async function forgetOldSteps(db) {
  const keys = /** @type {IDBValidKey[] | null} */ (await run(db, "readonly", (s) => s.getAllKeys()));
  for (const key of keys || []) {
    const kept = /** @type {KeptSteps | null} */ (await run(db, "readonly", (s) => s.get(key)));
    if (kept && Date.now() - (kept.keptAt || 0) > FORGET_AFTER_MS) {
      run(db, "readwrite", (s) => s.delete(key));
    }
  }
}

/**
 * A kept session with as many of its steps as fit in `maxBytes` once sent: the
 * nearest ones stay (the last undo steps, the first redo steps to come).
 * @param {SessionDocument} session
 * @param {KeptSteps | null} steps
 * @param {number} maxBytes
 * @returns {SessionDocument}
 */
export function withSteps(session, steps, maxBytes) {
  if (!steps) return session;
  const sizeOf = (/** @type {unknown} */ step) => JSON.stringify(step).length + 1;
  let room = maxBytes * 0.95 - JSON.stringify(session).length; // text is mostly ASCII: 1 byte a character
  // Nearest first, alternating (the last undo step, the next redo step, the one before, ...),
  // and a list stops at its first step that does not fit: undo must not skip a step.
  const lists = [{ from: steps.undo, kept: /** @type {unknown[]} */ ([]), open: true },
    { from: steps.redo, kept: /** @type {unknown[]} */ ([]), open: true }];
  for (let k = 0; lists.some((l) => l.open); k++) {
    for (const list of lists) {
      const step = list.from[list.from.length - 1 - k];
      if (!list.open) continue;
      const size = step === undefined ? Infinity : sizeOf(step);
      if (size > room) {
        list.open = false;
      } else {
        room -= size;
        list.kept.unshift(step);
      }
    }
  }
  return { ...session, undo: lists[0].kept, redo: lists[1].kept };
}
