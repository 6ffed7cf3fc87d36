"""Sessions, not pages: one browser tab's session driven through several plans with ``AppTest``.

A real browser keeps showing the last page it received until the next one arrives, and every rerun it
sends carries the values of the widgets it shows. ``AppTest`` does the same: each run sends the widget
values of the element tree it holds. So a tree kept from an earlier run (``Tab.shown``) is the page the
browser still shows, and a tap on it after the link changed (``tap_shown``) is a tap inside the window
between Back (or a new ``?plan=``) and the new page: exactly what a quick finger does on a phone.

Every scenario checks the database afterwards (``plan``, ``seat``), never only the screen.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from streamlit.proto.WidgetStates_pb2 import WidgetStates
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import get_widget_state

from core.plan import plan as plan_mod
from tests.conftest import ROOT
from ui import resources

TIMEOUT = 60


class Tab:
    """One browser tab: its session, its address (``?plan=``), and the page it shows."""

    def __init__(self, lang: str = "en", token: str | None = None):
        self.at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
        self.at.query_params["lang"] = lang
        if token:
            self.at.query_params["plan"] = token
        self.at.run()

    @property
    def token(self) -> str | None:
        value = self.at.query_params.get("plan")
        return (value[0] if isinstance(value, list) else value) or None

    def page(self, script: str) -> Tab:
        self.at.switch_page(script).run()
        return self

    def shown(self) -> Shown:
        """The page the browser shows now, with the values it would send (later runs do not change it)."""
        return Shown(self, self.at._tree)  # noqa: SLF001 - AppTest keeps the page of its last run here

    def go_to(self, token: str | None) -> Tab:
        """Back, or a link to another plan, in the same tab: the rerun carries the values still shown."""
        if token:
            self.at.query_params["plan"] = token
        else:
            self.at.query_params.pop("plan", None)
        self.at.run()
        return self

    def button(self, ends: str) -> Any:
        """The button whose key ends with ``ends`` (keys differ between versions of the page; the end is the
        field or the sample's slug)."""
        found = [b for b in self.at.button if str(b.key or "").endswith(ends)]
        assert found, f"no button whose key ends with {ends!r}: {[b.key for b in self.at.button]}"
        return found[0]

    def load_sample(self, slug: str) -> Tab:
        """Press the sample's button in its card, then confirm if the page asks."""
        self.button(slug).click().run()
        confirm = [b for b in self.at.button if "room/yes" in str(b.key or "")]
        if confirm:
            confirm[0].click().run()
        return self

    def radios(self) -> list[Any]:
        return list(self.at.radio)


class Shown:
    """A page as the browser showed it: its widgets and the values it sends with the next rerun."""

    def __init__(self, tab: Tab, tree: Any):
        self.tab, self.tree = tab, tree
        self.states = tree.get_widget_states()  # read now: the session moves on, the screen does not

    def send(self, element: Any) -> None:
        """Rerun the tab with this page's values and ``element`` (a widget of this page, given a new value
        with ``set_value``/``input``): what a tap on the stale page sends, whatever the address is now."""
        states = WidgetStates()
        states.CopyFrom(self.states)
        changed = get_widget_state(element)
        assert changed is not None
        kept = [w for w in states.widgets if w.id != changed.id]
        del states.widgets[:]
        states.widgets.extend([*kept, changed])
        self.tab.at._run(states)  # noqa: SLF001 - the public run() would send the current page's values

    def radio(self, index: int) -> Any:
        return self.tree.radio[index]

    def text_input(self, ends: str) -> Any:
        found = [w for w in self.tree.text_input if str(w.key or "").endswith(ends)]
        assert found, f"no text input whose key ends with {ends!r}"
        return found[0]


def tap_shown(shown: Shown, radio: int, value: int) -> None:
    """A tap on a self-check answer of the page ``shown`` (kept with ``Tab.shown``), sent at once."""
    shown.send(shown.radio(radio).set_value(value))


def plan(token: str) -> dict[str, Any]:
    loaded = resources.get_store().load(token)
    assert loaded is not None, "no such plan"
    return loaded[0]


def version(token: str) -> int:
    loaded = resources.get_store().load(token)
    assert loaded is not None
    return loaded[1]


def own_plan(name: str = "Bottega di Anna", selfcheck: dict[str, int] | None = None, **extra: Any) -> str:
    """A user's own plan, stored as the user left it."""
    doc = plan_mod.new_plan(dt.date.today())
    doc["business"]["name"] = name
    doc["selfcheck"] = dict(selfcheck or {})
    doc.update(extra)
    return resources.get_store().create(doc)[0]


def sample_file(slug: str, name: str) -> Any:
    """A sample's own file, read here with json (not through the loader the pages use)."""
    return json.loads((ROOT / "sample_data" / slug / name).read_text(encoding="utf-8"))


def sample_answers(slug: str) -> dict[str, int]:
    return dict(sample_file(slug, "profile.json")["selfcheck"])


def plan_count() -> int:
    import sqlalchemy as sa

    from core.plan import store as store_mod

    with resources.get_store().engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(store_mod.plans)).scalar() or 0)
