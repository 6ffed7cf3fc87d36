"""How many wrong join codes and wrong room secrets a guesser gets: the rules, pure (the store applies them).

A wrong guess is counted three ways, and the next try waits while any of its counts is full:

- **the client**: the browser (a random token Streamlit keeps in a cookie for the whole browser, so a
  reload or a second tab is the same client) or, for a caller with no such cookie, its session;
- **the address** (IPv4, or the /64 network of an IPv6 address), only when the server knows one. Never
  alone: a venue's phones share one public address, so its limit is far above a room's typos and only
  caps what many fresh clients from one place can try together;
- **everyone**: every join code tried anywhere, or every secret tried on one room.

A limited try checks nothing, so "limited" tells a guesser nothing. For a room's secret, a client that
has opened that room before (its facilitator's browser, see ``core.workshop.access``) is counted as a
client only: a flood of wrong secrets from strangers fills the address and room counts, never the
facilitator's way in. Identities are stored hashed: never a session id, cookie or address as given.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

HOUR = dt.timedelta(hours=1)


@dataclass(frozen=True)
class Client:
    """Who is trying: ``key`` names the browser or session (kept secret), ``address`` its network address."""

    key: str
    address: str | None = None

    @property
    def id(self) -> str:
        """The client as stored: a hash, never the key itself."""
        return _hash("client", self.key)

    @property
    def place(self) -> str:
        """The address as stored: a hash of its network ("" when the server does not know it)."""
        network = network_of(self.address)
        return _hash("address", network) if network else ""


def _hash(kind: str, text: str) -> str:
    return hashlib.sha256(f"rotta-{kind}:{text}".encode()).hexdigest()


def network_of(address: str | None) -> str:
    """The network an address stands for: IPv4 as is, IPv6 by its /64; "" for none, loopback or garbage."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return ""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback or ip.is_unspecified:
        return ""
    if isinstance(ip, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


@dataclass(frozen=True)
class Limit:
    count: int  # this many wrong guesses...
    window: dt.timedelta  # ...within this window, then wait until the oldest leaves it

    @property
    def per_hour(self) -> int:
        """The most wrong guesses this limit lets through in any hour."""
        return self.count * math.ceil(HOUR / self.window)


@dataclass(frozen=True)
class Limits:
    """Wrong guesses allowed before a wait (see docs/security.md for what they mean in guesses and odds).

    Codes: a phone that mistypes five times waits under a minute; one address (a venue, or a guesser
    opening fresh sessions) gets 30 a minute; everyone together 120 a minute, across every server
    process (the counts live in the database). Secrets, per room: a client 5 a minute, one address 10
    and everyone 20 in ten minutes; a browser that opened the room before is held to its own count only.
    """

    join_client: Limit = Limit(5, dt.timedelta(minutes=1))
    join_address: Limit = Limit(30, dt.timedelta(minutes=1))
    join_everyone: Limit = Limit(120, dt.timedelta(minutes=1))
    room_client: Limit = Limit(5, dt.timedelta(minutes=1))
    room_address: Limit = Limit(10, dt.timedelta(minutes=10))
    room_everyone: Limit = Limit(20, dt.timedelta(minutes=10))

    @property
    def longest(self) -> dt.timedelta:
        return max(limit.window for limit in vars(self).values())


@dataclass(frozen=True)
class Failure:
    """One wrong guess as stored: when, by which client (hashed), from which address (hashed or "")."""

    at: dt.datetime
    client: str
    place: str = ""


def retry_after(times: Iterable[dt.datetime], limit: Limit, now: dt.datetime) -> int:
    """Seconds to wait before another try (0: go ahead), given the failures' times."""
    recent = sorted(t for t in times if now - limit.window < t <= now)
    if len(recent) < limit.count:
        return 0
    freed = recent[len(recent) - limit.count] + limit.window  # when enough failures leave the window
    return max(1, math.ceil((freed - now).total_seconds()))


def _worst(now: dt.datetime, tiers: Sequence[tuple[Limit, Iterable[dt.datetime]]]) -> int:
    return max(retry_after(times, limit, now) for limit, times in tiers)


def join_wait(failures: Sequence[Failure], client: Client, limits: Limits, now: dt.datetime) -> int:
    """Seconds ``client`` waits before trying a code, given every wrong code stored."""
    me, place = client.id, client.place
    tiers = [
        (limits.join_client, [f.at for f in failures if f.client == me]),
        (limits.join_everyone, [f.at for f in failures]),
    ]
    if place:
        tiers.append((limits.join_address, [f.at for f in failures if f.place == place]))
    return _worst(now, tiers)


def room_wait(failures: Sequence[Failure], client: Client, known: bool, limits: Limits, now: dt.datetime) -> int:
    """Seconds ``client`` waits before trying a room's secret, given the wrong secrets stored for that room.

    ``known``: the client opened this room before; then only its own count applies."""
    me, place = client.id, client.place
    tiers = [(limits.room_client, [f.at for f in failures if f.client == me])]
    if not known:
        tiers.append((limits.room_everyone, [f.at for f in failures]))
        if place:
            tiers.append((limits.room_address, [f.at for f in failures if f.place == place]))
    return _worst(now, tiers)
