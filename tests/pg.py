"""PostgreSQL for the store tests: a throwaway schema per test on the server named by ROTTA_TEST_POSTGRES_URL.

Each test gets its own schema, so test runs that share the server (CI, other sessions) never see
each other's tables. When no server answers, the tests say why they did not run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bench.servers import scoped_database
from core.plan import store as store_mod

POSTGRES_URL = os.environ.get("ROTTA_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def unavailable() -> str | None:
    """Why PostgreSQL cannot be used, or None when it answers."""
    try:
        engine = sa.create_engine(POSTGRES_URL)
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
        engine.dispose()
        return None
    except Exception as exc:  # the reason is shown in the skip message
        return f"no PostgreSQL at {POSTGRES_URL}: {type(exc).__name__}"


@contextmanager
def schema_engine() -> Iterator[Engine]:
    """An engine whose tables live in a new schema, dropped afterwards; skips the test without a server."""
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    with scoped_database(POSTGRES_URL, "rotta_test") as url:
        engine = store_mod.make_engine(url)
        try:
            yield engine
        finally:
            engine.dispose()
