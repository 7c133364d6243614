// @ts-check
/**
 * An exhibition screen (#kiosk=1, docs/screens.md "Kiosk"): it plays by itself, and after
 * a while without anyone there it puts back the setup it started with and plays again.
 *
 * "Anyone there" is any input on this screen (a touch, a key, the wheel) or any change to
 * the session from any screen: in a shared exhibition the visitor touches the controls'
 * screen, and the network's screen beside it must not put the setup back under their
 * hands. Only a screen that may change the session runs this (page.js): a read-only
 * follower just follows. Loaded only by a kiosk screen.
 */

/** @import { Incoming, SessionDocument } from "./lib/messages.js" */
/** @import { Model } from "./lib/types.js" */

/**
 * Start playing, and after idleMs without input or change go back to the first setup.
 * @param {Model} model the page's socket model
 * @param {(withHistory: boolean, handler: (session: SessionDocument) => void) => void} requestSave
 *   asks the session for its document and hands the answer to handler
 * @param {number} idleMs how long without anyone before the setup goes back
 */
export function startKiosk(model, requestSave, idleMs) {
  /** @type {SessionDocument | null} the setup it started with */
  let start = null;
  requestSave(false, (session) => {
    start = session;
    model.send({ type: "play" });
  });
  /** @type {ReturnType<typeof setTimeout> | null} */
  let idle = null;
  let control = true; // a follower's owner may take control back: it then just follows
  const wait = () => {
    if (idle) clearTimeout(idle);
    if (!control) return;
    idle = setTimeout(() => {
      if (start) model.send({ type: "restore", session: start });
      model.send({ type: "play" });
      wait();
    }, idleMs);
  };
  for (const event of ["pointerdown", "keydown", "wheel"]) addEventListener(event, wait, { passive: true });
  // Someone at another screen: a setting, the data, or Play and Pause changed.
  model.on("change", wait);
  let playing = true;
  model.on("msg:custom", (/** @type {Incoming} */ message) => {
    if (message.type === "role") control = message.control;
    if (message.type === "data" || message.type === "role") wait();
    if (message.type === "frame" && message.playing !== playing) {
      playing = message.playing;
      wait();
    }
  });
  wait();
}
