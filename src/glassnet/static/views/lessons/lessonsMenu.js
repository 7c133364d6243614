// @ts-check
/**
 * The list of lessons, in the Lessons box of the top bar: every lesson the
 * server offers (a teacher's marked as theirs, a broken file with what is wrong
 * in it), and "Load a lesson file" to open a lesson from this computer.
 *
 * Opening one sends lesson_open (docs/protocol.md); the session sets the
 * playground up and answers with the lesson, which the lesson panel shows.
 */

import { h } from "../../lib/dom.js";

/** @import { LessonEntry } from "../../lib/messages.js" */
/** @import { State, ViewApi } from "../../lib/types.js" */

/**
 * @param {HTMLElement} box the Lessons box (views/top/popup.js)
 * @param {ViewApi} api
 * @param {() => void} close closes the box (the lesson panel takes the focus)
 */
export function createLessonsMenu(box, api, close) {
  const status = h("p", { class: "gn-lessons-status", role: "status" }, "Asking for the lessons…");
  const list = h("ol", { class: "gn-lessons-list" });
  const fileInput = h("input", {
    type: "file",
    accept: ".md,.markdown,.txt,text/markdown,text/plain",
    hidden: true,
    onchange: () => openFile(),
  });
  const loadButton = h("button", {
    type: "button",
    class: "gn-button",
    onclick: () => fileInput.click(),
  }, "Load a lesson file…");
  box.append(
    h("h2", { class: "gn-heading" }, "Lessons"),
    status,
    list,
    h("div", { class: "gn-lessons-foot" },
      loadButton, fileInput,
      h("a", { href: "/docs/lessons.md", target: "_blank", rel: "noopener" }, "How to write a lesson")),
  );

  async function openFile() {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (!file) return;
    const limit = api.state.catalog?.limits.MAX_LESSON_BYTES;
    if (limit && file.size > limit) {
      status.hidden = false;
      status.textContent = `${file.name} is ${Math.ceil(file.size / 1000)} kB; a lesson file may have at most ${limit / 1000} kB (docs/limits.md).`;
      return;
    }
    api.command("lesson_open", { content: await file.text(), filename: file.name });
    close();
  }

  /**
   * @param {LessonEntry} entry
   * @param {string | undefined} current the open lesson's name
   */
  function item(entry, current) {
    const mark = entry.origin === "teacher"
      ? h("span", { class: "gn-lessons-origin" }, entry.replaces ? "Your teacher's version" : "Your teacher's lesson")
      : null;
    const button = h("button", {
      type: "button",
      class: "gn-menu-item gn-lessons-item",
      disabled: Boolean(entry.error),
      "aria-current": entry.name === current ? "true" : null,
      dataset: { lesson: entry.name },
      onclick: () => {
        api.command("lesson_open", { name: entry.name });
        close();
      },
    },
    h("strong", null, entry.title),
    mark,
    h("span", null, entry.error ? "This file cannot be opened:" : `${entry.summary} (${entry.step_count} steps)`));
    const error = entry.error ? h("p", { class: "gn-lessons-error" }, entry.error) : null;
    return h("li", null, button, error);
  }

  let drawn = "";
  return {
    /** @param {State} state */
    update(state) {
      if (!state.lessons) return;
      const key = JSON.stringify([state.lessons, state.lesson?.name]);
      if (key === drawn) return;
      drawn = key;
      status.textContent = state.lessons.length ? "" : "This server offers no lessons.";
      status.hidden = state.lessons.length > 0;
      // The list comes again each time the box opens: the keyboard keeps its place in it.
      const focused = /** @type {HTMLElement | null} */ (list.querySelector(":focus"))?.dataset.lesson;
      const first = !list.firstChild && box.contains(document.activeElement); // the box opened before its list came
      list.replaceChildren(...state.lessons.map((entry) => item(entry, state.lesson?.name)));
      const again = focused ? `[data-lesson="${CSS.escape(focused)}"]` : first ? "button:not(:disabled)" : null;
      if (again) /** @type {HTMLElement | null} */ (list.querySelector(again))?.focus();
    },
  };
}
