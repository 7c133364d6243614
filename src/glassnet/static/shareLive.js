// @ts-check
/**
 * Share live: a join link that shows this session on other screens, in step (docs/screens.md).
 *
 * Page host code. The server keeps the join codes: this asks it to `share` (or
 * `unshare`) and shows what its `shared` messages say: the link, whether the
 * followers may change the session, and how many screens follow.
 */

import { h } from "./lib/dom.js";

/** @import { Incoming } from "./lib/messages.js" */
/** @import { Model } from "./lib/types.js" */

/**
 * @param {Model} model the page's socket model
 * @returns {{ button: HTMLButtonElement, panel: HTMLElement }}
 */
export function createShareLive(model) {
  const link = h("input", { class: "gn-live-link", readonly: true, "aria-label": "Join link" });
  const control = h("input", { type: "checkbox", class: "gn-live-control",
    onchange: () => model.send({ type: "share", control: control.checked }) });
  const count = h("span", { class: "gn-live-count", role: "status" });
  const copyButton = h("button", { type: "button", class: "gn-button gn-primary", onclick: () => copyLink() }, "Copy link");
  const stop = h("button", { type: "button", class: "gn-button gn-live-stop",
    onclick: () => model.send({ type: "unshare" }) }, "Stop sharing");
  const panel = h("div", { class: "gn-live-panel", role: "dialog", "aria-label": "Share live", hidden: true },
    h("p", null, "Anyone who opens this link sees this session live, in step with this screen."),
    link,
    h("label", null, control, " Followers may change it too (otherwise they only watch)"),
    h("div", { class: "gn-live-actions" }, copyButton, stop, count),
  );
  const button = /** @type {HTMLButtonElement} */ (h("button", {
    type: "button", class: "gn-button", "aria-label": "Share live", dataset: { control: "shareLive" },
    onclick: () => {
      if (panel.hidden) model.send({ type: "share", control: control.checked });
      else panel.hidden = true;
    },
  }, "Share live"));

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(link.value);
      copyButton.textContent = "Copied";
      setTimeout(() => { copyButton.textContent = "Copy link"; }, 1500);
    } catch {
      link.select(); // copy it by hand
    }
  }

  model.on("msg:custom", (/** @type {Incoming} */ message) => {
    if (message.type !== "shared") return;
    panel.hidden = message.code === null;
    button.classList.toggle("gn-on", message.code !== null);
    if (message.code === null) return;
    link.value = `${location.origin}/#join=${message.code}`;
    control.checked = message.control;
    count.textContent = `${message.followers} of at most ${message.max_followers} screens following`;
  });
  return { button, panel };
}
