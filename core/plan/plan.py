"""The plan ("la rotta"): one JSON document per business, versioned, validated at the boundary.

A plan is a plain dict so that it round-trips exactly through the database and the JSON file the
user downloads. Edits are ``Change`` records (path, value seen by the user, new value): applying
them to the latest stored plan merges edits made in other tabs and refuses only a change whose
field was changed elsewhere meanwhile, so no edit is ever silently overwritten.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from core import fields, schema
from core.i18n import Message
from core.plan import check as plan_check

Path = tuple[str | int, ...]
MAX_JSON_BYTES = 5_000_000
MAX_DEPTH = 16  # a plan nests 5 levels (plan, areas, an area, its polygon, a point); a file may nest 16
MAX_DIGITS = 30  # digits in an integer of a plan file: no field takes one longer than 10
_SURROGATE = re.compile("[\ud800-\udfff]")
SECTIONS: dict[str, type] = {
    "business": dict,
    "selfcheck": dict,
    "goals": list,
    "areas": list,
    "competitors": list,
    "followers": list,
    "calendar": list,
    "offline": list,
}


class PlanError(Exception):
    """A plan file or document that cannot be used; ``message`` says why, in both languages."""

    def __init__(self, message: Message):
        super().__init__(message.key)
        self.message = message


class Conflict(Exception):
    """A change whose field was changed elsewhere since the user saw it."""

    def __init__(self, path: Path, yours: Any, theirs: Any):
        super().__init__(f"conflict at {'/'.join(map(str, path))}")
        self.path, self.yours, self.theirs = path, yours, theirs


@dataclass(frozen=True)
class Change:
    """Set ``path`` to ``new``; ``old`` is the value the user saw before editing."""

    path: Path
    old: Any
    new: Any


def empty_business() -> dict[str, Any]:
    return {"name": "", "sector": None, "town": None, "channels": [], "markets": []}


def new_plan(today: dt.date, sample: str | None = None) -> dict[str, Any]:
    """A blank plan (or the shell of one that will be filled from a sample)."""
    return {
        "format": schema.PLAN_FORMAT,
        "version": schema.PLAN_VERSION,
        "created": today.isoformat(),
        "sample": sample,
        "business": empty_business(),
        "selfcheck": {},
        "goals": [],
        "areas": [],
        "competitors": [],
        "followers": [],
        "calendar": [],
        "offline": [],
    }


def get_in(plan: Any, path: Path, default: Any = None) -> Any:
    node = plan
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return default
    return node


def set_in(plan: dict[str, Any], path: Path, value: Any) -> dict[str, Any]:
    """A copy of ``plan`` with ``path`` set to ``value`` (missing dicts on the way are created)."""
    result = copy.deepcopy(plan)
    node: Any = result
    for part in path[:-1]:
        if isinstance(node, dict) and (part not in node or node[part] is None):
            node[part] = {}
        node = node[part]
    node[path[-1]] = copy.deepcopy(value)
    return result


def apply(plan: dict[str, Any], changes: list[Change]) -> dict[str, Any]:
    """Apply ``changes`` to the latest ``plan``; raise ``Conflict`` if a field moved under the user."""
    result = plan
    for change in changes:
        current = get_in(result, change.path)
        if current != change.old and current != change.new:
            raise Conflict(change.path, change.new, current)
        result = set_in(result, change.path, change.new)
    return result


def to_json(plan: dict[str, Any]) -> str:
    return json.dumps(plan, ensure_ascii=False, indent=2, sort_keys=False)


class _Refused(Exception):
    """Raised by the JSON reader's hooks: the file holds something no plan holds."""

    def __init__(self, message: Message):
        super().__init__(message.key)
        self.message = message


def _int(digits: str) -> int:
    """An integer literal, refused past ``MAX_DIGITS`` (Python itself fails at 4,300 with a ``ValueError``)."""
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _Refused(Message("fields.file.long_number", {"limit": MAX_DIGITS}))
    return int(digits)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400 reads as infinity, which no database stores as JSON
        raise _Refused(Message("fields.file.huge_number", {"value": fields.shown(text)}))
    return value


def _constant(name: str) -> Any:
    raise _Refused(Message("fields.file.constant", {"value": name}))


def from_json(data: bytes | str) -> dict[str, Any]:
    """Parse and validate an uploaded plan file; raise ``PlanError`` saying what is wrong, whatever the file."""
    if len(data) > MAX_JSON_BYTES:
        raise PlanError(Message("plan.err.too_big", {"mb": MAX_JSON_BYTES // 1_000_000}))
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise PlanError(Message("plan.err.not_text")) from None
    try:
        parsed = json.loads(data, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except _Refused as refused:
        raise PlanError(refused.message) from None
    except json.JSONDecodeError as exc:
        raise PlanError(Message("plan.err.not_json", {"line": exc.lineno, "col": exc.colno})) from None
    except RecursionError:  # nesting deeper than the interpreter's limit; shallower excess is found below
        raise PlanError(Message("fields.file.too_deep", {"limit": MAX_DEPTH})) from None
    return validate(parsed)


def _shape(doc: Any) -> Message | None:
    """What makes ``doc`` unusable as data anywhere: nesting deeper than ``MAX_DEPTH`` (a deep document
    breaks later on ``json.dumps`` or ``copy.deepcopy`` with a ``RecursionError``), or text with lone
    surrogates (which cannot be written as UTF-8)."""
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return Message("fields.file.too_deep", {"limit": MAX_DEPTH})
        if isinstance(node, dict):
            if any(isinstance(key, str) and _SURROGATE.search(key) for key in node):
                return Message("fields.file.not_unicode")
            node = node.values()
        for value in node:
            if isinstance(value, str) and _SURROGATE.search(value):
                return Message("fields.file.not_unicode")
            if isinstance(value, dict | list | tuple):
                stack.append((value, depth + 1))
    return None


def validate(doc: Any) -> dict[str, Any]:
    """Check a plan document's shape; return it unchanged when valid."""
    if not isinstance(doc, dict):
        raise PlanError(Message("plan.err.not_object"))
    shape = _shape(doc)
    if shape is not None:
        raise PlanError(shape)
    if doc.get("format") != schema.PLAN_FORMAT:
        raise PlanError(Message("plan.err.format", {"found": fields.shown(doc.get("format"))}))
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PlanError(Message("plan.err.version_missing"))
    if version > schema.PLAN_VERSION:
        raise PlanError(Message("plan.err.version_new", {"found": version, "supported": schema.PLAN_VERSION}))
    if version < 1:
        raise PlanError(Message("fields.file.version", {"value": version}))
    for name, kind in SECTIONS.items():
        if name in doc and not isinstance(doc[name], kind):
            raise PlanError(Message("plan.err.section", {"section": name}))
    found = plan_check.problem(doc)
    if found is not None:
        raise PlanError(found)
    return doc


def from_sample(slug: str, profile: dict[str, Any], goals: list[dict[str, Any]], today: dt.date) -> dict[str, Any]:
    """A new plan filled from a sample business's profile and goals."""
    plan = new_plan(today, sample=slug)
    plan["business"] = copy.deepcopy(profile["business"])
    plan["selfcheck"] = copy.deepcopy(profile.get("selfcheck", {}))
    plan["goals"] = copy.deepcopy(goals)
    return validate(plan)


def file_name(business_name: str, created: str) -> str:
    """A safe download name from user text: ``rotta-forno-aurelio-2026-11-27.json``."""
    folded = unicodedata.normalize("NFKD", business_name).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:40] or "plan"
    day = created if re.fullmatch(r"\d{4}-\d{2}-\d{2}", created or "") else ""
    return "-".join(p for p in ("rotta", slug, day) if p) + ".json"
