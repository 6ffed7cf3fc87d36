import datetime as dt

import pytest

from core.goals import goals, smart, vanity
from core.goals import text as goal_text

TODAY = dt.date(2026, 9, 1)

TITLES = [
    # about being there
    ("Aprire una pagina Instagram", "presence"),
    ("Aprire la pagina Facebook del negozio", "presence"),
    ("Essere su TikTok", "presence"),
    ("Esserci anche su Instagram", "presence"),
    ("Creare un profilo LinkedIn aziendale", "presence"),
    ("Sbarcare sui social", "presence"),
    ("Avere una pagina Facebook", "presence"),
    ("Presenza sui social", "presence"),
    ("Open an Instagram page", "presence"),
    ("Be on TikTok", "presence"),
    ("Get on Instagram", "presence"),
    ("Set up a Facebook business page", "presence"),
    ("Create a LinkedIn company profile", "presence"),
    ("Have a Facebook page", "presence"),
    ("Improve our social media presence", "presence"),
    ("Join TikTok", "presence"),
    ("Essere più presenti sui social", "presence"),
    ("Be more active on social media", "presence"),
    # counting fans
    ("Più follower", "followers"),
    ("Avere più follower su Instagram", "followers"),
    ("Arrivare a 1000 follower", "followers"),
    ("Aumentare i follower", "followers"),
    ("10k follower entro l'estate", "followers"),
    ("More followers", "followers"),
    ("Grow our followers", "followers"),
    ("Gain 500 new followers", "followers"),
    ("Più like ai post", "likes"),
    ("Diventare virali su TikTok", "likes"),
    ("Get more likes", "likes"),
    ("Go viral", "likes"),
    # about a result
    ("Più follower a Forlì che diventano clienti", None),
    ("More followers who book a table", None),
    ("Portare 30 persone in più al mese in negozio", None),
    ("Più richieste di indicazioni da Google a Forlì", None),
    ("Double online orders from Instagram", None),
    ("Get 20 quote requests a month from LinkedIn", None),
    ("Far tornare i clienti della tessera", None),
    ("Aumentare le prenotazioni del sabato", None),
    ("Fare più visite alla pagina", None),
    ("Aprire il negozio online", None),
    ("Siamo su Facebook da anni, ora vogliamo più clienti", None),
]


@pytest.mark.parametrize(("title", "kind"), TITLES)
def test_a_title_about_presence_or_fans_is_recognised_in_italian_and_english(title, kind):
    assert vanity.title_kind(title) == kind


@pytest.mark.parametrize(
    ("title", "vague"),
    [
        ("Aumentare la visibilità", True),
        ("Farci conoscere anche a Centocelle e al Quadraro", True),
        ("Increase brand awareness", True),
        ("Grow on social", True),
        ("Be more visible", True),
        ("Essere su TikTok", True),
        ("Più richieste di indicazioni da Google a Forlì", False),
        ("Double online orders from Instagram", False),
    ],
)
def test_a_vague_title_names_no_change_one_could_count(title, vague):
    assert vanity.is_vague(title) is vague


@pytest.mark.parametrize(
    ("title", "channels"),
    [
        ("Essere su TikTok", ("tiktok",)),
        ("Più recensioni su Google e Facebook", ("facebook", "google_business")),
        ("Newsletter e sito nuovo", ("website", "newsletter")),
        ("Più clienti in negozio", ()),
    ],
)
def test_the_channels_a_title_names_are_found(title, channels):
    assert vanity.title_channels(title) == channels


def _goal(**change) -> goals.Goal:
    base = {
        "id": "g3", "objective": "local_awareness", "title": "Avere più follower", "kpi": None,
        "channels": ["instagram"], "baseline": None, "target": None, "start": "2026-09-01",
        "deadline": "2026-12-31", "place": {"kind": "town", "value": "Forlì"}, "actions": [], "owner": "Gino",
    }  # fmt: skip
    return goals.Goal.from_dict({**base, **change})


def test_a_goal_measured_by_bare_followers_is_vanity_whatever_its_title():
    found = vanity.vanity_check(
        _goal(title="Crescere a Forlì", kpi="followers", baseline=1000, target=1200), "it", TODAY
    )
    assert found is not None and found.kind == "followers"
    assert found.suggestion["kpi"] == "followers_in_area"


@pytest.mark.parametrize(("place", "kpi"), [({"kind": "town", "value": "Forlì"}, "followers_in_area"),
                                            ({"kind": "market", "value": ""}, "reach")])  # fmt: skip
def test_the_measurable_version_counts_followers_in_the_place_or_reach_for_the_whole_market(place, kpi):
    found = vanity.vanity_check(_goal(place=place), "en", TODAY)
    assert found is not None and found.suggestion["kpi"] == kpi


def test_a_measurable_goal_is_not_vanity_even_with_a_presence_title():
    assert vanity.vanity_check(_goal(title="Aprire una pagina TikTok", kpi="reach"), "it", TODAY) is None


def test_a_result_title_without_a_kpi_is_not_vanity():
    assert vanity.vanity_check(_goal(title="Portare 30 persone in più al mese in negozio"), "it", TODAY) is None


@pytest.mark.parametrize("lang", ["it", "en"])
def test_a_presence_goal_gets_a_measurable_version_that_passes_the_smart_check(lang):
    goal = _goal(objective="custom", title="Essere su TikTok", channels=[], place={"kind": "market", "value": ""})
    found = vanity.vanity_check(goal, lang, TODAY, {"tiktok": {"reach": 800}})
    assert found is not None and found.kind == "presence"
    better = goals.Goal.from_dict(found.suggestion)
    assert (better.kpi, better.channels, better.baseline) == ("reach", ("tiktok",), 800)
    assert better.target is not None and better.target > 800
    assert all(c.passed for c in smart.smart_check(better, TODAY))
    assert "Essere su TikTok" in goal_text.render(lang, found.message)
    assert better.title in goal_text.render(lang, found.proposal)


def test_the_measurable_version_is_written_in_the_language_asked():
    goal = _goal(title="Più like ai post", channels=["instagram"])
    audit = {"instagram": {"followers_in_area": 300}}
    italian = vanity.vanity_check(goal, "it", TODAY, audit)
    english = vanity.vanity_check(goal, "en", TODAY, audit)
    assert italian is not None and english is not None
    # half the very good pace: 300 x 1.025^17.29 = 459, a gain of 159 rounded to 160
    assert italian.suggestion["title"] == "Follower nella zona - Forlì: 460 entro il 31/12/2026"
    assert english.suggestion["title"] == "Followers in the area - Forlì: 460 by 31 Dec 2026"
    assert (
        goal_text.render("it", italian.message) == "«Più like ai post»: «mi piace» e visualizzazioni non sono clienti."
    )


def test_without_a_baseline_the_measurable_version_leaves_the_numbers_to_fill_in():
    found = vanity.vanity_check(_goal(deadline=None), "it", TODAY)
    assert found is not None
    assert found.suggestion["baseline"] is None and found.suggestion["target"] is None
    assert found.suggestion["deadline"] == "2026-12-31"


def test_the_measurable_version_of_an_old_goal_starts_today_with_a_deadline_ahead():
    found = vanity.vanity_check(_goal(start="2026-01-10", deadline=None, kpi="followers"), "it", TODAY)
    assert found is not None
    assert (found.suggestion["start"], found.suggestion["deadline"]) == ("2026-09-01", "2026-12-31")
