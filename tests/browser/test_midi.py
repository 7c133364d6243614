"""MIDI in the page: learn a control, turn a knob, and the session changes; mappings are kept.

Headless Chromium has no MIDI devices, so each page is given a MIDI access of the
test's own before it loads (``window.glassnetMidiAccess``, lib/midi.js): one input,
"Test knobs", whose ``midimessage`` events carry the bytes the test sends. The
page's code from there on is the real one, against a real server.
"""

import json

from socket_watch import SocketWatch

FAKE_MIDI = """
(() => {
  const input = new EventTarget();
  input.name = "Test knobs";
  const access = new EventTarget();
  access.inputs = new Map([["test-knobs", input]]);
  access.outputs = new Map();
  window.glassnetMidiAccess = () => access;
  window.sendMidi = (...messages) => {
    for (const bytes of messages) {
      const event = new Event("midimessage");
      Object.defineProperty(event, "data", { value: new Uint8Array(bytes) });
      input.dispatchEvent(event);
    }
  };
})();
"""

CC = 0xB0  # a Control Change on channel 1
NOTE_ON_10 = 0x99  # a note on, channel 10 (drum pads)


def open_page(page, url):
    page.add_init_script(FAKE_MIDI)
    watch = SocketWatch(page)
    page.goto(url)
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    return watch


def open_midi(page):
    page.get_by_role("button", name="MIDI", exact=True).click()
    panel = page.get_by_role("dialog", name="MIDI")
    panel.wait_for()
    return panel


def send(page, *messages):
    page.evaluate("(messages) => window.sendMidi(...messages)", [list(m) for m in messages])


def learning_rates(page):
    options = "#gn-learning-rate option"
    return page.eval_on_selector_all(options, "os => os.map(o => Number(o.value))")


def choice(value, n):
    """The documented split: 0..127 in n equal parts."""
    return min(n - 1, value * n // 128)


def sets_of(watch, name):
    return [m for m in watch.sent if m["type"] == "set" and name in m["changes"]]


def test_learn_a_select_a_slider_and_play_then_knobs_drive_them(page, server):
    watch = open_page(page, server + "/")
    page.get_by_role("button", name="MIDI", exact=True).wait_for()
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name).join(' ')")
    assert "midiPanel" not in loaded  # MIDI loads when opened, not with the page
    panel = open_midi(page)
    panel.get_by_text("MIDI device: Test knobs.").wait_for()

    panel.get_by_role("button", name="Learn").click()
    page.locator("#gn-learning-rate").click()
    panel.get_by_text("Now move a knob or press a pad for Learning rate.").wait_for()
    send(page, (CC, 21, 0))
    panel.get_by_text("← CC 21, channel 1").wait_for()
    page.locator("#gn-dp-noise").click()
    send(page, (CC, 7, 30))
    panel.get_by_text("← CC 7, channel 1").wait_for()
    page.get_by_role("button", name="Play", exact=True).click()  # picked, not pressed
    send(page, (NOTE_ON_10, 36, 100))
    panel.get_by_text("← note 36, channel 10").wait_for()
    panel.get_by_role("button", name="Done").click()

    expected = [
        {"control": "learningRate", "channel": 1, "kind": "cc", "number": 21},
        {"control": "noise", "channel": 1, "kind": "cc", "number": 7},
        {"control": "playButton", "channel": 10, "kind": "note", "number": 36},
    ]
    watch.wait_for(lambda: watch.all("midi") and watch.last("midi")["mappings"] == expected)
    assert not [m for m in watch.sent if m["type"] in ("play", "set")]  # learning changed nothing

    # A knob over a select: its choices split 0..127.
    rates = learning_rates(page)
    send(page, (CC, 21, 127))
    watch.wait_for(lambda: watch.last("settings")["values"]["learning_rate"] == rates[-1])
    assert float(page.locator("#gn-learning-rate").input_value()) == rates[-1]
    send(page, (CC, 21, 64))
    want = rates[choice(64, len(rates))]
    watch.wait_for(lambda: watch.last("settings")["values"]["learning_rate"] == want)

    # A knob over a slider: its whole range, on its steps.
    noise = page.locator("#gn-dp-noise")
    top = float(noise.get_attribute("max"))
    send(page, (CC, 7, 127))
    watch.wait_for(lambda: watch.last("settings")["values"]["noise"] == top)
    assert float(noise.input_value()) == top
    bottom = float(noise.get_attribute("min"))
    send(page, (CC, 7, 0))
    watch.wait_for(lambda: watch.last("settings")["values"]["noise"] == bottom)

    # A fast knob: 128 values at once send a few changes, and the last value wins.
    before = len(sets_of(watch, "learning_rate"))
    send(page, *[(CC, 21, v) for v in range(128)])
    watch.wait_for(lambda: watch.last("settings")["values"]["learning_rate"] == rates[-1])
    page.wait_for_timeout(600)  # anything still queued would have gone by now
    sent = len(sets_of(watch, "learning_rate")) - before
    assert 1 <= sent <= 3, f"{sent} changes sent for one turn of the knob"
    assert watch.last("settings")["values"]["learning_rate"] == rates[-1]
    assert not [e for e in watch.all("error") if e.get("limit")]

    # A pad presses Play, and again Pause.
    send(page, (NOTE_ON_10, 36, 90))
    watch.wait_for(lambda: watch.last("frame")["playing"] and watch.last("frame")["epoch"] > 0)
    assert page.get_by_role("button", name="Pause", exact=True).is_visible()
    send(page, (NOTE_ON_10, 36, 0), (NOTE_ON_10, 36, 90))  # a note off presses nothing
    watch.wait_for(lambda: not watch.last("frame")["playing"])

    # Remove one mapping: its knob drives nothing any more.
    panel.get_by_role("button", name="Remove the mapping of Noise").click()
    watch.wait_for(lambda: len(watch.last("midi")["mappings"]) == 2)
    noise_sets = len(sets_of(watch, "noise"))
    send(page, (CC, 7, 90))
    page.wait_for_timeout(300)
    assert len(sets_of(watch, "noise")) == noise_sets


def test_mappings_survive_a_reload_and_a_saved_session_file(page, browser, server, tmp_path):
    watch = open_page(page, server + "/")
    panel = open_midi(page)
    panel.get_by_role("button", name="Learn").click()
    page.locator("#gn-learning-rate").click()
    send(page, (CC, 21, 0))
    panel.get_by_text("← CC 21, channel 1").wait_for()
    watch.wait_for(lambda: watch.all("midi"))

    # The tab: after a reload the knob drives at once, without opening MIDI.
    page.reload()
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    page.wait_for_selector(".gn-midi-panel[data-devices='1']", state="attached", timeout=10000)
    rates = learning_rates(page)
    send(page, (CC, 21, 0))
    page.wait_for_function(
        "(want) => Number(document.querySelector('#gn-learning-rate').value) === want", arg=rates[0]
    )
    panel = open_midi(page)
    panel.get_by_text("← CC 21, channel 1").wait_for()
    panel.get_by_role("button", name="Close").click()

    # A saved session file holds them (format version 3), and loading it brings them back.
    with page.expect_download() as saving:
        page.get_by_role("button", name="Save session", exact=True).click()
    path = tmp_path / "session.json"
    saving.value.save_as(path)
    document = json.loads(path.read_text())
    assert document["version"] == 3
    mapping = {"control": "learningRate", "channel": 1, "kind": "cc", "number": 21}
    assert document["midi"] == [mapping]

    fresh = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    other = open_page(fresh, server + "/")
    fresh.locator(".gn-host-tools input[type=file]").set_input_files(str(path))
    other.wait_for(lambda: other.all("midi"))
    fresh.wait_for_selector(".gn-midi-panel[data-devices='1']", state="attached", timeout=10000)
    send(fresh, (CC, 21, 127))
    other.wait_for(lambda: other.last("settings")["values"]["learning_rate"] == rates[-1])
    open_midi(fresh).get_by_text("← CC 21, channel 1").wait_for()
    fresh.context.close()


def test_a_browser_without_web_midi_is_told_so_and_what_to_do(page, server):
    page.add_init_script("delete Navigator.prototype.requestMIDIAccess")
    page.goto(server + "/")
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    panel = open_midi(page)
    panel.get_by_text("This browser has no Web MIDI.").wait_for()
    assert panel.get_attribute("data-problem") == "missing"


def test_a_control_hidden_by_a_link_still_follows_its_knob(page, server):
    watch = open_page(page, server + "/")
    panel = open_midi(page)
    panel.get_by_role("button", name="Learn").click()
    page.locator("#gn-dp-noise").focus()  # the keyboard's way to pick a control
    panel.get_by_text("Now move a knob or press a pad for Noise.").wait_for()
    send(page, (CC, 7, 0))
    panel.get_by_text("← CC 7, channel 1").wait_for()
    watch.wait_for(lambda: watch.all("midi"))
    page.goto(server + "/#gn=1&noise_hide=true")
    page.reload()
    page.wait_for_selector(".gn-midi-panel[data-devices='1']", state="attached", timeout=10000)
    noise = page.locator("#gn-dp-noise")
    assert not noise.is_visible()
    send(page, (CC, 7, 127))
    top = float(noise.get_attribute("max"))
    watch.wait_for(lambda: watch.last("settings")["values"]["noise"] == top)
