// @ts-check
/**
 * A slider beside a weight or a bias in the editor: drag it and the value
 * changes as you move, so you see the line on the map turn or slide.
 *
 * While it moves it sends the value at most once per frame of the screen (the
 * last one always), each with the number of this drag: the session makes the
 * values of one drag a single undo step (docs/protocol.md, set_weight's `drag`).
 * A drag ends when the slider is let go; each press of an arrow key is its own.
 */

import { h } from "../../lib/dom.js";

let nextDrag = 1;

/**
 * @param {object} options
 * @param {string} options.name what it moves, for its accessible name
 * @param {() => number} options.read the value now
 * @param {(value: number, drag: number) => void} options.send send a value of drag number `drag`
 * @param {(value: number) => void} options.moved the slider moved (show the value elsewhere)
 */
export function createDragSlider({ name, read, send, moved }) {
  const start = read();
  // Room on both sides of the value now, at least -5 to 5: enough to turn a line all the way.
  const reach = Math.max(5, Math.ceil(Math.abs(start) * 1.5));
  const slider = h("input", {
    type: "range",
    class: "gn-net-editor-slider",
    min: -reach,
    max: reach,
    step: "0.01",
    "aria-label": `Slide: ${name}`,
  });
  slider.value = String(start);
  /** @type {number | null} the drag under way */
  let drag = null;
  let frame = 0;

  function flush() {
    cancelAnimationFrame(frame);
    frame = 0;
    if (drag !== null) send(Number(slider.value), drag);
  }

  slider.addEventListener("input", () => {
    if (drag === null) drag = nextDrag++;
    moved(Number(slider.value));
    if (!frame) frame = requestAnimationFrame(flush);
  });
  slider.addEventListener("change", () => {
    flush();
    drag = null;
  });

  return {
    el: slider,
    /** Follow the value while nobody drags (training goes on while the editor is open). */
    refresh() {
      if (drag !== null || document.activeElement === slider) return;
      const v = read();
      if (Math.abs(v) <= reach && Number(slider.value) !== v) slider.value = String(v);
    },
    destroy() {
      flush();
      drag = null;
    },
  };
}
