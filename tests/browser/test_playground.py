"""The playground end to end: it opens, learns, explains divergence, and is named for everyone."""

from socket_watch import SocketWatch


def open_watched(page, server, hash_=""):
    watch = SocketWatch(page)
    page.goto(f"{server}/{hash_}")
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    return watch


def test_play_makes_the_epoch_grow_and_the_loss_fall_on_circle(page, server):
    watch = open_watched(page, server)
    assert watch.last("settings")["values"]["dataset"] == "circle"
    first = watch.last("frame")["metrics"]["train_loss"]
    page.get_by_role("button", name="Play", exact=True).click()
    watch.wait_for(lambda: watch.last("frame")["epoch"] >= 60, timeout_ms=15000)
    page.get_by_role("button", name="Pause", exact=True).click()
    frame = watch.last("frame")
    assert frame["metrics"]["train_loss"] < first / 2
    shown = page.locator(".gn-epoch-value").inner_text().replace(",", "")
    assert int(shown) >= 60


def test_a_divergent_learning_rate_pauses_with_an_explanation_and_recovers(page, server):
    hash_ = "#gn=1&dataset=plane&hidden_layers=8,8&speed=max"
    watch = open_watched(page, server, hash_)
    page.get_by_label("Learning rate", exact=True).select_option("10")
    page.get_by_role("button", name="Play", exact=True).click()
    alert = page.get_by_role("alert").filter(has_text="diverged")
    alert.wait_for(timeout=10000)
    assert "learning rate (10) is too high" in alert.inner_text()
    assert page.get_by_role("button", name="Play", exact=True).is_visible()  # it paused
    page.get_by_label("Learning rate", exact=True).select_option("0.01")
    page.get_by_role("button", name="Reset", exact=True).click()
    page.get_by_role("button", name="Play", exact=True).click()
    epoch = watch.last("frame")["epoch"]
    watch.wait_for(lambda: watch.last("frame")["epoch"] > epoch + 20, timeout_ms=10000)
    assert watch.last("frame")["alert"] is None
    assert not alert.is_visible()


def test_every_control_has_the_name_a_screen_reader_reads(page, server):
    open_watched(page, server)
    for name in ["Play", "Step", "Reset", "Undo", "Redo", "Add layer", "Remove layer",
                 "Add neuron to layer 1", "Regenerate", "Draw points", "Save session"]:  # fmt: skip
        assert page.get_by_role("button", name=name, exact=True).count() == 1, name
    for label in ["Learning rate", "Activation", "Regularization", "Problem type", "Speed",
                  "Noise", "Batch size", "Show test data", "Discretize output"]:  # fmt: skip
        assert page.get_by_label(label, exact=True).count() == 1, label
    text = page.locator(".glassnet").inner_text()
    for label in ["Epoch", "Training loss", "Test loss", "Accuracy"]:
        assert label in text


def test_the_keyboard_alone_can_start_and_stop_training(page, server):
    watch = open_watched(page, server)
    page.get_by_role("button", name="Play", exact=True).focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Pause", exact=True).wait_for()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Play", exact=True).wait_for()
    assert watch.last("frame")["playing"] is False


def test_help_explains_a_control_in_plain_words(page, server):
    open_watched(page, server)
    page.get_by_role("button", name="Help: Learning rate").click()
    note = page.get_by_role("note")
    assert "too big" in note.inner_text()
    page.keyboard.press("Escape")
    assert note.count() == 0


def test_the_readable_modules_glassnet_dev_serves_draw_the_playground_too(page, dev_server):
    # `glassnet --dev` serves static/ as it is: no build step between an edit and a reload.
    page.goto(dev_server)
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    scripts = page.evaluate("performance.getEntriesByType('resource').map((e) => e.name)")
    assert any(name.endswith("/static/lib/store.js") for name in scripts)
    assert page.locator(".gn-top").evaluate("el => getComputedStyle(el).display") == "flex"


def test_the_top_bar_takes_two_rows_at_a_laptop_size(page, server):
    # Every tool of the page's own (Share live, MIDI, Share, Embed, Save, Load) included:
    # a third row would push the network down.
    page.set_viewport_size({"width": 1280, "height": 800})
    open_watched(page, server)
    page.get_by_role("button", name="MIDI", exact=True).wait_for()
    boxes = page.locator(".gn-top > *:visible").evaluate_all(
        "els => els.map((e) => [e.getBoundingClientRect().top, e.getBoundingClientRect().bottom])"
    )
    rows = []  # boxes that overlap vertically share a row
    for top, bottom in sorted(boxes):
        if rows and top < rows[-1][1]:
            rows[-1][1] = max(rows[-1][1], bottom)
        else:
            rows.append([top, bottom])
    assert len(rows) == 2, rows
