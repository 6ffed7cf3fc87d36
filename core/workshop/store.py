"""Workshops and their participants in the plans' database (tables on ``store.metadata``), with the rate
limits and the facilitator's browsers of ``core.workshop.access``.

Everything that matters is in the database, nothing in process memory, so several identical app
processes can share one PostgreSQL: the join code, who joined which workshop (a plan token and a
number for the pseudonym), every wrong code or secret (for the limits of ``core.workshop.limits``)
and the browsers that may open a room. A limit check and the recording of a failure happen in one
write transaction that other processes wait for (``BEGIN IMMEDIATE`` on SQLite, ``LOCK TABLE ...
SHARE ROW EXCLUSIVE`` on PostgreSQL), so N processes together allow no more guesses than one. A
limited request checks nothing: neither the code nor the secret, so "limited" tells a guesser nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import secrets
import time
from collections.abc import Callable
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, OperationalError

from core.plan import datasets as datasets_mod
from core.plan import path
from core.plan import store as store_mod
from core.workshop import access, participant, workshop
from core.workshop import limits as limits_mod
from core.workshop import pace as pace_mod
from core.workshop.limits import Client
from core.workshop.workshop import AccessResult, JoinResult, Workshop

CODE_TRIES = 8
_DUMMY_SALT = b"\x00" * workshop.SALT_BYTES
T = TypeVar("T")

workshops = sa.Table(
    "workshops",
    store_mod.metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("code", sa.String(16), nullable=False, unique=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("place", sa.String(200), nullable=False),
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("secret_scheme", sa.String(40), nullable=False),
    sa.Column("secret_salt", sa.LargeBinary, nullable=False),
    sa.Column("secret_hash", sa.LargeBinary, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("closed_at", sa.DateTime, nullable=True),
    sa.Column("expires_at", sa.DateTime, nullable=True),
)
participants = sa.Table(
    "workshop_participants",
    store_mod.metadata,
    sa.Column("token", sa.String(64), sa.ForeignKey("plans.token"), primary_key=True),
    sa.Column("workshop_id", sa.String(32), sa.ForeignKey("workshops.id"), nullable=False, index=True),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("joined_at", sa.DateTime, nullable=False),
    sa.UniqueConstraint("workshop_id", "number", name="uq_workshop_participant_number"),
)

room_pace = sa.Table(
    "workshop_pace",
    store_mod.metadata,
    sa.Column("workshop_id", sa.String(32), sa.ForeignKey("workshops.id"), primary_key=True),
    sa.Column("step", sa.String(16), nullable=True),
    sa.Column("minutes", sa.Integer, nullable=True),
    sa.Column("paused", sa.Boolean, nullable=False),
    sa.Column("set_at", sa.DateTime, nullable=False),
)


def _utc(now: dt.datetime) -> dt.datetime:
    """Times are stored as naive UTC, like the plans' times."""
    return now.astimezone(dt.UTC).replace(tzinfo=None) if now.tzinfo else now


def _workshop(row: sa.Row) -> Workshop:
    return Workshop(**{f.name: row._mapping[f.name] for f in dataclasses.fields(Workshop)})


class WorkshopStore:
    """Workshops beside the plans. Thread- and process-safe: every call takes its own connection."""

    def __init__(
        self, plans: store_mod.Store, limits: limits_mod.Limits | None = None, scrypt_n: int = workshop.SCRYPT_N
    ):
        self.plans = plans
        self.scrypt_n = scrypt_n  # the cost for new secrets; each stored hash keeps its own
        self.engine = plans.engine
        self.limits = limits or limits_mod.Limits()
        self._postgres = self.engine.dialect.name == "postgresql"
        store_mod.metadata.create_all(self.engine)

    def _retry(self, work: Callable[[Connection], T]) -> T:
        for attempt in range(store_mod.RETRIES):
            try:
                with self.engine.begin() as conn:
                    return work(conn)
            except OperationalError as exc:
                if attempt == store_mod.RETRIES - 1:
                    raise store_mod.SaveFailed(str(exc.orig)) from exc
                time.sleep(0.05 * (attempt + 1))
        raise store_mod.SaveFailed("unreachable")

    def create(
        self, title: str, date: dt.date, place: str, lang: str, secret: str, now: dt.datetime,
        max_age: dt.timedelta | None = None, creator: Client | None = None,
    ) -> Workshop:  # fmt: skip
        """A new open workshop with a fresh code, open to ``creator``; ``workshop.WorkshopError`` on bad input."""
        workshop.check_details(title, date, place, lang, secret)
        now = _utc(now)
        salt = workshop.new_salt()
        secret_fields = {
            "secret_scheme": workshop.scheme(self.scrypt_n),
            "secret_salt": salt,
            "secret_hash": workshop.hash_secret(secret, salt, self.scrypt_n),
        }
        expires = now + max_age if max_age else None
        for _ in range(CODE_TRIES):
            made = Workshop(
                secrets.token_urlsafe(workshop.ID_BYTES),
                title.strip(),
                date,
                place.strip(),
                lang,
                workshop.new_code(),
                now,
                expires_at=expires,
            )
            row = {**dataclasses.asdict(made), **secret_fields}

            def insert(conn: Connection, row: dict = row, made: Workshop = made) -> None:
                conn.execute(workshops.insert().values(**row))
                if creator is not None:
                    access.grant(conn, made.id, creator, now)

            try:
                self._retry(insert)
                return made
            except IntegrityError:  # the code (or id) is taken: draw again
                continue
        raise store_mod.SaveFailed("no free workshop code")

    def get(self, workshop_id: str) -> Workshop | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(workshops).where(workshops.c.id == workshop_id)).first()
        return _workshop(row) if row else None

    def by_code(self, code: str) -> Workshop | None:
        """The workshop of a code as typed or shown (open or closed); None for any other text."""
        typed = workshop.normalize_code(code)
        if not workshop.is_well_formed(typed):
            return None
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(workshops).where(workshops.c.code == typed)).first()
        return _workshop(row) if row else None

    def close(self, workshop_id: str, now: dt.datetime) -> bool:
        """Close the workshop: its code stops working. Only after ``may_open`` said yes."""

        def work(conn: Connection) -> bool:
            result = conn.execute(
                workshops.update()
                .where((workshops.c.id == workshop_id) & workshops.c.closed_at.is_(None))
                .values(closed_at=_utc(now))
            )
            return result.rowcount == 1

        return self._retry(work)

    def membership(self, token: str) -> Workshop | None:
        """The workshop a plan joined, if any."""
        query = sa.select(workshops).join(participants, participants.c.workshop_id == workshops.c.id)
        with self.engine.connect() as conn:
            row = conn.execute(query.where(participants.c.token == token)).first()
        return _workshop(row) if row else None

    def seat(self, token: str) -> tuple[Workshop, int] | None:
        """The workshop a plan joined and its participant number ("Participant 3"), if it is in one."""
        query = sa.select(workshops, participants.c.number).join(
            participants, participants.c.workshop_id == workshops.c.id
        )
        with self.engine.connect() as conn:
            row = conn.execute(query.where(participants.c.token == token)).first()
        return (_workshop(row), row.number) if row else None

    def leave(self, token: str) -> Workshop | None:
        """Take the plan out of its workshop: the room stops counting it; the plan stays its owner's.

        Returns the workshop left, or None when the plan was in none (leaving twice is harmless)."""
        joined = self.membership(token)
        if joined is None:
            return None
        self._retry(lambda conn: conn.execute(participants.delete().where(participants.c.token == token)))
        return joined

    def _lock(self, conn: Connection) -> None:
        """Serialise limit checks across processes (SQLite's BEGIN IMMEDIATE already does)."""
        if self._postgres:
            conn.exec_driver_sql("LOCK TABLE workshop_failures IN SHARE ROW EXCLUSIVE MODE")

    def _join_wait(self, conn: Connection, client: Client, now: dt.datetime) -> int:
        lim = self.limits
        since = now - max(lim.join_client.window, lim.join_address.window, lim.join_everyone.window)
        return limits_mod.join_wait(access.failures_since(conn, "join", None, since), client, lim, now)

    def _room_wait(self, conn: Connection, workshop_id: str, client: Client, now: dt.datetime) -> int:
        lim = self.limits
        since = now - max(lim.room_client.window, lim.room_address.window, lim.room_everyone.window)
        found = access.failures_since(conn, "room", workshop_id, since)
        return limits_mod.room_wait(found, client, access.is_known(conn, workshop_id, client), lim, now)

    def join(self, code: str, client: Client, now: dt.datetime) -> JoinResult:
        """Join with a typed code: a new plan of one's own, or why not (wrong, closed, limited)."""
        now, typed = _utc(now), workshop.normalize_code(code)

        def decide(conn: Connection) -> JoinResult:
            self._lock(conn)
            wait = self._join_wait(conn, client, now)
            if wait:
                return JoinResult("limited", retry_after_s=wait)
            row = None
            if workshop.is_well_formed(typed):
                row = conn.execute(sa.select(workshops).where(workshops.c.code == typed)).first()
            if row is None or not workshop.is_open(_workshop(row), now):
                access.record_failure(conn, "join", client, None, now, self.limits)
                return JoinResult("wrong" if row is None else "closed")
            return JoinResult("joined", workshop_id=row.id)

        decided = self._retry(decide)
        if decided.workshop_id is None:
            return decided
        token, _ = self.plans.create(workshop.participant_plan(decided.workshop_id, now.date()))
        self._retry(lambda conn: self._enrol(conn, decided.workshop_id or "", token, now))
        return JoinResult("joined", decided.workshop_id, token)

    def _enrol(self, conn: Connection, workshop_id: str, token: str, now: dt.datetime) -> None:
        lock = sa.select(workshops.c.id).where(workshops.c.id == workshop_id)
        conn.execute(lock.with_for_update() if self._postgres else lock)  # numbers are drawn one at a time
        last = conn.execute(
            sa.select(sa.func.max(participants.c.number)).where(participants.c.workshop_id == workshop_id)
        ).scalar()
        row = {"token": token, "workshop_id": workshop_id, "number": (last or 0) + 1, "joined_at": now}
        conn.execute(participants.insert().values(**row))

    def room_access(self, workshop_id: str, secret: str, client: Client, now: dt.datetime) -> AccessResult:
        """Check the facilitator's secret; "ok" lets this client open the room for ``access.GRANT``.

        Limited per client, per address and per room; a client that opened the room before is limited
        by its own count only, so strangers' wrong secrets never keep the facilitator out."""
        now, workshop_id = _utc(now), str(workshop_id)[:32]
        with self.engine.connect() as conn:  # a limited caller costs no scrypt
            wait = self._room_wait(conn, workshop_id, client, now)
            columns = (workshops.c.secret_scheme, workshops.c.secret_salt, workshops.c.secret_hash)
            row = conn.execute(sa.select(*columns).where(workshops.c.id == workshop_id)).first()
        if wait:
            return AccessResult("limited", wait)
        typed = secret if isinstance(secret, str) and len(secret) <= workshop.SECRET_MAX else ""  # none is longer
        if row is None:
            workshop.hash_secret(typed, _DUMMY_SALT, self.scrypt_n)  # the same work as for a real room
        cost = workshop.scheme_cost(row.secret_scheme) if row else self.scrypt_n
        matches = row is not None and workshop.secret_matches(typed, row.secret_salt, row.secret_hash, cost)

        def record(conn: Connection) -> AccessResult:
            self._lock(conn)
            again = self._room_wait(conn, workshop_id, client, now)
            if again:
                return AccessResult("limited", again)
            if matches:
                access.grant(conn, workshop_id, client, now)
                return AccessResult("ok")
            access.record_failure(conn, "room", client, workshop_id, now, self.limits)
            return AccessResult("wrong")

        return self._retry(record)

    def may_open(self, workshop_id: str, client: Client, now: dt.datetime) -> bool:
        """Whether this client created the room or opened it with the secret, and its grant still runs."""
        with self.engine.connect() as conn:
            return access.has_grant(conn, str(workshop_id)[:32], client, _utc(now))

    def forget(self, workshop_id: str, client: Client) -> None:
        """This client no longer opens the room without the secret (a shared computer, the end of the day)."""
        self._retry(lambda conn: access.revoke(conn, workshop_id, client))

    def rooms_of(self, client: Client, now: dt.datetime) -> list[Workshop]:
        """The rooms this client may open now, the latest opened first."""
        with self.engine.connect() as conn:
            ids = access.granted_rooms(conn, client, _utc(now))
            rows = conn.execute(sa.select(workshops).where(workshops.c.id.in_(ids))).all() if ids else []
        found = {row.id: _workshop(row) for row in rows}
        return [found[i] for i in ids if i in found]

    def set_pace(
        self, workshop_id: str, step: str | None, minutes: int | None, paused: bool, now: dt.datetime
    ) -> pace_mod.Pace:
        """Set the room's step (and its minutes) or its pause; ``pace_mod.PaceError`` for a step not on the path."""
        pace_mod.check(step, minutes)
        row = {"step": step, "minutes": minutes, "paused": bool(paused), "set_at": _utc(now)}

        def work(conn: Connection) -> None:
            where = room_pace.c.workshop_id == workshop_id
            if conn.execute(room_pace.update().where(where).values(**row)).rowcount == 0:
                conn.execute(room_pace.insert().values(workshop_id=workshop_id, **row))

        self._retry(work)
        return pace_mod.Pace(step, minutes, bool(paused), _utc(now))

    def pace(self, workshop_id: str) -> pace_mod.Pace | None:
        """The room's pace as the facilitator last set it; None before they set any."""
        query = sa.select(room_pace.c.step, room_pace.c.minutes, room_pace.c.paused, room_pace.c.set_at)
        with self.engine.connect() as conn:
            row = conn.execute(query.where(room_pace.c.workshop_id == workshop_id)).first()
        return pace_mod.Pace(row.step, row.minutes, bool(row.paused), row.set_at) if row else None

    def room_stamp(self, workshop_id: str) -> tuple[int, int, str]:
        """What changes whenever the room does (a join, a leave, a save): participants, the sum of their plans'
        versions and the latest save; one small aggregate query, for caching what is read off the room."""
        plans = store_mod.plans
        query = (
            sa.select(
                sa.func.count(), sa.func.coalesce(sa.func.sum(plans.c.version), 0), sa.func.max(plans.c.updated_at)
            )
            .select_from(participants.join(plans, plans.c.token == participants.c.token))
            .where(participants.c.workshop_id == workshop_id)
        )
        with self.engine.connect() as conn:
            count, versions, latest = conn.execute(query).one()
        return int(count), int(versions), str(latest)

    def room_snapshot(self, workshop_id: str) -> list[participant.Member]:
        """Every participant's number, plan and kinds of data imported, in one SELECT; tokens never leave."""
        d = datasets_mod.datasets
        has = [  # whether the participant imported some data of each kind: an EXISTS a kind, portable
            sa.exists().where(d.c.token == participants.c.token, d.c.kind == kind) for kind in path.DATA_KINDS
        ]
        query = (
            sa.select(participants.c.number, store_mod.plans.c.data, *has)
            .join(store_mod.plans, store_mod.plans.c.token == participants.c.token)
            .where(participants.c.workshop_id == workshop_id)
            .order_by(participants.c.number)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            participant.Member(
                number, json.loads(data), tuple(k for k, yes in zip(path.DATA_KINDS, has, strict=True) if yes)
            )
            for number, data, *has in rows
        ]
