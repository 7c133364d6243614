/**
 * The standalone page's host: connect to this server's session and render the front end.
 * Page-only features (the URL hash, browser storage, downloads) belong here.
 */

import app from "./app.js";
import { createSocketModel } from "./lib/socketModel.js";

const scheme = location.protocol === "https:" ? "wss:" : "ws:";
const model = createSocketModel(`${scheme}//${location.host}/ws`);
app.render({ model, el: document.getElementById("app") });
