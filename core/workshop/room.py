"""The workshop room at a glance: pure aggregates over the participants' plans, and their export.

Input is what ``WorkshopStore.room_snapshot`` loads in one query: each participant's number
(joining order, for the pseudonym "Participant 3") and plan, never a plan token. A participant's
business name, town and private numbers (followers, goal baselines and targets) appear only in
their own row and only when ``plan["room"]["share"]`` is true; the room's counts (steps, bands,
objectives, KPIs, towns, weak goals) include everyone because they name no one. Example titles of
weak goals come only from participants who share, unattributed, with their business name masked.
A plan ``participant.read`` cannot read is left out of everything and counted (``unreadable``).
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
from core.goals import kpis, objectives
from core.plan import path, selfcheck
from core.workshop import participant

BANDS: tuple[str, ...] = tuple(name for _, name in selfcheck.BANDS) + (participant.INCOMPLETE,)
LETTERS: tuple[str, ...] = ("S", "M", "A", "R", "T")
VANITY_KINDS: tuple[str, ...] = ("presence", "followers", "likes")
EXAMPLES = 3  # example titles kept per weak letter or vanity kind
_MASK = "[…]"


Examples = dict[str, tuple[str, ...]]  # SMART letter or vanity kind -> example titles


@dataclass(frozen=True)
class Town:
    name: str
    province: str
    lat: float
    lon: float
    businesses: int


@dataclass(frozen=True)
class Room:
    joined: int  # everyone who joined, read or not
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
    people: tuple[participant.Person, ...]  # the plans read; every count above but ``joined`` is over these
    unreadable: int = 0  # plans the summary could not read: left out of everything but ``joined``

    @property
    def read(self) -> int:
        return len(self.people)


def summarise(members: Sequence[participant.Member], today: dt.date) -> Room:
    """Everything the facilitator's room view shows, from the participants' plans.

    A plan that cannot be read (a number or date no page could handle, stored before or around the
    door's checks) never breaks the room: it is left out and counted in ``unreadable``."""
    readings: list[participant.Reading] = []
    for member in sorted(members, key=lambda m: m.number):
        try:
            readings.append(participant.read(member, today))
        except participant.UNREADABLE:
            continue
    people = tuple(r.person for r in readings)
    weak: Counter[str] = Counter(kind for r in readings for kinds in r.weak for kind in kinds)
    return Room(
        joined=len(members),
        sharing=sum(p.shared for p in people),
        at_step=_ordered(Counter(p.step for p in people), [s.id for s in path.STEPS] + [participant.FINISHED]),
        done_step={s.id: sum(s.id in p.done for p in people) for s in path.STEPS},
        bands={b: sum(p.band == b for p in people) for b in BANDS},
        objectives=_most(Counter(o for r in readings for o in {g.objective for g in r.goals}), objectives.OBJECTIVES),
        kpis=_most(Counter(k for r in readings for k in {g.kpi for g in r.goals if g.kpi}), kpis.KPIS),
        towns=_towns(r.town for r in readings),
        goals=sum(len(r.goals) for r in readings),
        smart_failed={letter: weak[letter] for letter in LETTERS},
        vanity={kind: weak[kind] for kind in VANITY_KINDS},
        examples=_examples(readings),
        people=people,
        unreadable=len(members) - len(readings),
    )


def _examples(readings: Sequence[participant.Reading]) -> Examples:
    """Example titles of weak goals, from sharers only, their business name masked."""
    examples: dict[str, list[str]] = {}
    for reading in readings:
        if not reading.person.shared:
            continue
        for goal, kinds in zip(reading.goals, reading.weak, strict=True):
            if goal.title.strip():
                for kind in kinds:
                    _add_example(examples.setdefault(kind, []), _masked(goal.title, reading.person.name))
    return {k: tuple(v) for k, v in examples.items()}


def _towns(found: Iterable[participant.Place | None]) -> tuple[Town, ...]:
    counts: Counter[tuple[str, str]] = Counter()
    where: dict[tuple[str, str], tuple[float, float]] = {}
    for town in found:
        if town is None:
            continue
        key, place = town
        counts[key] += 1
        where.setdefault(key, place)
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
        "unreadable": room.unreadable,
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
    keys = ("joined", "unreadable", "sharing", "goals")
    rows = [(totals, t(lang, f"room.export.{key}"), str(data[key])) for key in keys]
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
    return i18n.t(lang, "room.finished") if step == participant.FINISHED else i18n.t(lang, f"step.{step}")


def to_csv(data: dict[str, Any], lang: str) -> str:
    """The summary as a spreadsheet (``;`` in Italian); text cells cannot run as formulas."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "it" else ",", lineterminator="\r\n")
    writer.writerow([i18n.t(lang, f"room.export.column.{c}") for c in ("section", "item", "value")])
    for row in _rows(data, lang):
        writer.writerow([safe_text.for_spreadsheet(cell) for cell in row])
    return out.getvalue()


def to_markdown(data: dict[str, Any], lang: str, title: str) -> str:
    """The summary as Markdown: a heading, then one table a section; user text escaped."""
    header = [i18n.t(lang, "room.export.column.item"), i18n.t(lang, "room.export.column.value")]
    sections: dict[str, list[tuple[str, str]]] = {}
    for name, item, value in _rows(data, lang):
        sections.setdefault(name, []).append((item, value))
    lines = [f"# {safe_text.for_markdown(title)}"]
    for name, rows in sections.items():
        lines += ["", f"## {safe_text.for_markdown(name)}", "", safe_text.markdown_table(header, rows)]
    return "\n".join(lines) + "\n"
