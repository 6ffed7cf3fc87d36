"""Real ``streamlit run`` servers for the benchmark: Rotta's app and the blank baseline page."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from core import offline_assets
from core.plan import datasets
from core.plan import store as store_mod
from core.workshop import store as workshop_store

REPO = Path(__file__).resolve().parent.parent
BLANK_DIR = Path(__file__).resolve().parent / "blank"
APP = REPO / "serve.py"  # app.py with start-up warming (st.App's lifespan), as `make run` starts it
FLAGS = (
    "--server.headless",
    "true",
    "--server.address",
    "127.0.0.1",
    "--browser.gatherUsageStats",
    "false",
    "--server.fileWatcherType",
    "none",
    "--server.runOnSave",
    "false",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One ``streamlit run`` process; ``url`` once healthy, ``rss_mb()`` while it runs, ``stop()``."""

    def __init__(self, script: Path, log: Path, env: dict[str, str], flags: tuple[str, ...] = (), timeout: float = 180):
        environ = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # plans go to the benchmark's SQLite
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log
        self._log = open(log, "w")  # noqa: SIM115 - closed in stop()
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.port",
            str(self.port),
            *FLAGS,
            *flags,
        ]
        self.proc = subprocess.Popen(
            command, cwd=script.parent, env={**environ, **env}, stdout=self._log, stderr=subprocess.STDOUT
        )
        self._wait_healthy(timeout)

    def _wait_healthy(self, timeout: float) -> None:
        if not wait_healthy(self.url, self.proc, timeout):
            self.stop()
            raise RuntimeError(f"streamlit did not start; log:\n{self.log_path.read_text()[-3000:]}")

    def rss_mb(self) -> float:
        """Resident memory of the server process now (VmRSS from /proc), in MB."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError(f"no VmRSS for process {self.proc.pid}")

    def stop(self) -> None:
        stop_process(self.proc)
        self._log.close()


def wait_healthy(url: str, proc: subprocess.Popen, timeout: float) -> bool:
    """Whether ``url`` answered Streamlit's health check (``ok``) before ``timeout`` s or ``proc`` ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return True
        except OSError:
            time.sleep(0.2)
    return False


def stop_process(proc: subprocess.Popen) -> None:
    """Terminate ``proc`` (kill it after 10 s) and wait for it."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def start_app(data_dir: Path, cache_dir: Path) -> Server:
    """Rotta's own app as ``make run`` starts it (``serve.py``: warmed before it answers; its
    ``.streamlit/config.toml`` applies), saving plans under ``data_dir``."""
    env = {"ROTTA_DATA_DIR": str(data_dir), "ROTTA_CACHE_DIR": str(cache_dir)}
    return Server(APP, data_dir / "app-server.log", env)


def start_blank(work_dir: Path, map_data: Path | None = None) -> Server:
    """The blank page, copied to ``work_dir`` with the map page's offline files beside it."""
    target = work_dir / "blank"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(BLANK_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    offline_assets.install(target / "static")
    env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    if map_data is not None:
        env["ROTTA_BENCH_MAP_DATA"] = str(map_data)
    flags = (
        "--client.showSidebarNavigation",
        "false",
        "--server.enableStaticServing",
        "true",
        "--client.toolbarMode",
        "minimal",
        "--runner.magicEnabled",
        "false",
    )
    return Server(target / "app.py", work_dir / "blank-server.log", env, flags)


def cache_dir_default() -> Path:
    """The geocoder's cache the app would use: ``ROTTA_CACHE_DIR`` or the repo's ``data/cache``."""
    return Path(os.environ.get("ROTTA_CACHE_DIR") or REPO / "data" / "cache")


@contextmanager
def scoped_database(url: str, prefix: str) -> Iterator[str]:
    """A new schema on the PostgreSQL server at ``url`` with every table the app uses, made once up front
    (app processes starting together would race to make them); yields its URL, drops it afterwards."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    scoped = f"{url}?options=-csearch_path%3D{schema}"
    engine = store_mod.make_engine(scoped)
    workshop_store.WorkshopStore(store_mod.Store(engine))  # plans, workshops, participants, attempts
    datasets.Datasets(engine)
    engine.dispose()
    try:
        yield scoped
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        admin.dispose()
