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
});
app.render({ model, el: /** @type {HTMLElement} */ (document.getElementById("glassnet")) });
