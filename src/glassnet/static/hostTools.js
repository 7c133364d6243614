// @ts-check
/**
 * The standalone page's own tools: Share link, Embed, Save session, Load session, Share live, MIDI.
 *
 * They exist only in the page (a notebook has its own ways to share and save),
 * so the page's host adds them to the front end's top bar after rendering.
 * Saving and loading go through the session (protocol messages `save` and
 * `restore`); this code only moves the file.
 */

import { addStylesheet } from "./app.js";
import { h } from "./lib/dom.js";
import { helpButton } from "./lib/help.js";
import { lazy } from "./lib/lazy.js";
import { createShareLive } from "./shareLive.js";

/** @import { Incoming, MidiMapping, SessionDocument } from "./lib/messages.js" */
/** @import { Model } from "./lib/types.js" */

/**
 * @param {HTMLElement} root the rendered front end (its .gn-top gets the tools)
 * @param {Model} model the page's socket model
 * @param {(withHistory: boolean, handler: (session: SessionDocument) => void) => void} requestSave asks
 *   the session for its document and hands the answer to handler
 * @param {() => MidiMapping[]} midiMappings the MIDI mappings the session keeps now
 */
export function addHostTools(root, model, requestSave, midiMappings) {
  const top = /** @type {HTMLElement} */ (root.querySelector(".gn-top"));
  addStylesheet("views/top/liveTools.css", root); // the Share live and MIDI panels
  const fileInput = h("input", {
    type: "file",
    accept: ".json,.html,application/json,text/html", // a session file, or a page glassnet published
    hidden: true,
    onchange: async () => {
      const file = fileInput.files?.[0];
      fileInput.value = "";
      if (file) model.send({ type: "restore", content: await file.text() });
    },
  });
  const dialog = embedDialog();
  const live = createShareLive(model);
  const midi = midiButton(root, model, midiMappings);
  // Share live and MIDI sit beside Lessons and Help in the first row; the others end the
  // settings' row (all of them there would take a third row at 1280 px).
  const guide = top.querySelector(".gn-guide");
  if (guide) guide.after(h("div", { class: "gn-live-slot" }, live.button, midi));
  top.append(
    h("div", { class: "gn-host-tools" },
      button("Share", "Share link", () => copy(location.href, shareButton), "share"),
      button("Embed", "Embed", () => dialog.open(), "embed"),
      button("Save", "Save session", (/** @type {MouseEvent} */ event) => {
        const saveButton = /** @type {HTMLButtonElement} */ (event.currentTarget);
        requestSave(true, (session) => {
          download(session);
          flash(saveButton, "Saved");
        });
      }, "save"),
      button("Load", "Load session", () => fileInput.click(), "loadSession"),
      ...(guide ? [] : [live.button, midi]),
      helpButton("keep", "Share, Embed, Save and Load"),
      fileInput,
    ),
  );
  const shareButton = /** @type {HTMLButtonElement} */ (top.querySelector(".gn-host-tools .gn-button"));
  root.append(dialog.el, live.panel);
}

/**
 * The MIDI button. Its panel (midiPanel.js) loads when first opened, or as soon as the
 * session keeps mappings (a reload, a loaded session file): they then drive at once.
 * @param {HTMLElement} root
 * @param {Model} model
 * @param {() => MidiMapping[]} mappings
 */
function midiButton(root, model, mappings) {
  let opening = false;
  const panel = lazy(async () => {
    const { createMidiPanel } = await import("./midiPanel.js");
    return createMidiPanel({ root, model, button: midi, mappings: mappings() });
  }, null, (part) => {
    if (opening) part?.toggle();
  });
  const midi = /** @type {HTMLButtonElement} */ (button("MIDI", "MIDI", () => {
    if (panel.current) return panel.current.toggle();
    opening = true;
    panel.need();
  }, "midi"));
  midi.setAttribute("aria-expanded", "false");
  model.on("msg:custom", (/** @type {Incoming} */ message) => {
    if (message.type === "midi" && message.mappings.length) panel.need();
  });
  if (mappings().length) panel.need();
  return midi;
}

/**
 * @param {string} text
 * @param {string} name its accessible name
 * @param {(event: MouseEvent) => void} onclick
 * @param {string} control its name for hide keys (docs/urls.md)
 */
function button(text, name, onclick, control) {
  return h("button", { type: "button", class: "gn-button", "aria-label": name, onclick, dataset: { control } }, text);
}

/** @param {SessionDocument} session */
function download(session) {
  const blob = new Blob([JSON.stringify(session)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const name = `glassnet-${session.settings.dataset}-epoch-${session.training.epoch}.json`;
  const link = h("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * @param {string} text
 * @param {HTMLButtonElement} button
 */
async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    flash(button, "Copied");
  } catch {
    window.prompt("Copy this link:", text);
  }
}

/**
 * Show a short confirmation on a button for a moment.
 * @param {HTMLButtonElement} button
 * @param {string} text
 */
function flash(button, text) {
  const old = button.dataset.label || button.textContent;
  button.dataset.label = old;
  button.textContent = text;
  setTimeout(() => { button.textContent = old; }, 1500);
}

/**
 * A link to one of glassnet's docs, which this server serves read-only (/docs/NAME.md).
 * @param {string} name
 */
function docLink(name) {
  return h("a", { href: `/docs/${name}`, target: "_blank", rel: "noopener" }, `docs/${name}`);
}

/** The iframe snippet for the current setup, in a dialog. */
function embedDialog() {
  const code = h("textarea", { class: "gn-embed-code", readonly: true, rows: 4, "aria-label": "Embed code" });
  const copyButton = h("button", { type: "button", class: "gn-button gn-primary", onclick: () => copy(code.value, copyButton) }, "Copy code");
  const el = h("dialog", { class: "gn-embed-dialog", "aria-labelledby": "gn-embed-title" },
    h("h2", { id: "gn-embed-title", class: "gn-heading" }, "Embed this playground"),
    h("p", null, "Paste this into any web page. It shows a compact playground (600 × 450) with this setup; ",
      "add ", h("code", null, "<name>_hide=true"), " to the link to hide a control (see ", docLink("urls.md"), ")."),
    code,
    h("p", { class: "gn-embed-note" },
      "The playground trains on this glassnet server, so everyone who opens that page must be able to ",
      "reach it. For other machines start it with ", h("code", { class: "gn-embed-command" }, "glassnet --host 0.0.0.0"),
      " on a machine they can reach (", docLink("embedding.md"), ")."),
    h("div", { class: "gn-embed-actions" }, copyButton,
      h("button", { type: "button", class: "gn-button", onclick: () => el.close() }, "Close")),
  );
  return {
    el,
    open() {
      const port = location.port || (location.protocol === "https:" ? "443" : "80");
      /** @type {HTMLElement} */ (el.querySelector(".gn-embed-command")).textContent = `glassnet --host 0.0.0.0 --port ${port}`;
      const src = `${location.origin}/embed${location.hash}`;
      code.value = `<iframe src="${src}" width="600" height="450" style="border: 0" ` +
        `title="glassnet: a neural network you can see through" loading="lazy"></iframe>`;
      el.showModal();
      code.select();
    },
  };
}
