// @ts-check
/**
 * MIDI for the page: getting the browser's MIDI access, reading MIDI messages, and
 * turning a knob's 0..127 into a control's value (docs/screens.md, "MIDI").
 *
 * The page gets MIDI through one function, requestMidi(). A page (or a test: headless
 * Chromium has no MIDI devices) may provide its own MIDI access before the page loads:
 *
 *   window.glassnetMidiAccess = () => myMidiAccess;   // a function, or the object itself
 *
 * Only the MIDI panel (midiPanel.js, loaded when the person opens MIDI) imports this.
 */

/** @import { MidiMapping } from "./messages.js" */

/**
 * What MIDI needs and is not there, in words a person can act on.
 * @type {Record<"insecure" | "missing" | "refused", string>}
 */
export const MIDI_PROBLEMS = {
  insecure: "MIDI needs a secure page: open glassnet at http://localhost (on this computer) or over https. " +
    "Browsers keep Web MIDI from pages opened by another address over plain http.",
  missing: "This browser has no Web MIDI. Chrome, Edge, Opera and Firefox have it; Safari does not.",
  refused: "The browser refused MIDI access. Allow MIDI for this site (the icon at the left of the address bar), " +
    "then open MIDI again.",
};

/**
 * @typedef {{ access: MIDIAccess, problem?: undefined }
 *   | { access?: undefined, problem: keyof typeof MIDI_PROBLEMS, detail?: string }} MidiAnswer
 */

/**
 * The browser's MIDI access, or why there is none. The one way the page gets MIDI.
 * @returns {Promise<MidiAnswer>}
 */
export async function requestMidi() {
  const provided = /** @type {{ glassnetMidiAccess?: MIDIAccess | (() => MIDIAccess | Promise<MIDIAccess>) }} */ (
    /** @type {unknown} */ (window)).glassnetMidiAccess;
  if (provided) return { access: typeof provided === "function" ? await provided() : provided };
  if (!window.isSecureContext) return { problem: "insecure" };
  if (typeof navigator.requestMIDIAccess !== "function") return { problem: "missing" };
  try {
    return { access: await navigator.requestMIDIAccess() };
  } catch (error) {
    return { problem: "refused", detail: String(error) };
  }
}

/**
 * @typedef {object} MidiEvent one MIDI message, as the page uses it
 * @property {"cc" | "note"} kind a Control Change (knob, fader) or a note (pad, key)
 * @property {number} channel 1 to 16
 * @property {number} number the controller's or note's number, 0 to 127
 * @property {number} value the CC's value, or the note's velocity (0 for a note off)
 */

/**
 * A Control Change, note on or note off; null for anything else (clock, sysex, ...).
 * @param {Uint8Array | null | undefined} data a MIDI message's bytes
 * @returns {MidiEvent | null}
 */
export function readMidiMessage(data) {
  if (!data || data.length < 3) return null;
  const status = data[0] & 0xf0;
  const channel = (data[0] & 0x0f) + 1;
  if (status === 0xb0) return { kind: "cc", channel, number: data[1], value: data[2] };
  if (status === 0x90) return { kind: "note", channel, number: data[1], value: data[2] };
  if (status === 0x80) return { kind: "note", channel, number: data[1], value: 0 };
  return null;
}

/**
 * Does this message come from the knob or pad of this mapping?
 * @param {MidiMapping} mapping
 * @param {MidiEvent} event
 */
export function fromSource(mapping, event) {
  return mapping.kind === event.kind && mapping.channel === event.channel && mapping.number === event.number;
}

/**
 * A knob's 0..127 over a slider's own range: min at 0, max at 127, on its steps.
 * @param {number} value 0 to 127
 * @param {number} min
 * @param {number} max
 * @param {number} step
 */
export function sliderValue(value, min, max, step) {
  const steps = Math.round(((value / 127) * (max - min)) / step);
  const result = Math.min(max, min + steps * step);
  return Number(result.toFixed(10)); // 0.1 * 3 is 0.30000000000000004
}

/**
 * Which of n choices a knob's 0..127 picks: the range split in n equal parts.
 * @param {number} value 0 to 127
 * @param {number} n
 */
export function choiceIndex(value, n) {
  return Math.min(n - 1, Math.floor((value * n) / 128));
}

/**
 * How a mapping reads: "CC 21, channel 1" or "note 36, channel 10".
 * @param {{ kind: "cc" | "note", channel: number, number: number }} source
 */
export function sourceText(source) {
  return `${source.kind === "cc" ? "CC" : "note"} ${source.number}, channel ${source.channel}`;
}
