// @ts-check
/**
 * Messages: the alert when training cannot go on (it diverged, the connection
 * is lost, there is no data), why the controls are inert (training from a
 * notebook's pg.train), notices (with Undo where it helps) and errors.
 */

import { h } from "../../lib/dom.js";

/** @import { Message, State, View, ViewApi } from "../../lib/types.js" */

const NOTICE_SECONDS = 8;
const ERROR_SECONDS = 12;

/**
 * @param {HTMLElement} el
 * @param {ViewApi} api
 * @returns {View}
 */
export function createMessages(el, api) {
  const alert = h("div", { class: "gn-alert", role: "alert", hidden: true });
  const busy = h("div", { class: "gn-busy", role: "status", hidden: true });
  const toasts = h("div", { class: "gn-toasts", role: "status", "aria-live": "polite" });
  el.append(alert, busy, toasts);
  const timers = new Map();
  const shown = new Set();

  /**
   * @param {"notices" | "errors"} kind
   * @param {Message} item
   * @param {string | null | undefined} undoLabel what Undo would take back now, if anything
   */
  function toast(kind, item, undoLabel) {
    const close = h("button", {
      type: "button",
      class: "gn-toast-close",
      "aria-label": "Dismiss",
      onclick: () => api.dismiss(kind, item.id),
    }, "×");
    const undo = undoLabel && /undo/i.test(item.message)
      ? h("button", {
          type: "button",
          class: "gn-button gn-toast-undo",
          onclick: () => {
            api.command("undo");
            api.dismiss(kind, item.id);
          },
        }, "Undo")
      : null;
    return h("div", { class: `gn-toast gn-toast-${kind}`, dataset: { id: item.id } },
      h("span", { class: "gn-toast-text" }, item.message), undo, close);
  }

  function update(/** @type {State} */ state) {
    if (state.changed.busy) {
      busy.hidden = !state.busy;
      busy.textContent = state.busy || "";
    }
    if (state.changed.alert || state.changed.frame || state.changed.connection) {
      const a = state.alert;
      alert.hidden = !a;
      alert.dataset.kind = a ? a.kind : "";
      alert.textContent = a ? a.message : "";
    }
    if (!state.changed.messages && !state.changed.frame) return;
    /** @type {["notices" | "errors", Message][]} */
    const items = [
      ...state.errors.map((item) => /** @type {["errors", Message]} */ (["errors", item])),
      ...state.notices.map((item) => /** @type {["notices", Message]} */ (["notices", item])),
    ];
    const key = items.map(([, i]) => i.id).join(",") + (state.frame?.undo ? "u" : "");
    if (toasts.dataset.key === key) return;
    toasts.dataset.key = key;
    toasts.replaceChildren(...items.map(([kind, item]) => toast(kind, item, state.frame?.undo)));
    for (const [kind, item] of items) {
      if (shown.has(item.id)) continue;
      shown.add(item.id);
      const seconds = kind === "errors" ? ERROR_SECONDS : NOTICE_SECONDS;
      timers.set(item.id, setTimeout(() => api.dismiss(kind, item.id), seconds * 1000));
    }
  }

  return {
    update,
    destroy() {
      for (const t of timers.values()) clearTimeout(t);
      el.replaceChildren();
    },
  };
}
