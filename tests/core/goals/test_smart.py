import datetime as dt

import pytest

from core.goals import goals, smart, tracking
from core.goals import text as goal_text

TODAY = dt.date(2026, 9, 1)
GOOD_IT = {
    "id": "g1", "objective": "footfall", "title": "Più richieste di indicazioni da Google a Forlì",
    "kpi": "gbp_directions", "channels": ["google_business"], "baseline": 269, "target": 340,
    "start": "2026-09-01", "deadline": "2026-12-31", "place": {"kind": "town", "value": "Forlì"},
    "actions": ["Foto nuove sulla scheda Google"], "owner": "Gino",
}  # fmt: skip
GOOD_EN = {
    "id": "g2", "objective": "local_awareness", "title": "Reach more people in Cesena through Instagram",
    "kpi": "followers_in_area", "channels": ["instagram"], "baseline": 310, "target": 420,
    "start": "2026-09-01", "deadline": "2026-12-31", "place": {"kind": "town", "value": "Cesena"},
    "actions": ["One local post a week"], "owner": "Anna",
}  # fmt: skip
BASES = {"it": GOOD_IT, "en": GOOD_EN}
TENFOLD = {"objective": "custom", "kpi": "followers", "baseline": 1000, "target": 10000, "deadline": "2026-09-29"}

# (language of the title, change to the good goal, letter, passed, reason key, fix key)
RULES = [
    # Specific: what, on which channels, where, who
    ("it", {"title": ""}, "S", False, "s.no_title", "s.fix_title"),
    ("en", {"title": "   "}, "S", False, "s.no_title", "s.fix_title"),
    ("it", {"title": "Aumentare la visibilità", "kpi": None}, "S", False, "s.vague", "s.fix_vague"),
    ("en", {"title": "Improve our social media presence", "kpi": None}, "S", False, "s.vague", "s.fix_vague"),
    ("it", {"title": "Aprire una pagina TikTok", "kpi": None}, "S", False, "s.vague", "s.fix_vague"),
    ("en", {"title": "Improve our social media presence"}, "S", True, "s.ok_place", None),  # the KPI says what
    ("it", {"channels": []}, "S", False, "s.no_channel", "s.fix_channel"),
    ("en", {"place": {"kind": "area", "value": ""}}, "S", False, "s.no_place", "s.fix_place"),
    ("it", {"owner": " "}, "S", False, "s.no_owner", "s.fix_owner"),
    ("it", {"place": {"kind": "market", "value": ""}}, "S", True, "s.ok", None),
    ("it", {}, "S", True, "s.ok_place", None),
    ("en", {}, "S", True, "s.ok_place", None),
    # Measurable: a KPI, a starting value, a value to reach
    ("it", {"kpi": None}, "M", False, "m.no_kpi", "m.fix_kpi"),
    ("en", {"baseline": None}, "M", False, "m.no_baseline", "m.fix_baseline"),
    ("it", {"target": None}, "M", False, "m.no_target", "m.fix_target"),
    ("it", {}, "M", True, "m.ok", None),
    ("en", {}, "M", True, "m.ok", None),
    # Achievable: the target against the baseline and the plausible weekly growth
    ("it", {"kpi": None}, "A", False, "a.unknown", "a.fix_unknown"),
    ("en", {"baseline": None}, "A", False, "a.unknown", "a.fix_unknown"),
    ("it", {"target": None}, "A", False, "a.unknown", "a.fix_unknown"),
    ("en", {"deadline": None}, "A", False, "a.unknown", "a.fix_unknown"),
    ("it", {"deadline": "2026-08-01"}, "A", False, "a.no_time", "a.fix_no_time"),
    ("en", {"target": 310}, "A", False, "a.no_change", "a.fix_no_change"),
    ("it", {"objective": "leads", "kpi": "cost_per_lead", "baseline": 20, "target": 25}, "A", False,
     "a.no_change_down", "a.fix_no_change"),
    ("en", TENFOLD, "A", False, "a.too_much_pct", "a.fix_too_much"),  # tenfold followers in four weeks
    ("it", {"baseline": 0, "target": 2000, "deadline": "2026-09-29"}, "A", False, "a.too_much", "a.fix_too_much"),
    ("en", {"kpi": "engagement_rate", "baseline": 0.02, "target": 0.10}, "A", False, "a.too_much", "a.fix_too_much"),
    # beyond ten years at the best pace (counts over a billion are refused at the door: a cost cut a trillion-fold)
    ("it", {"objective": "leads", "kpi": "cost_per_lead", "baseline": 1e6, "target": 1e-6}, "A", False,
     "a.too_much_pct", "a.fix_lower"),
    ("it", {}, "A", True, "a.ok", None),
    ("en", {}, "A", True, "a.ok", None),
    # Relevant: the KPI measures the objective
    ("it", {"kpi": None}, "R", False, "r.no_kpi", "r.fix_kpi"),
    ("it", {"kpi": "followers"}, "R", False, "r.mismatch", "r.fix_mismatch"),
    ("en", {"objective": "online_sales"}, "R", False, "r.mismatch", "r.fix_mismatch"),
    ("en", {"objective": "custom"}, "R", True, "r.custom", None),
    ("it", {}, "R", True, "r.ok", None),
    ("en", {}, "R", True, "r.ok", None),
    # Time-bound: a deadline after the start, not past, neither too close nor too far
    ("it", {"deadline": None}, "T", False, "t.no_deadline", "t.fix_deadline"),
    ("en", {"deadline": "2026-09-01"}, "T", False, "t.before_start", "t.fix_deadline"),
    ("it", {"start": "2026-01-10", "deadline": "2026-06-30"}, "T", False, "t.past", "t.fix_past"),
    ("en", {"deadline": "2026-09-22"}, "T", False, "t.too_short", "t.fix_deadline"),
    ("it", {"deadline": "2027-12-31"}, "T", False, "t.too_far", "t.fix_too_far"),
    ("it", {}, "T", True, "t.ok", None),
    ("en", {}, "T", True, "t.ok", None),
]  # fmt: skip


def _check(lang: str, change: dict, letter: str) -> smart.Check:
    goal = goals.Goal.from_dict({**BASES[lang], **change})
    return next(c for c in smart.smart_check(goal, TODAY) if c.letter == letter)


@pytest.mark.parametrize(("lang", "change", "letter", "passed", "reason", "fix"), RULES)
def test_each_smart_rule_passes_or_fails_with_its_reason_and_a_fix(lang, change, letter, passed, reason, fix):
    check = _check(lang, change, letter)
    assert (check.passed, check.reason.key) == (passed, f"goals.smart.{reason}")
    assert (check.fix.key if check.fix else None) == (fix and f"goals.smart.{fix}")
    for shown in ("it", "en"):
        for message in filter(None, (check.reason, check.fix)):
            text = goal_text.render(shown, message)
            assert text.strip() and "{" not in text and "\n" not in text


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_good_goal_passes_all_five_checks_in_order(lang):
    checks = smart.smart_check(goals.Goal.from_dict(BASES[lang]), TODAY)
    assert [c.letter for c in checks] == ["S", "M", "A", "R", "T"]
    assert all(c.passed and c.fix is None for c in checks)


def test_tenfold_followers_in_a_month_says_the_weekly_growth_it_asks_for_and_how_to_fix_it():
    check = _check("en", TENFOLD, "A")
    # 10^(1/4) - 1 = 77.8% a week; 5% a week gives 1000 x 1.05^4 = 1,216; 1.05^47.19 = 10, so 331 days.
    assert goal_text.render("en", check.reason) == (
        "10,000 by 29 Sep 2026 means changing Followers by 77.8% every week for 4 weeks: "
        "even 5% a week is very ambitious."
    )
    assert goal_text.render("it", check.fix) == (
        "Punta a circa 1.216 entro il 29/09/2026, oppure tieni 10.000 e sposta la scadenza al 29/07/2027."
    )


def test_a_passed_achievable_check_shows_the_weekly_pace_in_the_kpis_unit():
    check = _check("it", {"kpi": "engagement_rate", "baseline": 0.02, "target": 0.03}, "A")
    # 121 days = 17.29 weeks: +1 point is 0.058 points a week; at best 2% + 0.25 x 17.29 points = 6.3%
    assert check.passed
    assert goal_text.render("it", check.reason) == (
        "Da 2,0% a 3,0% in 17 settimane: in media 0,06 punti a settimana dall'inizio, alla portata (al massimo "
        "circa 6,3%)."
    )


def test_a_missing_target_suggests_one_that_would_pass():
    check = _check("it", {"target": None}, "M")
    example = check.fix.params["example_val"]
    assert _check("it", {"target": example}, "A").passed


def test_relevant_suggests_the_kpis_that_measure_the_objective():
    check = _check("it", {"kpi": "followers"}, "R")
    assert goal_text.render("it", check.fix) == (
        "Misuralo con Richieste di indicazioni, Chiamate da Google, Nuovi clienti, oppure cambia obiettivo."
    )


def test_a_missing_channel_is_suggested_from_the_channel_the_title_names():
    check = _check("it", {"channels": []}, "S")
    assert check.fix.params["channels"] == ("google_business",)


def test_the_shortest_goal_is_as_long_as_the_data_tracking_needs_to_judge():
    assert smart.MIN_WEEKS == tracking.MIN_WEEKS


def test_a_goal_on_the_market_abroad_says_abroad_not_the_whole_market():
    from core import samples

    goal = goals.Goal.from_dict(samples.load_sample("cantina").goals[0])
    assert goal.place == goals.Place("market", "abroad")
    specific = smart.smart_check(goal, dt.date(2026, 12, 7))[0]
    assert goal_text.render("en", specific.reason) == "Clear: Website, Newsletter, abroad, Lorenzo looks after it."
