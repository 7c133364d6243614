// @ts-check
/**
 * Glossary words in the page's own texts: a help text writes `[[epoch]]` (or
 * `[[learning_rate|step size]]` to show other words), as a lesson does, and
 * becomes text with links to the word's definition.
 *
 * A link is `<a class="gn-term" data-term="KEY">`, the same as in a lesson's
 * text, so one listener (views/top/guide.js) opens the definition of any of
 * them. The definitions themselves (lib/glossary.js) load only when one is
 * asked for: this module knows the words' keys, not what they mean.
 */

import { h } from "./dom.js";

const LINK = /\[\[([a-z_]+)(?:\|([^\]]+))?\]\]/g;

/**
 * A glossary key as words: "learning_rate" -> "learning rate".
 * @param {string} key
 */
export function wordsOf(key) {
  return key.replace(/_/g, " ");
}

/**
 * Text with its [[word]] marks made into links to the glossary.
 * @param {string} text
 * @returns {(string | HTMLAnchorElement)[]}
 */
export function withTermLinks(text) {
  /** @type {(string | HTMLAnchorElement)[]} */
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(termLink(match[1], match[2] || wordsOf(match[1])));
    last = at + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/**
 * Text without its marks, for a label or a screen reader's name: "[[epoch|epochs]]" -> "epochs".
 * @param {string} text
 */
export function plainText(text) {
  return text.replace(LINK, (_, key, words) => words || wordsOf(key));
}

/**
 * A link to a word's definition.
 * @param {string} key
 * @param {string} words what the link says
 */
export function termLink(key, words) {
  return h("a", { class: "gn-term", href: `#term-${key}`, dataset: { term: key } }, words);
}
