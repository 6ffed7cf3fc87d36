"""Broken plan files: every field of a full plan replaced by a value of the wrong type or range.

A plan file is user input (it is uploaded, edited by hand, produced by another version). Each
mutant must either be refused by ``core.plan.from_json`` with a ``PlanError`` (a message saying
which field), never another exception; or, when accepted, open without an error on Start, on the
Plan page (which shows every section) and on the pages that read the changed section.
Before ``core.plan.check`` a sector given as a number, a town without a name or a sample that is
not one crashed Business, Goals and Plan; an offline action whose kind is a list crashed the check
itself (a ``TypeError``).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from core.plan import plan
from tests.conftest import ROOT
from tests.core.plan.test_check import full_plan
from tests.hostile import conftest

WRONG = (None, 5, -1.5, True, "x", [], {"a": 1})
READERS = {  # section -> the pages that read it, besides the Plan page that shows everything
    "business": ("pages/business.py", "pages/market.py"),
    "goals": ("pages/goals.py", "pages/monitor.py"),
    "areas": ("pages/market.py",),
    "competitors": ("pages/market.py",),
    "followers": ("pages/market.py",),
    "calendar": ("pages/timeline.py",),
    "offline": ("pages/timeline.py", "pages/monitor.py"),
}


def _paths(doc: Any, prefix: tuple = ()) -> Iterator[tuple]:
    """Every key and the first two items of every list, down the whole document."""
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc[:2]):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))


def _mutants() -> Iterator[tuple[str, dict[str, Any]]]:
    base = full_plan()
    for path in _paths(base):
        if path[0] in ("format", "version"):  # checked first, covered in tests/core/test_plan.py
            continue
        for wrong in WRONG:
            doc = copy.deepcopy(base)
            target = doc
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = wrong
            yield f"{'.'.join(map(str, path))}={wrong!r}", doc  # the name starts with the section


@pytest.fixture(scope="module")
def judged() -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """The mutants split into refused and accepted, and any that raised something else."""
    out: dict[str, list] = {"refused": [], "accepted": [], "crashed": []}
    for name, doc in _mutants():
        try:
            plan.from_json(json.dumps(doc))
        except plan.PlanError:
            out["refused"].append((name, doc))
        except Exception as error:  # noqa: BLE001 - what the test looks for
            out["crashed"].append((f"{name}: {error!r}", doc))
        else:
            out["accepted"].append((name, doc))
    conftest.COUNTS["broken plan files tried"] += sum(len(v) for v in out.values())
    return out


def test_every_broken_plan_file_is_refused_with_a_message_or_accepted_never_a_crash(judged):
    assert [name for name, _ in judged["crashed"]] == []
    assert len(judged["refused"]) > 5 * len(judged["accepted"])  # most wrong values are caught at the door


def test_every_accepted_plan_opens_on_the_pages_that_read_it_without_an_error(judged):
    from ui import resources

    store = resources.get_store()
    broken = []
    for name, doc in judged["accepted"]:
        token = store.create(doc)[0]
        section = name.split(".")[0].split("=")[0]
        for page in ("app.py", "pages/plan.py", *READERS.get(section, ())):
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
            at.query_params["lang"], at.query_params["plan"] = "it", token
            at.run()
            if page != "app.py":
                at.switch_page(page).run()
            if at.exception:
                broken.append(f"{page} with {name}")
    conftest.COUNTS["accepted broken plans opened on the pages that read them"] += len(judged["accepted"])
    assert broken == []
