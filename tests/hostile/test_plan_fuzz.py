"""Plans generated from the schema (Hypothesis): extreme numbers, dates, lengths and Unicode in every field.

The mutated plans of ``test_plan_files.py`` vary shapes (a list where a number goes); these vary
magnitudes and characters, which is how a goal of ``1e308``, a date in year 1 and 5,000-digit numbers
once got through. Each generated plan file must be refused with a ``PlanError`` or accepted and then
work: every core consumer of a plan (SMART checks and their messages, the goal tree, the Monitor, every
export, the calendar files, the room) in ``test_any_generated_plan_is_refused_or_works_in_every_consumer``,
and every page (``AppTest``) in ``test_any_accepted_generated_plan_opens_on_every_page``.

``make test`` runs them with a fixed seed (``derandomize``) and a bounded number of examples (well under
a minute); ``ROTTA_HYPOTHESIS=long`` runs a random, much longer search (see docs/security.md).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, note, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from core import fields, i18n, schema
from core.calendar import calendar
from core.calendar import export as calendar_export
from core.deliverable import build as deliverable
from core.deliverable import markdown as deliverable_markdown
from core.deliverable import pdf as deliverable_pdf
from core.deliverable import xlsx as deliverable_xlsx
from core.goals import goals, kpis, measures, objectives, smart
from core.goals import text as goal_text
from core.monitor import board
from core.plan import path, selfcheck
from core.plan import plan as plan_mod
from core.samples import SLUGS
from core.timeline import offline_actions
from core.workshop import participant, room
from tests.conftest import ROOT
from tests.hostile import conftest
from tests.hostile.corpus import PAYLOADS

LONG = os.environ.get("ROTTA_HYPOTHESIS") == "long"
TODAY = dt.date.today()
PAGES = [step.script for step in path.STEPS + path.EXTRA]


def _settings(examples: int, long_examples: int) -> settings:
    return settings(
        max_examples=long_examples if LONG else examples,
        derandomize=not LONG,  # make test: the same examples every run
        database=None,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
            HealthCheck.filter_too_much,
        ],
        print_blob=True,
    )


# --- Values: mostly plausible, often at a bound, sometimes far beyond it ---------------------------------

EDGE_NUMBERS = (0, 1, -1, 0.5, fields.TINY, fields.TINY / 2, fields.COUNT_MAX, fields.COUNT_MAX + 1, 2**53 + 1,
                10**29, 10**30, -(10**30), 1e308, -1e308, 5e-324, 1.7976931348623157e308)  # fmt: skip


WILD = 12  # one value in WILD is wild (so most plans hold one somewhere: the consumers' property)
TAME = 80  # ...or one in TAME (so most plans can be opened: the pages' property)
_odds = [WILD]  # while a strategy is being built (see ``files``)


def _mostly(
    plausible: st.SearchStrategy[Any], wild: st.SearchStrategy[Any], scale: float = 1
) -> st.SearchStrategy[Any]:
    """``plausible``, and one time in ``_odds`` (times ``scale``) ``wild``."""
    odds = max(2, int(_odds[0] * scale))
    return st.integers(0, odds - 1).flatmap(lambda n: wild if n == 0 else plausible)


def numbers(high: float = fields.COUNT_MAX) -> st.SearchStrategy[Any]:
    plausible = st.one_of(st.integers(0, int(high)), st.floats(0, high), st.sampled_from((0, fields.TINY, high)))
    wild = st.one_of(
        st.sampled_from(EDGE_NUMBERS), st.integers(-(10**40), 10**40), st.floats(allow_nan=True, allow_infinity=True)
    )
    return _mostly(plausible, wild)


def days() -> st.SearchStrategy[str]:
    plausible = st.one_of(
        st.dates(fields.FIRST_DAY, fields.LAST_DAY).map(dt.date.isoformat),
        st.sampled_from((fields.FIRST_DAY.isoformat(), fields.LAST_DAY.isoformat(), TODAY.isoformat())),
    )
    edges = ("0001-01-01", "9999-12-31", "1999-12-31", "2100-01-01", "2026-02-30", "20260101", "2026-W01-1", "")
    return _mostly(plausible, st.one_of(st.sampled_from(edges), st.dates().map(dt.date.isoformat)))


def texts(max_size: int = 30) -> st.SearchStrategy[str]:
    """Any Unicode, the hostile corpus; rarely text up to 12,000 characters or with lone surrogates."""
    plausible = st.one_of(
        st.text(max_size=max_size),
        st.text(st.characters(codec="utf-8"), max_size=max_size),
        st.text(st.characters(categories=["Cf", "Cc", "Zl", "Zp", "Zs", "Mn", "So"]), max_size=8),
        st.sampled_from(sorted(PAYLOADS.values())),
    )
    wild = st.one_of(
        st.builds(lambda c, n: c * n, st.characters(), st.integers(0, 12_000)),
        st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3),
    )
    return _mostly(plausible, wild)


def names() -> st.SearchStrategy[str]:
    """Text with something besides blanks (a name the model requires)."""
    return st.one_of(st.sampled_from(("Roma", "Forlì", "Città di Castello")), texts()).map(
        lambda s: s if s.strip() else f"N{s}"
    )


def coordinates(bound: float) -> st.SearchStrategy[Any]:
    plausible = st.one_of(st.floats(-bound, bound), st.sampled_from((0.0, bound, -bound, 1e-300, -5e-324)))
    return _mostly(plausible, numbers(), scale=0.5)


def places() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"name": names(), "lat": coordinates(90), "lon": coordinates(180)},
        optional={
            "province": texts(4),
            "region": texts(),
            "country": st.sampled_from(("IT", "FR", "")),
            "comune_istat": st.sampled_from(("058091", "")),
            "approx": st.booleans(),
        },  # fmt: skip
    )


def times() -> st.SearchStrategy[Any]:
    plausible = st.one_of(st.none(), st.sampled_from(("", "00:00", "23:59", "8:30", " 09:05 ")))
    return _mostly(plausible, st.one_of(st.sampled_from(("24:00", "7.30", "12:60")), texts(6)), scale=0.5)


def _numbered(prefix: str, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**entry, "id": f"{prefix}{n}"} for n, entry in enumerate(entries, start=1)]


def goal_dicts() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "objective": st.sampled_from(list(objectives.OBJECTIVES)),
            "start": days(),
        },
        optional={
            "title": texts(),
            "kpi": st.one_of(st.none(), st.sampled_from(list(kpis.KPIS))),
            "channels": st.lists(st.sampled_from(schema.CHANNELS), max_size=3, unique=True),
            "baseline": st.one_of(st.none(), numbers()),
            "target": st.one_of(st.none(), numbers()),
            "deadline": st.one_of(st.none(), days()),
            "place": st.fixed_dictionaries(
                {"kind": st.sampled_from(goals.PLACE_KINDS), "value": st.one_of(st.just(""), names())}
            ),
            "actions": st.lists(texts(), max_size=3),
            "owner": texts(),
        },
    )


def calendar_items() -> st.SearchStrategy[dict[str, Any]]:
    return _maybe_at_a_place(
        st.fixed_dictionaries(
            {"date": days(), "channel": st.sampled_from(calendar.CHANNELS), "title": names()},
            optional={
                "time": times(),
                "note": texts(),
                "goal": st.sampled_from(("", "g1", "g2")),
                "place": texts(),
                "status": st.sampled_from(calendar.STATUSES),
            },  # fmt: skip
        )
    )


def offline_entries() -> st.SearchStrategy[dict[str, Any]]:
    return _maybe_at_a_place(
        st.fixed_dictionaries(
            {"date": days(), "kind": st.sampled_from(list(offline_actions.KINDS))},
            optional={"time": times(), "place": texts(), "note": texts()},
        )
    )


def _maybe_at_a_place(entries: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    point = st.fixed_dictionaries({"lat": coordinates(90), "lon": coordinates(180)})
    return st.one_of(entries, st.tuples(entries, point).map(lambda p: {**p[0], **p[1]}))


def areas() -> st.SearchStrategy[dict[str, Any]]:
    circle = st.fixed_dictionaries(
        {"lat": coordinates(90), "lon": coordinates(180), "radius_km": _mostly(st.floats(0.001, 20_000), numbers())}
    )
    polygon = st.lists(st.tuples(coordinates(180), coordinates(90)).map(list), min_size=3, max_size=6)
    return st.one_of(
        st.fixed_dictionaries({"name": names(), "circle": circle}),
        st.fixed_dictionaries({"name": names(), "polygon": polygon}),
    )


def channels() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"channel": st.sampled_from(schema.CHANNELS)},
        optional={"followers": st.one_of(st.none(), numbers()), "posts_per_week": st.one_of(st.none(), numbers(200))},
    )


def plans() -> st.SearchStrategy[dict[str, Any]]:
    business = st.fixed_dictionaries(
        {"name": texts()},
        optional={
            "sector": st.one_of(st.none(), st.fixed_dictionaries({"code": st.just("10.71"), "title": texts()})),
            "town": st.one_of(st.none(), places()),
            "channels": st.lists(channels(), max_size=4, unique_by=lambda c: c["channel"]),
            "markets": st.lists(st.sampled_from(schema.MARKETS), max_size=4, unique=True),
            "sites": st.lists(st.fixed_dictionaries({"name": names(), "town": places()}), max_size=2),
        },
    )
    questions = [q.id for q in selfcheck.QUESTIONS]
    return st.fixed_dictionaries(
        {
            "format": st.just(schema.PLAN_FORMAT),
            "version": st.just(schema.PLAN_VERSION),
            "created": days(),
            "sample": st.one_of(st.none(), st.sampled_from(SLUGS)),
            "business": business,
            "selfcheck": st.dictionaries(st.sampled_from(questions), st.sampled_from((0, 1, 2))),
            "goals": st.lists(goal_dicts(), max_size=4).map(lambda g: _numbered("g", g)),
            "areas": st.lists(areas(), max_size=2),
            "competitors": st.lists(st.fixed_dictionaries({"name": names(), "town": places()}), max_size=2),
            "followers": st.lists(
                st.fixed_dictionaries({"city": names(), "followers": st.one_of(st.none(), numbers())}), max_size=3
            ),
            "calendar": st.lists(calendar_items(), max_size=4).map(lambda c: _numbered("c", c)),
            "offline": st.lists(offline_entries(), max_size=3).map(lambda o: _numbered("o", o)),
        }
    )


def files(odds: int) -> st.SearchStrategy[bytes]:
    """A generated plan as a file: JSON as Python writes it (NaN and Infinity included), with or without a
    BOM; one value in ``odds`` is wild."""
    _odds[0] = odds
    try:
        return st.builds(_file, plans(), st.booleans(), st.booleans())
    finally:
        _odds[0] = WILD


def _file(doc: dict[str, Any], bom: bool, ascii_only: bool) -> bytes:
    text = json.dumps(doc, ensure_ascii=ascii_only)  # a lone surrogate is written raw unless escaped
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8", "surrogatepass")


def _judge(data: bytes) -> dict[str, Any] | None:
    """The plan the file holds, or None when it is refused (with a PlanError: anything else fails the test)."""
    try:
        doc = plan_mod.from_json(data)
    except plan_mod.PlanError as refused:
        event(f"refused: {_reason(refused)}")
        for lang in i18n.LANGS:
            assert refused.message.render(lang)
        return None
    event("accepted")
    return doc


def _reason(refused: plan_mod.PlanError) -> str:
    """The innermost message key of a refusal (an entry wraps its field's message)."""
    message = refused.message
    while isinstance(message.params.get("reason"), i18n.Message):
        message = message.params["reason"]
    return message.key


# --- The properties ---------------------------------------------------------------------------------


@_settings(examples=120, long_examples=5_000)
@given(data=files(WILD))
def test_any_generated_plan_is_refused_or_works_in_every_consumer(data: bytes) -> None:
    doc = _judge(data)
    conftest.COUNTS["generated plan files judged (Hypothesis)"] += 1
    if doc is None:
        return
    conftest.COUNTS["generated plans accepted and run through every consumer"] += 1
    items = calendar.items_from_dicts(doc["calendar"])
    actions, problems = offline_actions.parse(doc["offline"])
    assert problems == []
    valid = [goals.Goal.from_dict(g) for g in doc["goals"]]
    for lang in i18n.LANGS:
        for goal in valid:
            for check in smart.smart_check(goal, TODAY):
                for message in (check.reason, check.fix):
                    if message is not None:
                        goal_text.render(lang, message)
        goal_text.tree_dot(lang, goals.goal_tree(valid, TODAY))
        monitor = board.build(doc["goals"], measures.Data(), TODAY)
        board.summary_markdown(lang, doc["business"].get("name", ""), monitor)
        built = deliverable.build(doc, measures.Data(), TODAY, lang)
        deliverable_markdown.render(built, lang)
        deliverable_xlsx.render(built, lang)
        calendar_export.to_csv(items, lang, {g.id: g.title for g in valid})
        calendar_export.to_ics(items, lang, now=dt.datetime.now(dt.UTC), namespace="fuzz")
        offline_actions.to_activity(actions, lang)
        summary = room.summary(room.summarise([participant.Member(1, doc), participant.Member(2, doc)], TODAY))
        room.to_csv(summary, lang)
        room.to_markdown(summary, lang, "Fuzz")
    deliverable_pdf.render(deliverable.build(doc, measures.Data(), TODAY, "it"), "it")


@pytest.fixture(scope="module")
def store() -> Any:
    from ui import resources

    return resources.get_store()


@_settings(examples=6, long_examples=150)
@given(data=files(TAME), lang=st.sampled_from(i18n.LANGS))
def test_any_accepted_generated_plan_opens_on_every_page(store: Any, data: bytes, lang: str) -> None:
    doc = _judge(data)
    assume(doc is not None)  # a refused file opens nothing: the examples counted are plans that open
    token = store.create(doc)[0]
    note(f"plan token {token[:6]}…, language {lang}")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["lang"], at.query_params["plan"] = lang, token
    at.run()
    assert not at.exception, f"app.py: {at.exception[0].message}"
    for page in (p for p in PAGES if p != "app.py"):  # one visitor going through the path, as a user would
        at.switch_page(page).run()
        assert not at.exception, f"{page}: {at.exception[0].message}"
        shown = at.query_params.get("plan")
        assert (shown[0] if isinstance(shown, list) else shown) == token, f"{page} did not open the plan"
    conftest.COUNTS["generated plans opened on every page (Hypothesis)"] += 1
