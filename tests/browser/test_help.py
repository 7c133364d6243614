"""Help: the glossary from the Help menu, its words linked in help texts, and help that fits."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect
from socket_watch import SocketWatch

from glassnet.lessons import GLOSSARY


def button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def test_the_help_menu_opens_every_word_of_the_one_glossary(playground, page):
    playground()
    button(page, "Help").click()
    button(page, "Words What each word of the playground means").click()
    dialog = page.get_by_role("dialog", name="Words")
    expect(dialog).to_be_visible()
    terms = dialog.locator(".gn-glossary-term")
    expect(terms).to_have_count(len(GLOSSARY))
    for key, term in list(GLOSSARY.items())[:3] + [("softmax", GLOSSARY["softmax"])]:
        expect(dialog.locator(f"[data-term='{key}'] dt")).to_have_text(term.title)
        expect(dialog.locator(f"[data-term='{key}'] dd")).to_have_text(term.text)
    dialog.get_by_role("textbox", name="Find a word").fill("softmax")
    expect(dialog.locator(".gn-glossary-term:visible")).to_have_count(1)
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()


def test_the_step_throughs_words_are_the_glossarys_own(playground, page):
    playground()
    button(page, "Step through").click()
    term = page.locator(".gn-ex-term[data-term='delta']")
    term.click()
    definition = GLOSSARY["delta"]
    expect(page.locator(".gn-ex-definition")).to_have_text(f"{definition.title}: {definition.text}")


def test_a_glossary_word_in_a_help_text_opens_its_definition(playground, page):
    playground()
    page.get_by_role("button", name="Help: Neurons and their pictures").click()
    popover = page.locator(".gn-popover")
    link = popover.locator("a.gn-term[data-term='bias']")
    expect(link).to_have_text("bias")
    link.click()
    expect(popover).to_contain_text(GLOSSARY["bias"].text)
    # Escape gives the focus back to the help button the person first pressed.
    page.keyboard.press("Escape")
    expect(popover).to_have_count(0)
    expect(page.get_by_role("button", name="Help: Neurons and their pictures")).to_be_focused()
    assert "term-" not in page.evaluate("location.hash")  # a word's link does not change the link


def test_every_glossary_word_a_help_text_links_is_in_the_glossary():
    from pathlib import Path

    help_js = (Path(__file__).parents[2] / "src/glassnet/static/lib/helpTexts.js").read_text()
    linked = set(re.findall(r"\[\[([a-z_]+)(?:\|[^\]]+)?\]\]", help_js))
    assert len(linked) >= 20
    assert linked <= set(GLOSSARY), f"not in the glossary: {linked - set(GLOSSARY)}"


def test_the_neuron_help_fits_a_1280_by_800_screen(playground, page):
    playground()
    page.get_by_role("button", name="Help: Neurons and their pictures").click()
    box = page.locator(".gn-popover").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 800
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280


def test_reset_says_it_brings_back_the_same_first_weights_and_does(playground, page):
    messages = SocketWatch(page)
    playground()
    page.get_by_role("button", name="Help: Play, Step and Reset").click()
    text = page.locator(".gn-popover").inner_text()
    assert "same first weights" in text and "Regenerate" in text and "new first weights" not in text
    page.keyboard.press("Escape")
    first = messages.all("frame")[0]["parameters"].copy()
    button(page, "Step").click()
    messages.wait_for(lambda: messages.last("frame")["epoch"] == 1)
    button(page, "Reset").click()
    messages.wait_for(lambda: messages.last("frame")["undo"] == "Reset")
    assert (messages.last("frame")["parameters"] == first).all()


def test_every_help_button_on_screen_has_its_text(playground, page):
    # The texts load with the first help opened (lib/helpTexts.js): a key without a text
    # would only show when someone pressed that button, so check every one on screen.
    playground()
    button(page, "Step through").click()
    expect(page.locator(".gn-explain [data-help]").first).to_be_visible()
    keys = page.eval_on_selector_all("[data-help]", "els => els.map((e) => e.dataset.help)")
    assert len(set(keys)) > 30
    texts = (Path(__file__).parents[2] / "src/glassnet/static/lib/helpTexts.js").read_text()
    missing = [key for key in set(keys) if not re.search(rf"^  {key}: ", texts, re.M)]
    assert not missing, missing
    page.locator("[data-help='learning_rate']").first.click()
    expect(page.locator(".gn-popover")).to_contain_text("How big a step each")
