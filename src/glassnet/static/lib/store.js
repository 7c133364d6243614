// @ts-check
/**
 * The store: the state every view draws from, and the only door to the session.
 *
 * It listens to the model (settings are model values; everything else arrives
 * as custom messages), turns each message into state (lib/reduce.js), computes
 * the heatmap grid once per frame (lib/heatmapGrid.js), and redraws the views
 * once per animation frame (lib/scheduler.js). The step-through's playback is
 * lib/player.js.
 *
 * Views get a narrow API, store.api (lib/types.js, ViewApi): they read
 * api.state and ask for changes through it; they never write state.
 *   api.command("play")                      a request to the session
 *   api.setSettings({ learning_rate: 0.1 })  the session checks and answers
 *   api.setUi({ hover })                     what only this page cares about
 *   api.explain.next()                       the step-through
 *   api.dismiss("notices", id)               close a message
 */

import { PROTOCOL_VERSION } from "./tables.js";
import { createGridKeeper } from "./heatmapGrid.js";
import { initialState } from "./initialState.js";
import { inputSlice } from "./inputSlice.js";
import { createPlayer } from "./player.js";
import { reduce } from "./reduce.js";
import { createScheduler } from "./scheduler.js";

/** @import { Incoming } from "./messages.js" */
/** @import { Changed, Model, State, ViewApi } from "./types.js" */

/**
 * Which `changed` flag each part of the state raises when it changes: views
 * check the flags to know what to redraw. The other parts raise their own name.
 * @type {Partial<Record<keyof State, keyof Changed>>}
 */
const FLAG_OF = {
  notices: "messages", errors: "messages", layers: "frame", history: "frame",
  capabilities: "catalog", replay: "catalog",
};

/**
 * @param {Model} model an anywidget-style model (get, set, save_changes, on, off, send)
 */
export function createStore(model) {
  const state = initialState();
  /** @type {Set<(state: State) => void>} */
  const subscribers = new Set();
  /** @type {Set<string>} */
  const settingNames = new Set();
  const scheduler = createScheduler({ draw, ready: () => model.send({ type: "ready" }) });
  const grids = createGridKeeper();
  const { destroy: stopPlayer, ...player } = createPlayer({
    read: () => state.explain,
    write: (explain) => apply({ explain }),
    send: (message) => model.send(message),
  });

  /** Put new values in the state, and redraw what they change. */
  function apply(/** @type {Partial<State>} */ changes) {
    Object.assign(state, changes);
    const keys = /** @type {(keyof State)[]} */ (Object.keys(changes));
    mark(...keys.map((key) => FLAG_OF[key] ?? /** @type {keyof Changed} */ (key)));
  }

  /** Raise `changed` flags, and redraw at the next animation frame. */
  function mark(/** @type {(keyof Changed)[]} */ ...flags) {
    for (const flag of flags) state.changed[flag] = true;
    scheduler.redraw();
  }

  function draw() {
    // The grid follows the frame (and the map's slice of data with many inputs):
    // one evaluation serves every picture.
    const slice = inputSlice(state);
    const moved = (state.grid?.slice?.key ?? null) !== (slice?.key ?? null);
    if ((state.changed.frame || state.changed.data || moved) && state.frame && state.layers) {
      state.grid = grids.gridFor(state.frame.network, state.layers, slice);
      if (moved) state.changed.frame = true; // every picture changes
    }
    for (const fn of subscribers) fn(state);
    state.changed = {};
  }

  function readSettings() {
    /** @type {Record<string, unknown>} */
    const settings = { ...state.settings };
    for (const name of settingNames) settings[name] = model.get(name);
    apply({ settings });
  }

  /**
   * @param {Incoming} message
   * @param {DataView[]} buffers
   */
  function onMessage(message, buffers) {
    const changes = reduce(state, message, buffers);
    if (changes) apply(changes);
    if (message.type === "welcome") {
      // The catalog names the settings: follow each one (they are model values).
      for (const s of message.catalog.settings) {
        if (!settingNames.has(s.name)) {
          settingNames.add(s.name);
          model.on(`change:${s.name}`, readSettings);
        }
      }
      readSettings();
    } else if (message.type === "frame") {
      scheduler.frameArrived();
    }
  }

  model.on("msg:custom", onMessage);
  model.send({ type: "hello", protocol: PROTOCOL_VERSION, binary: true });

  /** @type {ViewApi} */
  const api = {
    get state() {
      return state;
    },
    command(type, fields = {}) {
      model.send({ type, ...fields });
    },
    setSettings(changes) {
      for (const [name, value] of Object.entries(changes)) model.set(name, value);
      model.save_changes();
    },
    setUi(patch) {
      apply({ ui: { ...state.ui, ...patch } });
    },
    explain: player,
    dismiss(kind, id) {
      const left = state[kind].filter((m) => m.id !== id);
      apply(kind === "notices" ? { notices: left } : { errors: left });
    },
  };

  return {
    /** What views get: read the state, ask for changes. */
    api,
    /** Call fn(state) after every change, once per animation frame. Returns an unsubscribe. */
    subscribe(/** @type {(state: State) => void} */ fn) {
      subscribers.add(fn);
      mark("catalog", "settings", "data", "frame", "ui"); // a new subscriber draws everything once
      return () => subscribers.delete(fn);
    },
    destroy() {
      try {
        model.send({ type: "goodbye" }); // a host that counts its views (a notebook) hears it
      } catch {
        // The host is gone already (a closed notebook tab): nobody to tell.
      }
      scheduler.cancel();
      stopPlayer();
      model.off("msg:custom", onMessage);
      for (const name of settingNames) model.off(`change:${name}`, readSettings);
      subscribers.clear();
    },
  };
}
