import pytest

from core.plan import selfcheck

IDS = [q.id for q in selfcheck.QUESTIONS]


def _all(value):
    return {q: value for q in IDS}


def test_the_self_check_asks_between_six_and_ten_questions_each_pointing_at_a_step():
    assert 6 <= len(selfcheck.QUESTIONS) <= 10
    assert {q.step for q in selfcheck.QUESTIONS} <= {"goals", "market", "timeline", "monitor"}


@pytest.mark.parametrize(
    ("answers", "score", "band"),
    [
        (_all(0), 0, "adrift"),
        ({**_all(0), "goals": 2, "kpi": 2}, 4, "adrift"),
        ({**_all(1), "goals": 0}, 7, "drifting"),
        (_all(1), 8, "drifting"),
        ({**_all(1), "goals": 2, "kpi": 2, "measure": 2}, 11, "finding"),
        ({**_all(2), "places": 0, "calendar": 1}, 13, "on_course"),
        (_all(2), 16, "on_course"),
    ],
)
def test_scores_go_from_adrift_to_on_course(answers, score, band):
    result = selfcheck.score(answers)
    assert (result.score, result.band, result.maximum) == (score, band, 16)


def test_an_incomplete_self_check_has_no_verdict_yet():
    result = selfcheck.score({"goals": 2, "kpi": 0})
    assert result.band is None and result.answered == 2
    assert result.headline.key == "selfcheck.band.incomplete"


def test_the_weakest_steps_come_first():
    answers = {**_all(2), "calendar": 0, "places": 0, "where": 1}
    assert selfcheck.score(answers).steps == ("timeline", "market")


def test_answers_outside_no_partly_yes_are_ignored():
    assert selfcheck.score({"goals": 5, "kpi": "yes"}).answered == 0
