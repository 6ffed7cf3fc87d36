"""The workshop room at a glance: pure aggregates over the participants' plans, and their export.

Input is what ``WorkshopStore.room_snapshot`` loads in one query: each participant's number
(joining order, for the pseudonym "Participant 3") and plan, never a plan token. A participant's
business name, town and private numbers (followers, goal baselines and targets) appear only in
their own row and only when ``plan["room"]["share"]`` is true; the room's counts (steps, bands,
objectives, KPIs, towns, weak goals) include everyone because they name no one. Example titles of
weak goals come only from participants who share, unattributed, with their business name masked.
The export (``summary`` -> ``to_csv`` / ``to_markdown``) holds counts and pseudonyms only.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from core import i18n, safe_text
from core.goals import goals, kpis, objectives, smart, vanity
from core.i18n import Message
from core.plan import path, selfcheck
from core.workshop import workshop

FINISHED = "finished"  # the "step" of a participant with no step left to do
INCOMPLETE = "incomplete"  # the band of a self-check not fully answered
BANDS: tuple[str, ...] = tuple(name for _, name in selfcheck.BANDS) + (INCOMPLETE,)
LETTERS: tuple[str, ...] = ("S", "M", "A", "R", "T")
VANITY_KINDS: tuple[str, ...] = ("presence", "followers", "likes")
EXAMPLES = 3  # example titles kept per weak letter or vanity kind
_MASK = "[…]"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP CSV injection, as in core.calendar.export
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>!|~])")  # inline Markdown and table cells


GoalNumbers = tuple[str, str | None, float | None, float | None]  # title, KPI, baseline, target
Examples = dict[str, tuple[str, ...]]  # SMART letter or vanity kind -> example titles


@dataclass(frozen=True)
class Member:
    number: int  # 1, 2, 3... in joining order
    plan: dict[str, Any]
    imported: tuple[str, ...] = ()  # kinds of data imported for the plan ("customers", "activity")


@dataclass(frozen=True)
class Town:
    name: str
    province: str
    lat: float
    lon: float
    businesses: int


@dataclass(frozen=True)
class Person:
    number: int
    step: str  # the next step of the path, or FINISHED
    done: tuple[str, ...]
    band: str  # a self-check band, or INCOMPLETE
    shared: bool
    name: str = ""  # this and the fields below stay empty unless the participant shares
    town: str = ""
    followers: tuple[tuple[str, float | None], ...] = ()  # (channel, followers)
    goals: tuple[GoalNumbers, ...] = ()

    @property
    def label(self) -> Message:
        return Message("room.participant", {"n": self.number})


@dataclass(frozen=True)
class Room:
    joined: int
    sharing: int
    at_step: dict[str, int]  # step (or FINISHED) -> participants whose next step it is
    done_step: dict[str, int]  # step -> participants who completed it
    bands: dict[str, int]  # band -> participants, in BANDS order
    objectives: dict[str, int]  # objective -> participants with a goal for it, most first
    kpis: dict[str, int]  # KPI -> participants with a goal measured by it, most first
    towns: tuple[Town, ...]  # most businesses first
    goals: int  # goals checked
    smart_failed: dict[str, int]  # SMART letter -> goals failing it, in LETTERS order
    vanity: dict[str, int]  # vanity kind -> goals
    examples: Examples  # from sharers only
    people: tuple[Person, ...]


def summarise(members: Sequence[Member], today: dt.date) -> Room:
    """Everything the facilitator's room view shows, from the participants' plans."""
    ordered = sorted(members, key=lambda m: m.number)
    people = tuple(_person(m) for m in ordered)
    chosen_objectives: Counter[str] = Counter()
    chosen_kpis: Counter[str] = Counter()
    for member in ordered:
        own = _goals(member.plan)
        chosen_objectives.update({g.objective for g in own})
        chosen_kpis.update({g.kpi for g in own if g.kpi})
    checked, weak, examples = _weak_goals(ordered, today)
    return Room(
        joined=len(people),
        sharing=sum(p.shared for p in people),
        at_step=_ordered(Counter(p.step for p in people), [s.id for s in path.STEPS] + [FINISHED]),
        done_step={s.id: sum(s.id in p.done for p in people) for s in path.STEPS},
        bands={b: sum(p.band == b for p in people) for b in BANDS},
        objectives=_most(chosen_objectives, objectives.OBJECTIVES),
        kpis=_most(chosen_kpis, kpis.KPIS),
        towns=_towns(m.plan for m in ordered),
        goals=checked,
        smart_failed={letter: weak[letter] for letter in LETTERS},
        vanity={kind: weak[kind] for kind in VANITY_KINDS},
        examples=examples,
        people=people,
    )


def _weak_goals(members: Sequence[Member], today: dt.date) -> tuple[int, Counter[str], Examples]:
    """Goals checked; goals failing each SMART letter or of each vanity kind; sharers' example titles."""
    checked, weak = 0, Counter[str]()
    examples: dict[str, list[str]] = {}
    for member in members:
        name = str((member.plan.get("business") or {}).get("name") or "")
        for goal in _goals(member.plan):
            checked += 1
            found = vanity.vanity_check(goal, "en", today)
            kinds = [c.letter for c in smart.smart_check(goal, today) if not c.passed]
            kinds += [found.kind] if found else []
            weak.update(kinds)
            if workshop.shares(member.plan) and goal.title.strip():
                for kind in kinds:
                    _add_example(examples.setdefault(kind, []), _masked(goal.title, name))
    return checked, weak, {k: tuple(v) for k, v in examples.items()}


def _person(member: Member) -> Person:
    plan = member.plan
    finished = path.done(plan, member.imported)
    step = next((s.id for s in path.STEPS if s.id not in finished), FINISHED)
    band = selfcheck.score(plan.get("selfcheck") or {}).band or INCOMPLETE
    done = tuple(s.id for s in path.STEPS if s.id in finished)
    if not workshop.shares(plan):
        return Person(member.number, step, done, band, shared=False)
    business = plan.get("business") or {}
    channels = business.get("channels") or []
    return Person(
        member.number, step, done, band, shared=True,
        name=str(business.get("name") or ""),
        town=str((business.get("town") or {}).get("name") or ""),
        followers=tuple((str(c.get("channel")), c.get("followers")) for c in channels if isinstance(c, dict)),
        goals=tuple((g.title, g.kpi, g.baseline, g.target) for g in _goals(plan)),
    )  # fmt: skip


def _goals(plan: dict[str, Any]) -> list[goals.Goal]:
    """The plan's valid goals (a goal that does not validate is left out of the room's counts)."""
    found = []
    for raw in plan.get("goals") or []:
        try:
            found.append(goals.Goal.from_dict(raw))
        except goals.GoalError:
            continue
    return found


def _towns(plans: Iterable[dict[str, Any]]) -> tuple[Town, ...]:
    counts: Counter[tuple[str, str]] = Counter()
    where: dict[tuple[str, str], tuple[float, float]] = {}
    for plan in plans:
        town = (plan.get("business") or {}).get("town")
        placed = isinstance(town, dict) and all(isinstance(town.get(k), int | float) for k in ("lat", "lon"))
        if not placed:
            continue
        key = (str(town.get("name") or ""), str(town.get("province") or ""))
        counts[key] += 1
        where.setdefault(key, (float(town["lat"]), float(town["lon"])))
    ordered = sorted(counts, key=lambda k: (-counts[k], k))
    return tuple(Town(key[0], key[1], *where[key], counts[key]) for key in ordered)


def _ordered(counts: Counter[str], order: Sequence[str]) -> dict[str, int]:
    return {key: counts[key] for key in order}


def _most(counts: Counter[str], catalogue: Iterable[str]) -> dict[str, int]:
    order = {key: i for i, key in enumerate(catalogue)}
    chosen = sorted((k for k in counts if counts[k]), key=lambda k: (-counts[k], order.get(k, len(order))))
    return {k: counts[k] for k in chosen}


def _masked(title: str, business_name: str) -> str:
    name = business_name.strip()
    if len(name) < 3:  # too short to mask without eating ordinary words
        return title.strip()
    return re.sub(re.escape(name), _MASK, title, flags=re.IGNORECASE).strip()


def _add_example(bucket: list[str], title: str) -> None:
    if len(bucket) < EXAMPLES and title not in bucket:
        bucket.append(title)


def summary(room: Room) -> dict[str, Any]:
    """The room as an anonymised plain dict: counts and pseudonyms, never names or private numbers."""
    return {
        "joined": room.joined,
        "sharing": room.sharing,
        "at_step": dict(room.at_step),
        "done_step": dict(room.done_step),
        "bands": dict(room.bands),
        "objectives": dict(room.objectives),
        "kpis": dict(room.kpis),
        "towns": [{"town": t.name, "province": t.province, "businesses": t.businesses} for t in room.towns],
        "goals": room.goals,
        "smart_failed": dict(room.smart_failed),
        "vanity": dict(room.vanity),
        "examples": {k: list(v) for k, v in room.examples.items()},
        "participants": [{"participant": p.number, "step": p.step, "band": p.band} for p in room.people],
    }


_ITEM_KEYS = {
    "bands": "room.band.{}",
    "objectives": "objectives.{}.name",
    "kpis": "kpis.{}.name",
    "smart_failed": "goals.smart.letter.{}",
    "vanity": "room.vanity.{}",
}
_COUNTED = ("at_step", "done_step", "bands", "objectives", "kpis", "smart_failed", "vanity")


def _item(lang: str, section: str, key: str) -> str:
    if section in ("at_step", "done_step"):
        return _step_name(lang, key)
    return i18n.t(lang, _ITEM_KEYS[section].format(key))


def _rows(data: dict[str, Any], lang: str) -> list[tuple[str, str, str]]:
    """(section, item, value) rows of a summary, in ``lang``; user text (towns, titles) as given."""
    t = i18n.t
    totals = t(lang, "room.export.totals")
    rows = [(totals, t(lang, f"room.export.{key}"), str(data[key])) for key in ("joined", "sharing", "goals")]
    for section in _COUNTED:
        name = t(lang, f"room.export.{section}")
        rows += [(name, _item(lang, section, key), str(n)) for key, n in data[section].items()]
    for town in data["towns"]:
        where = f"{town['town']} ({town['province']})" if town["province"] else town["town"]
        rows.append((t(lang, "room.export.towns"), where, str(town["businesses"])))
    for key, titles in data["examples"].items():
        kind = _item(lang, "smart_failed" if key in LETTERS else "vanity", key)
        rows += [(t(lang, "room.export.examples"), kind, title) for title in titles]
    for p in data["participants"]:
        label = t(lang, "room.participant", n=p["participant"])
        value = f"{_step_name(lang, p['step'])} · {t(lang, 'room.band.' + p['band'])}"
        rows.append((t(lang, "room.export.participants"), label, value))
    return rows


def _step_name(lang: str, step: str) -> str:
    return i18n.t(lang, "room.finished") if step == FINISHED else i18n.t(lang, f"step.{step}")


def to_csv(data: dict[str, Any], lang: str) -> str:
    """The summary as a spreadsheet (``;`` in Italian); text cells cannot run as formulas."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "it" else ",", lineterminator="\r\n")
    writer.writerow([i18n.t(lang, f"room.export.column.{c}") for c in ("section", "item", "value")])
    for row in _rows(data, lang):
        writer.writerow([safe_text.for_spreadsheet(cell) for cell in row])
    return out.getvalue()


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def to_markdown(data: dict[str, Any], lang: str, title: str) -> str:
    """The summary as Markdown: a heading, then one table a section; user text escaped."""
    lines = [f"# {_md(title)}"]
    section = None
    for name, item, value in _rows(data, lang):
        if name != section:
            section = name
            lines += ["", f"## {_md(name)}", "", f"| {i18n.t(lang, 'room.export.column.item')} | "
                      f"{i18n.t(lang, 'room.export.column.value')} |", "| --- | --- |"]  # fmt: skip
        lines.append(f"| {_md(item)} | {_md(value)} |")
    return "\n".join(lines) + "\n"
