// @ts-check
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
 * Inside: one store (lib/store.js) and one view per concern, each in its folder
 * under views/. A view is createX(el, api) returning { update(state), destroy() }:
 * it draws the state it is given and asks for changes through api (lib/types.js,
 * ViewApi), never writing state itself. Data flows one way:
 * user action -> command -> session -> new state -> views.
 */

import { BUILT_IN_STYLES } from "./lib/builtInStyles.js";
import { h } from "./lib/dom.js";
import { lazy } from "./lib/lazy.js";
import { createStore } from "./lib/store.js";
import { createControls } from "./views/top/controls.js";
import { createDataPanel } from "./views/data/dataPanel.js";
import { createExportMenu } from "./views/export/exportMenu.js";
import { createLossChart } from "./views/chart/lossChart.js";
import { createMessages } from "./views/top/messages.js";
import { createMetrics } from "./views/chart/metrics.js";
import { createNetwork } from "./views/network/network.js";
import { createOutput } from "./views/output/output.js";
import { addPanelToggles } from "./views/top/panelToggles.js";
import { createSettingsBar } from "./views/top/settingsBar.js";
import { createGuide } from "./views/top/guide.js";
import { can } from "./lib/capabilities.js";

/** @import { Model, UiOptions, View, ViewApi } from "./lib/types.js" */

/**
 * Add a stylesheet (a path under static/): inside the playground's element when
 * the stylesheets are built into the module (they then reach a shadow root, as
 * in marimo, or a page of their own), else as a link in the page's head unless
 * the page has it (the glassnet page links glassnet.css, the stylesheets of
 * everything on screen at start).
 * @param {string} path
 * @param {HTMLElement} root the playground's element
 * @returns {Promise<void>} resolves when it has loaded (or failed to: the view still works)
 */
export function addStylesheet(path, root) {
  const text = BUILT_IN_STYLES?.[path];
  if (text !== undefined) {
    const present = [...root.querySelectorAll("style[data-sheet]")].some((s) => /** @type {HTMLElement} */ (s).dataset.sheet === path);
    if (!present) root.append(h("style", { dataset: { sheet: path } }, text));
    return Promise.resolve();
  }
  const href = new URL(path, import.meta.url).href;
  const links = document.querySelectorAll("link[rel=stylesheet]");
  if ([...links].some((l) => /** @type {HTMLLinkElement} */ (l).href === href)) return Promise.resolve();
  return new Promise((resolve) => {
    document.head.append(h("link", { rel: "stylesheet", href, onload: () => resolve(), onerror: () => resolve() }));
  });
}

/**
 * Build the playground inside `el`, driven by `model`.
 * @param {{model: Model, el: HTMLElement}} args
 * @returns {() => void} cleanup
 */
function render({ model, el }) {
  const store = createStore(model);
  const api = store.api;
  const top = h("header", { class: "gn-top" });
  const data = h("section", { class: "gn-section gn-data", "aria-label": "Data" });
  const explain = h("section", { class: "gn-section gn-explain", "aria-label": "Step through training", hidden: true });
  const lesson = h("aside", { class: "gn-section gn-lesson", "aria-label": "Lesson", hidden: true });
  const network = h("section", { class: "gn-section gn-network", "aria-label": "Network" });
  const output = h("section", { class: "gn-section gn-output", "aria-label": "Output" });
  const metrics = h("div", { class: "gn-metrics-slot" });
  const chart = h("div", { class: "gn-chart-slot" });
  const map = h("div", { class: "gn-map-slot" });
  output.append(h("h2", null, "Output"), metrics, chart, map);
  const messages = h("div", { class: "gn-messages-slot" });
  const timeline = h("div", { class: "gn-timeline-slot", dataset: { control: "timeline" } });
  const main = h("main", { class: "gn-main" }, lesson, data, explain, network, output);
  const root = h("div", { class: "glassnet" }, top, timeline, messages, main);
  addStylesheet("glassnet.css", root);
  el.append(root);
  const options = /** @type {UiOptions} */ (model.get("ui_options") || {});
  applyOptions(root, options);
  // A screen of docs/screens.md has a stylesheet of its own; its first frame waits for it.
  const screen = root.dataset.view !== "all" || options.projector || options.kiosk;
  const styled = screen ? addStylesheet("views/top/screens.css", root) : null;
  let firstFrame = false;

  const controlsSlot = h("div", { class: "gn-controls-slot" });
  const settingsSlot = h("div", { class: "gn-settings-slot" });
  const exportSlot = h("div", { class: "gn-export-slot" });
  const guideSlot = h("div", { class: "gn-guide" });
  top.append(h("div", { class: "gn-brand" }, "glass", h("span", null, "net")), controlsSlot, exportSlot, guideSlot, settingsSlot);

  /** @type {(() => void)[]} */
  const disposers = [];
  /** @type {View[]} */
  const views = [
    // First: the chart draws text on its canvas, for which the browser must have laid out the
    // page; before any view has changed it this frame, that is already done (after the others,
    // it is done once more, in the middle of the frame).
    createLossChart(chart),
    createControls(controlsSlot, api),
    createSettingsBar(settingsSlot, api),
    createMessages(messages, api),
    timelineView(timeline, api, root),
    createDataPanel(data, api),
    explainPanel(explain, api, root),
    createNetwork(network, api),
    createMetrics(metrics),
    createOutput(map, api),
    createExportMenu(exportSlot, api, PICTURES, () => addStylesheet("views/export/exportPanel.css", root)),
    // Last: a lesson's marks go on what the views above have just drawn.
    createGuide(guideSlot, api, { root, lessonEl: lesson, load: guideParts(root) }),
  ];
  if (options.layout === "embed") {
    // The compact bar has no room for the speed: it joins the settings overlay.
    const speed = /** @type {HTMLElement | null} */ (controlsSlot.querySelector(".gn-speed"));
    if (speed) settingsSlot.prepend(speed);
    settingsSlot.append(exportSlot); // and so does Export
    // Nor for Lessons and Help: they open at the top of the settings overlay.
    settingsSlot.prepend(guideSlot);
    disposers.push(addPanelToggles(root, top, [data, settingsSlot]));
  }
  const unsubscribe = store.subscribe((state) => {
    // While stepping through a training step, its panel takes the data panel's place.
    if (state.changed.explain || root.dataset.explain === undefined) {
      const open = state.explain.open;
      root.dataset.explain = String(open);
      explain.hidden = !open;
      data.hidden = open;
    }
    // What the host can do, as it said: a host that cannot train shows its live controls as such.
    if (state.changed.catalog) root.dataset.live = String(can(state, "train"));
    // While the session is trained from elsewhere (a notebook's pg.train), nothing here acts.
    if (state.changed.busy) for (const part of [top, main]) part.inert = Boolean(state.busy);
    for (const view of views) view.update(state);
    // Tests and embedding pages wait for this: the first frame is on screen.
    if (state.frame && !firstFrame) {
      firstFrame = true;
      const ready = () => {
        root.dataset.ready = "true";
        performance.mark("glassnet-first-frame");
      };
      if (styled) styled.then(ready);
      else ready();
    }
  });

  return () => {
    for (const dispose of disposers) dispose();
    unsubscribe();
    for (const view of views) view.destroy();
    store.destroy();
    root.remove();
  };
}

/** The Export menu's pictures, made by the views that draw them; each loads when first made. */
const PICTURES = {
  network: async () => (await import("./views/network/networkPicture.js")).networkPicture,
  map: async () => (await import("./views/output/mapPicture.js")).mapPicture,
};

/**
 * The lesson and glossary views of the Lessons and Help menus: each loads when first used.
 * @param {HTMLElement} root the playground's element
 * @returns {import("./lib/types.js").GuideParts}
 */
function guideParts(root) {
  const styles = () => addStylesheet("views/lessons/lessons.css", root);
  return {
    lessonPanel: async () => {
      const [module] = await Promise.all([import("./views/lessons/lessonPanel.js"), styles()]);
      return module.createLessonPanel;
    },
    lessonsMenu: async () => {
      const [module] = await Promise.all([import("./views/lessons/lessonsMenu.js"), styles()]);
      return module.createLessonsMenu;
    },
    glossary: async () => {
      const [module] = await Promise.all([import("./views/help/glossary.js"), styles()]);
      return module.createGlossary;
    },
  };
}

/** Every part of the state, as changed: what a view that has just loaded needs to draw. */
const EVERYTHING = { catalog: true, settings: true, data: true, frame: true, ui: true, explain: true };

/** A view that draws nothing (the step-through panel, until its module has loaded). */
const IDLE_VIEW = { update() {}, destroy() {} };

/**
 * The timeline of a replayed run. It loads when the host says it can replay (a published page).
 * @param {HTMLElement} el
 * @param {ViewApi} api
 * @param {HTMLElement} root the playground's element
 * @returns {View}
 */
function timelineView(el, api, root) {
  const timeline = lazy(async () => {
    const [module] = await Promise.all([import("./views/top/timeline.js"), addStylesheet("views/top/timeline.css", root)]);
    return module.createTimeline(el, api);
  }, IDLE_VIEW, (view) => view.update({ ...api.state, changed: EVERYTHING }));
  return {
    update(state) {
      if (can(state, "replay")) timeline.need();
      timeline.current.update(state);
    },
    destroy() {
      timeline.cancel();
      timeline.current.destroy();
    },
  };
}

/**
 * The step-through panel. It loads the first time it is opened, so the page opens faster.
 * @param {HTMLElement} el
 * @param {ViewApi} api
 * @param {HTMLElement} root the playground's element
 * @returns {View}
 */
function explainPanel(el, api, root) {
  const panel = lazy(async () => {
    addStylesheet("views/explain/explainPanel.css", root);
    const { createExplainPanel } = await import("./views/explain/explainPanel.js");
    return createExplainPanel(el, api);
  }, IDLE_VIEW, (view) => view.update({ ...api.state, changed: EVERYTHING }));
  return {
    update(state) {
      if (state.explain.open) panel.need();
      panel.current.update(state);
    },
    destroy() {
      panel.cancel();
      panel.current.destroy();
    },
  };
}

/**
 * Display options a host may give as the model value "ui_options":
 *   layout: "full" (default) or "embed" (compact, for an iframe of about 600x450)
 *   hidden: names of controls and panels to hide (docs/urls.md), from <name>_hide=true
 *   hideText: hide the help buttons and the title
 *   view, kiosk, projector: which part a screen shows, full size; an exhibition
 *     screen; larger type and lines (docs/screens.md)
 * Every view marks its controls with data-control="<name>".
 * @param {HTMLElement} root
 * @param {UiOptions} options
 */
function applyOptions(root, options) {
  root.dataset.layout = options.layout || "full";
  root.classList.toggle("gn-hide-text", Boolean(options.hideText || options.kiosk));
  root.dataset.view = SCREEN_VIEWS.includes(options.view || "all") ? options.view || "all" : "all";
  if (options.kiosk) root.dataset.kiosk = "true";
  if (options.projector) root.dataset.projector = "true";
  const hidden = (options.hidden || []).filter((name) => /^[A-Za-z0-9_]+$/.test(name));
  const rules = hidden.map((name) => `.glassnet [data-control~="${name}"] { display: none !important; }`);
  root.append(h("style", null, rules.join("\n")));
}

/** The parts a screen may show alone (&view=NAME, docs/screens.md). */
const SCREEN_VIEWS = ["all", "data", "network", "output", "explain", "controls"];

export default { render };
