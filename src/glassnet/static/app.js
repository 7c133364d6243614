/**
 * glassnet's front end, as an anywidget front-end module.
 *
 *   export default { render({ model, el }) }
 *
 * It uses only the narrow model API (get, set, save_changes, on, off, send), so
 * the same code runs in the standalone page (page.js hands it a model that
 * speaks the WebSocket protocol) and in a notebook (anywidget hands it the
 * widget's model). Settings are model values; frames, data, notices and errors
 * arrive as custom messages. Page-only features (URL hash, storage, downloads)
 * live in the page's host code, not here.
 *
 * Inside: one store (lib/store.js) and one view per concern. Data flows one way:
 * user action -> command -> session -> new state -> views.
 */

import { h } from "./lib/dom.js";
import { createStore } from "./lib/store.js";
import { createControls } from "./views/controls.js";
import { createDataPanel } from "./views/dataPanel.js";
import { createLossChart } from "./views/lossChart.js";
import { createMessages } from "./views/messages.js";
import { createMetrics } from "./views/metrics.js";
import { createNetwork } from "./views/network.js";
import { createOutput } from "./views/output.js";
import { createSettingsBar } from "./views/settingsBar.js";

const STYLESHEETS = [
  "style.css",
  "views/controls.css",
  "views/settingsBar.css",
  "views/dataPanel.css",
  "views/network.css",
  "views/output.css",
  "views/messages.css",
];

function loadStyles() {
  for (const path of STYLESHEETS) {
    const href = new URL(path, import.meta.url).href;
    if (document.querySelector(`link[href="${href}"]`)) continue;
    document.head.append(h("link", { rel: "stylesheet", href }));
  }
}

/**
 * Build the playground inside `el`, driven by `model`.
 * @param {{model: object, el: HTMLElement}} args
 * @returns {() => void} cleanup
 */
function render({ model, el }) {
  loadStyles();
  const store = createStore(model);
  const top = h("header", { class: "gn-top" });
  const data = h("section", { class: "gn-section gn-data", "aria-label": "Data" });
  const network = h("section", { class: "gn-section gn-network", "aria-label": "Network" });
  const output = h("section", { class: "gn-section gn-output", "aria-label": "Output" });
  const metrics = h("div", { class: "gn-metrics-slot" });
  const chart = h("div", { class: "gn-chart-slot" });
  const map = h("div", { class: "gn-map-slot" });
  output.append(h("h2", null, "Output"), metrics, chart, map);
  const messages = h("div", { class: "gn-messages-slot" });
  const root = h(
    "div",
    { class: "glassnet" },
    top,
    messages,
    h("main", { class: "gn-main" }, data, network, output),
  );
  el.append(root);
  applyOptions(root, model.get("ui_options") || {});

  const controlsSlot = h("div", { class: "gn-controls-slot" });
  const settingsSlot = h("div", { class: "gn-settings-slot" });
  top.append(h("div", { class: "gn-brand" }, "glass", h("span", null, "net")), controlsSlot, settingsSlot);

  const views = [
    createControls(controlsSlot, store),
    createSettingsBar(settingsSlot, store),
    createMessages(messages, store),
    createDataPanel(data, store),
    createNetwork(network, store),
    createMetrics(metrics, store),
    createLossChart(chart, store),
    createOutput(map, store),
  ];
  const unsubscribe = store.subscribe((state) => {
    for (const view of views) view.update(state);
    // Tests and embedding pages wait for this: the first frame is on screen.
    if (state.frame && !root.dataset.ready) {
      root.dataset.ready = "true";
      performance.mark("glassnet-first-frame");
    }
  });

  return () => {
    unsubscribe();
    for (const view of views) view.destroy();
    store.destroy();
    root.remove();
  };
}

/**
 * Display options a host may give as the model value "ui_options":
 *   layout: "full" (default) or "embed" (compact, for an iframe of about 600x450)
 *   hidden: names of controls and panels to hide (docs/urls.md), from <name>_hide=true
 *   hideText: hide the help buttons and the title
 * Every view marks its controls with data-control="<name>".
 */
function applyOptions(root, options) {
  root.dataset.layout = options.layout || "full";
  root.classList.toggle("gn-hide-text", Boolean(options.hideText));
  const hidden = (options.hidden || []).filter((name) => /^[A-Za-z0-9_]+$/.test(name));
  const rules = hidden.map((name) => `.glassnet [data-control~="${name}"] { display: none !important; }`);
  root.append(h("style", null, rules.join("\n")));
}

export default { render };
