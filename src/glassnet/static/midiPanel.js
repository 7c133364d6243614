// @ts-check
/**
 * The page's MIDI panel: a MIDI controller's knobs and pads drive the page's controls
 * (docs/screens.md, "MIDI").
 *
 * Page host code, loaded the first time the person opens MIDI (or when the session
 * keeps mappings: a reload, a loaded session file). "Learn": click a control, then
 * move a knob or press a pad; from then on that knob drives that control:
 * - a slider over its whole range (0 at its min, 127 at its max, on its steps);
 * - a select: its choices split 0..127 in equal parts;
 * - a checkbox or a button (Play, Step, Reset, Regenerate): a note on, or a CC
 *   going up past 64, presses it.
 * A knob moves the control itself, as a hand would (an input then a change event, or
 * a click), so what follows is what a mouse does: the session checks the change,
 * undo records it, the page shows it. Each control has at most one change waiting
 * for the session's answer; the knob's newest value goes next, so a fast knob never
 * meets MAX_MESSAGES_PER_SECOND.
 *
 * The mappings are the session's to keep (`midi` request and message, docs/protocol.md):
 * a reload, the tab's kept copy and a saved session file bring them back.
 */

import { h } from "./lib/dom.js";
import { CONTROLS, MIDI_CONTROLS } from "./lib/controlTable.js";
import { MIDI_PROBLEMS, choiceIndex, fromSource, readMidiMessage, requestMidi, sliderValue, sourceText } from "./lib/midi.js";

/** @import { Incoming, MidiMapping } from "./lib/messages.js" */
/** @import { MidiEvent } from "./lib/midi.js" */
/** @import { Model } from "./lib/types.js" */

/** The shortest time between two changes of one control a knob sends. */
const MIN_GAP_MS = 50;
/** How long a change waits for the session's answer before the next may go anyway. */
const ANSWER_WAIT_MS = 500;

/**
 * @typedef {object} Lane one control's changes: at most one waiting for the session
 * @property {(() => boolean) | null} pending the newest change not sent yet
 * @property {boolean} busy a change was sent and its answer has not come
 * @property {number} sentAt when it was sent
 * @property {ReturnType<typeof setTimeout> | undefined} timer
 */

/**
 * @param {object} options
 * @param {HTMLElement} options.root the rendered front end (the panel goes in it)
 * @param {Model} options.model the page's socket model
 * @param {HTMLButtonElement} options.button the MIDI button that opens the panel
 * @param {MidiMapping[]} options.mappings the mappings the session keeps now
 */
export function createMidiPanel({ root, model, button, mappings: initial }) {
  /** @type {MidiMapping[]} */
  let mappings = initial;
  let learning = false;
  /** @type {string | null} the control picked in learn mode, waiting for a knob */
  let picked = null;
  /** @type {Map<string, Lane>} */
  const lanes = new Map();
  let sending = false;
  /** @type {Map<string, number>} each knob's last value, so a CC presses once on its way up */
  const lastValues = new Map();

  const status = h("p", { class: "gn-midi-status", role: "status" }, "Looking for MIDI devices…");
  const hint = h("p", { class: "gn-midi-hint", "aria-live": "polite" });
  const list = h("ul", { class: "gn-midi-list", "aria-label": "MIDI mappings" });
  const learn = h("button", { type: "button", class: "gn-button gn-primary gn-midi-learn", "aria-pressed": "false",
    onclick: () => setLearning(!learning) }, "Learn");
  const clear = h("button", { type: "button", class: "gn-button gn-midi-clear",
    onclick: () => keep([]) }, "Clear all");
  const close = h("button", { type: "button", class: "gn-button", onclick: () => show(false) }, "Close");
  const panel = h("div", { class: "gn-live-panel gn-midi-panel", role: "dialog", "aria-label": "MIDI", hidden: true },
    status,
    h("p", { class: "gn-midi-howto" }, "Learn: click a control (a slider, a menu, a checkbox, Play…), then move a knob or press a pad."),
    h("div", { class: "gn-live-actions" }, learn, clear, close),
    hint,
    list,
  );
  root.append(panel);

  // -- MIDI access ---------------------------------------------------------------------

  /** @type {WeakSet<MIDIInput>} inputs already listened to */
  const heard = new WeakSet();
  requestMidi().then((answer) => {
    if (!answer.access) {
      status.textContent = MIDI_PROBLEMS[answer.problem];
      panel.dataset.problem = answer.problem;
      return;
    }
    const access = answer.access;
    const scan = () => {
      /** @type {string[]} */
      const names = [];
      access.inputs.forEach((input) => {
        names.push(input.name || "a MIDI device");
        if (heard.has(input)) return;
        heard.add(input);
        input.addEventListener("midimessage", (event) => hear(readMidiMessage(/** @type {MIDIMessageEvent} */ (event).data)));
      });
      status.textContent = names.length
        ? `MIDI ${names.length === 1 ? "device" : "devices"}: ${names.join(", ")}.`
        : "No MIDI devices found. Plug one in: it shows up here.";
      panel.dataset.devices = String(names.length);
    };
    access.addEventListener?.("statechange", scan);
    scan();
  });

  /** @param {MidiEvent | null} event */
  function hear(event) {
    if (!event) return;
    if (learning) {
      if (picked && (event.kind === "cc" || event.value > 0)) learned(picked, event);
      return;
    }
    for (const mapping of mappings) if (fromSource(mapping, event)) drive(mapping.control, event);
    lastValues.set(`${event.kind} ${event.channel} ${event.number}`, event.value);
  }

  // -- learn mode: a click picks a control, the next knob or pad drives it -------------

  /** @param {boolean} on */
  function setLearning(on) {
    learning = on;
    learn.setAttribute("aria-pressed", String(on));
    learn.textContent = on ? "Done" : "Learn";
    root.classList.toggle("gn-midi-learning", on);
    pick(null);
    hint.textContent = on ? "Click a control to drive." : "";
  }

  /** @param {string | null} name */
  function pick(name) {
    picked = name;
    for (const el of root.querySelectorAll(".gn-midi-picked")) el.classList.remove("gn-midi-picked");
    if (name) placeOf(name)?.classList.add("gn-midi-picked");
    if (name) hint.textContent = `Now move a knob or press a pad for ${labelOf(name)}.`;
  }

  /** Clicks on controls pick them while learning, and do nothing else. @param {Event} event */
  function onPointer(event) {
    const target = /** @type {Element} */ (event.target);
    if (!learning || panel.contains(target) || button.contains(target)) return;
    const place = /** @type {HTMLElement | null} */ (target.closest?.("[data-control]"));
    if (!place) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.type !== "click") return;
    const names = (place.dataset.control || "").split(" ");
    const name = names.find((n) => MIDI_CONTROLS.includes(n));
    if (name) pick(name);
    else hint.textContent = `MIDI cannot drive ${labelOf(names[0])}; it drives sliders, menus, checkboxes and buttons.`;
  }
  const pointerEvents = ["pointerdown", "mousedown", "click"];
  for (const type of pointerEvents) root.addEventListener(type, onPointer, true);

  /** The keyboard's way: while learning, the control Tab moves to is picked. @param {FocusEvent} event */
  function onFocus(event) {
    const target = /** @type {Element} */ (event.target);
    if (!learning || panel.contains(target) || button.contains(target)) return;
    const place = /** @type {HTMLElement | null} */ (target.closest?.("[data-control]"));
    const name = (place?.dataset.control || "").split(" ").find((n) => MIDI_CONTROLS.includes(n));
    if (name && name !== picked) pick(name);
  }
  root.addEventListener("focusin", onFocus);

  /**
   * @param {string} control
   * @param {MidiEvent} event
   */
  function learned(control, event) {
    const mapping = { control, channel: event.channel, kind: event.kind, number: event.number };
    // A knob drives one control, and a control is driven by one knob: the new mapping replaces.
    keep([...mappings.filter((m) => m.control !== control && !fromSource(m, event)), mapping]);
    pick(null);
    hint.textContent = `${labelOf(control)}: ${sourceText(mapping)}. Click another control, or Done.`;
  }

  /** Keep these mappings, and tell the session (which keeps them for a reload and a saved file). @param {MidiMapping[]} next */
  function keep(next) {
    mappings = next;
    draw();
    model.send({ type: "midi", mappings });
  }

  function draw() {
    list.replaceChildren(...mappings.map((m) => h("li", null,
      h("span", null, h("strong", null, labelOf(m.control)), ` ← ${sourceText(m)}`),
      h("button", { type: "button", class: "gn-button", "aria-label": `Remove the mapping of ${labelOf(m.control)}`,
        onclick: () => keep(mappings.filter((other) => other !== m)) }, "Remove"),
    )));
    if (!mappings.length) list.append(h("li", { class: "gn-midi-none" }, "No mappings yet."));
    clear.disabled = !mappings.length;
    button.classList.toggle("gn-on", mappings.length > 0);
  }

  // -- driving a control, as a hand would ------------------------------------------------

  /**
   * @param {string} control
   * @param {MidiEvent} event
   */
  function drive(control, event) {
    const el = inputOf(control);
    if (!el || el.disabled) return;
    if (el instanceof HTMLInputElement && el.type === "range") {
      queue(control, () => moveSlider(el, event.value));
    } else if (el instanceof HTMLSelectElement) {
      queue(control, () => choose(el, event.value));
    } else {
      const before = lastValues.get(`${event.kind} ${event.channel} ${event.number}`) ?? 0;
      const pressed = event.kind === "note" ? event.value > 0 : event.value >= 64 && before < 64;
      if (pressed) el.click();
    }
  }

  /**
   * @param {HTMLInputElement} el
   * @param {number} value 0..127
   * @returns {boolean} whether it changed (and so sent the setting)
   */
  function moveSlider(el, value) {
    const min = Number(el.min);
    const max = Number(el.max);
    const step = Number(el.step) > 0 ? Number(el.step) : (max - min) / 127;
    const next = sliderValue(value, min, max, step);
    if (Number(el.value) === next) return false;
    el.value = String(next);
    el.dispatchEvent(new Event("input", { bubbles: true }));
    // As a thumb let go: the slider sends at once (arrow keys would wait for more presses).
    el.dispatchEvent(new Event("pointerdown"));
    el.dispatchEvent(new Event("change", { bubbles: true }));
    el.dispatchEvent(new Event("pointerup"));
    return true;
  }

  /**
   * @param {HTMLSelectElement} el
   * @param {number} value 0..127
   * @returns {boolean} whether it changed (and so sent the setting)
   */
  function choose(el, value) {
    const options = [...el.options].filter((o) => !o.disabled);
    const option = options[choiceIndex(value, options.length)];
    if (!option || option.selected) return false;
    el.value = option.value;
    el.dispatchEvent(new Event("change", { bubbles: true }));
    return true;
  }

  /**
   * Send a control's newest change when its last one has been answered.
   * @param {string} control
   * @param {() => boolean} change makes the change; false when there was nothing to change
   */
  function queue(control, change) {
    let lane = lanes.get(control);
    if (!lane) lanes.set(control, (lane = { pending: null, busy: false, sentAt: 0, timer: undefined }));
    lane.pending = change;
    if (!lane.busy) flush(lane);
  }

  /** @param {Lane} lane */
  function flush(lane) {
    const change = lane.pending;
    lane.pending = null;
    if (!change) return;
    sending = true; // the model says "change" for the page's own setting too: that is no answer
    try {
      if (!change()) return;
    } finally {
      sending = false;
    }
    lane.busy = true;
    lane.sentAt = performance.now();
    lane.timer = setTimeout(() => answered(lane), ANSWER_WAIT_MS);
  }

  /** The session answered (or took too long): the lane's next change may go. @param {Lane} lane */
  function answered(lane) {
    if (!lane.busy) return;
    clearTimeout(lane.timer);
    const wait = lane.sentAt + MIN_GAP_MS - performance.now();
    if (wait > 0) {
      lane.timer = setTimeout(() => answered(lane), wait);
      return;
    }
    lane.busy = false;
    flush(lane);
  }

  /** @param {Incoming} message */
  function onMessage(message) {
    if (message.type === "midi") {
      mappings = message.mappings;
      draw();
    } else if (message.type === "error") {
      answer();
    }
  }
  /** The session answered a change (new settings, or an error): the next changes may go. */
  function answer() {
    if (sending) return;
    for (const lane of lanes.values()) answered(lane);
  }
  model.on("msg:custom", onMessage);
  model.on("change", answer);

  // -- finding a control by its name -------------------------------------------------------

  /** Where a control is: the first shown element of its name (a hidden one if none is shown). @param {string} name */
  function placeOf(name) {
    const places = /** @type {HTMLElement[]} */ ([...root.querySelectorAll(`[data-control~="${name}"]`)]);
    return places.find((el) => el.checkVisibility()) ?? places[0] ?? null;
  }

  /**
   * The slider, select, checkbox or button a control's name stands for.
   * @param {string} name
   * @returns {HTMLInputElement | HTMLSelectElement | HTMLButtonElement | null}
   */
  function inputOf(name) {
    const place = placeOf(name);
    if (!place) return null;
    if (place instanceof HTMLButtonElement || place instanceof HTMLSelectElement || place instanceof HTMLInputElement) return place;
    return place.querySelector("input[type=range], select, input[type=checkbox], button:not(.gn-help)");
  }

  /** @param {boolean} on */
  function show(on) {
    panel.hidden = !on;
    button.setAttribute("aria-expanded", String(on));
    if (!on) setLearning(false);
  }

  draw();
  return {
    /** Open or close the panel. */
    toggle: () => show(panel.hidden),
    destroy() {
      model.off("msg:custom", onMessage);
      model.off("change", answer);
      for (const type of pointerEvents) root.removeEventListener(type, onPointer, true);
      root.removeEventListener("focusin", onFocus);
      for (const lane of lanes.values()) clearTimeout(lane.timer);
      panel.remove();
    },
  };
}

/** A control's name for people. @param {string} name */
function labelOf(name) {
  return CONTROLS.find((c) => c.name === name)?.label ?? name;
}
