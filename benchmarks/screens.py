"""One session on many screens: does a crowd of followers slow the session down?

Run:  python benchmarks/screens.py        (about half a minute)

It starts a glassnet server on a free port, opens one session (setup (a) of
load.py: circle 4,2 at speed 60) that plays, and measures for 10 seconds:

1. the owner alone: its epochs/s and frames/s;
2. the owner and 30 followers of its session shared live (docs/screens.md),
   each a simulated page that answers every frame with ``ready``: the owner's
   epochs/s and frames/s again, and each follower's frames/s (slowest, median);

with the CPU of the web process, the worker(s) and the load generator.
Target (issue 14): every follower >= 20 frames/s, and the owner's rates kept.
The machine is shared and noisy: quote ratios from one run.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time

import load  # benchmarks/load.py: the server, /proc readings and simulated views
import websockets

FOLLOWERS = 30
WARMUP, SECONDS = 3.0, 10.0


class Owner(load.View):
    """A page that starts the session, plays it, and shares it live."""

    code: str | None = None

    async def run(self, ready: asyncio.Event):
        async with websockets.connect(self.url, max_size=None, ping_interval=None) as ws:
            hello = {"type": "hello", "protocol": 2, "binary": True, "settings": self.settings}
            await ws.send(json.dumps(hello))
            await ws.send('{"type": "play"}')
            await ws.send('{"type": "share", "control": false}')
            while not self.stop:
                data = await ws.recv()
                if isinstance(data, bytes):
                    self.epochs.append((time.monotonic(), _epoch(data)))
                    await ws.send('{"type": "ready"}')
                elif json.loads(data)["type"] == "shared" and not ready.is_set():
                    self.code = json.loads(data)["code"]
                    ready.set()


class Follower(load.View):
    """A page that opens the join link and draws every frame it is sent."""

    async def run(self, ready: asyncio.Event):
        async with websockets.connect(self.url, max_size=None, ping_interval=None) as ws:
            await ws.send(json.dumps({"type": "hello", "protocol": 2, "binary": True}))
            ready.set()
            while not self.stop:
                data = await ws.recv()
                if isinstance(data, bytes):
                    self.epochs.append((time.monotonic(), _epoch(data)))
                    await ws.send('{"type": "ready"}')


def _epoch(data: bytes) -> int:
    length = int.from_bytes(data[:4], "little")
    return json.loads(data[4 : 4 + length])["epoch"]


async def measure(url: str, followers: int):
    """The owner's rates, the followers' frame rates, and CPU, over SECONDS."""
    owner = Owner(url, "127.0.0.1", load.SETUP_A)
    shared = asyncio.Event()
    task = asyncio.ensure_future(owner.run(shared))
    await asyncio.wait_for(shared.wait(), 10)
    crowd = [Follower(f"{url}?join={owner.code}", "127.0.0.1", {}) for _ in range(followers)]
    started = [asyncio.Event() for _ in crowd]
    tasks = [asyncio.ensure_future(f.run(s)) for f, s in zip(crowd, started)]
    await asyncio.gather(*(s.wait() for s in started))
    await asyncio.sleep(WARMUP)
    start, mine = time.monotonic(), load.own_cpu()
    before = {name: load.cpu_seconds(pid) for name, pid in load.SERVER.items()}
    await asyncio.sleep(SECONDS)
    end = time.monotonic()
    cpu = {n: (load.cpu_seconds(p) - before[n]) / (end - start) for n, p in load.SERVER.items()}
    cpu["load generator"] = (load.own_cpu() - mine) / (end - start)
    for view in [owner, *crowd]:
        view.stop = True
    for t in [task, *tasks]:
        t.cancel()
    await asyncio.gather(task, *tasks, return_exceptions=True)
    return owner.rates(start, end), [f.rates(start, end)[1] for f in crowd], cpu


def main():
    port = load.free_port()
    server = load.start_server(port, workers=None)
    try:
        load.SERVER = load.processes_of(server.pid)
        url = f"ws://127.0.0.1:{port}/ws"
        rows = []
        for followers in (0, FOLLOWERS):
            (epochs, frames), follower_frames, cpu = asyncio.run(measure(url, followers))
            rows.append((followers, epochs, frames, follower_frames, cpu))
    finally:
        server.terminate()
        server.wait()
    print(
        f"One session (circle 4,2 at speed 60) over {SECONDS:g} s, {len(load.SERVER) - 1} workers"
    )
    print()
    print("| followers | owner epochs/s | owner frames/s | follower frames/s (slowest, median) "
          "| CPU: web, workers, load generator |")  # fmt: skip
    print("|---|---|---|---|---|")
    for followers, epochs, frames, follower_frames, cpu in rows:
        crowd = "-"
        if follower_frames:
            crowd = f"{min(follower_frames):.1f}, {statistics.median(follower_frames):.1f}"
        workers = sum(v for k, v in cpu.items() if k.startswith("worker"))
        print(f"| {followers} | {epochs:.1f} | {frames:.1f} | {crowd} | "
              f"{cpu['web']:.0%}, {workers:.0%}, {cpu['load generator']:.0%} |")  # fmt: skip


if __name__ == "__main__":
    main()
