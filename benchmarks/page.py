"""How fast the playground trains and draws, in headless Chromium, next to TensorFlow Playground.

Run:  python benchmarks/page.py            (needs Debian's chromium and playwright)

It starts a glassnet server on a free port, opens the page at 1280x800 for each
setup of issue 4, and measures from the outside:

- epochs/s:     epochs the session trained per second (from the frames' epoch counter)
- page fps:     animation frames the page drew per second while training
- frames/s:     network frames the page received and drew per second
- ms/frame:     main-thread time per animation frame (busy time / frames)
- socket KB/s:  bytes received on the WebSocket per second
- change ms:    a settings change (Discretize) until the output map shows it
- load ms:      navigation start until the first network is drawn
- page KB:      bytes of every file the page loaded to draw its first network, uncompressed
                and as sent (gzip: the server compresses for a browser that accepts it)

TensorFlow Playground's numbers (built from its source, measured the same way on a
machine of this kind) are printed beside ours. Quote ratios from one run: the
machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

SETUPS = {
    "(a) circle 4,2": "gn=1&dataset=circle&hidden_layers=4,2&activations=tanh,tanh"
    "&batch_size=10&features=x1,x2&speed=max",
    "(b) spiral 8x6, 7 features": "gn=1&dataset=spiral&hidden_layers=8,8,8,8,8,8"
    "&activations=tanh,tanh,tanh,tanh,tanh,tanh&batch_size=10"
    "&features=x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)&speed=max",
}

PLAYGROUND = {  # issue 4: TF Playground in headless Chromium 156, 2 cores, 1280x800
    "(a) circle 4,2": {"epochs": 60.0, "ms_frame": 9.4, "load": 278},
    "(b) spiral 8x6, 7 features": {"epochs": 23.8, "ms_frame": 42.0, "load": 386},
}
PLAYGROUND_PAGE_KB = 525
PLAYGROUND_PAGE_GZIP_KB = 122

# Counts the animation frames the page gets to draw.
PROBE = """
() => {
  window.__probe = { frames: 0, start: performance.now() };
  const tick = () => { window.__probe.frames += 1; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
}
"""


def task_seconds(cdp) -> float:
    """The page's main-thread busy time so far, from Chrome's own counters."""
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "TaskDuration")


@dataclass
class Result:
    epochs: float
    page_fps: float
    frames: float
    ms_frame: float
    socket_kbs: float
    change_ms: float
    load_ms: float
    page_kb: float
    sent_kb: float


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "glassnet.cli", "--no-browser", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the server did not start")


def measure(browser, url: str, seconds: float) -> Result:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    received = []  # (time, bytes, epoch or None)

    def on_socket(ws):
        def on_frame(payload):
            size = len(payload) if isinstance(payload, (bytes, str)) else 0
            epoch = None
            if isinstance(payload, bytes) and len(payload) > 4:
                head = int.from_bytes(payload[:4], "little")
                header = json.loads(payload[4 : 4 + head])
                epoch = header.get("epoch")
            received.append((time.monotonic(), size, epoch))

        ws.on("framereceived", on_frame)

    page.on("websocket", on_socket)
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.goto(url)
    page.wait_for_selector(".glassnet[data-ready='true']", timeout=20000)
    load_ms = page.evaluate(
        "performance.getEntriesByName('glassnet-first-frame')[0]?.startTime ?? NaN"
    )
    # What the page needed to draw its first network (later, lazily loaded parts are not counted).
    page_kb, sent_kb = page.evaluate(
        """(() => {
          const drawn = performance.getEntriesByName("glassnet-first-frame")[0].startTime;
          const resources = performance.getEntriesByType("resource");
          const early = resources.filter((e) => e.responseEnd <= drawn);
          const files = [performance.getEntriesByType("navigation")[0], ...early];
          const sum = (key) => files.reduce((total, e) => total + (e[key] || 0), 0) / 1000;
          return [sum("decodedBodySize"), sum("encodedBodySize")];
        })()"""
    )
    page.get_by_role("button", name="Play", exact=True).click()
    page.wait_for_timeout(1500)  # warm up
    page.evaluate(PROBE)
    busy_before = task_seconds(cdp)
    start = time.monotonic()
    first = len(received)
    page.wait_for_timeout(seconds * 1000)
    elapsed = time.monotonic() - start
    probe = page.evaluate("({...window.__probe, now: performance.now()})")
    busy = task_seconds(cdp) - busy_before
    window = [r for r in received[first:] if r[0] >= start]
    epochs = [r[2] for r in window if r[2] is not None]
    epochs_per_s = (max(epochs) - min(epochs)) / elapsed if len(epochs) > 1 else 0.0
    frames = len(epochs) / elapsed
    socket_kbs = sum(r[1] for r in window) / elapsed / 1000
    wall = probe["now"] - probe["start"]
    page_fps = probe["frames"] / (wall / 1000)
    ms_frame = busy * 1000 / max(probe["frames"], 1)

    change_ms = measure_change(page)
    context.close()
    return Result(
        epochs_per_s, page_fps, frames, ms_frame, socket_kbs, change_ms, load_ms, page_kb, sent_kb
    )


def measure_change(page) -> float:
    """Milliseconds from clicking Discretize until the output map's pixels change (median of 5)."""
    times = []
    for _ in range(5):
        elapsed = page.evaluate(
            """() => new Promise((resolve) => {
                const canvas = document.querySelector(".gn-output canvas");
                const box = document.querySelector("[data-control=discretize] input");
                const before = canvas.toDataURL();
                const t0 = performance.now();
                box.click();
                const check = () => {
                  if (canvas.toDataURL() !== before) resolve(performance.now() - t0);
                  else if (performance.now() - t0 > 2000) resolve(NaN);
                  else requestAnimationFrame(check);
                };
                requestAnimationFrame(check);
            })"""
        )
        times.append(elapsed)
        page.wait_for_timeout(200)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="measuring time per setup")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = start_server(port)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            results = {
                name: measure(browser, f"http://127.0.0.1:{port}/#{hash_}", args.seconds)
                for name, hash_ in SETUPS.items()
            }
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)

    header = (
        f"{'setup':<28} {'epochs/s':>9} {'TF':>6} {'ratio':>6} {'page fps':>9} {'frames/s':>9}"
        f" {'ms/frame':>9} {'TF':>5} {'socket KB/s':>12} {'change ms':>10} {'load ms':>8}"
        f" {'TF':>5}"
    )
    print(header)
    for name, r in results.items():
        tf = PLAYGROUND[name]
        print(
            f"{name:<28} {r.epochs:>9.0f} {tf['epochs']:>6.1f} {r.epochs / tf['epochs']:>5.1f}x"
            f" {r.page_fps:>9.1f} {r.frames:>9.1f} {r.ms_frame:>9.1f} {tf['ms_frame']:>5.1f}"
            f" {r.socket_kbs:>12.1f} {r.change_ms:>10.1f} {r.load_ms:>8.0f} {tf['load']:>5}"
        )
    first = next(iter(results.values()))
    print(
        f"first load: {first.page_kb:.0f} KB uncompressed, {first.sent_kb:.0f} KB sent (gzip) "
        f"(TF Playground: {PLAYGROUND_PAGE_KB} KB, {PLAYGROUND_PAGE_GZIP_KB} KB gzip)"
    )


if __name__ == "__main__":
    main()
