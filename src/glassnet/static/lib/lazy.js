// @ts-check
/**
 * A part of the front end whose module loads the first time it is needed.
 *
 * The step-through's panel, its drawing on the network and on the output map,
 * and the page's own tools are not needed to draw the first network, so their
 * modules are left out of the first load (benchmarks/page.py counts what loads
 * before the first network is drawn) and arrive on first use:
 *
 *   const overlay = lazy(async () => (await import("./stepOverlay.js")).createStepOverlay(parts), IDLE);
 *   overlay.need();      // starts loading; only the first call does anything
 *   overlay.current;     // IDLE until the part has loaded, then the part
 */

/**
 * @template T
 * @typedef {object} Lazy
 * @property {T} current the part, or its placeholder until it has loaded
 * @property {() => void} need start loading it (only the first call does anything)
 * @property {() => void} cancel never mind: a part that arrives later is not used
 */

/**
 * @template T
 * @param {() => Promise<T>} load imports the module and makes the part; called at most once
 * @param {T} placeholder stands in for the part until it has loaded
 * @param {(part: T) => void} [loaded] called once when the part is there (never after cancel)
 * @returns {Lazy<T>}
 */
export function lazy(load, placeholder, loaded) {
  let current = placeholder;
  let started = false;
  let cancelled = false;
  return {
    get current() {
      return current;
    },
    need() {
      if (started) return;
      started = true;
      load().then((part) => {
        if (cancelled) return;
        current = part;
        loaded?.(part);
      });
    },
    cancel() {
      cancelled = true;
    },
  };
}
