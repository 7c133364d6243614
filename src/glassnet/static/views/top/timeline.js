// @ts-check
/**
 * The timeline of a replayed run: drag it (or press its play button) to see
 * the network as it was at any recorded epoch.
 *
 * It shows only when the host says it can replay (capability "replay"; a
 * published page), and it says that what needs a live engine is not here, and
 * how to open the same network in glassnet. Each position asks the host for
 * the frame of that epoch (`seek`); the host answers with the recorded epoch
 * nearest to it, and the timeline says which when they differ.
 */

import { h } from "../../lib/dom.js";
import { can, OPEN_IN_GLASSNET } from "../../lib/capabilities.js";
import { grouped } from "../../lib/format.js";

/** @import { State, View, ViewApi } from "../../lib/types.js" */

/** About how long playing the whole run takes, whatever its length. */
const PLAY_FRAMES = 360;

/**
 * @param {HTMLElement} el
 * @param {ViewApi} api
 * @returns {View}
 */
export function createTimeline(el, api) {
  const slider = h("input", {
    type: "range", class: "gn-timeline-slider", min: 0, max: 0, step: 1, value: 0,
    "aria-label": "Epoch to show",
    oninput: () => seek(Number(slider.value)),
  });
  const playButton = h("button", {
    type: "button", class: "gn-button gn-timeline-play", "aria-label": "Replay training",
    onclick: () => (timer ? stop() : play()),
  }, "▶");
  const label = h("span", { class: "gn-timeline-epoch gn-value", "aria-live": "off" });
  const note = h("span", { class: "gn-timeline-note" });
  const about = h("p", { class: "gn-timeline-about" },
    "A recorded run, replayed in this page: hover to look inside, click the map to follow a point; training, ",
    "editing and new steps are not available here. ", OPEN_IN_GLASSNET);
  el.append(h("div", { class: "gn-timeline", title: about.textContent },
    playButton, h("span", { class: "gn-label" }, "Training"), slider, label, note), about);
  el.hidden = true;

  /** @type {number | null} the epoch last asked for */
  let wanted = null;
  /** @type {number | null} */
  let timer = null;

  /** @param {number} epoch */
  function seek(epoch) {
    wanted = epoch;
    api.command("seek", { epoch });
  }

  function play() {
    const epochs = api.state.replay;
    if (!epochs?.length) return;
    let index = epochs.indexOf(api.state.frame?.epoch ?? -1);
    if (index < 0 || index >= epochs.length - 1) index = 0; // from the start after the end
    const stride = Math.max(1, Math.ceil(epochs.length / PLAY_FRAMES));
    playButton.textContent = "❚❚";
    playButton.setAttribute("aria-label", "Pause the replay");
    const tick = () => {
      index = Math.min(epochs.length - 1, index + stride);
      seek(epochs[index]);
      timer = index < epochs.length - 1 ? requestAnimationFrame(tick) : null;
      if (timer === null) stop();
    };
    seek(epochs[index]);
    timer = requestAnimationFrame(tick);
  }

  function stop() {
    if (timer !== null) cancelAnimationFrame(timer);
    timer = null;
    playButton.textContent = "▶";
    playButton.setAttribute("aria-label", "Replay training");
  }

  return {
    update(/** @type {State} */ state) {
      if (state.changed.catalog) {
        const epochs = state.replay;
        el.hidden = !can(state, "replay") || !epochs?.length;
        if (epochs?.length) slider.max = String(epochs[epochs.length - 1]);
      }
      if (state.changed.frame && state.frame && !el.hidden) {
        const epoch = state.frame.epoch;
        label.textContent = `Epoch ${grouped(epoch)}`;
        label.dataset.value = String(epoch);
        if (wanted === null || document.activeElement !== slider) slider.value = String(epoch);
        note.textContent = wanted !== null && wanted !== epoch ? `(the nearest recorded to ${grouped(wanted)})` : "";
      }
    },
    destroy() {
      stop();
      el.replaceChildren();
    },
  };
}
