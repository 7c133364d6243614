"""Many screens, one network: a page shared live, followed read-only, and screens by part."""

from pathlib import Path

import pytest
from socket_watch import SocketWatch

SHOTS = Path(__file__).parents[2] / "build" / "screens"


def open_watched(page, url):
    watch = SocketWatch(page)
    page.goto(url)
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    return watch


def share_live(owner):
    owner.get_by_role("button", name="Share live").click()
    link = owner.get_by_label("Join link")
    owner.wait_for_function("document.querySelector('.gn-live-link')?.value.includes('#join=')")
    return link.input_value()


@pytest.mark.allow_console_errors  # the refused click is answered with an error, as it should
def test_a_follower_page_stays_in_step_with_its_owner_and_its_clicks_change_nothing(
    page, browser, server
):
    owner = open_watched(page, server + "/")
    join = share_live(page)
    assert join.startswith(server + "/#join=")
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        follower = context.new_page()
        watch = open_watched(follower, join)
        banner = follower.get_by_role("status").filter(has_text="read-only")
        banner.wait_for(timeout=5000)
        assert "gn-read-only" in follower.locator(".glassnet").get_attribute("class")
        SHOTS.mkdir(parents=True, exist_ok=True)
        follower.screenshot(path=str(SHOTS / "follower-read-only-1280x800.png"))
        page.get_by_role("button", name="Play", exact=True).click()
        owner.wait_for(lambda: owner.last("frame")["epoch"] >= 30, timeout_ms=15000)
        page.get_by_role("button", name="Pause", exact=True).click()
        owner.wait_for(lambda: not owner.last("frame")["playing"], timeout_ms=5000)
        mine = owner.last("frame")
        watch.wait_for(lambda: watch.last("frame")["version"] == mine["version"], timeout_ms=5000)
        theirs = watch.last("frame")
        assert theirs["epoch"] == mine["epoch"]
        assert list(theirs["parameters"]) == list(mine["parameters"])
        shown = follower.locator(".gn-epoch-value").inner_text().replace(",", "")
        assert int(shown) == mine["epoch"]
        # Its Play looks read-only; a click that reaches it anyway is refused by the session.
        follower.get_by_role("button", name="Play", exact=True).dispatch_event("click")
        watch.wait_for(lambda: any(e["request"] == "play" for e in watch.all("error")), 5000)
        follower.wait_for_timeout(300)
        assert not owner.last("frame")["playing"] and owner.last("frame")["epoch"] == mine["epoch"]
        # The owner stops sharing: the follower is told, and stays put.
        page.get_by_role("button", name="Stop sharing").click()
        watch.wait_for(
            lambda: any("stopped sharing" in e["message"] for e in watch.all("error")), 5000
        )
    finally:
        context.close()


# What each screen shows, and the element that must fill it (and fit in it).
SHOWN = {
    "data": ".gn-data",
    "network": ".gn-network",
    "output": ".gn-output",
    "explain": ".gn-top",
    "controls": ".gn-data",
    "all": ".gn-main",
}


def box_of(page, selector):
    return page.locator(selector).first.bounding_box()


def assert_fits(page, selector, size):
    """The element lies inside the window, and the page itself does not scroll."""
    box = box_of(page, selector)
    assert box["x"] >= 0 and box["y"] >= 0, selector
    assert box["x"] + box["width"] <= size[0] + 1 and box["y"] + box["height"] <= size[1] + 1, (
        selector,
        box,
    )
    scrolled = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    assert scrolled[0] <= size[0] and scrolled[1] <= size[1]


def assert_sharp(page, selector):
    """A canvas bitmap is its size on screen times the pixel ratio: drawn, not stretched."""
    drawn = page.evaluate(
        """(selector) => {
            const c = document.querySelector(selector);
            const box = c.getBoundingClientRect();
            return [c.width, c.height, box.width * devicePixelRatio, box.height * devicePixelRatio];
        }""",
        selector,
    )
    assert abs(drawn[0] - drawn[2]) <= 2 and abs(drawn[1] - drawn[3]) <= 2, (selector, drawn)


@pytest.mark.parametrize("projector", [False, True], ids=["plain", "projector"])
@pytest.mark.parametrize("view", list(SHOWN))
@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)], ids=["1280x800", "1920x1080"])
def test_each_view_alone_fills_the_window_and_fits_in_it(page, server, view, size, projector):
    page.set_viewport_size({"width": size[0], "height": size[1]})
    open_watched(page, f"{server}/#gn=1&view={view}" + ("&projector=1" if projector else ""))
    page.wait_for_timeout(300)  # the canvases' ResizeObservers have redrawn them
    root = page.locator(".glassnet")
    assert root.get_attribute("data-view") == view
    shown = {
        part: page.locator(f".gn-{part}").is_visible() for part in ("data", "network", "output")
    }
    assert shown == {
        "data": view in ("data", "controls", "all"),
        "network": view in ("network", "all"),
        "output": view in ("output", "all"),
    }
    assert_fits(page, SHOWN[view], size)
    if view in ("data", "network", "output", "controls"):
        box = box_of(page, SHOWN[view])
        assert box["width"] > size[0] * 0.9  # full width ...
        assert box["y"] + box["height"] > size[1] * 0.95  # ... and down to the window's bottom
    if view == "network":
        assert box_of(page, ".gn-net-body")["height"] > size[1] * 0.5  # the neurons take the room
    if view == "output":
        side = box_of(page, ".gn-map")
        assert side["height"] > size[1] * 0.8 and side["width"] > size[0] * 0.4
        assert_sharp(page, ".gn-map canvas:not(.gn-map-heat):not([hidden])")
        assert_sharp(page, ".gn-chart-slot canvas")
    if view == "controls":
        play = page.get_by_role("button", name="Play", exact=True)
        assert play.is_visible() and play.bounding_box()["height"] >= 44  # for a finger
        assert page.get_by_label("Learning rate", exact=True).is_visible()
        assert page.get_by_role("button", name="Circle").is_visible()  # the data's choices
        assert not page.locator(".gn-host-tools").is_visible()
    if view == "all" and projector:
        assert_sharp(page, ".gn-map canvas:not(.gn-map-heat):not([hidden])")
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = f"{view}{'-projector' if projector else ''}-{size[0]}x{size[1]}.png"
    page.screenshot(path=str(SHOTS / name))


def test_a_kiosk_screen_plays_by_itself_without_help_or_menus(page, server):
    watch = open_watched(page, f"{server}/#gn=1&kiosk=1")
    watch.wait_for(lambda: watch.last("frame")["playing"], timeout_ms=5000)
    assert (
        page.locator(".gn-host-tools").count() == 0
        or not page.locator(".gn-host-tools").is_visible()
    )
    assert not page.locator(".gn-export-slot").is_visible()
    assert "kiosk=1" in page.evaluate("location.hash")  # the link keeps what the screen is


def test_a_follower_screen_sees_the_divergence_and_the_notices_of_the_shared_session(
    page, browser, server
):
    open_watched(page, server + "/#gn=1&dataset=plane&hidden_layers=8,8&speed=max")
    page.get_by_role("button", name="Step", exact=True).click()  # a trained network
    join = share_live(page)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        follower = context.new_page()
        open_watched(follower, join + "&view=output")
        # Another screen's change resets the trained network: every screen is told why.
        page.get_by_role("button", name="Add neuron to layer 1", exact=True).click()
        notice = "The network was reset because the shape of its weights changed"
        follower.get_by_text(notice).wait_for(timeout=5000)
        page.get_by_text(notice).wait_for(timeout=5000)
        page.get_by_role("button", name="Reset", exact=True).click()
        follower.get_by_text("The owner reset the network").wait_for(timeout=5000)
        # Training diverges on the owner's screen: the follower's screen shows why it stopped.
        page.get_by_label("Learning rate", exact=True).select_option("10")
        page.get_by_role("button", name="Play", exact=True).click()
        page.get_by_role("alert").filter(has_text="diverged").wait_for(timeout=10000)
        alert = follower.get_by_role("alert").filter(has_text="diverged")
        alert.wait_for(timeout=10000)
        assert "learning rate (10) is too high" in alert.inner_text()
    finally:
        context.close()


def open_kiosk(context, join, at):
    """A kiosk follower whose clock the test moves (installed before the page's scripts run)."""
    kiosk = context.new_page()
    kiosk.clock.install(time=at)
    watch = open_watched(kiosk, join + "&view=network&kiosk=1")
    return kiosk, watch


@pytest.mark.allow_console_errors  # nothing should be refused, but a kiosk must not care
def test_a_kiosk_that_may_control_goes_back_to_its_start_and_a_read_only_one_just_follows(
    page, browser, server
):
    owner = open_watched(page, server + "/#gn=1&learning_rate=0.03")
    join = share_live(page)
    page.get_by_label("Followers may change it too").check()
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        kiosk, watch = open_kiosk(context, join, 1_700_000_000_000)
        watch.wait_for(lambda: watch.last("frame")["playing"], timeout_ms=5000)  # it plays
        learning = page.get_by_label("Learning rate", exact=True)
        for value in (0.3, 1):  # a visitor at another screen: input for the kiosk too
            learning.select_option(str(value))
            watch.wait_for(lambda v=value: watch.last("settings")["values"]["learning_rate"] == v)
            kiosk.clock.run_for(100_000)
        kiosk.wait_for_timeout(500)
        assert owner.last("settings")["values"]["learning_rate"] == 1  # not put back yet
        kiosk.clock.run_for(30_000)  # two minutes without anyone: back to its start
        owner.wait_for(
            lambda: owner.last("settings")["values"]["learning_rate"] == 0.03, timeout_ms=5000
        )
        owner.wait_for(lambda: owner.last("frame")["playing"], timeout_ms=5000)
        kiosk.close()
        # Watch only: the kiosk neither plays nor puts anything back, it follows.
        page.get_by_label("Followers may change it too").uncheck()
        page.get_by_role("button", name="Pause", exact=True).click()
        owner.wait_for(lambda: not owner.last("frame")["playing"], timeout_ms=5000)
        learning.select_option("0.3")
        kiosk, watch = open_kiosk(context, join, 1_800_000_000_000)
        watch.wait_for(lambda: watch.all("role") and not watch.last("role")["control"], 5000)
        kiosk.clock.run_for(130_000)
        kiosk.wait_for_timeout(500)
        assert not owner.last("frame")["playing"]
        assert owner.last("settings")["values"]["learning_rate"] == 0.3
        assert not watch.all("error")  # it asked for nothing it may not do
    finally:
        context.close()


def test_the_output_screen_on_a_small_window_keeps_its_parts_apart(page, server):
    page.set_viewport_size({"width": 600, "height": 450})  # a phone following the output
    open_watched(page, f"{server}/#gn=1&view=output")
    assert_fits(page, ".gn-output", (600, 450))
    parts = [".gn-metrics-slot", ".gn-chart-slot", ".gn-map-head", ".gn-legend", ".gn-draw"]
    boxes = [box_of(page, part) for part in parts]
    for above, below in zip(boxes, boxes[1:], strict=False):
        assert above["y"] + above["height"] <= below["y"] + 1  # one under the other, apart
    side = box_of(page, ".gn-map")
    assert side["width"] > 200 and side["x"] > boxes[0]["x"] + boxes[0]["width"]


def test_on_a_projector_the_pointer_reads_the_map_where_it_is_and_help_opens_beside_its_button(
    page, server
):
    open_watched(page, f"{server}/#gn=1&view=output&projector=1")
    box = box_of(page, ".gn-map")
    # A quarter of the way right of and above the centre: x1 and x2 are half the extent (6).
    page.mouse.move(box["x"] + box["width"] * 0.75, box["y"] + box["height"] * 0.25)
    readout = page.locator(".gn-map-readout")
    readout.wait_for(timeout=3000)
    assert float(readout.get_attribute("data-x1")) == pytest.approx(3, abs=0.2)
    assert float(readout.get_attribute("data-x2")) == pytest.approx(3, abs=0.2)
    button = page.get_by_role("button", name="Help: Output map")
    button.click()
    note = page.get_by_role("note")
    note.wait_for(timeout=3000)
    under, above = note.bounding_box(), button.bounding_box()
    assert 0 <= under["y"] - (above["y"] + above["height"]) < 30  # just under the button


def test_on_a_projector_the_export_panel_opens_under_its_button_inside_the_window(page, server):
    page.set_viewport_size({"width": 1920, "height": 1080})
    open_watched(page, f"{server}/#gn=1&projector=1")
    button = page.get_by_role("button", name="Export", exact=True)
    button.click()
    panel = page.locator(".gn-popover.gn-export")
    panel.wait_for(timeout=5000)
    assert_fits(page, ".gn-popover.gn-export", (1920, 1080))
    under, above = panel.bounding_box(), button.bounding_box()
    assert abs(under["x"] + under["width"] - (above["x"] + above["width"])) < 4  # right-aligned
    assert 0 <= under["y"] - (above["y"] + above["height"]) < 12
