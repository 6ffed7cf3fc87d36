"""Test-wide settings: every test run gets its own data folder (database, caches), never the user's."""

import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_DATA = Path(tempfile.mkdtemp(prefix="rotta-test-data-"))
os.environ["ROTTA_DATA_DIR"] = str(_DATA)
os.environ.pop("DATABASE_URL", None)
# The geocoder's cache is expensive to build and identical for every run: share it across runs.
os.environ.setdefault("ROTTA_CACHE_DIR", str(ROOT / "data" / "cache"))
