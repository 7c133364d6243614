"""OSC and a serial device drive the page's session: the page shows their Play and setting."""

import os

import pytest
from controller_helpers import free_udp_port
from live_server import ServerThread
from playwright.sync_api import expect
from pythonosc.udp_client import SimpleUDPClient

from glassnet.controllers import OscOptions, SerialOptions


@pytest.fixture
def osc_server():
    """A server of its own, so that the page's session is its oldest (the one OSC drives)."""
    port = free_udp_port()
    running = ServerThread(workers=1, controllers=(OscOptions(port),)).start()
    with SimpleUDPClient("127.0.0.1", port) as osc:
        yield running.url, osc
    running.stop()


def test_osc_play_and_a_setting_show_on_the_page(page, osc_server):
    url, osc = osc_server
    page.goto(url + "/")
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    rate = page.get_by_label("Learning rate", exact=True)
    assert rate.input_value() == "0.03"
    osc.send_message("/glassnet/play", [])
    page.get_by_role("button", name="Pause", exact=True).wait_for(timeout=10000)
    page.wait_for_function(
        "Number(document.querySelector('.gn-epoch-value').textContent.replace(/,/g, '')) >= 20",
        timeout=10000,
    )
    osc.send_message("/glassnet/set", ["learning_rate", 0.3])
    expect(rate).to_have_value("0.3", timeout=10000)
    osc.send_message("/glassnet/pause", [])
    page.get_by_role("button", name="Play", exact=True).wait_for(timeout=10000)
    page.goto("about:blank")  # before the server stops: the page loads parts after a while


def test_a_serial_devices_play_and_setting_show_on_the_page(page):
    master, slave = os.openpty()  # the device's end, and the end glassnet opens with pyserial
    running = ServerThread(workers=1, controllers=(SerialOptions(os.ttyname(slave)),)).start()
    try:
        page.goto(running.url + "/")
        page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
        os.write(master, b"play\r\nlearning_rate 0.3\r\n")
        page.get_by_role("button", name="Pause", exact=True).wait_for(timeout=10000)
        expect(page.get_by_label("Learning rate", exact=True)).to_have_value("0.3", timeout=10000)
        os.write(master, b"pause\r\n")
        page.get_by_role("button", name="Play", exact=True).wait_for(timeout=10000)
    finally:
        page.goto("about:blank")  # before the server stops: the page loads parts after a while
        running.stop()
        os.close(master)
        os.close(slave)
