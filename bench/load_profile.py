"""The mixed workshop profile: what a participant does along the path, one interaction at a time.

A participant walks the path in a loop (Start, Business, Goals, Market map, Timeline, Plan) and on each
page does what people do there in a workshop: answers self-check questions, types the business name,
adds a goal and edits it, switches a map layer and the distance rings, filters the Timeline, opens the
Plan. Moving to the next page is an interaction too (a tap on the page link). Widgets are found by a
part of their key or their label in the page's own messages, never by a hard-coded widget id, so the
profile keeps working while keys gain the plan's name and pages change.

Every action that saves records what the plan must hold afterwards (``Expect``): the benchmark checks
each one in the database at the end.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bench.load_client import ProtocolError, Run, Tab


@dataclass
class Walker:
    """One participant's state along the profile: where it is, what it chose, what the plan must hold."""

    index: int
    counter: int = 0
    expect: dict[tuple[Any, ...], Any] = field(default_factory=dict)  # plan path -> value it must hold
    goals_added: int = 0
    max_goals: int = 3  # then "add a goal" edits the goal's owner instead, so a long run's pages stay alike
    toggles: dict[str, bool] = field(default_factory=dict)
    did: str = ""  # set by an action that did something else than its kind says (an edit instead of an add)

    def flip(self, name: str) -> bool:
        self.toggles[name] = not self.toggles.get(name, False)
        return self.toggles[name]


Act = Callable[[Tab, Walker], Awaitable[Run]]


@dataclass(frozen=True)
class Action:
    kind: str  # what the participant did, for the tables
    page: str  # the page's URL name ("" is Start)
    act: Act


async def answer_selfcheck(tab: Tab, walker: Walker) -> Run:
    radios = [w for w in tab.found if w.kind == "radio" and "selfcheck/" in w.key]
    if not radios:
        raise ProtocolError(f"no self-check question on {tab.path}")
    walker.counter += 1
    radio = radios[walker.counter % len(radios)]
    answer = (walker.counter // len(radios)) % len(radio.options)
    run = await tab.choose(radio, [radio.options[answer]])
    walker.expect[("selfcheck", radio.key.rsplit("selfcheck/", 1)[1])] = answer
    return run


async def type_business_name(tab: Tab, walker: Walker) -> Run:
    walker.counter += 1
    value = f"Forno {walker.index}-{walker.counter}"
    run = await tab.send([_text(tab, "business/name", value)])
    walker.expect[("business", "name")] = value
    return run


async def add_goal(tab: Tab, walker: Walker) -> Run:
    if walker.goals_added >= walker.max_goals:
        walker.did = "edit a goal"
        return await _edit_goal(tab, walker, "owner")
    button = next((w for w in tab.found if w.kind == "button" and "add_custom" in w.key), None)
    if button is None:
        raise ProtocolError(f"no 'write your own goal' button on {tab.path}")
    run = await tab.click(button)
    walker.goals_added += 1
    walker.expect[("goals", "count")] = walker.expect.get(("goals", "count"), 0) + 1
    return run


async def edit_goal(tab: Tab, walker: Walker) -> Run:
    return await _edit_goal(tab, walker, "title")


async def _edit_goal(tab: Tab, walker: Walker, name: str) -> Run:
    boxes = [w for w in tab.found if w.kind == "text_input" and "goal:" in w.key and w.key.endswith(":" + name)]
    widget = boxes[0] if boxes else None
    if widget is None:
        raise ProtocolError(f"no goal {name} box on {tab.path}")
    walker.counter += 1
    value = f"Obiettivo {walker.index}-{walker.counter}" if name == "title" else f"Persona {walker.counter}"
    run = await tab.send([_text(tab, widget.key, value)])
    goal_id = widget.key.split("goal:", 1)[1].rsplit(":", 1)[0]
    walker.expect[("goal", goal_id, name)] = value
    return run


async def switch_layer(tab: Tab, walker: Walker) -> Run:
    layers = tab.find(key="market:layers", kind="button_group")
    chosen = set(layers.defaults)
    extra = next((i for i in range(len(layers.options)) if i not in chosen), len(layers.options) - 1)
    if walker.flip("layer"):
        chosen ^= {extra}
    return await tab.choose(layers, [layers.options[i] for i in sorted(chosen)])


async def change_rings(tab: Tab, walker: Walker) -> Run:
    rings = tab.find(key="market:radii", kind="multiselect")
    chosen = set(rings.defaults)
    if walker.flip("rings"):
        chosen ^= {0}  # the smallest ring on or off
    return await tab.choose(rings, [rings.options[i] for i in sorted(chosen)])


async def filter_timeline(tab: Tab, walker: Walker) -> Run:
    period = tab.find(key="timeline_period", kind="button_group")
    return await tab.choose(period, [period.options[1 if walker.flip("period") else 0]])


def _text(tab: Tab, key: str, value: str) -> Any:
    from bench.load_client import text_state

    return text_state(tab.find(key=key, kind="text_input").id, value)


async def stay(tab: Tab, walker: Walker) -> Run:
    """A page whose action is opening it (the Plan): when already there, a plain rerun."""
    return await tab.send([])


# The loop a participant walks; a page's first action comes right after the tap that opened it.
PROFILE: tuple[Action, ...] = (
    Action("answer a self-check question", "", answer_selfcheck),
    Action("answer a self-check question", "", answer_selfcheck),
    Action("type the business name", "business", type_business_name),
    Action("type the business name", "business", type_business_name),
    Action("add a goal", "goals", add_goal),
    Action("edit a goal", "goals", edit_goal),
    Action("switch a map layer", "market", switch_layer),
    Action("change the distance rings", "market", change_rings),
    Action("filter the Timeline", "timeline", filter_timeline),
    Action("open the Plan", "plan", stay),
)
PAGE_NAMES = {"": "Start", "business": "Business", "goals": "Goals", "market": "Market", "timeline": "Timeline"}


def open_kind(page: str) -> str:
    return "open the Plan" if page == "plan" else f"open {PAGE_NAMES.get(page, page)}"


def start_page(position: int) -> str:
    return PROFILE[position % len(PROFILE)].page


async def perform(tab: Tab, walker: Walker, position: int) -> tuple[str, Run, bool]:
    """Do the profile's action at ``position`` (mod its length): a tap on the page link when the action is on
    another page (that tap is the interaction), otherwise the action itself. The flag says whether the
    action is done (move to the next position): opening the Plan is its action."""
    action = PROFILE[position % len(PROFILE)]
    if tab.path.strip("/") != action.page:
        return open_kind(action.page), await tab.go(action.page), action.act is stay
    walker.did = ""
    run = await action.act(tab, walker)
    return walker.did or action.kind, run, True


def holds(plan: dict[str, Any], walker: Walker, goals_before: int) -> list[str]:
    """What the plan does not hold of the walker's saved changes (empty when every save is there);
    ``goals_before``: the goals the plan had when the participant started."""
    wrong: list[str] = []
    goals = {g.get("id"): g for g in plan.get("goals") or []}
    for path, value in walker.expect.items():
        if path == ("goals", "count"):
            if len(goals) != goals_before + value:
                wrong.append(f"goals: {len(goals)} instead of {goals_before} + {value} added")
            continue
        if path[0] == "goal":
            found = (goals.get(path[1]) or {}).get(path[2])
        elif path[0] == "selfcheck":
            found = (plan.get("selfcheck") or {}).get(path[1])
        else:
            found = (plan.get(path[0]) or {}).get(path[1])
        if found != value:
            wrong.append(f"{'/'.join(map(str, path))}: {found!r} instead of {value!r}")
    return wrong
