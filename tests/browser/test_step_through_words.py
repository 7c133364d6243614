"""The step-through says what a newcomer asked: what the numbers on the lines are, and the
stepped point's own loss beside the average's, with why the two can move apart.

Numbers are compared with the session's own explanation message (SocketWatch).
"""

from __future__ import annotations

from playwright.sync_api import expect
from socket_watch import SocketWatch


def button(page, name):
    return page.get_by_role("button", name=name, exact=True)


def explain_a_point(page, playground, path="/", row=1):
    watch = SocketWatch(page)
    playground(path)
    button(page, "Step through").click()
    page.locator(".gn-ex-point[data-point]").nth(row).click()
    watch.wait_for(lambda: watch.all("explanation"))
    expect(page.locator(".gn-ex-card")).to_have_attribute("data-stage", "forward")
    return watch, watch.last("explanation")


def test_the_diagram_says_what_the_numbers_on_its_lines_are_at_each_stage(playground, page):
    explain_a_point(page, playground)
    key = page.locator(".gn-net-edge-key")
    expect(key).to_have_count(0)  # the point enters: no numbers on lines yet
    button(page, "Next").click()
    expect(key).to_have_attribute("data-kind", "contribution")
    expect(key).to_contain_text("input × weight")
    expect(key).to_contain_text("not of the weight")
    expect(key).to_be_visible()
    page.locator(".gn-ex-stage", has_text="Backward").click()
    expect(key).to_have_attribute("data-kind", "gradient")
    expect(key).to_contain_text("gradient dL/dw")
    page.locator(".gn-ex-stage", has_text="Update").click()
    expect(key).to_have_attribute("data-kind", "change")
    expect(key).to_contain_text("how much each weight changes")


def test_done_shows_the_points_own_loss_falling_and_why_the_average_can_rise(playground, page):
    # The first training point of the default circle (seed 1): its step helps it, and costs
    # the others a little more than that, so the average rises.
    watch, explanation = explain_a_point(page, playground, row=0)
    page.locator(".gn-ex-stage", has_text="Done").click()
    before, after = explanation["loss"]["value"], explanation["loss_after"]
    assert after < before
    card = page.locator(".gn-ex-card")
    shown = card.locator("[data-part='point-loss-after']")
    assert float(shown.get_attribute("data-value")) == after
    assert float(card.locator("[data-part='loss']").get_attribute("data-value")) == before
    narration = page.locator(".gn-ex-narration")
    expect(narration).to_contain_text(f"point #{explanation['point']}'s own loss fell")
    average_before = explanation["metrics_before"]["train_loss"]
    average_after = explanation["metrics_after"]["train_loss"]
    assert average_after > average_before
    expect(narration).to_contain_text("but the training loss")
    expect(narration).to_contain_text("can make other points a little worse")
    expect(card.locator(".gn-ex-why-average")).to_contain_text(
        "the average over every training point"
    )
    assert watch.all("error") == []


def test_when_both_fall_done_says_so_without_a_why(playground, page):
    watch, explanation = explain_a_point(page, playground, path="/#gn=1&dataset=gauss")
    page.locator(".gn-ex-stage", has_text="Done").click()
    assert explanation["loss_after"] < explanation["loss"]["value"]
    assert explanation["metrics_after"]["train_loss"] < explanation["metrics_before"]["train_loss"]
    expect(page.locator(".gn-ex-narration")).to_contain_text("and the training loss")
    expect(page.locator(".gn-ex-why-average")).to_have_count(0)
