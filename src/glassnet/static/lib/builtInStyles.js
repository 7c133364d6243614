// @ts-check
/**
 * The stylesheets built into the module, as CSS text by path under static/, or null.
 *
 * Here it is null: the page (and `glassnet --dev`) load each stylesheet from its
 * file, as app.js's addStylesheet links it. scripts/build.mjs gives this module
 * other contents in the single-file build (dist/glassnet.js), where the
 * stylesheets travel inside the one module a notebook or a published page loads.
 */

/** @type {Record<string, string> | null} */
export const BUILT_IN_STYLES = null;
