// @ts-check
/**
 * A published page's host: replay the run the page carries, with no server.
 *
 * The page (written by glassnet.publish, docs/publishing.md) holds the
 * publication as JSON in <script id="glassnet-publication">; this host reads
 * it, makes a replay model of it (lib/replayModel.js) and renders the same
 * front end as the glassnet page and the notebook. It makes no request: the
 * front end, its styles and the run are all inside the page.
 */

import app from "./app.js";
import { createReplayModel } from "./lib/replayModel.js";

const source = /** @type {HTMLElement} */ (document.getElementById("glassnet-publication"));
const publication = JSON.parse(source.textContent || "{}");
const options = publication.options || {};
const model = createReplayModel(publication, {
  local: { ui_options: { layout: options.layout || "full", hidden: options.hidden || [] } },
  weights: recordedWeights(),
});

/**
 * The recording's weights (base64), from the last element of the page. This
 * module runs as soon as the browser has read it, before the rest of the page:
 * the network is drawn while the browser still reads the weights, which only
 * replaying needs.
 * @returns {Promise<string>}
 */
function recordedWeights() {
  const read = () => JSON.parse(document.getElementById("glassnet-recording")?.textContent || "null");
  if (document.readyState !== "loading") return Promise.resolve(read());
  return new Promise((resolve) => document.addEventListener("DOMContentLoaded", () => resolve(read()), { once: true }));
}
app.render({ model, el: /** @type {HTMLElement} */ (document.getElementById("glassnet")) });
