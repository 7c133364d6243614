// @ts-check
/**
 * The open lesson: its steps, the current step's text and task, Back and Next.
 *
 * It draws state.lesson (the session's `lesson` message, docs/protocol.md) and
 * asks for changes with lesson_step and lesson_close; the session sets each
 * step up and says which tasks are done. So the panel shows:
 *
 * - the lesson's title, "Step 2 of 5", and an outline of every step with a tick
 *   for each done task (a step past one whose task is not done cannot be opened);
 * - the step's heading (it takes the focus on every change of step, so a screen
 *   reader reads on from there), its text as the session made it, what the step
 *   points at in words, and its task with a tick once done;
 * - Back and Next: Next opens when the task is done or there is none, and the
 *   last step's Next closes the lesson.
 *
 * A live region says when a task gets its tick. Hiding and pointing are
 * lessonMarks.js. In the compact layout (/embed) the panel is an overlay that
 * folds to one bar, so the network under it can be used; when what the step
 * points at is under the panel, "Look at" says so and offers **Show it**, which
 * folds the panel (the text is read first, so it does not fold by itself).
 */

import { h } from "../../lib/dom.js";
import { createLessonMarks, describeHighlight } from "./lessonMarks.js";

/** @import { LessonMessage } from "../../lib/messages.js" */
/** @import { State, View, ViewApi } from "../../lib/types.js" */

/**
 * @param {HTMLElement} el the lesson's section of the playground (app.js)
 * @param {ViewApi} api
 * @param {HTMLElement} root the playground (.glassnet), which says whether a lesson is open
 * @returns {View}
 */
export function createLessonPanel(el, api, root) {
  const marks = createLessonMarks(root);
  const kicker = h("p", { class: "gn-lesson-kicker" });
  const title = h("h2", { class: "gn-lesson-title", id: "gn-lesson-title" });
  const fold = h("button", {
    type: "button",
    class: "gn-button gn-lesson-fold",
    "aria-expanded": "true",
    onclick: () => setFolded(el.dataset.folded !== "true"),
  }, "Hide text");
  const close = h("button", {
    type: "button",
    class: "gn-button gn-lesson-close",
    "aria-label": "Close the lesson",
    title: "Close the lesson (the playground stays as it is)",
    onclick: () => api.command("lesson_close"),
  }, "×");
  const outline = h("ol", { class: "gn-lesson-outline" });
  const heading = h("h3", { class: "gn-lesson-step-title", tabindex: -1 });
  const text = h("div", { class: "gn-lesson-text" });
  const lookWords = h("span");
  const showIt = h("button", {
    type: "button",
    class: "gn-button gn-lesson-show-it",
    title: "Fold the text away to see what the step points at (Show text brings it back)",
    onclick: () => setFolded(true),
  }, "Show it");
  const look = h("p", { class: "gn-lesson-look" }, lookWords, " ", showIt);
  const task = h("p", { class: "gn-lesson-task" });
  const back = h("button", { type: "button", class: "gn-button gn-lesson-back", onclick: () => go(-1) }, "◀ Back");
  const next = h("button", { type: "button", class: "gn-button gn-primary gn-lesson-next", onclick: () => go(1) }, "Next ▶");
  const announce = h("p", { class: "gn-sr-only", "aria-live": "polite" });
  const body = h("div", { class: "gn-lesson-body", id: `gn-lesson-body-${Math.random().toString(36).slice(2, 8)}` },
    h("nav", { class: "gn-lesson-steps", "aria-label": "Steps of the lesson" }, outline),
    heading, text, look);
  fold.setAttribute("aria-controls", body.id);
  el.setAttribute("aria-labelledby", title.id);
  el.append(
    h("div", { class: "gn-lesson-head" }, h("div", null, kicker, title), fold, close),
    body,
    task,
    h("div", { class: "gn-lesson-nav" }, back, next),
    announce,
  );

  /** @type {LessonMessage | null} the lesson drawn last */
  let shown = null;
  // The compact layout stacks the step-through above the folded panel: it needs the panel's height.
  const sizer = new ResizeObserver(() => {
    root.style.setProperty("--gn-lesson-height", `${el.offsetHeight}px`);
    if (api.state.lesson) showCovered();
  });
  sizer.observe(el);

  /** @param {number} by -1 for Back, 1 for Next */
  function go(by) {
    const lesson = api.state.lesson;
    if (!lesson) return;
    const index = lesson.index + by;
    if (index >= lesson.steps.length) api.command("lesson_close");
    else if (index >= 0) api.command("lesson_step", { index });
  }

  /** @param {boolean} folded only the bar: the step's title, its task, Back and Next */
  function setFolded(folded) {
    el.dataset.folded = String(folded);
    fold.setAttribute("aria-expanded", String(!folded));
    fold.textContent = folded ? "Show text" : "Hide text";
    showCovered();
  }

  /** In /embed, whether the panel (unfolded) lies over what the step points at; say so. */
  function showCovered() {
    const spot = root.dataset.layout === "embed" && el.dataset.folded !== "true" ? marks.spot() : null;
    const box = el.getBoundingClientRect();
    const covered = Boolean(spot && spot.x >= box.left && spot.x <= box.right && spot.y >= box.top && spot.y <= box.bottom);
    showIt.hidden = !covered;
    look.dataset.covered = String(covered);
    lookWords.textContent = (look.dataset.words ?? "") + (covered ? " It is under this text:" : "");
  }

  /**
   * Whether step i can be opened from here: it is not past a step whose task is not done.
   * @param {LessonMessage} lesson
   * @param {number} i
   */
  function reachable(lesson, i) {
    for (let k = lesson.index; k < i; k++) {
      const t = lesson.steps[k].task;
      if (t && !t.done) return false;
    }
    return true;
  }

  /** @param {LessonMessage} lesson */
  function drawOutline(lesson) {
    outline.replaceChildren(...lesson.steps.map((step, i) => {
      const done = Boolean(step.task?.done);
      const mark = done ? "✓" : step.task ? "○" : "·";
      const status = done ? ", task done" : step.task ? ", has a task" : "";
      return h("li", null, h("button", {
        type: "button",
        class: "gn-lesson-outline-step",
        "aria-current": i === lesson.index ? "step" : null,
        "aria-label": `Step ${i + 1}: ${step.title}${status}`,
        disabled: !reachable(lesson, i),
        dataset: { done: String(done), index: i },
        onclick: () => i !== lesson.index && api.command("lesson_step", { index: i }),
      }, h("span", { class: "gn-lesson-tick", "aria-hidden": "true" }, mark), `${i + 1}. ${step.title}`));
    }));
  }

  /** @param {State} state */
  function draw(state) {
    const lesson = /** @type {LessonMessage} */ (state.lesson);
    const step = lesson.steps[lesson.index];
    const newStep = !shown || shown.name !== lesson.name || shown.index !== lesson.index;
    const newTick = !newStep && shown?.steps[lesson.index].task?.done === false && step.task?.done;
    kicker.textContent = `Lesson · step ${lesson.index + 1} of ${lesson.steps.length}`;
    title.textContent = lesson.title;
    drawOutline(lesson);
    if (newStep) {
      heading.textContent = step.title;
      text.innerHTML = step.html; // the session escaped the lesson file's text (docs/protocol.md)
      setFolded(false);
    }
    task.hidden = !step.task;
    task.dataset.done = String(Boolean(step.task?.done));
    task.replaceChildren(...(step.task ? [
      h("span", { class: "gn-lesson-tick", "aria-hidden": "true" }, step.task.done ? "✓" : "○"),
      h("span", null, h("strong", null, step.task.done ? "Done: " : "Your task: "), step.task.sentence),
    ] : []));
    const last = lesson.index === lesson.steps.length - 1;
    back.disabled = lesson.index === 0;
    next.disabled = Boolean(step.task && !step.task.done);
    next.textContent = last ? "Finish" : "Next ▶";
    next.setAttribute("aria-label", last ? "Finish the lesson" : "Next step");
    next.title = next.disabled ? "Next opens when the task is done." : "";
    if (newTick && step.task) {
      announce.textContent = `Task done: ${step.task.sentence}${last ? "" : " Next is open."}`;
    }
    if (newStep) {
      announce.textContent = "";
      // A step that points at the data panel needs it: the step-through, which takes its place, closes.
      const control = lesson.highlight?.control;
      const data = root.querySelector(".gn-data");
      const inData = control && data && [...root.querySelectorAll(`[data-control~="${CSS.escape(control)}"]`)].some((c) => data.contains(c));
      // (After this redraw: a change asked for while the views draw would lose its flags.)
      if (inData && state.explain.open) queueMicrotask(() => api.explain.open(false));
      // The heading takes the focus, unless the person is typing or dragging somewhere else.
      const active = document.activeElement;
      const busy = active && active !== document.body && !el.contains(active) && active.matches("input, select, textarea");
      if (!busy) heading.focus({ preventScroll: true });
      // The panel (and in /embed its text) scrolls on its own: a new step starts at its top.
      el.scrollTop = 0;
      body.scrollTop = 0;
    }
    shown = lesson;
  }

  return {
    update(state) {
      const open = Boolean(state.lesson);
      if (state.changed.lesson) {
        el.hidden = !open;
        root.dataset.lesson = open ? "open" : "closed";
        if (open) draw(state);
        else shown = null;
      }
      marks.update(state);
      if (open && (state.changed.lesson || state.changed.frame || state.changed.catalog)) {
        look.hidden = !state.lesson?.highlight;
        look.dataset.words = `Look at: ${describeHighlight(state.lesson?.highlight ?? null, state)}.`;
        showCovered();
      }
    },
    destroy() {
      sizer.disconnect();
      marks.destroy();
      el.replaceChildren();
      delete root.dataset.lesson;
    },
  };
}
