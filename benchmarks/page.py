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

TensorFlow Playground's numbers are printed beside ours. By default they are the
ones recorded for issue 4 (built from its source, measured the same way on a
machine of this kind, months earlier). With ``--playground DIR`` (DIR is a built
TensorFlow Playground: ``git clone https://github.com/tensorflow/playground``,
then ``npm ci && npm run build`` there makes ``dist/``) it is measured in the same
run, alternating with glassnet round by round: the machine is shared and noisy,
and only numbers from the same minutes compare. Its first drawn network is the
first animation frame in which its neurons' canvases exist (it builds and draws
them in one task); its requests off this machine (web fonts, analytics) are
refused, as they would fail offline. ``--rounds N`` repeats everything N times
and prints medians.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

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

PLAYGROUND = {  # issue 4, recorded: TF Playground in headless Chromium 156, 2 cores, 1280x800
    "(a) circle 4,2": {"epochs": 60.0, "ms_frame": 9.4, "load": 278},
    "(b) spiral 8x6, 7 features": {"epochs": 23.8, "ms_frame": 42.0, "load": 386},
}
# The same setups in TF Playground's URL (its state.ts), learning rate 0.03 as glassnet's.
PLAYGROUND_COMMON = (
    "activation=tanh&regularization=none&batchSize=10&learningRate=0.03&regularizationRate=0"
    "&noise=0&percTrainData=50&discretize=false&showTestData=false&problem=classification"
    "&initZero=false&hideText=false&seed=0.12345"
)
PLAYGROUND_SETUPS = {
    "(a) circle 4,2": PLAYGROUND_COMMON + "&dataset=circle&networkShape=4,2&x=true&y=true"
    "&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false",
    "(b) spiral 8x6, 7 features": PLAYGROUND_COMMON + "&dataset=spiral&networkShape=8,8,8,8,8,8"
    "&x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&cosX=false&sinX=true&cosY=false"
    "&sinY=true",
}
# Marks TF Playground's first drawn network: the first animation frame with its neurons' canvases.
PLAYGROUND_FIRST_FRAME = """
(function tick() {
  requestAnimationFrame(() => {
    if (document.querySelector("#network div.canvas canvas")) window.__drawn = performance.now();
    else tick();
  });
})();
"""
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
    """Milliseconds from clicking Discretize until the output map shows it (median of 5).

    The page is training, so the map changes with every frame anyway: what is
    watched is Discretize itself. On, the map has only the two classes' colours;
    off, it is shaded again.
    """
    times = []
    for _ in range(5):
        elapsed = page.evaluate(
            """() => new Promise((resolve) => {
                const canvas = document.querySelector(".gn-map-heat");
                const box = document.querySelector("[data-control=discretize] input");
                const colours = () => {
                  const { width, height } = canvas;
                  const { data } = canvas.getContext("2d").getImageData(0, 0, width, height);
                  const seen = new Set();
                  for (let i = 0; i < data.length; i += 4) {
                    seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
                  }
                  return seen.size;
                };
                const discretized = !box.checked;  // what the click asks for
                const t0 = performance.now();
                box.click();
                const check = () => {
                  if ((colours() <= 2) === discretized) resolve(performance.now() - t0);
                  else if (performance.now() - t0 > 2000) resolve(NaN);
                  else requestAnimationFrame(check);
                };
                requestAnimationFrame(check);
            })"""
        )
        times.append(elapsed)
        page.wait_for_timeout(200)
    return statistics.median(times)


def measure_playground(browser, url: str, seconds: float) -> dict:
    """TF Playground's load, training rate and main-thread time, measured as glassnet's are."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/])"), lambda route: route.abort())
    context.add_init_script(PLAYGROUND_FIRST_FRAME)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.goto(url)
    page.wait_for_function("window.__drawn !== undefined", timeout=30000)
    load_ms = page.evaluate("window.__drawn")
    page_kb = page.evaluate(
        """(() => [performance.getEntriesByType("navigation")[0],
                   ...performance.getEntriesByType("resource")]
              .filter((e) => e.responseEnd <= window.__drawn)
              .reduce((total, e) => total + (e.decodedBodySize || 0), 0) / 1000)()"""
    )
    epoch = "parseInt(document.querySelector('#iter-number').textContent.replace(/,/g, ''), 10)"
    page.click("#play-pause-button")
    page.wait_for_timeout(1500)  # warm up
    page.evaluate(PROBE)
    busy_before, epochs_before, start = task_seconds(cdp), page.evaluate(epoch), time.monotonic()
    page.wait_for_timeout(seconds * 1000)
    epochs, elapsed = page.evaluate(epoch) - epochs_before, time.monotonic() - start
    probe = page.evaluate("({...window.__probe, now: performance.now()})")
    busy = task_seconds(cdp) - busy_before
    context.close()
    return {
        "epochs": epochs / elapsed,
        "page_fps": probe["frames"] / ((probe["now"] - probe["start"]) / 1000),
        "ms_frame": busy * 1000 / max(probe["frames"], 1),
        "load": load_ms,
        "page_kb": page_kb,
    }


@contextlib.contextmanager
def static_server(folder: str):
    """Serve a folder on a free loopback port, quietly; yield its address."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=folder)
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as httpd:
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{httpd.server_address[1]}"
        finally:
            httpd.shutdown()


def median_of(rows: list, key: str) -> float:
    return statistics.median(getattr(r, key) if isinstance(r, Result) else r[key] for r in rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="measuring time per setup")
    parser.add_argument("--rounds", type=int, default=1, help="repeat everything; print medians")
    parser.add_argument(
        "--playground", metavar="DIR", help="a built TF Playground (its dist/): measure it too"
    )
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    if args.playground and not (Path(args.playground) / "index.html").is_file():
        parser.error(f"{args.playground} has no index.html: give TF Playground's built dist/")
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = start_server(port)
    ours = {name: [] for name in SETUPS}
    theirs = {name: [] for name in SETUPS}
    try:
        with sync_playwright() as p, contextlib.ExitStack() as stack:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            playground = (
                stack.enter_context(static_server(args.playground)) if args.playground else None
            )
            for _ in range(args.rounds):
                for name, hash_ in SETUPS.items():
                    url = f"http://127.0.0.1:{port}/#{hash_}"
                    ours[name].append(measure(browser, url, args.seconds))
                    if playground:
                        url = f"{playground}/index.html#{PLAYGROUND_SETUPS[name]}"
                        theirs[name].append(measure_playground(browser, url, args.seconds))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)

    measured = "measured in this run" if args.playground else "recorded for issue 4"
    print(f"TF: TensorFlow Playground, {measured}; medians of {args.rounds} round(s)")
    header = (
        f"{'setup':<28} {'epochs/s':>9} {'TF':>6} {'ratio':>6} {'page fps':>9} {'TF':>5}"
        f" {'frames/s':>9} {'ms/frame':>9} {'TF':>5} {'socket KB/s':>12} {'change ms':>10}"
        f" {'load ms':>8} {'TF':>5}"
    )
    print(header)
    for name, rows in ours.items():
        tf = {k: median_of(theirs[name], k) for k in theirs[name][0]} if theirs[name] else None
        tf = tf or {**PLAYGROUND[name], "page_fps": float("nan")}
        r = {key: median_of(rows, key) for key in Result.__dataclass_fields__}
        ratio = r["epochs"] / tf["epochs"] if tf["epochs"] else float("nan")
        print(
            f"{name:<28} {r['epochs']:>9.0f} {tf['epochs']:>6.1f} {ratio:>5.1f}x"
            f" {r['page_fps']:>9.1f} {tf['page_fps']:>5.1f} {r['frames']:>9.1f}"
            f" {r['ms_frame']:>9.1f} {tf['ms_frame']:>5.1f} {r['socket_kbs']:>12.1f}"
            f" {r['change_ms']:>10.1f} {r['load_ms']:>8.0f} {tf['load']:>5.0f}"
        )
    first = next(iter(ours.values()))
    tf_kb = (
        median_of(next(iter(theirs.values())), "page_kb") if args.playground else PLAYGROUND_PAGE_KB
    )
    print(
        f"first load: {median_of(first, 'page_kb'):.0f} KB uncompressed, "
        f"{median_of(first, 'sent_kb'):.0f} KB sent (gzip) "
        f"(TF Playground: {tf_kb:.0f} KB, {PLAYGROUND_PAGE_GZIP_KB} KB gzip as recorded)"
    )


if __name__ == "__main__":
    main()
