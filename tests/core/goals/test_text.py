import datetime as dt
import re
import string

import pytest

from core import i18n
from core.goals import goals
from core.goals import text as goal_text
from core.i18n import Message

NAMED = {"kpi", "kpis", "objective", "channels", "sources", "missing", "place_kind"}
SUFFIXES = ("_val", "_delta", "_pct", "_date", "_n")
FREE = {"title", "place", "owner", "suggestion", "field", "value", "fields", "choices", "low", "high"}
FREE |= {"limit", "example", "bound", "first", "last"}  # the field checks' messages (core.fields)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_goals_message_uses_only_placeholders_the_renderer_knows():
    unknown = []
    for key, (italian, _) in i18n.TEXTS.items():
        if key.startswith(("goals.smart.", "goals.track.", "goals.vanity.", "fields.")):
            for name in _fields(italian):
                if name not in NAMED | FREE and not name.endswith(SUFFIXES):
                    unknown.append(f"{key}: {name}")
    assert unknown == []


@pytest.mark.parametrize(
    ("kpi", "current", "target", "italian", "english"),
    [
        ("gbp_calls", 1300, 1240, "1.300 (traguardo 1.240)", "1,300 (target 1,240)"),
        ("repeat_rate", 0.26, 0.25, "26,0% (traguardo 25,0%)", "26.0% (target 25.0%)"),
        ("revenue", 9900, 9700, "9.900,00\xa0€ (traguardo 9.700,00\xa0€)", "€9,900.00 (target €9,700.00)"),
    ],
)
def test_kpi_values_and_dates_are_formatted_in_the_kpis_unit_and_the_language(kpi, current, target, italian, english):
    message = Message(
        "goals.track.reached",
        {"kpi": kpi, "current_val": current, "target_val": target, "reached_date": dt.date(2026, 3, 2)},
    )
    assert goal_text.render("it", message) == f"Traguardo raggiunto il 02/03/2026: {italian}."
    assert goal_text.render("en", message) == f"Target reached on 2 Mar 2026: {english}."


def test_lists_of_ids_become_names_in_the_language():
    message = Message("goals.smart.m.fix_kpi", {"kpis": ["gbp_directions", "new_customers"]})
    assert goal_text.render("it", message) == "Misuralo con un indicatore: Richieste di indicazioni, Nuovi clienti."
    assert goal_text.render("en", message) == "Measure it with a KPI: Direction requests, New customers."


def test_a_missing_field_is_named_in_the_language():
    message = Message("goals.smart.a.unknown", {"missing": "baseline"})
    assert goal_text.render("it", message) == "Non si può ancora valutare (manca: valore di partenza)."


def test_a_share_is_a_percent_with_a_decimal_only_when_needed():
    message = Message("goals.smart.a.too_much_pct", {
        "kpi": "followers", "target_val": 10, "deadline_date": dt.date(2026, 9, 29), "growth_pct": 0.5,
        "weeks_n": 4, "max_pct": 0.05,
    })  # fmt: skip
    assert "del 50% ogni settimana" in goal_text.render("it", message)
    message.params["growth_pct"] = 0.123
    assert "by 12.3% every week" in goal_text.render("en", message)


def test_a_missing_value_is_a_dash_not_none():
    message = Message("goals.smart.m.ok", {"kpi": "reach", "baseline_val": None, "target_val": 10, "sources": []})
    assert goal_text.render("en", message).startswith("Reach from - to 10")


@pytest.mark.parametrize(
    ("place", "target", "italian", "english"),
    [
        (goals.Place("town", "Forlì"), 460, "Follower nella zona - Forlì: 460 entro il 31/12/2026",
         "Followers in the area - Forlì: 460 by 31 Dec 2026"),
        (goals.Place(), None, "Follower nella zona entro il 31/12/2026", "Followers in the area by 31 Dec 2026"),
    ],
)  # fmt: skip
def test_a_measurable_title_says_kpi_place_target_and_date(place, target, italian, english):
    deadline = dt.date(2026, 12, 31)
    assert goal_text.goal_title("it", "followers_in_area", place, target, deadline) == italian
    assert goal_text.goal_title("en", "followers_in_area", place, target, deadline) == english


def test_the_whole_market_is_named_when_a_goal_has_no_place():
    assert goal_text.place_text("it", "market", "") == "tutto il mercato"
    assert goal_text.place_text("en", "town", "Cesena") == "Cesena"


_STATEMENT = re.compile(r'\s*(?:\w+ -> \w+|\w+ \[label="(?:[^"\\]|\\.)*"(?:, [a-z]+=(?:\w+|"\w+"))*\]);')


def _tree(title: str, actions: list[str]) -> list[dict]:
    goal = goals.Goal.from_dict({
        "id": "g1", "objective": "footfall", "title": title, "kpi": "gbp_directions",
        "channels": ["google_business"], "baseline": 269, "target": 340, "start": "2026-09-01",
        "deadline": "2026-12-31", "place": {"kind": "town", "value": "Forlì"}, "actions": actions, "owner": "Gino",
    })  # fmt: skip
    return goals.goal_tree([goal], dt.date(2026, 9, 1))


def test_the_goal_tree_draws_objective_goal_kpi_and_actions_with_the_weekly_pace():
    dot = goal_text.tree_dot("it", _tree("Più indicazioni a Forlì", ["Foto nuove", "Un post con la mappa"]))
    assert 'o_footfall [label="Portare gente in negozio"' in dot
    assert 'g1 [label="Più indicazioni a Forlì\\n4,1 a settimana"]' in dot  # 71 more over 17.29 weeks
    assert 'g1_k [label="Richieste di indicazioni", shape=ellipse]' in dot
    assert "o_footfall -> g1;" in dot and "g1 -> g1_k;" in dot and "g1_k -> g1_a1;" in dot


def test_user_text_in_the_goal_tree_cannot_break_out_of_its_label():
    dot = goal_text.tree_dot("en", _tree('Say "hi"]; evil -> x; \\', ['a"b', "two\nlines", "x" * 200]))
    body = dot.splitlines()[3:-1]
    assert all(_STATEMENT.fullmatch(line) for line in body), dot
    assert "evil -> x" not in re.sub(r'"(?:[^"\\]|\\.)*"', '""', dot)
    assert "…" in dot  # long actions are cut


def test_a_goal_without_kpi_or_actions_shows_what_is_missing():
    tree = goals.goal_tree([goals.Goal.from_dict({"id": "g2", "objective": "leads", "start": "2026-09-01"})],
                           dt.date(2026, 9, 1))  # fmt: skip
    dot = goal_text.tree_dot("en", tree)
    assert '[label="(untitled)"]' in dot and '[label="KPI to choose"' in dot and '[label="Actions to decide"' in dot


def test_a_generated_title_follows_the_target_and_an_owner_title_stays():
    raw = {"id": "g1", "objective": "retention", "title": "Clienti che tornano entro il 31/12/2026",
           "kpi": "repeat_rate", "start": "2026-09-01", "deadline": "2026-12-31"}  # fmt: skip
    before = goals.Goal.from_dict(raw)
    after = goals.Goal.from_dict({**raw, "target": 0.3})
    assert goal_text.retitled("it", before, after) == "Clienti che tornano: 30,0% entro il 31/12/2026"
    assert goal_text.retitled("en", before, after) == "Repeat-customer rate: 30.0% by 31 Dec 2026"
    own = goals.Goal.from_dict({**raw, "title": "Tessera: più clienti che tornano"})
    assert goal_text.retitled("it", own, goals.Goal.from_dict({**raw, "title": own.title, "target": 0.3})) is None
