// @ts-check
/**
 * The compact (embed) layout's two buttons in the top bar, Data and Settings:
 * each opens its panel as an overlay over the network and the output.
 */

import { h } from "../../lib/dom.js";

/**
 * The compact (embed) layout shows the network and the output; the data panel
 * and the settings open as overlays from two buttons in the top bar.
 * @param {HTMLElement} root
 * @param {HTMLElement} top
 * @param {HTMLElement[]} panels [data section, settings slot]
 * @returns {() => void} takes the listener off the document again
 */
export function addPanelToggles(root, top, panels) {
  const names = ["data", "settings"];
  const buttons = names.map((name, i) => {
    panels[i].id = `gn-panel-${name}-${Math.random().toString(36).slice(2, 8)}`;
    panels[i].classList.add("gn-overlay");
    return h("button", {
      type: "button",
      class: "gn-button gn-panel-toggle",
      "aria-expanded": "false",
      "aria-controls": panels[i].id,
      dataset: { control: name === "data" ? "dataPanel" : "settingsPanel" },
      onclick: () => open(root.dataset.panel === name ? "" : name),
    }, name === "data" ? "Data" : "Settings");
  });
  function open(/** @type {string} */ name) {
    root.dataset.panel = name;
    buttons.forEach((b, i) => b.setAttribute("aria-expanded", String(names[i] === name)));
  }
  top.append(h("div", { class: "gn-panel-toggles" }, buttons));
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && root.dataset.panel) open("");
  });
  function onPointerDown(/** @type {PointerEvent} */ event) {
    const target = /** @type {HTMLElement} */ (event.target);
    const inside = panels.some((p) => p.contains(target)) || buttons.includes(/** @type {HTMLButtonElement} */ (target));
    const popover = target.closest?.(".gn-popover");
    if (root.dataset.panel && !inside && !popover) open("");
  }
  document.addEventListener("pointerdown", onPointerDown);
  return () => document.removeEventListener("pointerdown", onPointerDown);
}

