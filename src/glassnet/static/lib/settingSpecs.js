// @ts-check
/**
 * The settings table (generated from Python into tables.js), asked by name.
 *
 * Views take their slider bounds and menu choices from here and the link parser
 * its types, so a range changed in glassnet's Python table changes everywhere.
 */

import { SETTINGS } from "./tables.js";

/** @import { SettingSpec } from "./tables.js" */

/** @type {Map<string, SettingSpec>} */
const BY_NAME = new Map(SETTINGS.map((spec) => [spec.name, spec]));

/**
 * One setting's entry of the table.
 * @param {string} name
 * @returns {SettingSpec}
 */
export function settingSpec(name) {
  const spec = BY_NAME.get(name);
  if (!spec) throw new Error(`glassnet has no setting ${name}`);
  return spec;
}

/**
 * The whole numbers a setting allows, from its low to its high (for a menu).
 * @param {string} name a setting of kind "whole"
 * @returns {number[]}
 */
export function wholeRange(name) {
  const { low = 0, high = 0 } = settingSpec(name);
  return Array.from({ length: high - low + 1 }, (_, i) => low + i);
}

/**
 * A setting's value read from the text of a link, typed as the table says;
 * the session checks the value itself.
 * @param {string} name
 * @param {string} text
 * @returns {unknown} undefined for a name that is not a setting
 */
export function readSettingText(name, text) {
  const spec = BY_NAME.get(name);
  if (!spec) return undefined;
  if (spec.kind === "whole_list" || spec.kind === "choice_list") {
    const items = text.trim() === "" ? [] : text.split(",");
    return spec.kind === "whole_list" ? items.map(Number) : items;
  }
  if (spec.kind === "flag") return text === "true";
  if (spec.kind === "choice") {
    // A choice may be text ("tanh") or a number (a speed of 60): match it as the table has it.
    const choice = (spec.choices || []).find((c) => String(c) === text);
    return choice === undefined ? text : choice;
  }
  return Number(text);
}
