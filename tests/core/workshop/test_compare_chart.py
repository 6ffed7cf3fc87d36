"""You and the room, drawn and said: the words carry the figures worked out by hand, the chart holds no one's value."""

import json

import pytest

from core import i18n
from core.workshop import compare, compare_chart

SPREAD = compare.Spread(6, 2.25, 3.5, 4.75)


def _figure(own=2.0, room=SPREAD, sector=None, section="C", sector_count=0, figure="posts_week"):
    return compare.Figure(figure, own, room, room.count if room else 4, sector, sector_count, section)


def test_the_room_is_said_in_words_in_both_languages():
    said = [m.render("en") for m in compare_chart.sentences(_figure(), "en")]
    assert said[0] == (
        "Posts a week: you 2; half of the room 3.5 or more (the middle half between 2.25 and 4.75, 6 participants)."
    )
    assert said[1] == "Fewer than 5 businesses like yours (ATECO section C) count in the figures: the whole room only."
    italian = [m.render("it") for m in compare_chart.sentences(_figure(), "it")]
    assert italian[0] == (
        "Post a settimana: tu 2; metà della stanza 3,5 o più (la metà centrale tra 2,25 e 4,75, 6 partecipanti)."
    )


def test_businesses_like_yours_are_said_once_five_share_the_section():
    like = compare.Spread(5, 1.0, 2.0, 3.0)
    said = [m.render("en") for m in compare_chart.sentences(_figure(sector=like, sector_count=5), "en")]
    assert said[1] == (
        "Among businesses like yours (ATECO section C): half 2 or more, the middle half between 1 and 3 (5 businesses)."
    )


def test_under_five_the_room_is_not_drawn_and_the_words_say_how_many_count():
    figure = _figure(room=None)
    assert compare_chart.chart(figure, "en") is None
    said = [m.render("en") for m in compare_chart.sentences(figure, "en")]
    assert said == ["Posts a week: not enough participants yet (4 participants count, at least 5 are needed)."]


def test_a_figure_not_given_yet_says_so():
    said = compare_chart.sentences(_figure(own=None), "it")[0].render("it")
    assert said.startswith("Post a settimana: tu non ancora;")


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_chart_holds_the_quartiles_and_your_value_only_and_describes_itself(lang):
    figure = _figure(own=7.0, sector=compare.Spread(5, 1.0, 2.0, 3.0), sector_count=5)
    spec = compare_chart.chart(figure, lang).to_dict()
    rows = [row for values in spec["datasets"].values() for row in values]
    numbers = sorted({v for row in rows for v in row.values() if isinstance(v, int | float)})
    assert numbers == [1.0, 2.0, 2.25, 3.0, 3.5, 4.75, 7.0]  # both spreads' quartiles and yours, nothing else
    words = " ".join(m.render(lang) for m in compare_chart.sentences(figure, lang))
    assert spec["description"] == words
    assert "tooltip" in json.dumps(spec)
