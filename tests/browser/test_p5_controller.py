"""The p5.js controller example, in the real p5.js against a real server: it joins a shared
session and draws every neuron's activation at the mouse, as the session computes it."""

from pathlib import Path

import pytest
from socket_watch import SocketWatch

P5 = Path(__file__).parents[2] / "node_modules" / "p5" / "lib" / "p5.min.js"

ASK = """async ([code, x]) => {
  const socket = new WebSocket(`ws://${location.host}/ws?join=${code}`);
  return await new Promise((resolve) => {
    socket.onopen = () => {
      socket.send(JSON.stringify({ type: "hello", protocol: 2 }));
      socket.send(JSON.stringify({ type: "probe", x }));
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === "probed") { socket.close(); resolve(message); }
    };
  });
}"""


@pytest.mark.skipif(not P5.exists(), reason="p5.js is a development dependency (npm install)")
def test_the_sketch_joins_a_shared_session_and_draws_the_activations_at_the_mouse(
    page, browser, server
):
    SocketWatch(page)
    page.goto(server + "/")
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=15000)
    page.get_by_role("button", name="Share live").click()
    page.wait_for_function("document.querySelector('.gn-live-link')?.value.includes('#join=')")
    code = page.get_by_label("Join link").input_value().split("#join=")[1]

    context = browser.new_context(viewport={"width": 800, "height": 500})
    try:
        sketch = context.new_page()
        sketch.route("https://cdn.jsdelivr.net/**", lambda route: route.fulfill(path=str(P5)))
        sketch.goto(f"{server}/examples/p5-controller/#join={code}")
        sketch.wait_for_selector("canvas")
        box = sketch.locator("canvas").bounding_box()
        # The mouse at three quarters across and a quarter down: the point (3, 3).
        sketch.mouse.move(box["x"] + 0.75 * box["width"], box["y"] + 0.25 * box["height"])
        sketch.wait_for_function(
            "window.glassnetProbe && Math.abs(window.glassnetProbe.x[0] - 3) < 0.05", timeout=10000
        )
        shown = sketch.evaluate("window.glassnetProbe")
        asked = sketch.evaluate(ASK, [code, shown["x"]])  # the session, asked directly
        assert [len(layer["a"]) for layer in shown["layers"]] == [4, 2, 1]
        assert shown["layers"] == asked["layers"] and shown["epoch"] == asked["epoch"]
        # The output neuron's circle is drawn where the sketch puts it, in its colour.
        output = shown["output"][0]
        pixel = sketch.evaluate(
            "() => { const c = document.querySelector('canvas');"
            " const d = c.getContext('2d').getImageData(c.width * 3 / 4, c.height / 2, 1, 1).data;"
            " return [d[0], d[1], d[2]]; }"
        )
        assert pixel == ([8, 119, 189] if output >= 0 else [245, 147, 34])
    finally:
        context.close()
