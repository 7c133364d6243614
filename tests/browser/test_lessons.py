"""Every built-in lesson, walked in a real browser from its link to its last step.

For each lesson one page at 1280x800 opens ``#lesson=NAME`` and, at every step,
checks that the step's scene was applied (the settings the session sent, the
controls the step hides hidden and those it shows shown, the highlight marked
on the page and named in words), does the step's task as a person would
(lesson_people.py) until it shows its tick, and presses Next. Then one page of
the compact layout (/embed, 600x450) opens each step by its link and checks its
settings, and that what it points at is in sight (or, under the lesson's text,
shown by its "Show it"). Every step is photographed at both sizes, into
$GLASSNET_SHOTS when set (to look at them), or a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lesson_people import PEOPLE, button
from playwright.sync_api import expect
from socket_watch import SocketWatch

from glassnet.controls import CONTROLS
from glassnet.lessons import Library

LIBRARY = Library()
NAMES = [entry.name for entry in LIBRARY.entries()]

SHOWN = """(name) => [...document.querySelectorAll(`[data-control~="${name}"]`)]
  .filter((el) => el.getClientRects().length > 0).length"""
PRESENT = """(name) => document.querySelectorAll(`[data-control~="${name}"]`).length"""
# Whether the middle of what a step marks (a neuron, a weight's line, a control) can be seen:
# the element on top there is not the lesson panel.
MARK_SEEN = """() => {
  const el = document.querySelector(".gn-lesson-mark");
  if (!el || el.getClientRects().length === 0) return false;
  let x, y;
  if (el instanceof SVGPathElement) {
    const p = el.getPointAtLength(el.getTotalLength() / 2), m = el.getScreenCTM();
    [x, y] = [p.x * m.a + p.y * m.c + m.e, p.x * m.b + p.y * m.d + m.f];
  } else {
    const b = el.getBoundingClientRect();
    [x, y] = [b.left + b.width / 2, b.top + b.height / 2];
  }
  const top = document.elementFromPoint(x, y);
  return Boolean(top) && !top.closest(".gn-lesson");
}"""


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = os.environ.get("GLASSNET_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        return Path(folder)
    return tmp_path_factory.mktemp("lesson-shots")


def open_page(browser, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    return page, problems


def at_step(page, lesson, index):
    """Wait until the panel shows step `index` of `lesson`."""
    panel = page.locator(".gn-lesson")
    expect(panel).to_be_visible()
    expect(panel.locator(".gn-lesson-kicker")).to_have_text(
        f"Lesson · step {index + 1} of {len(lesson.steps)}"
    )
    expect(panel.locator(".gn-lesson-step-title")).to_have_text(lesson.steps[index].title)


def check_settings(messages, lesson, index):
    """The settings the step's scene names are the session's."""
    settings = messages.last("settings")["values"]
    for key, value in lesson.steps[index].scene.settings.items():
        expected = list(value) if isinstance(value, tuple) else value
        assert settings[key] == expected, f"step {index + 1}: {key}"


def check_scene(page, messages, lesson, index):
    """The step's scene is applied: settings, hidden and shown controls, the highlight."""
    step = lesson.steps[index]
    sent = messages.last("lesson")
    assert sent["index"] == index
    check_settings(messages, lesson, index)
    for name in sent["hidden"]:
        assert page.evaluate(SHOWN, name) == 0, f"step {index + 1} should hide {name}"
    for name in step.scene.show:
        if page.evaluate(PRESENT, name):
            assert page.evaluate(SHOWN, name) > 0, f"step {index + 1} should show {name}"
    highlight = sent["highlight"]
    look = page.locator(".gn-lesson-look")
    if highlight is None:
        expect(look).to_be_hidden()
        return
    expect(look).to_contain_text("Look at:")
    if "control" in highlight:
        name = highlight["control"]
        marked = page.locator(f"[data-control~='{name}'].gn-lesson-mark")
        expect(marked.first).to_be_visible()
        expect(look).to_contain_text(f"{CONTROLS[name].label} (the dashed outline)")
    elif "unit" in highlight:
        node = f".gn-net-node[data-a='{highlight['layer'] + 1}'][data-unit='{highlight['unit']}']"
        expect(page.locator(f"{node}.gn-lesson-mark")).to_be_visible()
        expect(look).to_contain_text("dashed ring")
    else:
        expect(page.locator(".gn-lesson-halo")).to_have_count(1)
        expect(look).to_contain_text("the weight from")


@pytest.mark.parametrize("name", NAMES)
def test_a_lesson_walks_every_step_with_its_scene_and_its_tasks_done_as_a_person_would(
    browser, server, shots, name
):
    lesson, _ = LIBRARY.lesson(name)
    page, problems = open_page(browser, 1280, 800)
    messages = SocketWatch(page)
    page.goto(f"{server}/#lesson={name}")
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    people = PEOPLE[name]
    for index, step in enumerate(lesson.steps):
        at_step(page, lesson, index)
        messages.wait_for(lambda i=index: messages.all("lesson")[-1]["index"] == i)
        check_scene(page, messages, lesson, index)
        # The heading has the focus after every change of step, for keyboards and screen readers.
        expect(page.locator(".gn-lesson-step-title")).to_be_focused()
        page.screenshot(path=shots / f"{name}-{index + 1}-1280x800.png")
        last = index == len(lesson.steps) - 1
        onward = button(page, "Finish the lesson" if last else "Next step")
        if step.task is not None:
            if not messages.last("lesson")["steps"][index]["task"]["done"]:
                expect(onward).to_be_disabled()  # Next opens when the task is done
            assert index in people, f"lesson_people.py says nothing about step {index + 1}"
            people[index](page)
            expect(page.locator(".gn-lesson-outline-step").nth(index)).to_have_attribute(
                "data-done", "true"
            )
        onward.click()
    expect(page.locator(".gn-lesson")).to_be_hidden()
    assert page.evaluate("document.querySelector('.gn-lesson-hides').textContent") == ""
    assert "lesson=" not in page.evaluate("location.hash")
    page.context.close()
    assert not problems, f"console errors: {problems}"

    # The compact layout: each step opened by its link, at 600x450: its scene set up, and
    # what it points at in sight, or one press of "Show it" away when the panel covers it.
    page, problems = open_page(browser, 600, 450)
    messages = SocketWatch(page)
    for index, step in enumerate(lesson.steps):
        page.goto(f"{server}/embed?at={index}#lesson={name}&step={index + 1}")
        page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
        at_step(page, lesson, index)
        messages.wait_for(lambda i=index: messages.all("lesson")[-1]["index"] == i)
        check_settings(messages, lesson, index)
        box = page.locator(".gn-lesson").bounding_box()
        assert box["x"] >= 0 and box["y"] >= 0
        assert box["x"] + box["width"] <= 600 and box["y"] + box["height"] <= 450
        expect(page.locator(".gn-lesson-nav")).to_be_in_viewport()
        page.screenshot(path=shots / f"{name}-{index + 1}-600x450.png")
        if step.scene.highlight is None:
            continue
        expect(page.locator(".gn-lesson-mark").first).to_be_visible()
        show_it = page.locator(".gn-lesson-show-it")
        if page.locator(".gn-lesson-look").get_attribute("data-covered") == "true":
            expect(show_it).to_be_visible()
            show_it.click()
            expect(page.locator(".gn-lesson")).to_have_attribute("data-folded", "true")
            page.screenshot(path=shots / f"{name}-{index + 1}-600x450-shown.png")
        else:
            expect(show_it).to_be_hidden()
        assert page.evaluate(MARK_SEEN), f"step {index + 1}: what it points at is out of sight"
    page.context.close()
    assert not problems, f"console errors: {problems}"
