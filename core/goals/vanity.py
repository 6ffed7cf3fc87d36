"""Vanity goals: about being there ("open an Instagram page") or counting fans, not about a result.

The title is read in Italian and English after lower-casing and dropping accents; a goal counts
as vanity when its KPI is ``followers``, or when it has no KPI and its title is about presence,
followers or likes with no word for a business result (customers, sales, bookings...).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from core import i18n, schema
from core.goals import baselines, goals, kpis, objectives
from core.goals import text as goal_text

_PLATFORM = r"(?:social(?: media| network)?|instagram|insta|facebook|fb|tiktok|youtube|linkedin|twitter|x|google)"
_PAGE = r"(?:pagina|profilo|account|canale|gruppo|page|profile|channel|group)"
_PRESENCE = [
    rf"\b(?:aprire|apriamo|apro|creare|creiamo|attivare|lanciare|avviare)\b(?: \w+){{0,3}} {_PAGE}\b",
    rf"\b(?:fare|avere)(?: (?:una|un|la|il|nostra|nostro))?(?: (?:nuova|nuovo))? {_PAGE}\b",
    rf"\bapertura\b(?: \w+){{0,2}} {_PAGE}\b",
    rf"\b(?:essere|esserci|stare|starci|entrare|sbarcare|andare|approdare|arrivare)"
    rf"(?: (?:piu|anche|finalmente|sempre|presenti|presente|attivi|attivo|visibili))*"
    rf" (?:su|sui|in|nei|nel) {_PLATFORM}\b",
    rf"\bpresenza (?:sui |su |nei |online|digitale|social|{_PLATFORM})",
    r"\biscri(?:versi|verci|zione)\b",
    rf"\b(?:open|opening|create|creating|set(?:ting)? up|start|starting|launch|launching)\b(?: \w+){{0,3}} {_PAGE}\b",
    rf"\b(?:have|get|make)(?: (?:a|an|our|the|my))?(?: new)?(?: {_PLATFORM})?(?: business)? {_PAGE}\b",
    rf"\b(?:be|being|get|getting|go|going|join|joining|sign(?:ing)? up)(?: (?:more|also|present|active|visible))*"
    rf"(?: (?:on|onto|to|for))? {_PLATFORM}\b",
    rf"\b(?:{_PLATFORM}|online|digital) presence\b",
    r"\bpresence (?:on|in)\b",
]
_FOLLOWERS = [
    r"\b(?:piu|tanti|molti|aumentare|aumento|crescere|crescita|guadagnare|avere|raggiungere|fare|trovare|\d+k?)"
    r"(?: (?:i|dei|di|nuovi|altri|gli))? (?:follower|followers|seguaci|fan|iscritti)\b",
    r"\b(?:follower|followers|seguaci|fan|iscritti) in piu\b",
    r"\b(?:more|grow|growing|gain|gaining|get|getting|increase|boost|\d+k?)(?: (?:our|the|new|more))?"
    r" (?:followers|follower|fans|subscribers)\b",
    r"\bfollowers? (?:growth|count)\b",
]
_LIKES = [
    r"\b(?:piu|tanti|molti|fare|avere) (?:like|mi piace|cuori|visualizzazioni|views)\b",
    r"\b(?:diventare|andare|essere) virali?\b",
    r"\b(?:more|get|getting|lots of) (?:likes|views|hearts)\b",
    r"\bgo(?:ing)? viral\b",
]
_VAGUE = [
    r"\b(?:visibilita|visibili|visibility|visible|awareness|notorieta|presenza|presence)\b",
    r"\b(?:farsi|farci) conoscere\b|\bget known\b",
    r"\b(?:comunicare|communicate) (?:meglio|better)\b",
    r"\b(?:crescere|grow|growing)(?: (?:sui|su|on))? social\b",
    r"\b(?:migliorare|improve|improving)(?: (?:la|i|il|le|our|the))?"
    r" (?:comunicazione|social|immagine|communication|image)",
    r"\b(?:fare|do|doing) (?:marketing|social)\b",
]
_RESULT = (
    r"\b(?:client|vend|prenot|ordin|fattur|incass|negozi|contatt|preventiv|richiest|custom|sales?\b|sell|"
    r"book|reservation|order|revenue|shop|store|lead|enquir|inquir|quote)"
)
_CHANNEL_WORDS = {
    "instagram": r"instagram|insta|\big\b", "facebook": r"facebook|\bfb\b", "tiktok": r"tik ?tok",
    "youtube": r"youtube", "linkedin": r"linkedin", "x": r"twitter|\bx\b",
    "google_business": r"google", "whatsapp": r"whatsapp", "newsletter": r"newsletter",
    "website": r"\bsito\b|website|\bweb site\b",
}  # fmt: skip


@dataclass(frozen=True)
class Vanity:
    kind: str  # "presence" | "followers" | "likes"
    message: i18n.Message  # names what makes it vanity
    proposal: i18n.Message  # the measurable version, in one line
    suggestion: dict[str, Any]  # the measurable version as a goal dict, ready to replace the goal


def normalize(title: str) -> str:
    """Lower case, no accents, punctuation as spaces: ``"Più follower!"`` -> ``"piu follower"``."""
    text = unicodedata.normalize("NFKD", title.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def _any(patterns: list[str], text: str) -> bool:
    return any(re.search(p, text) for p in patterns)


def title_kind(title: str) -> str | None:
    """``"presence"``, ``"followers"`` or ``"likes"`` when the title is about that and no business result."""
    text = normalize(title)
    if _any(_PRESENCE, text):
        return "presence"
    if re.search(_RESULT, text):
        return None
    if _any(_FOLLOWERS, text):
        return "followers"
    if _any(_LIKES, text):
        return "likes"
    return None


def is_vague(title: str) -> bool:
    """A title that names no change one could count: vanity, or "visibility", "grow on social"..."""
    return title_kind(title) is not None or _any(_VAGUE, normalize(title))


def title_channels(title: str) -> tuple[str, ...]:
    """The channels a title names, in ``schema.CHANNELS`` order: ``"Essere su TikTok"`` -> ``("tiktok",)``."""
    text = normalize(title)
    return tuple(c for c in schema.CHANNELS if c in _CHANNEL_WORDS and re.search(_CHANNEL_WORDS[c], text))


def vanity_check(
    goal: goals.Goal, lang: str, today: dt.date, audit: baselines.Baselines | None = None
) -> Vanity | None:
    """Name a vanity goal and propose its measurable version, starting today (``audit`` fills its baseline)."""
    if goal.kpi not in ("followers", None):
        return None
    kind = "followers" if goal.kpi == "followers" else title_kind(goal.title)
    if kind is None:
        return None
    channels = goal.channels or title_channels(goal.title)
    kpi = measurable_kpi(goal.objective, channels, goal.place)
    baseline = baselines.baseline(kpi, channels, audit or {})
    start = max(goal.start, today)
    deadline = goal.deadline if goal.deadline and goal.deadline > start else goals.default_deadline(start)
    weeks = goals.weeks_between(start, deadline)
    target = kpis.suggested_target(kpi, baseline, weeks) if baseline is not None and weeks > 0 else None
    better = replace(
        goal,
        title=goal_text.goal_title(lang, kpi, goal.place, target, deadline),
        kpi=kpi,
        channels=channels,
        baseline=baseline,
        target=target,
        start=start,
        deadline=deadline,
    )
    message = i18n.Message(f"goals.vanity.{kind}", {"title": goal.title, "kpi": kpi})
    proposal = i18n.Message("goals.vanity.proposal", {"suggestion": better.title})
    return Vanity(kind, message, proposal, better.to_dict())


def measurable_kpi(objective_id: str, channels: tuple[str, ...], place: goals.Place) -> str:
    """The first KPI of the objective that measures a result on these channels (never bare followers)."""
    if objective_id == "custom":
        candidates = ["reach", "link_clicks"] if place.kind == "market" else ["followers_in_area", "reach"]
    else:
        candidates = [k for k in objectives.objective_kpis(objective_id) if k != "followers"]
        if place.kind == "market" and len(candidates) > 1:
            candidates = [k for k in candidates if k != "followers_in_area"]
    for kpi in candidates:
        platforms = kpis.KPIS[kpi].platforms
        if not platforms or set(channels) <= set(platforms):
            return kpi
    return candidates[0]
