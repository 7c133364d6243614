/**
 * The state store: everything the views draw, and the only door to the session.
 *
 * It listens to the model (settings as model values, everything else as custom
 * messages), keeps the latest of each, and redraws the views once per animation
 * frame. After drawing a new frame it tells the session it is ready for the
 * next one, so frames never queue when a tab is slow or hidden.
 *
 * Views never write state: they call store.command(...) for the session,
 * store.setSettings(...) for settings, and store.setUi(...) for what is only
 * about this view (what the pointer hovers, whether drawing is on).
 */

import { evaluateGrid, makeGrid, unpackLayers } from "./evaluate.js";

/** Points per side of the grid every heatmap is drawn from. */
export const GRID_RESOLUTION = 48;

let nextId = 1;

/**
 * @param {object} model an anywidget-style model (get, set, save_changes, on, off, send)
 */
export function createStore(model) {
  const subscribers = new Set();
  const settingNames = new Set();
  let scheduled = false;
  let frameToAcknowledge = false;

  const state = {
    connection: "connecting",
    catalog: null,
    settings: {},
    data: null,
    frame: null,
    layers: null,
    history: emptyHistory(),
    alert: null,
    notices: [],
    errors: [],
    grid: null,
    ui: { hover: null, drawMode: false, drawClass: 0, drawValue: 1, editing: null, selected: null },
    changed: {},
  };

  function mark(...what) {
    for (const w of what) state.changed[w] = true;
    schedule();
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(render);
  }

  function render() {
    scheduled = false;
    if (state.changed.frame || state.changed.data) evaluate();
    for (const fn of subscribers) fn(state);
    state.changed = {};
    if (frameToAcknowledge) {
      frameToAcknowledge = false;
      model.send({ type: "ready" });
    }
  }

  function evaluate() {
    if (!state.frame || !state.layers) return;
    const net = state.frame.network;
    const grid = makeGrid(GRID_RESOLUTION * (net.n_raw_inputs === 1 ? 4 : 1), net.n_raw_inputs === 1);
    state.grid = { ...grid, values: evaluateGrid(state.layers, net.features, grid) };
  }

  function readSettings() {
    for (const name of settingNames) state.settings[name] = model.get(name);
  }

  function onSetting() {
    state.settings = { ...state.settings };
    readSettings();
    mark("settings");
  }

  function onMessage(message, buffers) {
    switch (message.type) {
      case "connection":
        state.connection = message.state;
        if (message.state === "closed") state.alert = connectionLost(message.reason);
        else if (state.alert?.kind === "connection") state.alert = null;
        mark("connection", "alert");
        break;
      case "welcome":
        state.catalog = message.catalog;
        for (const s of message.catalog.settings) {
          if (!settingNames.has(s.name)) {
            settingNames.add(s.name);
            model.on(`change:${s.name}`, onSetting);
          }
        }
        readSettings();
        state.connection = "open";
        mark("catalog", "settings", "connection");
        break;
      case "data":
        state.data = message;
        mark("data");
        break;
      case "frame":
        acceptFrame(message, buffers);
        break;
      case "notice":
        state.notices = [...state.notices, { id: nextId++, message: message.message }].slice(-4);
        mark("messages");
        break;
      case "error":
        state.errors = [...state.errors, { id: nextId++, message: message.message }].slice(-3);
        mark("messages");
        break;
      default:
        break; // messages of later protocol versions are ignored
    }
  }

  function acceptFrame(message, buffers) {
    const p = message.parameters;
    const parameters = Array.isArray(p)
      ? Float64Array.from(p, (v) => (v === null ? NaN : v))
      : new Float64Array(buffers[p.buffer].buffer.slice(
          buffers[p.buffer].byteOffset,
          buffers[p.buffer].byteOffset + p.length * 8,
        ));
    state.frame = { ...message, parameters };
    state.layers = unpackLayers(message.network.layer_sizes, message.network.activations, parameters);
    state.history = mergeHistory(state.history, message.history);
    if (JSON.stringify(state.alert) !== JSON.stringify(message.alert)) {
      state.alert = message.alert;
      state.changed.alert = true;
    }
    frameToAcknowledge = true;
    mark("frame");
  }

  model.on("msg:custom", onMessage);
  model.send({ type: "hello", protocol: 1, binary: true });

  return {
    state,
    /** Call fn(state) after every change, once per animation frame. Returns an unsubscribe. */
    subscribe(fn) {
      subscribers.add(fn);
      mark("catalog", "settings", "data", "frame", "ui");
      return () => subscribers.delete(fn);
    },
    /** Send a request to the session, such as command("play") or command("add_point", {...}). */
    command(type, fields = {}) {
      model.send({ type, ...fields });
    },
    /** Change settings: the session checks them and answers with the settings in force. */
    setSettings(changes) {
      for (const [name, value] of Object.entries(changes)) model.set(name, value);
      model.save_changes();
    },
    /** Change what only this view cares about (hover, drawing mode, ...). */
    setUi(patch) {
      state.ui = { ...state.ui, ...patch };
      mark("ui");
    },
    dismiss(kind, id) {
      state[kind] = state[kind].filter((m) => m.id !== id);
      mark("messages");
    },
    destroy() {
      model.off("msg:custom", onMessage);
      for (const name of settingNames) model.off(`change:${name}`, onSetting);
      subscribers.clear();
    },
  };
}

/**
 * Add a frame's piece of history to what a view has: drop entries from
 * `piece.start` on, then append the piece (docs/protocol.md, frame.history).
 * @param {object} history {epochs, train_loss, ...} arrays, changed in place
 * @param {object} piece a frame's history
 */
export function mergeHistory(history, piece) {
  const merged = piece.start === 0 ? emptyHistory() : history;
  for (const key of HISTORY_SERIES) {
    merged[key].length = Math.min(merged[key].length, piece.start);
    merged[key].push(...(piece[key] || []));
  }
  merged.stride = piece.stride;
  return merged;
}

const HISTORY_SERIES = ["epochs", "train_loss", "test_loss", "train_accuracy", "test_accuracy"];

export function emptyHistory() {
  return { epochs: [], train_loss: [], test_loss: [], train_accuracy: [], test_accuracy: [], stride: 1 };
}

function connectionLost(reason) {
  return {
    kind: "connection",
    message:
      (reason ? `${reason} ` : "") +
      "The connection to the glassnet server was lost, so training has stopped. " +
      "Check that glassnet is still running, then reload this page.",
  };
}
