"""The data pages are measured with: a sample business, or a large one from the sample generator."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from core import samples
from core.plan import store

SIZES: tuple[str, ...] = ("sample", "large")
REPO = Path(__file__).resolve().parent.parent
LARGE_CUSTOMERS = 100_000
LARGE_ACTIVITY_ROWS = 1_000_000


@dataclass(frozen=True)
class Dataset:
    size: str  # "sample" | "large"
    slug: str  # which sample business ("forno")
    root: Path | None = None  # the folder holding ``<slug>/``; None: the repo's sample_data/

    @property
    def folder(self) -> Path:
        return (self.root or samples.ROOT) / self.slug

    def load(self) -> samples.Sample:
        return samples.load_sample(self.slug, self.root)


def wait_for_samples(timeout: float = 300, poll: float = 2.0) -> None:
    """Wait until every sample business can be read (another process may still be writing them)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            for slug in samples.SLUGS:
                samples.load_sample(slug)
            return
        except (OSError, ValueError) as exc:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the sample businesses are not readable: {exc}") from exc
            time.sleep(poll)


def open_store(data_dir: Path) -> store.Store:
    """The app's database under ``data_dir`` (what the server opens with ``ROTTA_DATA_DIR``)."""
    return store.Store(store.make_engine(store.default_url(data_dir)))


def generate_large(
    out: Path, slug: str = "forno", customers: int = LARGE_CUSTOMERS, activity_rows: int = LARGE_ACTIVITY_ROWS
) -> Dataset:
    """A large dataset written by the sample generator under ``out/<slug>/`` (reused if already there)."""
    dataset = Dataset("large", slug, out)
    if (dataset.folder / "profile.json").is_file() and (dataset.folder / "activity.csv").is_file():
        return dataset
    command = [
        sys.executable,
        "-m",
        "sample_data.generate",
        "--large",
        "--out",
        str(out),
        "--slug",
        slug,
        "--customers",
        str(customers),
        "--activity-rows",
        str(activity_rows),
    ]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the sample generator failed: {done.stderr[-2000:]}")
    return dataset
