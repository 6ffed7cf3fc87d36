"""The unit tier is pure unless a test says otherwise: a test that opens a database or starts a process
without its marker (``db``, ``postgres``, ``subprocess``) fails, so the pure tier stays what it claims."""

from __future__ import annotations

import _posixsubprocess
import os
import sqlite3
import subprocess
from collections.abc import Callable
from typing import Any

import pytest

DATABASE_MARKS = {"db", "postgres"}


def refusal(what: str, mark: str) -> Callable[..., Any]:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"a test of the pure tier {what}: mark it @pytest.mark.{mark}")

    return refuse


@pytest.fixture(autouse=True)
def pure_unless_marked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    marks = {mark.name for mark in request.node.iter_markers()}
    if not marks & DATABASE_MARKS:
        monkeypatch.setattr(sqlite3, "connect", refusal("opened a database", "db"))
    if "subprocess" not in marks:
        started = refusal("started a process", "subprocess")
        monkeypatch.setattr(subprocess, "_fork_exec", started)  # the name subprocess bound at its import
        monkeypatch.setattr(_posixsubprocess, "fork_exec", started)  # multiprocessing's spawn
        for name in ("fork", "posix_spawn", "posix_spawnp"):  # subprocess takes posix_spawn when it can
            monkeypatch.setattr(os, name, started)
