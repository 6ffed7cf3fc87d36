"""The guard of the pure tier (``tests/core/conftest.py``) proves it guards: unmarked, a database or a
process fails the test; marked, it is allowed."""

import sqlite3
import subprocess
import sys

import pytest


def test_an_unmarked_test_cannot_open_a_database():
    with pytest.raises(AssertionError, match="mark it @pytest.mark.db"):
        sqlite3.connect(":memory:")


def test_an_unmarked_test_cannot_start_a_process():
    with pytest.raises(AssertionError, match="mark it @pytest.mark.subprocess"):
        subprocess.run([sys.executable, "-c", "pass"], check=True)


@pytest.mark.db
def test_a_test_marked_db_opens_a_database():
    with sqlite3.connect(":memory:") as conn:
        assert conn.execute("select 1 + 1").fetchone() == (2,)


@pytest.mark.subprocess
def test_a_test_marked_subprocess_starts_a_process():
    done = subprocess.run([sys.executable, "-c", "print(6 * 7)"], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "42"
