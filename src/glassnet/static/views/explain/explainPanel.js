// @ts-check
/**
 * The step-through panel: one point through one training step, one number at a time.
 *
 * Top to bottom: pick a point and a step size (explainPicker.js); the timeline
 * (stage bar Forward → Loss → Backward → Update → Done, Back / Play steps /
 * Next, speed, how far Next goes); a narration line in plain words
 * (explainNarration.js); the focus card with the real arithmetic of the
 * current step (explainForward.js, explainBackward.js, explainUpdate.js) and,
 * when asked, why one weight changed (explainChain.js); the mix-up worth
 * answering at this moment, and a glossary (explainWords.js).
 *
 * It reads state.explain (lib/player.js plays it) and acts only through api.explain.
 * Every number is the engine's, rounded for display, with the exact value in
 * data-value. Left and Right arrows step Back and Next while the panel has focus.
 */

import { h } from "../../lib/dom.js";
import { helpButton } from "../../lib/help.js";
import { EXPLAIN_SPEEDS } from "../../lib/player.js";
import { GRANULARITIES, STAGES } from "../../lib/timeline.js";
import { backwardCard } from "./backwardCard.js";
import { chainBlock } from "./chainBlock.js";
import { forwardNeuronCard, inputsCard, lossCard } from "./forwardCards.js";
import { narrate } from "./narrate.js";
import { namesFor } from "./parts.js";
import { createPicker } from "./picker.js";
import { doneCard, noUpdateCard, updateCard } from "./updateCards.js";
import { createGlossary, mixupFor } from "./words.js";
/** @import { CardContext, LocalChoices } from "./parts.js" */

/** @import { ChainMessage, DeltaMessage, Explanation } from "../../lib/messages.js" */
/** @import { ExplainState, Granularity, State, Step, View, ViewApi } from "../../lib/types.js" */

/** @type {Record<Step["stage"], string>} */
const STAGE_LABELS = { forward: "Forward", loss: "Loss", backward: "Backward", update: "Update", done: "Done" };
const GRANULARITY_LABELS = { neuron: "neuron", layer: "layer", stage: "stage" };

/**
 * @param {HTMLElement} el the .gn-explain section
 * @param {ViewApi} api
 * @returns {View}
 */
export function createExplainPanel(el, api) {
  const uid = Math.random().toString(36).slice(2, 8);
  /** @type {LocalChoices} view-only choices: a hidden chain answer, "show all paths", the weight watched */
  const local = { hiddenChain: null, allPaths: null, shareWeight: null };

  const close = h("button", {
    type: "button", class: "gn-button gn-ex-close", "aria-label": "Close step through",
    onclick: () => api.explain.open(false),
  }, "Close");
  const picker = createPicker(api, uid);

  // The timeline.
  const stageButtons = STAGES.map((stage) => h("button", {
    type: "button",
    class: "gn-ex-stage",
    dataset: { stage },
    onclick: () => {
      const steps = api.state.explain.steps;
      if (steps) api.explain.goTo(steps.findIndex((s) => s.stage === stage));
    },
  }, STAGE_LABELS[stage]));
  const stageBar = h("div", { class: "gn-ex-stages", role: "group", "aria-label": "Stages" },
    ...stageButtons.flatMap((b, i) => (i ? [h("span", { class: "gn-ex-arrow", "aria-hidden": "true" }, "→"), b] : [b])));
  const back = h("button", { type: "button", class: "gn-button", "aria-label": "Back", onclick: () => api.explain.back() }, "◀ Back");
  const play = h("button", {
    type: "button", class: "gn-button gn-ex-play", "aria-label": "Play steps",
    onclick: () => api.explain.play(!api.state.explain.playing),
  }, "▶ Play steps");
  const next = h("button", { type: "button", class: "gn-button gn-primary gn-ex-next", "aria-label": "Next", onclick: () => api.explain.next() }, "Next ▶");
  const speed = h("select", {
    class: "gn-select", id: `gn-ex-speed-${uid}`,
    onchange: () => api.explain.setSpeed(Number(speed.value)),
  }, ...EXPLAIN_SPEEDS.map((s) => h("option", { value: String(s) }, `${s} step${s === 1 ? "" : "s"}/s`)));
  const granularity = h("select", {
    class: "gn-select", id: `gn-ex-granularity-${uid}`,
    onchange: () => api.explain.setGranularity(/** @type {Granularity} */ (granularity.value)),
  }, ...GRANULARITIES.map((g) => h("option", { value: g }, GRANULARITY_LABELS[g])));
  const position = h("span", { class: "gn-ex-position" });
  const timeline = h("div", { class: "gn-ex-timeline" },
    stageBar,
    h("div", { class: "gn-ex-row gn-ex-buttons" }, back, play, next),
    h("div", { class: "gn-ex-row gn-ex-settings" },
      h("span", { class: "gn-label" }, h("label", { htmlFor: speed.id }, "Play speed"), speed, helpButton("explain_speed", "Play speed")),
      h("span", { class: "gn-label" }, h("label", { htmlFor: granularity.id }, "Next goes one"), granularity, helpButton("explain_granularity", "Next goes one")),
      position));

  const narration = h("p", { class: "gn-ex-narration", "aria-live": "polite" });
  const card = h("div", { class: "gn-ex-card" });
  const chain = h("div", { class: "gn-ex-chain-slot" });
  const mixup = h("aside", { class: "gn-ex-mixup", "aria-label": "Good to know", hidden: true });
  const intro = h("p", { class: "gn-ex-intro" },
    "Follow one point through one training step, with the network's real numbers: forward, loss, backward, update.");

  el.tabIndex = -1; // so a click inside gives the panel focus, and the arrow keys work
  el.append(
    h("div", { class: "gn-ex-head" },
      h("h2", { class: "gn-heading" }, "Step through training", helpButton("explain", "Step through training")),
      close),
    intro,
    ...picker.els,
    timeline,
    narration,
    card,
    chain,
    mixup,
    createGlossary(),
  );

  el.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    if (/** @type {Element} */ (event.target).closest("input, select, textarea")) return;
    if (!api.state.explain.steps) return;
    event.preventDefault();
    if (event.key === "ArrowLeft") api.explain.back();
    else api.explain.next();
  });

  /**
   * What the card was last drawn from, to redraw it only when that changes.
   * @type {{ explanation?: Explanation | null, index?: number, chain?: ChainMessage | null,
   *   deltas?: Record<string, DeltaMessage>, applied?: boolean, shape?: string }}
   */
  let prev = {};
  /** Redraw the card after a view-only choice (hide the answer, show all paths, another weight). */
  function refresh() {
    const e = api.state.explain;
    renderCard(api.state, e.explanation, e.steps?.[e.index]);
  }

  let wasOpen = false;
  function update(/** @type {State} */ state) {
    const e = state.explain;
    const opening = e.open && !wasOpen;
    wasOpen = e.open;
    if (!e.open) return;
    if (opening) requestAnimationFrame(showIfBelow);
    if (!state.changed.explain && !state.changed.data && !state.changed.catalog && !state.changed.settings && !state.changed.frame) return;
    picker.update(state);
    const E = e.explanation;
    const isNew = E !== prev.explanation;
    if (isNew && E) {
      local.hiddenChain = null;
      local.allPaths = null;
      local.shareWeight = null;
      picker.details.open = false;
      // A pick from the table hid the focused row: keep the keyboard in the panel.
      if (el.contains(document.activeElement) || document.activeElement === document.body) next.focus({ preventScroll: true });
    }
    if (!E && prev.explanation) picker.details.open = true;
    intro.hidden = Boolean(E);
    showTimeline(e);
    const step = e.steps?.[e.index];
    const changed = isNew || e.index !== prev.index || e.chain !== prev.chain || e.deltas !== prev.deltas ||
      e.applied !== prev.applied || state.changed.data || state.changed.catalog || shapeOf(state) !== prev.shape;
    if (changed) renderCard(state, E, step);
    prev = { explanation: E, index: e.index, chain: e.chain, deltas: e.deltas, applied: e.applied, shape: shapeOf(state) };
  }

  /** On a narrow screen the panel opens under the others: scroll to it, or the button seems to do nothing. */
  function showIfBelow() {
    if (el.getBoundingClientRect().top < window.innerHeight - 60) return;
    const still = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    el.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" });
  }

  function showTimeline(/** @type {ExplainState} */ e) {
    const steps = e.steps;
    const step = steps?.[e.index];
    const here = step ? STAGES.indexOf(step.stage) : -1;
    stageButtons.forEach((b, i) => {
      b.disabled = !steps;
      b.classList.toggle("gn-ex-past", i < here);
      if (i === here) b.setAttribute("aria-current", "step");
      else b.removeAttribute("aria-current");
    });
    back.disabled = !steps || e.index === 0;
    next.disabled = !steps || e.index === steps.length - 1;
    play.disabled = !steps || (e.index === steps.length - 1 && !e.playing);
    play.setAttribute("aria-label", e.playing ? "Pause steps" : "Play steps");
    play.textContent = e.playing ? "❚❚ Pause steps" : "▶ Play steps";
    play.setAttribute("aria-pressed", String(e.playing));
    speed.value = String(e.speed);
    granularity.value = e.granularity;
    position.textContent = steps ? `Step ${e.index + 1} of ${steps.length}` : "";
  }

  /**
   * @param {State} state
   * @param {Explanation | null} E
   * @param {Step | undefined} step
   */
  function renderCard(state, E, step) {
    const e = state.explain;
    // Keep the keyboard focus on the same control when the card is rebuilt.
    const active = /** @type {HTMLElement | null} */ (document.activeElement);
    const focused = active && el.contains(active) ? active.dataset?.key : undefined;
    el.dataset.stage = step?.stage || "";
    if (!E || !step) {
      narration.textContent = e.pending !== null ? "Working out every number of this step…" : "";
      card.replaceChildren();
      chain.replaceChildren();
      mixup.hidden = true;
      card.hidden = true;
      return;
    }
    const names = namesFor(E, state.catalog, state.data);
    /** @type {CardContext} */
    const ctx = { E, step, names, catalog: state.catalog, data: state.data, settings: state.settings, state, api, local, refresh,
      chain: e.chain, deltas: e.deltas };
    narration.textContent = narrate(step, E, state.catalog, state.data, state.settings);
    card.hidden = false;
    card.dataset.stage = step.stage;
    card.dataset.layer = String(step.layer ?? "");
    card.dataset.unit = String(step.unit ?? "");
    card.replaceChildren(...cardFor(ctx).filter((part) => part !== null), stale(state, E));
    // The answer to "why did this weight change?" shows at any stage once asked (a click on a line asks too).
    const asked = e.chain;
    const showChain = asked && asked !== local.hiddenChain;
    chain.replaceChildren(...(showChain ? [chainBlock({ ...ctx, chain: asked })] : []));
    if (showChain && e.chain !== prev.chain) {
      // The answer to "why?" arrives below the card: bring it into view.
      const still = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
      chain.scrollIntoView?.({ block: "nearest", behavior: still ? "auto" : "smooth" });
    }
    const text = mixupFor(step, E);
    mixup.hidden = !text;
    mixup.replaceChildren(h("strong", null, "Good to know: "), text || "");
    if (focused) /** @type {HTMLElement | null} */ (el.querySelector(`[data-key="${focused}"]`))?.focus({ preventScroll: true });
  }

  return {
    update,
    destroy() {
      el.replaceChildren();
    },
  };
}

/**
 * The focus card's content for a step.
 * @param {CardContext} ctx
 */
function cardFor(ctx) {
  const { step } = ctx;
  if (step.stage === "forward") return (step.layer ?? -1) < 0 ? inputsCard(ctx) : forwardNeuronCard(ctx);
  if (step.stage === "loss") return lossCard(ctx);
  if (step.stage === "backward") return backwardCard(ctx);
  if (step.stage === "update") return (step.layer ?? -1) < 0 ? noUpdateCard(ctx) : updateCard(ctx);
  return doneCard(ctx);
}

/**
 * The network's shape now, to notice when it no longer fits the explained step.
 * @param {State} state
 */
function shapeOf(state) {
  return state.frame?.network.layer_sizes.join() ?? "";
}

/**
 * A note when the network changed shape since the step was explained (its numbers no longer fit).
 * @param {State} state
 * @param {Explanation} E
 */
function stale(state, E) {
  const shape = shapeOf(state);
  if (!shape || shape === E.layer_sizes.join()) return "";
  return h("p", { class: "gn-ex-stale", role: "status" }, "The network changed since this step was explained. Pick the point again to explain the new one.");
}
