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
import { buildSteps, nextIndex, updateIndex } from "./timeline.js";

/** Explanation playback speeds, in steps per second. */
export const EXPLAIN_SPEEDS = [0.5, 1, 2, 4];

/** Points per side of the grid every heatmap is drawn from. */
export const GRID_RESOLUTION = 48;

let nextId = 1;

/**
 * @param {object} model an anywidget-style model (get, set, save_changes, on, off, send)
 */
export function createStore(model) {
  const subscribers = new Set();
  const settingNames = new Set();
  let scheduled = 0; // the pending animation frame, or 0
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
    explain: emptyExplain(),
    changed: {},
  };

  function mark(...what) {
    for (const w of what) state.changed[w] = true;
    schedule();
  }

  function schedule() {
    if (scheduled) return;
    scheduled = requestAnimationFrame(render);
  }

  function render() {
    scheduled = 0;
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
      case "explanation":
        acceptExplanation(message);
        break;
      case "chain":
        if (message.id === state.explain.explanation?.id) {
          state.explain = { ...state.explain, chain: message };
          mark("explain");
        }
        break;
      case "delta":
        if (message.id === state.explain.explanation?.id) {
          const deltas = { ...state.explain.deltas, [`${message.layer}:${message.unit}`]: message };
          state.explain = { ...state.explain, deltas };
          mark("explain");
        }
        break;
      case "error":
        // The session refused to apply an explained step: the page is still before it.
        if (message.request === "apply_step" && state.explain.applied) {
          const before = Math.max(0, updateIndex(state.explain.steps) - 1);
          state.explain = { ...state.explain, applied: false, index: before };
          mark("explain");
        }
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

  // -- explaining one step -------------------------------------------------------

  function acceptExplanation(message) {
    stopPlaying();
    state.explain = {
      ...emptyExplain(),
      open: true,
      size: message.size,
      granularity: state.explain.granularity,
      speed: state.explain.speed,
      explanation: message,
      steps: buildSteps(message),
      index: 0,
    };
    mark("explain");
  }

  /** Move to a step; crossing into the update applies the step, crossing back reverts it. */
  function goTo(index) {
    const e = state.explain;
    if (!e.steps) return;
    const target = Math.max(0, Math.min(e.steps.length - 1, index));
    const boundary = updateIndex(e.steps);
    const canApply = e.explanation.parameters_after !== null;
    let applied = e.applied;
    if (canApply && !applied && target >= boundary) {
      model.send({ type: "apply_step", id: e.explanation.id });
      applied = true;
    } else if (applied && target < boundary) {
      model.send({ type: "revert_step", id: e.explanation.id });
      applied = false;
    }
    state.explain = { ...e, index: target, applied };
    if (target === e.steps.length - 1) stopPlaying();
    mark("explain");
  }

  let playTimer = null;
  function stopPlaying() {
    clearInterval(playTimer);
    playTimer = null;
    if (state.explain.playing) state.explain = { ...state.explain, playing: false };
  }
  function startPlaying() {
    stopPlaying();
    state.explain = { ...state.explain, playing: true };
    playTimer = setInterval(() => step(1), 1000 / state.explain.speed);
    mark("explain");
  }
  function step(direction) {
    const e = state.explain;
    if (!e.steps) return;
    goTo(nextIndex(e.steps, e.index, direction, e.granularity));
  }

  const explain = {
    /** Open or close the step-through panel (training pauses while it is open). */
    open(open = true) {
      stopPlaying();
      if (open) model.send({ type: "pause" });
      state.explain = open ? { ...state.explain, open: true } : { ...emptyExplain(), granularity: state.explain.granularity, speed: state.explain.speed };
      mark("explain");
    },
    /** Ask the session to explain a training step on a point. */
    point(point, size = state.explain.size) {
      stopPlaying();
      state.explain = { ...state.explain, open: true, size, pending: point };
      model.send({ type: "explain", point, size });
      mark("explain");
    },
    next: () => step(1),
    back: () => step(-1),
    goTo,
    play(on = true) {
      if (on) startPlaying();
      else {
        stopPlaying();
        mark("explain");
      }
    },
    setSpeed(speed) {
      state.explain = { ...state.explain, speed };
      if (state.explain.playing) startPlaying();
      mark("explain");
    },
    setGranularity(granularity) {
      state.explain = { ...state.explain, granularity };
      mark("explain");
    },
    /** Why did this weight change? The answer arrives as state.explain.chain. */
    weight(layer, source, target) {
      const id = state.explain.explanation?.id;
      if (id !== undefined) model.send({ type: "explain_weight", id, layer, source, target });
    },
    /** How does this neuron's delta come about? The answer arrives in state.explain.deltas. */
    delta(layer, unit) {
      const id = state.explain.explanation?.id;
      if (id !== undefined) model.send({ type: "explain_delta", id, layer, unit });
    },
    /** Highlight one chain-rule path (its units, from the weight's layer on), or none. */
    hoverPath(path) {
      state.explain = { ...state.explain, hoverPath: path };
      mark("explain");
    },
  };

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
    /** Explaining one step: open, point, next, back, goTo, play, setSpeed, setGranularity, weight, delta, hoverPath. */
    explain,
    dismiss(kind, id) {
      state[kind] = state[kind].filter((m) => m.id !== id);
      mark("messages");
    },
    destroy() {
      cancelAnimationFrame(scheduled);
      stopPlaying();
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

/**
 * The step-through state: closed, or open with an explanation, its timeline and where we are.
 * - open: the panel is shown; size: "sample", "batch" or "epoch"; pending: the point asked about
 * - explanation: the session's message; steps: lib/timeline.js; index: the current step
 * - applied: the network has the step's new weights; playing, speed, granularity: playback
 * - chain, deltas: answers to "why did this weight change?" and to expanding a delta
 * - hoverPath: the chain-rule path a view highlights
 */
function emptyExplain() {
  return {
    open: false, size: "sample", pending: null, explanation: null, steps: null, index: 0,
    applied: false, playing: false, speed: 1, granularity: "neuron", chain: null, deltas: {},
    hoverPath: null,
  };
}

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
