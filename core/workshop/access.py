"""Wrong guesses and the facilitator's browsers, in the plans' database (tables on ``store.metadata``).

``workshop_failures`` holds every wrong code or secret: its kind, the client and address (hashed, see
``core.workshop.limits``), the room asked for, and when; rows older than an hour go. ``workshop_grants``
holds the browsers that created a room or opened it with its secret: such a browser opens the room
again, in any tab and after a reload, without the secret until its grant runs out (``GRANT``, a
workshop day; the secret is never in a link), and stays known to the room's limits (counted as a
client only) for ``KEEP_GRANTS``. The functions take a connection: ``WorkshopStore`` calls them
inside its transactions.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from core.plan import store as store_mod
from core.workshop import limits as limits_mod
from core.workshop.limits import Client, Failure

GRANT = dt.timedelta(hours=12)  # a workshop day, from the moment the secret was accepted
KEEP_FAILURES = dt.timedelta(hours=1)  # and never less than the longest window
KEEP_GRANTS = dt.timedelta(days=30)

failures = sa.Table(
    "workshop_failures",
    store_mod.metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(8), nullable=False),  # "join" (a wrong code) or "room" (a wrong secret)
    sa.Column("client", sa.String(64), nullable=False),  # Client.id
    sa.Column("place", sa.String(64), nullable=False),  # Client.place ("" when unknown)
    sa.Column("workshop_id", sa.String(32), nullable=True),  # the room asked for; None for codes
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Index("ix_workshop_failures_kind_at", "kind", "at"),
)
grants = sa.Table(
    "workshop_grants",
    store_mod.metadata,
    sa.Column("workshop_id", sa.String(32), sa.ForeignKey("workshops.id"), primary_key=True),
    sa.Column("client", sa.String(64), primary_key=True),  # Client.id
    sa.Column("granted_at", sa.DateTime, nullable=False),
    sa.Column("until", sa.DateTime, nullable=False),
    sa.Index("ix_workshop_grants_client", "client"),
)


def failures_since(conn: Connection, kind: str, room: str | None, since: dt.datetime) -> list[Failure]:
    """The wrong guesses of one kind (for a secret: on one room) after ``since``."""
    where = [failures.c.kind == kind, failures.c.at > since]
    if room is not None:
        where.append(failures.c.workshop_id == room)
    rows = conn.execute(sa.select(failures.c.at, failures.c.client, failures.c.place).where(*where)).all()
    return [Failure(row.at, row.client, row.place) for row in rows]


def record_failure(
    conn: Connection, kind: str, client: Client, room: str | None, now: dt.datetime, limits: limits_mod.Limits
) -> None:
    row = {"kind": kind, "client": client.id, "place": client.place, "workshop_id": room, "at": now}
    conn.execute(failures.insert().values(**row))
    conn.execute(failures.delete().where(failures.c.at < now - max(KEEP_FAILURES, limits.longest)))


def is_known(conn: Connection, room: str, client: Client) -> bool:
    """Whether the client created or opened this room before (its grant may have run out)."""
    query = sa.select(grants.c.until).where(grants.c.workshop_id == room, grants.c.client == client.id)
    return conn.execute(query).first() is not None


def has_grant(conn: Connection, room: str, client: Client, now: dt.datetime) -> bool:
    query = sa.select(grants.c.until).where(grants.c.workshop_id == room, grants.c.client == client.id)
    until = conn.execute(query).scalar()
    return until is not None and now < until


def grant(conn: Connection, room: str, client: Client, now: dt.datetime) -> None:
    """Let the client open the room without the secret for ``GRANT``: only after the secret or creation."""
    conn.execute(grants.delete().where(grants.c.workshop_id == room, grants.c.client == client.id))
    conn.execute(grants.insert().values(workshop_id=room, client=client.id, granted_at=now, until=now + GRANT))
    conn.execute(grants.delete().where(grants.c.until < now - KEEP_GRANTS))


def revoke(conn: Connection, room: str, client: Client) -> None:
    conn.execute(grants.delete().where(grants.c.workshop_id == room, grants.c.client == client.id))


def granted_rooms(conn: Connection, client: Client, now: dt.datetime) -> list[str]:
    """The rooms the client may open now, the latest granted first."""
    query = (
        sa.select(grants.c.workshop_id)
        .where(grants.c.client == client.id, grants.c.until > now)
        .order_by(grants.c.granted_at.desc())
    )
    return list(conn.execute(query).scalars())
