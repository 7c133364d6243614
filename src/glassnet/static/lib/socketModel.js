// @ts-check
/**
 * A model object that speaks glassnet's WebSocket protocol (docs/protocol.md).
 *
 * It offers the narrow anywidget model API, so the front end (app.js) runs on it
 * exactly as it runs on a notebook widget's model:
 *   get(name), set(name, value), save_changes(), on(event, fn), off(event, fn),
 *   send(content, callbacks, buffers)
 * Settings are the model's values; the session's answers arrive as "msg:custom"
 * events with (message, buffers), buffers being DataViews as in anywidget.
 *
 * This is host code of the standalone page: the shared front end never imports it.
 */

/** @import { Outgoing } from "./messages.js" */
/** @import { Model } from "./types.js" */

/**
 * Decode one WebSocket message into [message, buffers].
 * A binary message is: uint32 header length, JSON header, padding to 8 bytes,
 * then the buffers listed in header.buffer_lengths, each padded to 8 bytes.
 * @param {string | ArrayBuffer} data
 * @returns {[{ type: string } & Record<string, any>, DataView[]]} the message (as sent: any fields), its buffers
 */
export function decode(data) {
  if (typeof data === "string") return [JSON.parse(data), []];
  const view = new DataView(data);
  const headLength = view.getUint32(0, true);
  const head = JSON.parse(new TextDecoder().decode(new Uint8Array(data, 4, headLength)));
  const buffers = [];
  let offset = pad(4 + headLength);
  for (const length of head.buffer_lengths || []) {
    buffers.push(new DataView(data, offset, length));
    offset += pad(length);
  }
  return [head, buffers];
}

/** @param {number} n */
function pad(n) {
  return Math.ceil(n / 8) * 8;
}

/**
 * @param {string} url the WebSocket address, such as ws://127.0.0.1:8765/ws
 * @param {object} [options]
 * @param {() => object} [options.hello] fields merged into the front end's hello
 *   message each time it is sent (the page's host puts its URL's settings and its
 *   kept session here)
 * @param {Record<string, unknown>} [options.local] values only this page knows, such as display
 *   options; get() returns them and they are never sent
 * @param {WebSocket | null} [options.socket] a socket the page opened early to this url, to
 *   take over (the server sends nothing before the hello, so nothing is missed)
 * @returns {Model & { reconnect(): void }}
 */
export function createSocketModel(url, { hello = () => ({}), local = {}, socket: early = null } = {}) {
  /** @type {Record<string, any>} the settings as the session sent them, and the local values */
  const values = { ...local };
  /** @type {Record<string, unknown>} */
  let pending = {};
  /** @type {Map<string, Set<(...args: any[]) => void>>} */
  const listeners = new Map();
  /** @type {string[]} messages waiting for the socket to open */
  const queue = [];
  /** @type {WebSocket | null} */
  let socket = null;
  /** @type {Outgoing | null} */
  let lastHello = null;
  /** @type {WebSocket | null} */
  let greeted = null; // the socket the hello went out on

  /**
   * @param {string} event
   * @param {...unknown} args
   */
  function emit(event, ...args) {
    for (const fn of listeners.get(event) || []) fn(...args);
  }

  let maxBytes = Infinity; // MAX_MESSAGE_BYTES, once the welcome's catalog says it

  /** @param {Outgoing} message */
  function transmit(message) {
    let text = JSON.stringify(message);
    if (tooLarge(text) && message.type === "hello" && message.restore) {
      text = JSON.stringify({ ...message, restore: undefined }); // start afresh rather than not at all
    }
    if (tooLarge(text)) {
      // Say the limit before sending: the server would only refuse it.
      const mb = (/** @type {number} */ n) => `${(n / 1e6).toFixed(1)} MB`;
      const size = new Blob([text]).size;
      emit("msg:custom", { type: "error", request: message.type, limit: "MAX_MESSAGE_BYTES",
        message: `This ${message.type} message would be ${mb(size)}; glassnet takes messages of ` +
          `at most ${mb(maxBytes)} (MAX_MESSAGE_BYTES), so it was not sent. Nothing changed.` }, []);
      return;
    }
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(text);
      if (message.type === "hello") greeted = socket;
    } else {
      queue.push(text);
    }
  }

  function connect() {
    const usable = early && early.readyState <= WebSocket.OPEN;
    const current = usable && early ? early : new WebSocket(url);
    socket = current;
    early = null;
    current.binaryType = "arraybuffer";
    const onOpen = () => {
      // The hello goes first; after a reconnection it is sent again, with fresh host fields.
      if (lastHello && greeted !== current) {
        const waiting = queue.findIndex((m) => m.includes('"type":"hello"'));
        if (waiting >= 0) queue.splice(waiting, 1);
        queue.unshift(JSON.stringify({ ...lastHello, ...hello() }));
        greeted = current;
      }
      for (const text of queue.splice(0)) current.send(text);
      emit("msg:custom", { type: "connection", state: "open" }, []);
    };
    if (current.readyState === WebSocket.OPEN) queueMicrotask(onOpen);
    else current.addEventListener("open", onOpen);
    current.addEventListener("message", (event) => {
      const [message, buffers] = decode(event.data);
      if (message.type === "welcome") maxBytes = message.catalog?.limits?.MAX_MESSAGE_BYTES ?? maxBytes;
      if (message.type === "settings") {
        const changed = Object.keys(message.values).filter(
          (k) => JSON.stringify(values[k]) !== JSON.stringify(message.values[k]),
        );
        Object.assign(values, message.values);
        for (const k of changed) emit(`change:${k}`, model, values[k]);
        if (changed.length) emit("change", model);
      } else {
        emit("msg:custom", message, buffers);
      }
    });
    current.addEventListener("close", (event) => {
      emit("msg:custom", { type: "connection", state: "closed", reason: event.reason, code: event.code }, []);
    });
  }

  /** Whether a message's text is over the limit (counted as UTF-8 only when it could be). */
  function tooLarge(/** @type {string} */ text) {
    return text.length > maxBytes / 3 && new Blob([text]).size > maxBytes;
  }

  /** @type {Model & { reconnect(): void }} */
  const model = {
    get: (name) => values[name],
    set(name, value) {
      values[name] = value;
      pending[name] = value;
      emit(`change:${name}`, model, value);
      emit("change", model);
    },
    save_changes() {
      if (Object.keys(pending).length === 0) return;
      transmit({ type: "set", changes: pending });
      pending = {};
    },
    on(event, fn) {
      const set = listeners.get(event) || new Set();
      listeners.set(event, set.add(fn));
    },
    off(event, fn) {
      if (!event) listeners.clear();
      else if (!fn) listeners.delete(event);
      else listeners.get(event)?.delete(fn);
    },
    send(content) {
      if (content.type === "hello") lastHello = content;
      transmit(content.type === "hello" ? { ...content, ...hello() } : content);
    },
    /** Not part of the anywidget API: the page host reconnects after the server restarts. */
    reconnect() {
      if (socket && socket.readyState <= WebSocket.OPEN) return;
      connect();
    },
  };
  connect();
  return model;
}
