"""A room of strangers saving at once, through the real data layer (``core.plan.store`` on a SQLite file).

300 plans take 20 saves each from a pool of threads, several threads on the same plan at the same
time, mixing merges (``Store.apply``) and whole-plan compare-and-swap (``Store.replace``); then 200
saves start at the same instant. Afterwards every acknowledged save is in the database, every plan
is at the version of its last acknowledged save (each save acknowledged with its own version, so
none overwrote another), and SQLite's ``PRAGMA integrity_check`` says ``ok``. A save that cannot be
stored raises; it is never acknowledged.
"""

from __future__ import annotations

import collections
import datetime as dt
import random
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import event

from core.plan import plan as plan_mod
from core.plan import store as store_mod
from core.plan.plan import Change
from tests.hostile import conftest

TODAY = dt.date(2026, 11, 27)
PLANS, SAVES, WRITERS_PER_PLAN, THREADS, BURST = 300, 20, 4, 24, 200


class Ledger:
    """What the writers were told: acknowledged saves (plan, key, version) and the failures raised."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.acks: list[tuple[str, str, int]] = []
        self.failures: collections.Counter[str] = collections.Counter()
        self.tried = 0

    def save(self, store: store_mod.Store, token: str, key: str, rng: random.Random) -> None:
        with self.lock:
            self.tried += 1
        try:
            if rng.random() < 0.3:  # a whole-plan write, as a restored file or another tab does
                plan, version = store.load(token)
                plan["selfcheck"][key] = 1
                version = store.replace(token, plan, version)
            else:
                _, version = store.apply(token, [Change(("selfcheck", key), None, 1)])
        except (store_mod.StaleVersion, store_mod.SaveFailed) as refused:  # said so, nothing stored
            with self.lock:
                self.failures[type(refused).__name__] += 1
            return
        with self.lock:
            self.acks.append((token, key, version))


def _store(folder: Path) -> store_mod.Store:
    return store_mod.Store(store_mod.make_engine(store_mod.default_url(folder)))


def _check(store: store_mod.Store, ledger: Ledger, tokens: list[str], folder: Path) -> None:
    by_plan: dict[str, list[tuple[str, int]]] = collections.defaultdict(list)
    for token, key, version in ledger.acks:
        by_plan[token].append((key, version))
    for token in tokens:
        plan, version = store.load(token)
        acked = by_plan[token]
        missing = [key for key, _ in acked if key not in plan["selfcheck"]]
        assert missing == [], f"acknowledged but lost: {missing[:5]}"
        versions = sorted(v for _, v in acked)
        assert versions == list(range(2, 2 + len(acked))), "two saves were acknowledged with the same version"
        assert version == (versions[-1] if versions else 1)
        assert set(plan["selfcheck"]) == {key for key, _ in acked}, "a save that raised was stored anyway"
    with sqlite3.connect(folder / "rotta.sqlite") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_300_plans_with_20_saves_each_from_many_threads_then_a_burst_of_200_lose_nothing(tmp_path):
    store = _store(tmp_path)
    tokens = [store.create(plan_mod.new_plan(TODAY))[0] for _ in range(PLANS)]
    ledger = Ledger()
    jobs = [(token, w) for token in tokens for w in range(WRITERS_PER_PLAN)]
    random.Random(7).shuffle(jobs)  # a plan's writers run at the same time, in different threads

    def writer(token: str, w: int) -> None:
        rng = random.Random(f"{token}{w}")
        for i in range(SAVES // WRITERS_PER_PLAN):
            ledger.save(store, token, f"w{w}_{i}", rng)

    started = time.perf_counter()
    with ThreadPoolExecutor(THREADS) as pool:
        for future in [pool.submit(writer, token, w) for token, w in jobs]:
            future.result()  # anything but a refusal the writer was told about fails the test here
    threaded = time.perf_counter() - started

    gate = threading.Barrier(BURST)
    burst_tokens = tokens[:10]  # 20 writers on each of 10 plans, all released together

    def burst(n: int) -> None:
        gate.wait()
        ledger.save(store, burst_tokens[n % len(burst_tokens)], f"burst{n}", random.Random(n))

    started = time.perf_counter()
    with ThreadPoolExecutor(BURST) as pool:
        for future in [pool.submit(burst, n) for n in range(BURST)]:
            future.result()
    burst_s = time.perf_counter() - started

    _check(store, ledger, tokens, tmp_path)
    conftest.COUNTS["concurrent writers"] += THREADS + BURST
    conftest.COUNTS["concurrent saves"] += ledger.tried
    print(
        f"\n{ledger.tried} saves tried ({PLANS} plans x {SAVES} from {THREADS} threads in {threaded:.1f} s, "
        f"then {BURST} at once in {burst_s:.1f} s): {len(ledger.acks)} acknowledged and all stored, "
        f"refused with an exception: {dict(ledger.failures) or 'none'}"
    )
    assert ledger.tried == PLANS * SAVES + BURST
    assert ledger.failures["SaveFailed"] == 0  # with the busy timeout nobody should be turned away


def test_a_save_that_cannot_get_the_database_raises_and_stores_nothing(tmp_path, monkeypatch):
    """The database stays locked by another writer longer than the store waits: the save says so."""
    store = _store(tmp_path)
    token, _ = store.create(plan_mod.new_plan(TODAY))
    event.listen(store.engine, "connect", lambda conn, _: conn.execute("PRAGMA busy_timeout=50"))
    store.engine.dispose()  # new connections get the short wait
    monkeypatch.setattr(store_mod.time, "sleep", lambda s: None)
    blocker = sqlite3.connect(tmp_path / "rotta.sqlite", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(store_mod.SaveFailed):
            store.apply(token, [Change(("selfcheck", "locked"), None, 1)])
        with pytest.raises(store_mod.SaveFailed):
            store.replace(token, plan_mod.new_plan(TODAY), 1)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert store.load(token) == (plan_mod.new_plan(TODAY), 1)
    conftest.COUNTS["concurrent saves"] += 2
