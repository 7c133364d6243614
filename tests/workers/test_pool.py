"""The worker processes from the web process's side: spread, pinned, replaced, stopped."""

import asyncio
import os
import signal
import time

from worker_helpers import SLOW_EPOCH, decoded, hello, run

from glassnet.workers import Link, WorkerPool
from glassnet.workers.pool import usable_cores


class View(Link):
    """A view that records what its session sent."""

    def __init__(self):
        self.messages = []
        self.handled = 0
        self.gone = None
        self.changed = asyncio.Event()

    def deliver(self, payloads, handled):
        self.messages += decoded(payloads)
        self.handled += handled
        self.changed.set()

    def lost(self, reason):
        self.gone = reason
        self.changed.set()

    async def until(self, condition, timeout=30):
        async def wait():
            while not condition():
                self.changed.clear()
                await self.changed.wait()

        await asyncio.wait_for(wait(), timeout)


def test_sessions_spread_over_the_workers_and_each_stays_on_its_own():
    async def scenario():
        pool = WorkerPool(2)
        await pool.start()
        try:
            views = [View() for _ in range(4)]
            opened = [pool.open(view, f"t{i}", hello()) for i, view in enumerate(views)]
            sids = [sid for sid, _ in opened]
            assert sorted(len(w.sessions) for w in pool.workers) == [2, 2]
            assert len({pool.where[sid].process.pid for sid in sids}) == 2
            for view in views:
                await view.until(lambda v=view: any(m["type"] == "frame" for m in v.messages))
            pool.message(*opened[0], '{"type": "step"}')
            pool.ready(*opened[0])
            await views[0].until(lambda: views[0].handled == 1)
            tokens = [next(m["token"] for m in v.messages if m["type"] == "welcome") for v in views]
            assert tokens == ["t0", "t1", "t2", "t3"]
        finally:
            await pool.stop()

    run(scenario())


def test_with_a_worker_for_every_core_each_is_kept_on_its_own_core_and_with_fewer_none_is():
    cores = usable_cores()

    async def scenario(size):
        pool = WorkerPool(size)
        await pool.start()
        try:
            return [os.sched_getaffinity(w.process.pid) for w in pool.workers]
        finally:
            await pool.stop()

    assert run(scenario(len(cores))) == [{core} for core in cores]
    if len(cores) > 1:  # fewer workers than cores: the system places them
        assert run(scenario(1)) == [set(cores)]


def test_a_worker_that_dies_is_replaced_and_the_views_of_its_sessions_are_told():
    async def scenario():
        lost = []
        pool = WorkerPool(2, on_lost=lost.extend)
        await pool.start()
        try:
            views = [View(), View()]
            sids = [pool.open(view, None, hello())[0] for view in views]
            for view in views:
                await view.until(lambda v=view: v.messages)
            victim = pool.where[sids[0]].process
            os.kill(victim.pid, signal.SIGKILL)
            await views[0].until(lambda: views[0].gone is not None)
            assert lost == [sids[0]] and views[1].gone is None
            await asyncio.sleep(0)  # the replacement starts
            for _ in range(100):
                if victim not in [w.process for w in pool.workers] and len(pool.workers) == 2:
                    break
                await asyncio.sleep(0.05)
            assert all(w.process.poll() is None for w in pool.workers)
            again = View()
            pool.open(again, None, hello())
            await again.until(lambda: any(m["type"] == "frame" for m in again.messages))
        finally:
            await pool.stop()

    run(scenario())


def test_stopping_ends_every_worker_promptly_even_in_the_middle_of_long_work():
    async def scenario():
        pool = WorkerPool(2)
        await pool.start()
        view = View()
        sid, number = pool.open(view, None, hello())
        for raw in SLOW_EPOCH:
            pool.message(sid, number, raw)
        await view.until(lambda: view.handled == 2)
        for _ in range(5):
            pool.message(sid, number, '{"type": "step"}')  # seconds of work queued
        await asyncio.sleep(0.2)
        processes = [w.process for w in pool.workers]
        started = time.monotonic()
        await pool.stop()
        return time.monotonic() - started, processes

    took, processes = run(scenario())
    assert all(p.poll() is not None for p in processes)
    assert took < 5  # generous: a worker gives up its turn every slice, and is killed after 1 s
