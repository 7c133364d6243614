// @ts-check
/**
 * The glossary: every word of the playground with its definition in plain words.
 *
 * - note(link, key) shows one word's definition beside a link to it (in a
 *   lesson's text, in a help text), with a way on to all the words.
 * - open(key) shows every word in a dialog (Help → Words), scrolled to `key`.
 *
 * The words are lib/glossary.js, generated from glassnet's one glossary
 * (src/glassnet/lessons/glossary.py), which lessons link and check against.
 */

import { h } from "../../lib/dom.js";
import { GLOSSARY } from "../../lib/glossary.js";
import { closePopover, openNote } from "../../lib/help.js";

/** @import { Term } from "../../lib/glossary.js" */

/**
 * @param {HTMLElement} root the playground (.glassnet), where the dialog lives
 */
export function createGlossary(root) {
  const filter = h("input", {
    type: "text", // not "search": there Escape empties the field instead of closing the dialog
    class: "gn-glossary-filter",
    placeholder: "Find a word",
    "aria-label": "Find a word",
    oninput: () => applyFilter(),
  });
  const items = GLOSSARY.map((term) => h("div", { class: "gn-glossary-term", id: `gn-word-${term.term}`, dataset: { term: term.term } },
    h("dt", { tabindex: -1 }, term.title),
    h("dd", null, term.text)));
  const dialog = h("dialog", { class: "gn-glossary", "aria-labelledby": "gn-glossary-title" },
    h("div", { class: "gn-glossary-head" },
      h("h2", { id: "gn-glossary-title", class: "gn-heading" }, "Words"),
      filter,
      h("button", { type: "button", class: "gn-button", onclick: () => dialog.close() }, "Close")),
    h("dl", { class: "gn-glossary-list" }, items));
  root.append(dialog);

  function applyFilter() {
    const words = filter.value.trim().toLowerCase();
    for (const item of items) item.hidden = Boolean(words) && !item.textContent?.toLowerCase().includes(words);
  }

  /** @param {string} [key] the word to show first */
  function open(key) {
    closePopover();
    filter.value = "";
    applyFilter();
    for (const item of items) item.classList.toggle("gn-glossary-current", item.dataset.term === key);
    if (!dialog.open) dialog.showModal();
    const item = key ? items.find((i) => i.dataset.term === key) : null;
    if (item) {
      item.scrollIntoView({ block: "center" });
      /** @type {HTMLElement} */ (item.firstChild).focus({ preventScroll: true });
    } else {
      filter.focus();
    }
  }

  return {
    open,
    /**
     * One word's definition beside a link to it.
     * @param {HTMLElement} link
     * @param {string} key
     * @param {Term[]} given definitions that came with the text (a lesson's terms), if any
     */
    note(link, key, given) {
      const term = given.find((t) => t.term === key) || GLOSSARY.find((t) => t.term === key);
      if (!term) return;
      openNote(link, [
        h("strong", { class: "gn-note-title" }, term.title),
        ` ${term.text} `,
        h("button", { type: "button", class: "gn-note-more", onclick: () => open(key) }, "All words"),
      ]);
    },
  };
}
