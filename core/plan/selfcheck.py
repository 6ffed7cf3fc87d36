""" "Are you adrift?": the self-check from the article, scored from adrift to on course.

Each question comes from a complaint in the seed article (goals are a chimera, little
planning, little monitoring, weak relationships, market and its geography unknown, time and
place not linked to actions) and points at the step of the path that fixes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import Message

ANSWERS: tuple[int, ...] = (0, 1, 2)  # no, partly, yes


@dataclass(frozen=True)
class Question:
    id: str
    step: str  # the path step that addresses a weak answer


QUESTIONS: tuple[Question, ...] = (
    Question("goals", "goals"),
    Question("kpi", "goals"),
    Question("measure", "monitor"),
    Question("relationships", "monitor"),
    Question("market", "market"),
    Question("where", "market"),
    Question("calendar", "timeline"),
    Question("places", "timeline"),
)

# (upper bound of the score share, band id): shares are score / maximum.
BANDS: tuple[tuple[float, str], ...] = ((0.3, "adrift"), (0.55, "drifting"), (0.8, "finding"), (1.0, "on_course"))


@dataclass(frozen=True)
class Result:
    answered: int
    score: int
    maximum: int
    band: str | None  # None until every question is answered
    steps: tuple[str, ...]  # steps that matter most, weakest first

    @property
    def headline(self) -> Message:
        return Message(f"selfcheck.band.{self.band}" if self.band else "selfcheck.band.incomplete")


def score(answers: dict[str, int]) -> Result:
    """Score the answers; steps are ordered by how much they are lacking (then by path order)."""
    given = {q.id: answers[q.id] for q in QUESTIONS if answers.get(q.id) in ANSWERS}
    total = sum(given.values())
    maximum = 2 * len(QUESTIONS)
    band = None
    if len(given) == len(QUESTIONS):
        share = total / maximum
        band = next(name for bound, name in BANDS if share <= bound)
    lack: dict[str, int] = {}
    for q in QUESTIONS:
        if q.id in given and given[q.id] < 2:
            lack[q.step] = lack.get(q.step, 0) + (2 - given[q.id])
    order = [q.step for q in QUESTIONS]
    steps = tuple(sorted(lack, key=lambda s: (-lack[s], order.index(s))))
    return Result(len(given), total, maximum, band, steps)
