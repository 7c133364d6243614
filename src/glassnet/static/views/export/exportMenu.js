// @ts-check
/**
 * The Export menu's button. The menu itself (exportPanel.js, with the
 * pictures) loads the first time it opens, so the page opens as fast as before.
 * Escape, a click elsewhere or Close closes it.
 */

import { h } from "../../lib/dom.js";
import { lazy } from "../../lib/lazy.js";

/** @import { State, View, ViewApi } from "../../lib/types.js" */
/** @import { Pictures } from "./exportPanel.js" */
/** @typedef {Awaited<ReturnType<typeof import("./exportPanel.js").createExportPanel>>} Panel */

/** What stands in for the panel until it has loaded. */
const IDLE_PANEL = { el: null, open() {}, close() {}, place() {}, update() {} };

/**
 * @param {HTMLElement} el where the button goes
 * @param {ViewApi} api
 * @param {Pictures} pictures the network's and the map's picture makers (app.js)
 * @param {() => Promise<void>} styles adds the panel's stylesheet (app.js), loaded with it
 * @returns {View}
 */
export function createExportMenu(el, api, pictures, styles) {
  const button = h("button", {
    type: "button",
    class: "gn-button gn-export-toggle",
    "aria-haspopup": "dialog",
    "aria-expanded": "false",
    dataset: { control: "export" },
    onclick: () => (isOpen() ? close() : open()),
  }, "Export");
  el.append(button);

  const panel = lazy(async () => {
    const [{ createExportPanel }] = await Promise.all([import("./exportPanel.js"), styles()]);
    const made = createExportPanel(button, api, pictures, close);
    // Inside the playground (so its styles apply), outside any panel that clips.
    (button.closest(".glassnet") || document.body).append(made.el);
    return made;
  }, /** @type {Panel | typeof IDLE_PANEL} */ (IDLE_PANEL), (made) => {
    made.update({ ...api.state, changed: { messages: true, frame: true, data: true } });
    if (isOpen()) made.open();
  });

  const isOpen = () => button.getAttribute("aria-expanded") === "true";

  function open() {
    button.setAttribute("aria-expanded", "true");
    panel.need();
    panel.current.open();
  }

  function close() {
    if (!isOpen()) return;
    button.setAttribute("aria-expanded", "false");
    panel.current.close();
    button.focus();
  }

  function onKey(/** @type {KeyboardEvent} */ event) {
    if (event.key === "Escape" && isOpen()) close();
  }
  function onPointer(/** @type {PointerEvent} */ event) {
    const target = /** @type {Node} */ (event.target);
    if (isOpen() && !button.contains(target) && !panel.current.el?.contains(target)) close();
  }
  const onResize = () => isOpen() && panel.current.place();
  document.addEventListener("keydown", onKey);
  document.addEventListener("pointerdown", onPointer);
  window.addEventListener("resize", onResize);

  return {
    update(/** @type {State} */ state) {
      panel.current.update(state);
    },
    destroy() {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
      window.removeEventListener("resize", onResize);
      panel.cancel();
      panel.current.el?.remove();
      button.remove();
    },
  };
}
