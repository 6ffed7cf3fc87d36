"""A workshop: the facilitator's session that participants join with a short code, and its rules.

The join code is what a room of phones types from the screen, so it is short and free of
look-alike characters (no 0/O, 1/I/L, U), yet drawn with ``secrets`` from 30 symbols over 8
places: 39 bits, and wrong guesses are rate limited (``core.workshop.limits``). Input is
forgiving: case, spaces and dashes are ignored. The facilitator's room view is protected by
a secret of their own, stored only as a salted scrypt hash and compared in constant time, and by
the room's id in its link (``is_room_id``, ``room_url``), which is never projected: presenter mode is
named by the public code (``presenter_url``).

A participant's plan records the workshop as ``plan["room"] = {"share": bool, "workshop": id}``;
``share`` is the participant's consent to show the business name and numbers to the room
(``share_change`` builds the ``plan.Change`` for it). Membership itself lives in the database
(``core.workshop.store``), so a plan file cannot enrol itself in a room.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import hmac
import math
import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from core import i18n
from core.i18n import Message
from core.plan import plan as plan_mod

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # no 0 O 1 I L U: nothing to mistake when copying
CODE_LENGTH = 8
GROUP = 4  # shown as ``K7QM-3XTP``
TITLE_MAX = 120
PLACE_MAX = 120
SECRET_MIN = 8
SECRET_MAX = 200
SALT_BYTES = 16
ID_BYTES = 12  # a room's id: 96 random bits, 16 URL-safe characters, known only to its facilitator
_ROOM_ID = re.compile(r"^[A-Za-z0-9_-]{16}$")
PAGE = "workshop"  # the facilitator's page, as in the app's addresses
SECONDS_SHOWN = 90  # a shorter wait is said in seconds
# scrypt's "interactive" cost (N=2^14, r=8: 16 MiB, ~50 ms): online guesses are rate limited anyway.
# The cost is stored with each hash (``scheme``), so raising it later keeps old workshops working.
SCRYPT_N = 2**14
_SEPARATORS = " \t\r\n-_.·/\u2010\u2011\u2012\u2013\u2014\u2212"


def _wait(status: str, seconds: int) -> tuple[str, dict[str, int]]:
    """The message key and parameters of a result: a wait says seconds up to 90, whole minutes beyond."""
    if status != "limited":
        return status, {}
    if seconds <= SECONDS_SHOWN:
        return "limited_seconds", {"seconds": max(2, seconds)}  # never "1 seconds"
    return "limited", {"minutes": math.ceil(seconds / 60)}


JoinStatus = Literal["joined", "wrong", "closed", "limited"]
AccessStatus = Literal["ok", "wrong", "limited"]


@dataclass(frozen=True)
class Workshop:
    id: str
    title: str
    date: dt.date
    place: str
    lang: str
    code: str  # normalised: upper case, no separators
    created_at: dt.datetime
    closed_at: dt.datetime | None = None
    expires_at: dt.datetime | None = None


@dataclass(frozen=True)
class JoinResult:
    status: JoinStatus
    workshop_id: str | None = None  # only when joined
    token: str | None = None  # the participant's own new plan, only when joined
    retry_after_s: int = 0  # only when limited

    @property
    def message(self) -> Message:
        key, params = _wait(self.status, self.retry_after_s)
        return Message(f"workshop.join.{key}", params)


@dataclass(frozen=True)
class AccessResult:
    status: AccessStatus
    retry_after_s: int = 0

    @property
    def message(self) -> Message:
        key, params = _wait(self.status, self.retry_after_s)
        return Message(f"workshop.room_access.{key}", params)


class WorkshopError(ValueError):
    """Workshop input that cannot be used; ``message`` says which field and why, in both languages."""

    def __init__(self, field: str, problem: str, **params: Any) -> None:
        self.field = field
        self.message = Message(f"workshop.error.{problem}", params)
        super().__init__(self.message.render("en"))


def new_code(choice: Callable[[str], str] = secrets.choice) -> str:
    """A fresh join code (normalised form)."""
    return "".join(choice(ALPHABET) for _ in range(CODE_LENGTH))


def code_bits() -> float:
    return CODE_LENGTH * math.log2(len(ALPHABET))


def normalize_code(text: str | None) -> str:
    """What the user typed, as stored: ``" k7qm-3xtp "`` -> ``"K7QM3XTP"`` (full-width letters too)."""
    folded = unicodedata.normalize("NFKC", text or "").upper()
    return "".join(c for c in folded if c not in _SEPARATORS)


def is_well_formed(code: str) -> bool:
    """A normalised string that could be a code (right length, only code symbols)."""
    return len(code) == CODE_LENGTH and all(c in ALPHABET for c in code)


def format_code(code: str) -> str:
    """A code as shown on the screen: ``K7QM-3XTP``."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def join_url(base_url: str, code: str) -> str:
    """The link in the QR code: the app's address with the code to join."""
    return f"{base_url.rstrip('/')}/?join={code}"


def is_room_id(text: object) -> bool:
    """Whether a text could be a room's id (the link's ``room=``): what ``secrets.token_urlsafe(ID_BYTES)`` makes."""
    return isinstance(text, str) and _ROOM_ID.match(text) is not None


def room_url(base_url: str, room_id: str, lang: str) -> str:
    """The facilitator's private link to the room view (it still asks for the secret on a new browser)."""
    return f"{base_url.rstrip('/')}/{PAGE}?room={room_id}&lang={lang}"


def presenter_url(base_url: str, code: str, lang: str) -> str:
    """Presenter mode for a second tab or the projector: named by the public code, never by the room's id."""
    return f"{base_url.rstrip('/')}/{PAGE}?present={code}&lang={lang}"


def is_open(workshop: Workshop, now: dt.datetime) -> bool:
    """Open until the facilitator closes it, or until its maximum age when one was set."""
    if workshop.closed_at is not None and workshop.closed_at <= now:
        return False
    return workshop.expires_at is None or now < workshop.expires_at


def check_details(title: str, date: object, place: str, lang: str, secret: str) -> None:
    """Validate what the facilitator typed; raise ``WorkshopError`` naming the first bad field."""
    if not isinstance(title, str) or not title.strip():
        raise WorkshopError("title", "title_empty")
    if len(title.strip()) > TITLE_MAX:
        raise WorkshopError("title", "title_too_long", max=TITLE_MAX)
    if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
        raise WorkshopError("date", "date")
    if not isinstance(place, str) or len(place.strip()) > PLACE_MAX:
        raise WorkshopError("place", "place_too_long", max=PLACE_MAX)
    if lang not in i18n.LANGS:
        raise WorkshopError("lang", "lang", langs=", ".join(i18n.LANGS))
    if not isinstance(secret, str) or len(secret) < SECRET_MIN:
        raise WorkshopError("secret", "secret_short", min=SECRET_MIN)
    if len(secret) > SECRET_MAX:
        raise WorkshopError("secret", "secret_too_long", max=SECRET_MAX)


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def scheme(n: int = SCRYPT_N) -> str:
    """How a secret was hashed, stored beside the hash: ``"scrypt:16384:8:1"``."""
    return f"scrypt:{n}:8:1"


def scheme_cost(text: str) -> int:
    """The scrypt cost N of a stored ``scheme``."""
    name, n, r, p = text.split(":")
    if (name, r, p) != ("scrypt", "8", "1"):
        raise ValueError(f"unknown secret scheme {text!r}")
    return int(n)


def hash_secret(secret: str, salt: bytes, n: int = SCRYPT_N) -> bytes:
    memory = 128 * 8 * n  # scrypt needs 128 * r * N bytes
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=8, p=1, dklen=32, maxmem=2 * memory)


def secret_matches(secret: str, salt: bytes, stored: bytes, n: int = SCRYPT_N) -> bool:
    """Constant-time comparison of the typed secret's hash with the stored one."""
    return hmac.compare_digest(hash_secret(secret, salt, n), stored)


def participant_plan(workshop_id: str, today: dt.date) -> dict[str, Any]:
    """A new, empty plan for a participant, recording the workshop and no consent yet."""
    plan = plan_mod.new_plan(today)
    plan["room"] = {"share": False, "workshop": workshop_id}
    return plan


def shares(plan: dict[str, Any]) -> bool:
    """Whether the plan's owner agreed to show the business name and numbers to the room."""
    return plan_mod.get_in(plan, ("room", "share")) is True


def share_change(plan: dict[str, Any], share: bool) -> plan_mod.Change:
    """The change that sets the consent (apply it with ``Store.apply``)."""
    return plan_mod.Change(("room", "share"), plan_mod.get_in(plan, ("room", "share")), bool(share))


def refill(plan: dict[str, Any], replacement: dict[str, Any]) -> dict[str, Any]:
    """``replacement`` (a sample's plan, an empty one) as the new content of a participant's ``plan``:
    it keeps the plan's place in the room (workshop and consent), so loading a sample in a workshop
    fills the participant's own room plan instead of taking them out of the room."""
    result = copy.deepcopy(replacement)
    if isinstance(plan.get("room"), dict):
        result["room"] = copy.deepcopy(plan["room"])
    return result
