// @ts-check
/**
 * The way in to lessons and words: the Lessons and Help buttons of the top bar,
 * and what a glossary link does anywhere in the playground.
 *
 * - Lessons opens a list of the lessons (views/lessons/lessonsMenu.js), and a
 *   way to load a lesson file. The open lesson's panel (views/lessons/lessonPanel.js)
 *   loads when a lesson opens: from this list, from a link, or from the host.
 * - Help opens a short menu: the glossary of words, the lessons, the docs.
 * - A click on any glossary link (a.gn-term[data-term], in a lesson's text or a
 *   help text) shows that word's definition (views/help/glossary.js).
 *
 * Everything but the two buttons loads the first time it is used, so the first
 * network draws as fast as before (benchmarks/page.py counts what loads first).
 */

import { h } from "../../lib/dom.js";
import { createPopup } from "./popup.js";

/** @import { GuideParts, State, View, ViewApi } from "../../lib/types.js" */

/**
 * @template T
 * @param {() => Promise<T>} load
 * @returns {() => Promise<T>} the same promise every time: the module loads once
 */
function once(load) {
  /** @type {Promise<T> | null} */
  let promise = null;
  return () => (promise ??= load());
}

/**
 * @param {HTMLElement} el the slot in the top bar
 * @param {ViewApi} api
 * @param {{ root: HTMLElement, lessonEl: HTMLElement, load: GuideParts }} parts the playground,
 *   the lesson panel's section, and how to load the lesson and glossary views (app.js)
 * @returns {View}
 */
export function createGuide(el, api, { root, lessonEl, load }) {
  /** @type {View | null} the lesson panel, once it has loaded */
  let lessonPanel = null;
  const panel = once(async () => {
    const createLessonPanel = await load.lessonPanel();
    lessonPanel = createLessonPanel(lessonEl, api, root);
    // It draws the state as it is now, whenever it arrives: it may have missed changes.
    lessonPanel.update({ ...api.state, changed: { lesson: true, frame: true, settings: true, catalog: true } });
    return lessonPanel;
  });
  const glossary = once(async () => {
    const createGlossary = await load.glossary();
    return createGlossary(root);
  });

  /** @type {{ update(state: State): void } | null} the list of lessons, once it has loaded */
  let menu = null;
  const lessons = createPopup(el, {
    label: "Lessons",
    title: "Lessons: a guided path from one neuron to your own ml5.js model",
    control: "lessons",
    onOpen: async (box) => {
      api.command("lesson_list"); // every time: a teacher's folder may have changed
      panel(); // the panel will be needed soon: start loading it
      if (!box.firstChild) {
        const createLessonsMenu = await load.lessonsMenu();
        menu = createLessonsMenu(box, api, () => {
          lessons.close(false);
          closeOverlay();
        });
      }
      menu?.update(api.state);
      lessons.focusFirst();
    },
  });

  const help = createPopup(el, {
    label: "Help",
    title: "Help: words, lessons and docs",
    control: "help",
    onOpen: () => help.focusFirst(),
  });
  help.box.append(
    h("ul", { class: "gn-menu-list" },
      h("li", null, h("button", {
        type: "button", class: "gn-menu-item",
        onclick: async () => {
          help.close(false);
          closeOverlay();
          (await glossary()).open();
        },
      }, h("strong", null, "Words"), h("span", null, "What each word of the playground means"))),
      h("li", null, h("button", {
        type: "button", class: "gn-menu-item",
        onclick: () => {
          help.close(false);
          lessons.open();
        },
      }, h("strong", null, "Lessons"), h("span", null, "Short guided steps, from one neuron to your own model"))),
      h("li", null, h("a", {
        class: "gn-menu-item", href: "/docs/lessons.md", target: "_blank", rel: "noopener",
      }, h("strong", null, "Write a lesson"), h("span", null, "The lesson file format (docs/lessons.md)"))),
      h("li", null, h("a", {
        class: "gn-menu-item", href: "/docs/urls.md", target: "_blank", rel: "noopener",
      }, h("strong", null, "Links"), h("span", null, "Setups, lessons and hidden controls in a link (docs/urls.md)"))),
    ),
  );

  /** In the compact layout these buttons sit in the Settings overlay: a chosen lesson or word closes it. */
  function closeOverlay() {
    if (el.closest(".gn-overlay")) root.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
  }

  // A glossary link anywhere in the playground shows its word's definition beside it.
  async function onTermClick(/** @type {MouseEvent} */ event) {
    const link = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest?.("a.gn-term[data-term]"));
    if (!link || !root.contains(link)) return;
    event.preventDefault();
    (await glossary()).note(link, /** @type {string} */ (link.dataset.term), api.state.lesson?.terms || []);
  }
  root.addEventListener("click", onTermClick);

  return {
    update(state) {
      if (state.lesson && !lessonPanel) panel();
      lessonPanel?.update(state);
      if (state.changed.lessons || state.changed.lesson) menu?.update(state);
    },
    destroy() {
      root.removeEventListener("click", onTermClick);
      lessons.destroy();
      help.destroy();
      lessonPanel?.destroy();
      el.replaceChildren();
    },
  };
}
