// @ts-check
/**
 * The animation-frame scheduler: the views redraw at most once per frame of the
 * screen, however many messages arrive in between.
 *
 * After drawing a new network frame it tells the session it is ready for the
 * next one (docs/protocol.md, Pacing), so frames never queue when a tab is slow
 * or hidden: a hidden tab draws nothing, so it asks for nothing.
 */

/**
 * @param {object} options
 * @param {() => void} options.draw redraws every view
 * @param {() => void} options.ready says "ready" to the session
 */
export function createScheduler({ draw, ready }) {
  let pending = 0; // the requested animation frame, or 0
  let owesReady = false; // a network frame arrived that is not drawn yet

  function run() {
    pending = 0;
    draw();
    if (owesReady) {
      owesReady = false;
      ready();
    }
  }

  return {
    /** Redraw at the next animation frame (asking twice still redraws once). */
    redraw() {
      if (!pending) pending = requestAnimationFrame(run);
    },
    /** A network frame arrived: redraw, then say ready for the next one. */
    frameArrived() {
      owesReady = true;
      this.redraw();
    },
    /** Draw nothing more (the front end is going away). */
    cancel() {
      cancelAnimationFrame(pending);
      pending = 0;
    },
  };
}
