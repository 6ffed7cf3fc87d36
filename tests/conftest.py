"""Test-wide settings: every test run gets its own data folder (database, caches), never the user's."""

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_DATA = Path(tempfile.mkdtemp(prefix="rotta-test-data-"))
os.environ["ROTTA_DATA_DIR"] = str(_DATA)
os.environ.pop("DATABASE_URL", None)


def shared_cache_dir() -> Path:
    """The geocoder's cache is expensive to build and identical for every run (its folder is named by the
    versions of its sources and tables): keep it per user, outside the repository, shared across runs."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rotta-tests"


os.environ.setdefault("ROTTA_CACHE_DIR", str(shared_cache_dir()))

# Tests that load the gazetteer without naming a folder use the same shared cache, not the repository's.
from core import gazetteer  # noqa: E402  (after the environment above: the app's modules read it)

gazetteer.DEFAULT_CACHE_DIR = Path(os.environ["ROTTA_CACHE_DIR"])


# Fixtures that open a database: every test using one (directly or through another fixture) is marked
# ``db``, so the pure tier (``-m "not db and not postgres and not subprocess and not perf"``) leaves it out.
DB_FIXTURES = frozenset({"store", "stores", "engine", "ws", "made", "sample_token", "empty_token", "roma_token", "db"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if DB_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)
