"""Lost work: a server process killed with SIGKILL mid-save loses nothing it had acknowledged.

A child process saves through ``core.plan.store`` on a SQLite file from several threads, creating plans
and merging changes into them, and writes one line to a pipe after each save returns (the moment
the app would tell the user "saved"). The test kills it with SIGKILL at a random moment, starts it
again on the same file, five times; then every save acknowledged before any kill is in the
database, no plan is behind its last acknowledged version, and the file passes ``integrity_check``.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from core.plan import store as store_mod
from tests.hostile import conftest

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 5
CHILD = r"""
import sys, threading
from pathlib import Path
from typing import Any
from core.plan import plan as plan_mod, store as store_mod
from core.plan.plan import Change
import datetime as dt

folder, round_no, tokens = Path(sys.argv[1]), sys.argv[2], sys.argv[3].split(",")
store = store_mod.Store(store_mod.make_engine(store_mod.default_url(folder)))
out = threading.Lock()

def say(line):
    with out:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

def writer(n):
    i = 0
    while True:
        token = tokens[(n + i) % len(tokens)]
        key = f"r{round_no}_w{n}_{i}"
        if i % 25 == 0:  # now and then a new plan, as a new participant would make
            new, version = store.create(plan_mod.new_plan(dt.date(2026, 11, 27)))
            say(f"created {new} {version}")
        _, version = store.apply(token, [Change(("selfcheck", key), None, i)])
        say(f"saved {token} {key} {version}")
        i += 1

say("ready")
threads = [threading.Thread(target=writer, args=(n,), daemon=True) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
"""


def _drain(stream: Any, into: bytearray) -> None:
    for chunk in iter(lambda: stream.read1(65536), b""):
        into.extend(chunk)


def _acknowledged(output: bytes) -> list[list[str]]:
    """Complete lines only: a line cut by the kill was never read by anyone as an acknowledgement."""
    lines = output.decode().split("\n")[:-1]
    return [line.split() for line in lines if line and line != "ready"]


def test_every_save_acknowledged_before_a_sigkill_survives_it(tmp_path):
    store = store_mod.Store(store_mod.make_engine(store_mod.default_url(tmp_path)))
    tokens = [store.create({"format": "rotta-plan", "version": 1, "selfcheck": {}})[0] for _ in range(3)]
    store.engine.dispose()
    rng = random.Random(9)
    acked: list[list[str]] = []
    for round_no in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(tmp_path), str(round_no), ",".join(tokens)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        assert child.stdout is not None
        first = child.stdout.readline()  # the child has imported everything and opened the database
        output = bytearray()
        reader = threading.Thread(target=_drain, args=(child.stdout, output))  # the pipe never fills
        reader.start()
        deadline = time.monotonic() + 60
        while b"saved" not in output and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.01)  # saving has started (a busy machine may take a while)
        time.sleep(rng.uniform(0.0, 1.0))  # the kill lands at a random point of some save
        os.kill(child.pid, signal.SIGKILL)
        reader.join(30)
        errors = child.stderr.read()
        child.wait(30)
        assert first == b"ready\n", errors.decode()[-2000:]
        assert child.returncode == -signal.SIGKILL
        assert b"Traceback" not in errors, errors.decode()[-2000:]
        got = _acknowledged(bytes(output))
        assert any(line[0] == "saved" for line in got), "the child saved nothing before the kill"
        acked += got

    check = store_mod.Store(store_mod.make_engine(store_mod.default_url(tmp_path)))
    last: dict[str, int] = {}
    for line in acked:
        if line[0] == "created":
            assert check.load(line[1]) is not None, f"plan {line[1][:6]}... was acknowledged, then lost"
            continue
        _, token, key, version = line
        plan, stored_version = check.load(token)
        assert key in plan["selfcheck"], f"save {key} was acknowledged, then lost"
        last[token] = max(last.get(token, 0), int(version))
    for token, version in last.items():
        assert check.load(token)[1] >= version
    with sqlite3.connect(tmp_path / "rotta.sqlite") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    saves = sum(1 for line in acked if line[0] == "saved")
    conftest.COUNTS["saves acknowledged before a SIGKILL"] += saves
    conftest.COUNTS["SIGKILLs"] += ROUNDS
    print(f"\n{ROUNDS} SIGKILLs; {saves} saves and {len(acked) - saves} new plans acknowledged before, all kept")
