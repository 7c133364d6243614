// @ts-check
/**
 * A slider of the data panel (noise, train/test ratio, batch size): a labelled
 * range input with its value and help, that sends its setting when let go.
 */

import { h } from "../../lib/dom.js";
import { helpButton } from "../../lib/help.js";

/** @import { Settings } from "../../lib/messages.js" */

/** How long a slider waits after the last arrow key press before sending. */
const SEND_DELAY_MS = 250;

/**
 * A labelled range input with its value and help. It sends the setting when
 * released (change), shows the value while dragging (input), and otherwise
 * shows the setting in force.
 * @param {object} options
 * @param {"noise" | "train_percent" | "batch_size"} options.name the setting
 * @param {string} options.control its name for hide keys (noise_hide=true, docs/urls.md)
 * @param {string} options.label
 * @param {number} options.min
 * @param {number} options.max
 * @param {number} options.step
 * @param {(value: number) => string} options.format how the value reads
 * @param {(changes: Settings) => void} options.setSettings
 */
export function createSlider({ name, control, label, min, max, step, format, setSettings }) {
  const id = `gn-dp-${name.replace("_", "-")}`;
  const value = h("output", { class: "gn-value gn-dp-value", htmlFor: id });
  const input = h("input", { type: "range", id, min, max, step, class: "gn-dp-range" });
  // While the thumb is held, or a change waits to be sent, the slider shows
  // the person's value, not the settings in force (which are about to change).
  let dragging = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} a change waiting to be sent */
  let timer;
  input.addEventListener("pointerdown", () => { dragging = true; });
  input.addEventListener("input", () => { value.textContent = format(Number(input.value)); });
  const send = () => {
    timer = undefined;
    setSettings({ [name]: Number(input.value) });
  };
  input.addEventListener("change", () => {
    const released = dragging;
    dragging = false;
    clearTimeout(timer);
    // A released thumb sends at once; arrow keys fire a change per press, so
    // they send where the presses stop.
    if (released) send();
    else timer = setTimeout(send, SEND_DELAY_MS);
  });
  for (const type of ["pointerup", "pointercancel"]) {
    input.addEventListener(type, () => { dragging = false; });
  }
  const field = h("div", { class: "gn-dp-field gn-dp-slider", dataset: { control } },
    h("div", { class: "gn-dp-slider-top" },
      h("span", { class: "gn-label" }, h("label", { htmlFor: id }, label), helpButton(name, label)),
      value),
    input,
  );
  return {
    el: field,
    input,
    cancel() {
      clearTimeout(timer);
    },
    /** Show the setting in force (not while the person drags the thumb or a change waits). */
    show(/** @type {number | undefined} */ setting) {
      if (setting === undefined) return;
      // A value from a link or a notebook may lie past the slider's end: widen it.
      input.max = String(Math.max(max, setting));
      if (dragging || timer) return;
      input.value = String(setting);
      value.textContent = format(setting);
    },
  };
}
