"""Plans in a database through SQLAlchemy: SQLite by default, PostgreSQL (or another) by URL.

Every save is a compare-and-swap on the plan's version inside a write transaction
(``BEGIN IMMEDIATE`` on SQLite, ``SELECT ... FOR UPDATE`` elsewhere), with a busy timeout and
retries, so concurrent saves neither fail with "database is locked" nor lose each other's edits.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from core.plan import plan as plan_mod

TOKEN_BYTES = 32  # 256 bits: unguessable plan links
TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{43}$")
RETRIES = 5
T = TypeVar("T")

metadata = sa.MetaData()
plans = sa.Table(
    "plans",
    metadata,
    sa.Column("token", sa.String(64), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)


# Statements built once: SQLAlchemy then reuses their compiled form instead of re-deriving a cache key from
# fresh literal values on every save (a third of a save's CPU on the client side).
_SELECT = sa.select(plans.c.data, plans.c.version).where(plans.c.token == sa.bindparam("b_token"))
_SELECT_FOR_UPDATE = _SELECT.with_for_update()
_UPDATE = (
    plans.update()
    .where(plans.c.token == sa.bindparam("b_token"))
    .values(data=sa.bindparam("b_data"), version=sa.bindparam("b_version"), updated_at=sa.bindparam("b_at"))
)


class StaleVersion(Exception):
    """The plan changed since the caller loaded it; ``current`` is what is stored now."""

    def __init__(self, current: dict[str, Any], version: int):
        super().__init__("stale version")
        self.current, self.version = current, version


class PlanNotFound(Exception):
    """The plan is not (or no longer) in the database. Carries no token: messages and logs never show one."""


class SaveFailed(Exception):
    """The database did not take the save (after retries); nothing was stored."""


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / 'rotta.sqlite').as_posix()}"


def make_engine(url: str) -> Engine:
    """An engine configured for safe concurrent saves on SQLite and on server databases."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_token(text: str | None) -> bool:
    return bool(text) and bool(TOKEN_RE.match(text or ""))


class Store:
    """Plans by token. Thread-safe: every call takes its own connection."""

    def __init__(self, engine: Engine, clock: Callable[[], dt.datetime] | None = None):
        self.engine = engine
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None))
        self._for_update = engine.dialect.name != "sqlite"
        metadata.create_all(engine)

    def _retry(self, work: Callable[[Connection], T]) -> T:
        for attempt in range(RETRIES):
            try:
                with self.engine.begin() as conn:
                    return work(conn)
            except OperationalError as exc:
                if attempt == RETRIES - 1:
                    raise SaveFailed(str(exc.orig)) from exc
                time.sleep(0.05 * (attempt + 1))
        raise SaveFailed("unreachable")

    def create(self, plan: dict[str, Any]) -> tuple[str, int]:
        token, now = new_token(), self._clock()
        row = {"token": token, "version": 1, "data": plan_mod.to_json(plan), "created_at": now, "updated_at": now}
        self._retry(lambda conn: conn.execute(plans.insert().values(**row)))
        return token, 1

    def load(self, token: str) -> tuple[dict[str, Any], int] | None:
        if not is_token(token):
            return None
        with self.engine.connect() as conn:
            row = conn.execute(_SELECT, {"b_token": token}).first()
        if row is None:
            return None
        return json.loads(row.data), row.version

    def _locked(self, conn: Connection, token: str) -> tuple[dict[str, Any], int]:
        row = conn.execute(_SELECT_FOR_UPDATE if self._for_update else _SELECT, {"b_token": token}).first()
        if row is None:
            raise PlanNotFound()
        return json.loads(row.data), row.version

    def _write(self, conn: Connection, token: str, data: dict[str, Any], version: int) -> int:
        values = {"b_token": token, "b_data": plan_mod.to_json(data), "b_version": version + 1, "b_at": self._clock()}
        conn.execute(_UPDATE, values)
        return version + 1

    def apply(self, token: str, changes: list[plan_mod.Change]) -> tuple[dict[str, Any], int]:
        """Merge ``changes`` into the stored plan; raise ``plan.Conflict`` when a field moved."""

        def work(conn: Connection) -> tuple[dict[str, Any], int]:
            current, version = self._locked(conn, token)
            updated = plan_mod.apply(current, changes)
            if updated == current:
                return current, version
            return updated, self._write(conn, token, updated, version)

        return self._retry(work)

    def delete(self, token: str) -> bool:
        """Remove the plan ``token`` (the start-up warming's own plan); whether there was one."""
        if not is_token(token):
            return False
        done = self._retry(lambda conn: conn.execute(plans.delete().where(plans.c.token == token)))
        return bool(done.rowcount)

    def replace(self, token: str, data: dict[str, Any], expected_version: int) -> int:
        """Store ``data`` as the whole plan if nobody saved since ``expected_version``."""

        def work(conn: Connection) -> int:
            current, version = self._locked(conn, token)
            if version != expected_version:
                raise StaleVersion(current, version)
            return self._write(conn, token, data, version)

        return self._retry(work)
