// @ts-check
/**
 * The standalone page's host: connect to this server's session and render the front end.
 *
 * Page-only features live here, not in the shared front end:
 * - the URL hash holds the setup (lib/urlState.js): opening a link restores it,
 *   and every change of settings rewrites it;
 * - the tab keeps its session, so that nothing is lost when the page reloads or the
 *   server restarts (or is killed):
 *   - the server keeps the session a minute after its tab goes, and the tab comes
 *     back to it with the token it got in `welcome` (sessionStorage): undo and all;
 *   - the tab also keeps its own copy (settings, points, weights, optimizer, history,
 *     whether it was playing) in sessionStorage, asked for at most every KEEP_EVERY_MS
 *     while something changes, and its undo steps in IndexedDB (keptUndo.js). A server
 *     that no longer has the session restores that copy. Settings from the link win;
 * - after the connection drops it tries again every few seconds;
 * - a link may open a lesson (lesson=NAME&step=N); while one is open the hash
 *   holds it and its step, and the tab keeps the step and its ticks, so a reload
 *   comes back to it with the playground and the ticks as the person left them
 *   (docs/urls.md).
 *
 * A screen may follow a session shared live (#join=CODE, docs/screens.md): it then
 * sends no settings, keeps nothing and leaves the hash alone, and shows when it is
 * read-only. A screen may also show one part (view=NAME), be an exhibition's
 * (kiosk=1: it plays by itself and goes back to its starting setup after
 * KIOSK_IDLE_MS without input) or a projector's (projector=1).
 *
 * The tab's route (an id in sessionStorage, index.html makes it) goes in the socket's
 * address: a proxy in front of several glassnet servers sends a tab to the same one
 * each time (docs/serving.md).
 */

import app, { addStylesheet } from "./app.js";
import { createSocketModel } from "./lib/socketModel.js";
import { emptyHistory, mergeHistory } from "./lib/history.js";
import { lazy } from "./lib/lazy.js";
import { readHash, readScreen, writeHash } from "./lib/urlState.js";
import { h } from "./lib/dom.js";

/** @import { History, Incoming, SessionDocument } from "./lib/messages.js" */
/** @import { KeptSteps } from "./keptUndo.js" */
/** @typedef {(session: SessionDocument) => void} SavedHandler */
/** @typedef {SessionDocument & { history?: Partial<History>, playing?: boolean }} Kept */
/** @typedef {{ name: string, origin: string, index: number, done: boolean[] }} OpenLesson */

const KEEP_KEY = "glassnet-session";
const TOKEN_KEY = "glassnet-token";
const ROUTE_KEY = "glassnet-route";
const LESSON_KEY = "glassnet-lesson";
const KEEP_EVERY_MS = 700; // so that a server killed while training loses less than a second
const RECONNECT_MS = 2000;
const MAX_MESSAGE_BYTES = 6_000_000; // until the catalog says (docs/limits.md)
const KIOSK_IDLE_MS = 120_000; // an exhibition screen goes back to its start after this (docs/screens.md)
const LET_GO = 4403; // the server's close code for a follower whose join code no longer works

const link = readHash(location.hash);
const screen = readScreen(location.hash);
const following = screen.join !== null;
const layout = document.body.dataset.layout || "full";
const route = sessionStorage.getItem(ROUTE_KEY) || "";
let kept = readKept();
let lossHistory = kept?.history ? { ...emptyHistory(), ...kept.history } : emptyHistory();
/**
 * The tab's kept undo steps (keptUndo.js, IndexedDB), loaded when first needed: only a tab
 * with a kept session waits for them (they go in its hello); a new tab says hello at once
 * and loads them with the first copy it keeps.
 * @typedef {Awaited<ReturnType<typeof import("./keptUndo.js").openKeptUndo>>
 *   & { withSteps: typeof import("./keptUndo.js").withSteps }} UndoStore
 */
/** @type {UndoStore | null} */
let undoStore = null;
/** @type {Promise<UndoStore> | null} */
let undoLoading = null;
const loadUndoStore = () => (undoLoading ??= import("./keptUndo.js").then(async (module) =>
  (undoStore = { ...(await module.openKeptUndo(route)), withSteps: module.withSteps })));
/** @type {KeptSteps | null} */
let steps = kept ? (await loadUndoStore()).steps : null;
/** @type {string[]} */
let settingNames = [];
let maxBytes = MAX_MESSAGE_BYTES;
/** @type {OpenLesson | null} the open lesson, as the session last said */
let lesson = null;
/** @type {import("./lib/messages.js").MidiMapping[]} the MIDI mappings the session keeps (midiPanel.js) */
let midiMappings = [];

const scheme = location.protocol === "https:" ? "wss:" : "ws:";
const join = following ? `&join=${screen.join}` : "";
const model = createSocketModel(`${scheme}//${location.host}/ws?route=${encodeURIComponent(route)}${join}`, {
  hello: () => {
    if (following) return {}; // it watches the shared session as it is

    // The hash as it is now: after a reconnection, the link it was opened with is old.
    const settings = readHash(location.hash).settings;
    return {
      // The token first: the server looks for it at the start of a large hello.
      ...(sessionStorage.getItem(TOKEN_KEY) ? { token: sessionStorage.getItem(TOKEN_KEY) } : {}),
      ...(kept ? restoreFields(kept) : {}),
      ...(Object.keys(settings).length ? { settings } : {}),
    };
  },
  local: {
    ui_options: {
      hidden: link.hidden, hideText: link.hideText, layout,
      view: screen.view, kiosk: screen.kiosk, projector: screen.projector,
    },
  },
  // index.html opened it while the modules loaded.
  socket: /** @type {{ glassnetSocket?: WebSocket }} */ (/** @type {unknown} */ (window)).glassnetSocket,
});
const el = /** @type {HTMLElement} */ (document.getElementById("app"));
app.render({ model, el });
// A follower's page marks what it may not change (views/top/screens.css).
if (following) addStylesheet("views/top/screens.css", /** @type {HTMLElement} */ (el.querySelector(".glassnet")));

/**
 * What a hello brings of the kept copy: the session (with its steps, as many as fit)
 * and whether it was playing.
 * @param {Kept} copy
 */
function restoreFields(copy) {
  const { playing, ...session } = copy;
  const saved = { ...session, history: plainHistory(lossHistory) };
  const restore = undoStore ? undoStore.withSteps(saved, steps, maxBytes) : saved;
  return { restore, ...(playing ? { play: true } : {}) };
}

// The answers to `save` arrive in the order asked: each goes to whoever asked.
/** @type {SavedHandler[]} */
const savedHandlers = [];
/**
 * @param {boolean} withHistory
 * @param {SavedHandler} handler
 * @param {Record<string, unknown>} [options] more fields of the save request
 */
function requestSave(withHistory, handler, options = {}) {
  savedHandlers.push(handler);
  model.send({ type: "save", history: withHistory, ...options });
}
// The page's own tools load once the first network is drawn (app.js marks it), so they do
// not hold it back; not in the compact embed.
const hostTools = lazy(async () => {
  const { addHostTools } = await import("./hostTools.js");
  addHostTools(/** @type {HTMLElement} */ (el.querySelector(".glassnet")), model, requestSave, () => midiMappings);
}, undefined);
if (layout !== "embed" && !following) {
  const drawn = () => performance.getEntriesByName("glassnet-first-frame").length > 0;
  if (drawn()) hostTools.need();
  else {
    new PerformanceObserver((_, observer) => {
      if (!drawn()) return;
      observer.disconnect();
      hostTools.need();
    }).observe({ type: "mark" });
  }
}

// Keep the session: ask for it (without history, which frames already bring, and without
// the points unless they changed) whenever something changed, at most every KEEP_EVERY_MS.
let version = -1;
let keptVersion = -1;
let playing = false;
let pointsChanged = true;
let stepsVersion = -1; // the undo version this connection's session last reported
/** @type {ReturnType<typeof setTimeout> | null} */
let timer = null;
model.on("msg:custom", (/** @type {Incoming} */ message) => {
  if (message.type === "welcome") {
    settingNames = message.catalog.settings.map((setting) => setting.name);
    maxBytes = message.catalog.limits.MAX_MESSAGE_BYTES ?? maxBytes;
    if (message.token && !following) sessionStorage.setItem(TOKEN_KEY, message.token);
    if (screen.kiosk && !following) startKiosk();
    pointsChanged = true; // perhaps another session (a restarted server): keep it all anew
    keptVersion = -1;
    stepsVersion = -1;
    openLesson();
  } else if (message.type === "lesson" || message.type === "lesson_closed") {
    lesson = message.type === "lesson" ? {
      name: message.name,
      origin: message.origin,
      index: message.index,
      done: message.steps.map((step) => Boolean(step.task?.done)),
    } : null;
    keepLesson();
    writeLink();
  } else if (message.type === "frame") {
    lossHistory = mergeHistory(lossHistory, message.history);
    version = message.version;
    playing = message.playing;
    if (!following) scheduleKeep();
  } else if (message.type === "data") {
    pointsChanged = true;
    if (!following) scheduleKeep();
  } else if (message.type === "role") {
    showRole(message.control);
    if (screen.kiosk && message.control) startKiosk(); // an exhibition screen that may drive
  } else if (message.type === "saved") {
    savedHandlers.shift()?.(message.session);
  } else if (message.type === "midi") {
    midiMappings = message.mappings;
    keptVersion = -1; // the kept copy holds them: keep it anew
    if (!following) scheduleKeep();
  } else if (message.type === "connection" && message.state === "closed") {
    savedHandlers.length = 0; // their answers will not come
    // A follower let go (its owner stopped sharing) was told why; trying again would not help.
    if (message.code !== LET_GO) setTimeout(() => model.reconnect(), RECONNECT_MS);
  }
});

function scheduleKeep() {
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    if (version === keptVersion && !pointsChanged) return;
    keptVersion = version;
    const withPoints = pointsChanged || !kept;
    pointsChanged = false;
    requestSave(false, keep, { points: withPoints, undo: stepsVersion });
  }, KEEP_EVERY_MS);
}

/**
 * Open the link's lesson once connected, or after a reconnection the lesson that was open.
 * A reload (the tab kept this lesson at this step) resumes it: the playground stays as it
 * was, and the ticks the session sent before come back (it checks that they fit the lesson).
 */
function openLesson() {
  const want = lesson ?? (link.lesson && { name: link.lesson.name, index: link.lesson.step - 1 });
  if (!want) return;
  const keptLesson = /** @type {OpenLesson | null} */ (readStored(LESSON_KEY));
  const resumed = lesson ?? (keptLesson?.name === want.name && keptLesson?.index === want.index ? keptLesson : null);
  const done = Array.isArray(resumed?.done) ? { done: resumed.done } : {};
  model.send({ type: "lesson_open", name: want.name, index: want.index, ...(resumed ? { resume: true, ...done } : {}) });
}

/** Keep the open lesson's step and ticks in the tab (a lesson from a file is not kept: its text is not here). */
function keepLesson() {
  try {
    if (lesson && lesson.origin !== "file") sessionStorage.setItem(LESSON_KEY, JSON.stringify(lesson));
    else sessionStorage.removeItem(LESSON_KEY);
  } catch {
    // Storage disabled: a reload opens the link's step afresh.
  }
}

// The hash always holds the setup, or the open lesson and its step.
function writeLink() {
  if (following) return; // its link is the join link
  /** @type {Record<string, unknown>} */
  const settings = {};
  for (const name of settingNames) settings[name] = model.get(name);
  if (!Object.keys(settings).length) return;
  const linked = lesson && lesson.origin !== "file" ? { name: lesson.name, step: lesson.index + 1 } : null;
  const hash = writeHash(settings, { hidden: link.hidden, hideText: link.hideText, lesson: linked, screen });
  if (hash !== location.hash) {
    window.history.replaceState(null, "", `${location.pathname}${location.search}${hash}`);
  }
}
model.on("change", writeLink);

/** @param {SessionDocument} session what `save` answered */
function keep(session) {
  const { undo, redo, undo_version: undoVersion, ...rest } = session;
  if (typeof undoVersion === "number") stepsVersion = undoVersion;
  if (Array.isArray(undo) && Array.isArray(redo)) {
    const latest = { undo, redo, version: stepsVersion };
    steps = latest;
    loadUndoStore().then((store) => store.keep(latest));
  }
  const points = rest.points ?? kept?.points; // left out when they had not changed
  kept = { ...rest, points, playing };
  try {
    sessionStorage.setItem(KEEP_KEY, JSON.stringify({ ...kept, history: plainHistory(lossHistory) }));
  } catch {
    // Storage full or disabled: the session still works, it is just not kept.
  }
}

/** @returns {Kept | null} what this tab kept */
function readKept() {
  return readStored(KEEP_KEY);
}

/**
 * @param {string} key
 * @returns {any} the value kept under key in this tab, or null
 */
function readStored(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key) || "null");
  } catch {
    return null;
  }
}

/**
 * The history as a session document keeps it.
 * @param {History} h
 */
function plainHistory(h) {
  const { stride, ...series } = h;
  return { stride: stride || 1, ...series };
}

/**
 * A follower's screen says whether it may change the shared session; when it may not,
 * its controls look read-only (and the session refuses what they would send).
 * @param {boolean} control
 */
function showRole(control) {
  const root = /** @type {HTMLElement} */ (el.querySelector(".glassnet"));
  root.classList.toggle("gn-read-only", !control);
  root.querySelector(".gn-follow-banner")?.remove();
  const words = control
    ? "Following a shared session: its owner lets you change it."
    : "Following a shared session, read-only: you see it live; its owner changes it.";
  root.querySelector(".gn-top")?.after(h("p", { class: "gn-follow-banner", role: "status" }, words));
}

/**
 * An exhibition screen plays by itself and goes back to its starting setup after
 * KIOSK_IDLE_MS without anyone there (kiosk.js, loaded only by a kiosk screen), if it may
 * change the session: a read-only follower's kiosk just follows.
 */
let kioskStarted = false;
function startKiosk() {
  if (kioskStarted) return; // a reconnection: it is started already
  kioskStarted = true;
  import("./kiosk.js").then((module) => module.startKiosk(model, requestSave, KIOSK_IDLE_MS));
}
