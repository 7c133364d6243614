// @ts-check
/**
 * Sending the files a person chose or dropped on the data panel (views/data/fileLoader.js)
 * to the session: a CSV or JSON data file as text (load_data), or an ml5.js model's three
 * files in base64 (open_model). Only sizes are checked here, before sending, so a huge
 * file is not pushed down the wire for nothing; the session reads every file and says
 * what is wrong with it. This module loads with the first file: the page draws its first
 * network without it.
 */

/** @import { ViewApi } from "../../lib/types.js" */

/** What an ml5.js model's three files are called when save() is given no name. */
const MODEL_FILES = "model.json, model.weights.bin and model_meta.json";

/**
 * @typedef {{ refused: string } | { request: string, name: string, status: string }} Sent
 *   what was wrong before sending, or the request sent, its file's name and what to show meanwhile
 */

/**
 * Read the files and send them, if they can be sent.
 * @param {File[]} files
 * @param {ViewApi} api
 * @returns {Promise<Sent>}
 */
export async function sendFiles(files, api) {
  const limits = api.state.catalog?.limits ?? {};
  const fileLimit = limits.MAX_FILE_BYTES ?? Infinity;
  const big = files.find((f) => f.size > fileLimit);
  if (big) {
    return { refused: `${big.name} is ${megabytes(big.size)}; glassnet reads files up to ${megabytes(fileLimit)}. ` +
      "Keep fewer rows (or fewer columns) and try again." };
  }
  const model = files.length > 1 || files.some((f) => /\.bin$/i.test(f.name));
  if (model) return openModel(files, api, limits.MAX_MESSAGE_BYTES ?? Infinity);
  const file = files[0];
  let content;
  try {
    content = (await file.text()).replace(/\r\n?/g, "\n");
  } catch {
    return { refused: `${file.name} could not be read. Is it still there?` };
  }
  if (/\.json$/i.test(file.name) && looksLikeModel(content)) {
    return { refused: `${file.name} is part of an ml5.js model. Choose (or drop) its three files together: ` +
      `${MODEL_FILES} (or NAME.json, NAME.weights.bin and NAME_meta.json).` };
  }
  const maxMessage = limits.MAX_MESSAGE_BYTES ?? Infinity;
  const message = new Blob([JSON.stringify({ type: "load_data", filename: file.name, content })]);
  if (message.size > maxMessage) {
    return { refused: `${file.name} makes a message of ${megabytes(message.size)} (its text, ` +
      `written as JSON); glassnet takes messages up to ${megabytes(maxMessage)}. ` +
      "Keep fewer rows (or fewer columns) and try again." };
  }
  api.command("load_data", { filename: file.name, content });
  return { request: "load_data", name: file.name, status: `Loading ${file.name}…` };
}

/**
 * Send an ml5.js model's files, in base64, if they fit in one message.
 * @param {File[]} files
 * @param {ViewApi} api
 * @param {number} messageLimit
 * @returns {Promise<Sent>}
 */
async function openModel(files, api, messageLimit) {
  const encoded = files.reduce((sum, f) => sum + 4 * Math.ceil(f.size / 3) + f.name.length + 8, 64);
  if (encoded > messageLimit) {
    return { refused: `These files come to ${megabytes(encoded)} once sent; glassnet takes up to ` +
      `${megabytes(messageLimit)} at once. An ml5.js model of a few small layers is far smaller: are these its files?` };
  }
  /** @type {Record<string, string>} */
  const contents = {};
  try {
    for (const file of files) contents[file.name] = await base64(file);
  } catch {
    return { refused: "These files could not be read. Are they still there?" };
  }
  const name = files.find((f) => /\.json$/i.test(f.name) && !/_meta\.json$/i.test(f.name))?.name ?? "the model";
  api.command("open_model", { files: contents });
  return { request: "open_model", name, status: `Opening ${name}…` };
}

/**
 * Whether a JSON file's text is part of an ml5.js model rather than data.
 * @param {string} text
 */
function looksLikeModel(text) {
  try {
    const value = JSON.parse(text);
    return Boolean(value && typeof value === "object" && !("data" in value) &&
      ("modelTopology" in value || ("inputs" in value && "outputs" in value)));
  } catch {
    return false; // the session says what is wrong with it
  }
}

/**
 * A file's bytes in base64.
 * @param {File} file
 * @returns {Promise<string>}
 */
function base64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** @param {number} bytes */
function megabytes(bytes) {
  const mb = bytes / 1e6;
  return `${mb >= 10 ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}
