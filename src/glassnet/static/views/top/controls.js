// @ts-check
/**
 * The training controls: Play/Pause, Step, Reset, Undo, Redo, the epoch counter and the speed.
 */

import { h, select, setChoices, showValue } from "../../lib/dom.js";
import { epochText } from "../../lib/format.js";
import { helpButton } from "../../lib/help.js";

/** @import { State, View, ViewApi } from "../../lib/types.js" */

/**
 * @param {HTMLElement} el
 * @param {ViewApi} api
 * @returns {View}
 */
export function createControls(el, api) {
  const play = h("button", {
    type: "button",
    class: "gn-play",
    dataset: { control: "playButton" },
    "aria-label": "Play",
    onclick: () => {
      if (api.state.frame?.playing) return api.command("pause");
      // Training would change the weights under an explained step: close it first.
      if (api.state.explain.open) api.explain.open(false);
      return api.command("play");
    },
  });
  const playText = h("span", { class: "gn-play-text" }, "Play");
  play.append(h("span", { class: "gn-play-icon", "aria-hidden": "true" }), playText);
  const step = button("Step", () => api.command("step"), "stepButton");
  const reset = button("Reset", () => api.command("reset"), "resetButton");
  const explain = h("button", {
    type: "button",
    class: "gn-button gn-explain-toggle",
    "aria-pressed": "false",
    onclick: () => api.explain.open(!api.state.explain.open),
  }, "Step through");
  const undo = button("Undo", () => api.command("undo"));
  const redo = button("Redo", () => api.command("redo"));
  const epoch = h("span", { class: "gn-epoch-value gn-value", "aria-live": "off" }, "000,000");
  const speed = select({
    id: "gn-speed",
    choices: [],
    onChange: (value) => api.setSettings({ speed: value === "max" ? "max" : Number(value) }),
  });

  el.append(
    h("div", { class: "gn-controls" },
      play,
      h("div", { class: "gn-control-group" }, step, reset, helpButton("play", "Play, Step and Reset")),
      h("div", { class: "gn-control-group", dataset: { control: "explain" } }, explain, helpButton("explain", "Step through")),
      h("div", { class: "gn-control-group", dataset: { control: "undoButton" } }, undo, redo, helpButton("undo", "Undo")),
      h("div", { class: "gn-epoch", dataset: { control: "epoch" } },
        h("span", { class: "gn-label", id: "gn-epoch-label" }, "Epoch", helpButton("epoch", "Epoch")),
        epoch),
      h("div", { class: "gn-field gn-speed", dataset: { control: "speed" } },
        h("span", { class: "gn-label" }, h("label", { htmlFor: "gn-speed" }, "Speed"), helpButton("speed", "Speed")),
        speed),
    ),
  );
  epoch.setAttribute("aria-labelledby", "gn-epoch-label");

  // Ctrl+Z / Ctrl+Shift+Z (Cmd on a Mac) undo and redo, except while typing.
  function onKey(/** @type {KeyboardEvent} */ event) {
    if (!(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== "z") return;
    if (/** @type {Element} */ (event.target).closest?.("input, textarea, select, [contenteditable]")) return;
    if (!el.isConnected) return;
    event.preventDefault();
    api.command(event.shiftKey ? "redo" : "undo");
  }
  document.addEventListener("keydown", onKey);

  function update(/** @type {State} */ state) {
    if (state.changed.catalog && state.catalog) {
      setChoices(speed, state.catalog.speeds.map((s) => ({
        value: s,
        label: s === "max" ? "Max" : s === 1 ? "1 epoch/s" : `${s} epochs/s`,
      })));
    }
    if (state.changed.settings || state.changed.catalog) showValue(speed, state.settings.speed);
    if (state.changed.explain) explain.setAttribute("aria-pressed", String(state.explain.open));
    const frame = state.frame;
    if (!frame || !(state.changed.frame || state.changed.connection)) return;
    const open = state.connection === "open";
    const playing = frame.playing;
    // Only touch the button when it changes: rebuilding it under a click would swallow the click.
    if (play.dataset.playing !== String(playing)) {
      play.setAttribute("aria-label", playing ? "Pause" : "Play");
      play.dataset.playing = String(playing);
      playText.textContent = playing ? "Pause" : "Play";
    }
    for (const b of [play, step, reset]) b.disabled = !open;
    undo.disabled = !open || !frame.undo;
    redo.disabled = !open || !frame.redo;
    undo.title = frame.undo ? `Undo: ${frame.undo}` : "Nothing to undo";
    redo.title = frame.redo ? `Redo: ${frame.redo}` : "Nothing to redo";
    epoch.textContent = epochText(frame.epoch);
  }

  return {
    update,
    destroy() {
      document.removeEventListener("keydown", onKey);
      el.replaceChildren();
    },
  };
}

/**
 * @param {string} label
 * @param {() => void} onclick
 * @param {string} [control] its name for hide keys (docs/urls.md)
 */
function button(label, onclick, control) {
  return h("button", { type: "button", class: "gn-button", onclick, dataset: control ? { control } : null }, label);
}
