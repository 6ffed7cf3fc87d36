"""Test-wide settings: every test run gets its own data folder (database, caches), never the user's."""

import os
import tempfile
from pathlib import Path

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
