"""You and the room: the k >= 5 rule, consent, quartiles worked out by hand, one's own value always one's own."""

import datetime as dt

import pytest

from core.plan import plan as plan_mod
from core.plan import selfcheck
from core.workshop import compare, participant, workshop
from tests.core.workshop.test_room import FOLLOWERS, GOOD, PRESENCE

TODAY = dt.date(2026, 11, 27)
BAKERY, WINERY, SHOP, TRATTORIA = "10.71.10", "11.02.10", "47.25.00", "56.11.11"  # sections C, C, G, I


def _plan(posts: list[float], *, contribute=True, sector=BAKERY, followers=None, answers=None, goals=()):
    plan = workshop.participant_plan("w1", TODAY)
    channels = [{"channel": f"c{i}", "followers": followers, "posts_per_week": p} for i, p in enumerate(posts)]
    plan["business"].update(name="X", channels=channels, sector={"code": sector, "title": "t"})
    plan["selfcheck"] = answers or {}
    plan["goals"] = [{**goal, "id": f"g{i}"} for i, goal in enumerate(goals, start=1)]
    if contribute:
        plan["room"]["contribute"] = True
    return plan


def _room(*plans):
    return compare.pool([participant.Member(n, p) for n, p in enumerate(plans, start=1)], TODAY)


def _figure(room, plan, figure):
    return compare.compare(room, plan, TODAY, (figure,))[0]


def test_the_sections_of_sectors_are_those_of_ateco():
    from core import sectors

    assert [sectors.section(c) for c in (BAKERY, WINERY, SHOP, TRATTORIA)] == ["C", "C", "G", "I"]
    assert sectors.section("99.99.99") is None


def test_a_room_of_four_contributors_shows_nothing_and_says_how_many():
    room = _room(*(_plan([n]) for n in (1, 2, 3, 4)))
    shown = _figure(room, _plan([2]), "posts_week")
    assert shown.room is None and shown.room_count == 4 and shown.sector is None


def test_five_contributors_give_the_quartiles_worked_out_by_hand():
    # posts a week 1, 2, 3, 4, 10 (one channel each): inclusive quartiles at positions 1, 2, 3 of 0..4
    room = _room(*(_plan([n]) for n in (1, 2, 3, 4, 10)))
    assert _figure(room, _plan([2]), "posts_week").room == compare.Spread(5, 2.0, 3.0, 4.0)
    # 1..6: positions 1.25, 2.5, 3.75 -> 2.25, 3.5, 4.75
    room = _room(*(_plan([n]) for n in (6, 1, 5, 2, 4, 3)))
    assert _figure(room, _plan([2]), "posts_week").room == compare.Spread(6, 2.25, 3.5, 4.75)


def test_a_plan_s_posts_are_added_up_over_its_channels():
    room = _room(*(_plan([n, 1.5]) for n in (1, 2, 3, 4, 5)))  # 2.5, 3.5, 4.5, 5.5, 6.5
    assert _figure(room, _plan([1, 1]), "posts_week") == compare.Figure(
        "posts_week", 2.0, compare.Spread(5, 3.5, 4.5, 5.5), 5, compare.Spread(5, 3.5, 4.5, 5.5), 5, "C"
    )


def test_a_participant_who_does_not_contribute_changes_no_figure_but_sees_their_own_value():
    five = [_plan([n]) for n in (1, 2, 3, 4, 10)]
    outsider = _plan([500], contribute=False)
    assert _room(*five, outsider) == _room(*five)
    shown = _figure(_room(*five, outsider), outsider, "posts_week")
    assert shown.own == 500 and shown.room == compare.Spread(5, 2.0, 3.0, 4.0)


def test_sharing_one_s_name_is_not_consent_to_count():
    named = [_plan([n], contribute=False) for n in (1, 2, 3, 4, 5)]
    for plan in named:
        plan["room"]["share"] = True
    assert _room(*named).contributors == 0
    assert _figure(_room(*named), named[0], "posts_week").room is None


def test_a_sector_of_four_falls_back_to_the_room_and_one_of_five_is_compared_on_its_own():
    bakeries = [_plan([n], sector=BAKERY) for n in (1, 2, 3, 4)]
    others = [_plan([n], sector=TRATTORIA) for n in (20, 30)]
    shown = _figure(_room(*bakeries, *others), _plan([2], sector=WINERY), "posts_week")  # C, like the bakeries
    assert shown.section == "C" and shown.sector is None and shown.sector_count == 4
    assert shown.room == compare.Spread(6, 2.25, 3.5, 16.0)  # 1 2 3 4 20 30: 2 + .25, 3 + .5, 4 + .75 * 16
    bakeries.append(_plan([5], sector=BAKERY))
    shown = _figure(_room(*bakeries, *others), _plan([2], sector=WINERY), "posts_week")
    assert shown.sector == compare.Spread(5, 2.0, 3.0, 4.0)


def test_the_self_check_counts_only_when_every_question_is_answered():
    whole = {q.id: 1 for q in selfcheck.QUESTIONS}  # 8 questions at 1 point: a score of 8
    half = dict(list(whole.items())[:4])
    assert compare.values(_plan([1], answers=whole), TODAY)["selfcheck"] == len(selfcheck.QUESTIONS)
    assert compare.values(_plan([1], answers=half), TODAY)["selfcheck"] is None


def test_goals_written_and_goals_that_pass_smart():
    found = compare.values(_plan([1], goals=(GOOD, FOLLOWERS, PRESENCE)), TODAY)
    assert (found["goals"], found["smart_goals"]) == (3, 1)  # GOOD passes all five letters; the others do not


def test_the_consent_to_count_is_its_own_change_and_starts_off():
    plan = workshop.participant_plan("w1", TODAY)
    assert not compare.contributes(plan)
    change = compare.contribute_change(plan, True)
    assert change == plan_mod.Change(("room", "contribute"), None, True)
    assert compare.contributes(plan_mod.apply(plan, [change]))
    assert not workshop.shares(plan_mod.apply(plan, [change]))  # counting is not showing one's name


@pytest.mark.parametrize(
    "broken", [{"business": "text"}, {"business": {"channels": [{"posts_per_week": 1e308}, {"posts_per_week": 1e308}]}}]
)
def test_a_plan_the_room_cannot_read_is_left_out_of_the_figures(broken):
    five = [_plan([n]) for n in (1, 2, 3, 4, 10)]
    odd = {**_plan([99]), **broken, "room": {"contribute": True}}
    assert _figure(_room(*five, odd), five[0], "posts_week").room == compare.Spread(5, 2.0, 3.0, 4.0)
