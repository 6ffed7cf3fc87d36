"""A plan's imported tables (customers, orders, activity), stored beside the plan in the same database.

Each import is one row: its kind, platform, file name, row count and the privacy-safe canonical
table (``core.schema``) as Parquet bytes. A plan's table of a kind is all its imports of that
kind, in import order. Plan links give access to these as they do to the plan itself.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from core.plan import store as store_mod

KINDS: tuple[str, ...] = ("customers", "orders", "activity")

datasets = sa.Table(
    "datasets",
    store_mod.metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("token", sa.String(64), sa.ForeignKey("plans.token"), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("platform", sa.String(32), nullable=False),
    sa.Column("file", sa.String(255), nullable=False),
    sa.Column("rows", sa.Integer, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
)


@dataclass(frozen=True)
class Entry:
    id: int
    kind: str
    platform: str
    file: str
    rows: int
    created_at: dt.datetime


def _to_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.reset_index(drop=True).to_parquet(buffer, index=False)
    return buffer.getvalue()


class Datasets:
    def __init__(self, engine: Engine):
        self.engine = engine
        store_mod.metadata.create_all(engine)

    def add(self, token: str, kind: str, platform: str, file: str, frame: pd.DataFrame) -> int:
        if kind not in KINDS:
            raise ValueError(f"unknown dataset kind {kind!r}")
        row = {
            "token": token, "kind": kind, "platform": platform[:32], "file": file[:255], "rows": len(frame),
            "created_at": dt.datetime.now(dt.UTC).replace(tzinfo=None), "content": _to_bytes(frame),
        }  # fmt: skip
        with self.engine.begin() as conn:
            return int(conn.execute(datasets.insert().values(**row)).inserted_primary_key[0])

    def entries(self, token: str) -> list[Entry]:
        columns = [datasets.c[name] for name in ("id", "kind", "platform", "file", "rows", "created_at")]
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(*columns).where(datasets.c.token == token).order_by(datasets.c.id)).all()
        return [Entry(*row) for row in rows]

    def imports(self, token: str) -> list[tuple[Entry, pd.DataFrame]]:
        """Every import of the plan with its own table, in import order (for the whole-plan file)."""
        columns = [datasets.c[name] for name in ("id", "kind", "platform", "file", "rows", "created_at", "content")]
        query = sa.select(*columns).where(datasets.c.token == token).order_by(datasets.c.id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [(Entry(*row[:6]), pd.read_parquet(io.BytesIO(row.content))) for row in rows]

    def replace(self, token: str, imports: list[tuple[str, str, str, pd.DataFrame]]) -> None:
        """The plan's imports become ``imports`` (kind, platform, file, table), all at once or not at all."""
        if any(kind not in KINDS for kind, *_ in imports):
            raise ValueError("unknown dataset kind")
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = [
            {"token": token, "kind": kind, "platform": platform[:32], "file": file[:255], "rows": len(frame),
             "created_at": now, "content": _to_bytes(frame)}
            for kind, platform, file, frame in imports
        ]  # fmt: skip
        with self.engine.begin() as conn:
            conn.execute(datasets.delete().where(datasets.c.token == token))
            if rows:
                conn.execute(datasets.insert(), rows)

    def remove(self, token: str, dataset_id: int) -> bool:
        with self.engine.begin() as conn:
            result = conn.execute(datasets.delete().where((datasets.c.token == token) & (datasets.c.id == dataset_id)))
        return result.rowcount == 1

    def frame(self, token: str, kind: str) -> pd.DataFrame | None:
        """All imports of ``kind`` for the plan, as one table; None when there are none."""
        query = sa.select(datasets.c.content).where((datasets.c.token == token) & (datasets.c.kind == kind))
        with self.engine.connect() as conn:
            blobs = [row.content for row in conn.execute(query.order_by(datasets.c.id))]
        if not blobs:
            return None
        return pd.concat([pd.read_parquet(io.BytesIO(b)) for b in blobs], ignore_index=True)
