"""The lesson panel and the Lessons menu: a teacher's folder and a file from this computer,
the keyboard, the live region, links, a reload, and what closing gives back."""

from __future__ import annotations

import pytest
from lesson_people import step_through_a_point
from live_server import ServerThread
from playwright.sync_api import expect
from socket_watch import SocketWatch

from glassnet.lessons import GLOSSARY

QUICK = """\
+++
title = "Two quick steps"
summary = "A lesson a test finishes fast."

[[steps]]
title = "Step twice"
[steps.scene]
settings = { dataset = "gauss", hidden_layers = [2] }
hide = ["regularization", "noise"]
highlight = [0, 1]
[steps.task]
kind = "epochs"
at_least = 2

[[steps]]
title = "Look"
[steps.scene]
highlight = "learningRate"
+++

## Step twice

Press **Step** twice: watch the [[epoch]] counter.

## Look

The learning rate.
"""


@pytest.fixture(scope="module")
def teacher(tmp_path_factory):
    """A server with a teacher's folder: their lesson, one in a built-in's place, a broken one."""
    folder = tmp_path_factory.mktemp("lessons")
    (folder / "01-quick.md").write_text(QUICK)
    (folder / "loss.md").write_text(QUICK.replace("Two quick steps", "Loss, our way"))
    (folder / "broken.md").write_text(QUICK.replace("at_least = 2", "at_least = 0"))
    running = ServerThread(lessons=folder).start()
    yield running.url
    running.stop()


def button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def open_lesson(page, url):
    page.goto(url)
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    expect(page.locator(".gn-lesson")).to_be_visible()


def test_the_menu_marks_a_teachers_lessons_and_shows_a_broken_files_mistake(page, teacher):
    page.goto(teacher + "/")
    page.wait_for_selector(".glassnet[data-ready='true']")
    button(page, "Lessons").click()
    menu = page.get_by_role(
        "dialog", name="Lessons: a guided path from one neuron to your own ml5.js model"
    )
    expect(menu.locator(".gn-lessons-item[data-lesson='quick']")).to_contain_text(
        "Your teacher's lesson"
    )
    expect(menu.locator(".gn-lessons-item[data-lesson='loss']")).to_contain_text(
        "Your teacher's version"
    )
    broken = menu.locator(".gn-lessons-item[data-lesson='broken']")
    expect(broken).to_be_disabled()
    expect(menu).to_contain_text("broken.md, line 13: at_least must be a whole number from 1")
    menu.locator(".gn-lessons-item[data-lesson='quick']").click()
    expect(page.locator(".gn-lesson-title")).to_have_text("Two quick steps")
    expect(menu).to_be_hidden()


def test_a_lesson_file_from_this_computer_opens_and_one_with_a_mistake_names_its_line(
    playground, page, tmp_path
):
    playground()
    good, bad = tmp_path / "mine.md", tmp_path / "oops.md"
    good.write_text(QUICK)
    bad.write_text(QUICK.replace('"noise"]', '"noize"]'))
    button(page, "Lessons").click()
    page.locator(".gn-lessons-foot input[type=file]").set_input_files(str(bad))
    expect(page.locator(".gn-toast-errors")).to_contain_text(
        "oops.md, line 9: Unknown control 'noize'"
    )
    expect(page.locator(".gn-lesson")).to_be_hidden()
    button(page, "Lessons").click()
    page.locator(".gn-lessons-foot input[type=file]").set_input_files(str(good))
    expect(page.locator(".gn-lesson-title")).to_have_text("Two quick steps")
    # A lesson from a file has no name to link to: the link keeps the setup.
    assert "lesson=" not in page.evaluate("location.hash")


def test_the_lessons_menu_and_the_panel_work_from_the_keyboard(playground, page):
    playground()
    lessons = button(page, "Lessons")
    lessons.focus()
    page.keyboard.press("Enter")
    first = page.locator(".gn-lessons-item").first
    expect(first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator(".gn-lessons-item").nth(1)).to_be_focused()
    page.keyboard.press("Escape")
    expect(lessons).to_be_focused()
    page.keyboard.press("Enter")
    expect(first).to_be_focused()
    page.keyboard.press("Enter")  # the first lesson
    heading = page.locator(".gn-lesson-step-title")
    expect(heading).to_be_focused()
    expect(heading).to_have_text("A neuron draws a line")
    button(page, "Next step").focus()
    page.keyboard.press("Enter")
    expect(heading).to_have_text("Turn the line")
    expect(heading).to_be_focused()
    # The outline says which steps are done and which is current, in words too.
    current = page.locator(".gn-lesson-outline-step[aria-current='step']")
    expect(current).to_have_attribute("aria-label", "Step 2: Turn the line, has a task")


def test_a_task_done_gets_its_tick_said_in_the_live_region_and_opens_next(page, teacher):
    open_lesson(page, teacher + "/#lesson=quick")
    task = page.locator(".gn-lesson-task")
    expect(task).to_have_attribute("data-done", "false")
    expect(button(page, "Next step")).to_be_disabled()
    for _ in range(2):
        button(page, "Step").click()
    expect(task).to_have_attribute("data-done", "true")
    expect(page.locator(".gn-lesson [aria-live='polite']")).to_have_text(
        "Task done: Train until the epoch counter reaches 2. Next is open."
    )
    expect(page.locator(".gn-lesson-outline-step").first).to_have_attribute("data-done", "true")
    expect(button(page, "Next step")).to_be_enabled()


def test_a_glossary_word_in_a_lesson_opens_its_definition(page, teacher):
    open_lesson(page, teacher + "/#lesson=quick")
    page.locator(".gn-lesson-text a.gn-term[data-term='epoch']").click()
    expect(page.locator(".gn-popover")).to_contain_text(GLOSSARY["epoch"].text)
    page.locator(".gn-popover").get_by_role("button", name="All words").click()
    expect(page.locator(".gn-glossary-current")).to_contain_text(GLOSSARY["epoch"].title)


def test_closing_a_lesson_gives_back_the_links_own_hides(page, teacher):
    page.goto(teacher + "/#gn=1&batchSize_hide=true")
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    button(page, "Lessons").click()
    page.locator(".gn-lessons-item[data-lesson='quick']").click()
    expect(page.locator("[data-control~='noise']").first).to_be_hidden()
    expect(page.locator("[data-control~='batchSize']").first).to_be_hidden()
    button(page, "Close the lesson").click()
    expect(page.locator(".gn-lesson")).to_be_hidden()
    expect(page.locator("[data-control~='noise']").first).to_be_visible()
    expect(page.locator("[data-control~='batchSize']").first).to_be_hidden()  # the link's own
    page.wait_for_function("location.hash.startsWith('#gn=1')")
    assert "batchSize_hide=true" in page.evaluate("location.hash")


def test_a_link_counts_steps_from_one_and_a_reload_resumes_the_step_and_its_ticks(page, server):
    messages = SocketWatch(page)
    open_lesson(page, server + "/#lesson=loss&step=2")
    expect(page.locator(".gn-lesson-step-title")).to_have_text("One point's loss")
    opened = [m for m in messages.sent if m["type"] == "lesson_open"]
    assert opened[-1] == {"type": "lesson_open", "name": "loss", "index": 1}
    step_through_a_point(page, to_the_end=False)  # step 2's task: its tick
    button(page, "Next step").click()
    expect(page.locator(".gn-lesson-step-title")).to_have_text("Make the loss small")
    button(page, "Step").click()
    messages.wait_for(lambda: messages.last("frame")["epoch"] == 1)
    # The tab keeps its session a moment after a change: wait until it holds the epoch.
    page.wait_for_function(
        "JSON.parse(sessionStorage.getItem('glassnet-session') || '{}').training?.epoch === 1"
    )
    page.reload()
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    expect(page.locator(".gn-lesson-step-title")).to_have_text("Make the loss small")
    opened = [m for m in messages.sent if m["type"] == "lesson_open"]
    assert opened[-1] == {
        "type": "lesson_open", "name": "loss", "index": 2, "resume": True,
        "done": [False, True, False, False],
    }  # fmt: skip
    messages.wait_for(lambda: messages.last("frame")["epoch"] == 1)  # the trained epoch stayed
    assert page.evaluate("location.hash") == "#lesson=loss&step=3"
    # Step 2's tick came back: it shows, and the way past it stays open after going back.
    outline = page.locator(".gn-lesson-outline-step")
    expect(outline.nth(1)).to_have_attribute("data-done", "true")
    outline.nth(0).click()
    expect(page.locator(".gn-lesson-step-title")).to_have_text("One number for wrong")
    expect(outline.nth(2)).to_be_enabled()
    outline.nth(2).click()
    expect(page.locator(".gn-lesson-step-title")).to_have_text("Make the loss small")
