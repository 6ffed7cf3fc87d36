"""A participant's browser tab reduced to what the server sees: Streamlit's websocket protocol.

The front end of Streamlit 1.67 loads the page, asks ``/_stcore/health`` (which sets the
``_streamlit_xsrf`` cookie) and ``/_stcore/host-config``, then opens ``/_stcore/stream`` with the
subprotocols ``["streamlit", <xsrf cookie>]`` and sends a ``BackMsg.rerun_script``: on the first
run with the page's name from the URL (``business``) and no page hash, afterwards with the page
hash from ``new_session``, the widget states and the hashes of the cacheable messages it already
has. The server answers with ``ForwardMsg``s; a run ends with ``script_finished``. A ``Tab`` does
the same, without drawing anything, so one process can hold hundreds of them.
"""

from __future__ import annotations

import asyncio
import http.cookiejar
import time
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

FINISHED = ForwardMsg.ScriptFinishedStatus
DONE = {  # EARLY_FOR_RERUN: st.rerun() follows
    FINISHED.FINISHED_SUCCESSFULLY,
    FINISHED.FINISHED_WITH_COMPILE_ERROR,
    FINISHED.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
}
WIDGETS = (
    "text_input",
    "text_area",
    "checkbox",
    "selectbox",
    "radio",
    "number_input",
    "button_group",
    "multiselect",
    "button",
    "date_input",
)
CHOICES = ("selectbox", "radio", "multiselect", "button_group")  # sent as the chosen options' labels


class ProtocolError(RuntimeError):
    """The server closed the socket, sent an exception element, or did not finish a run in time."""


@dataclass(frozen=True)
class Widget:
    id: str
    kind: str  # the Element field: "text_input", "checkbox", ...
    label: str
    options: tuple[str, ...] = ()  # what a choice shows (radio, selectbox, multiselect, pills), as sent
    defaults: tuple[int, ...] = ()  # the options selected when it was drawn (indices)
    fragment: str = ""  # the st.fragment it was drawn in: a change reruns only that fragment

    @property
    def key(self) -> str:
        """The page's own key (``w:business/name``): Streamlit writes it after the id's hash, ``$$ID-<hash>-<key>``."""
        parts = self.id.split("-", 2)
        return parts[2] if len(parts) == 3 and parts[0] == "$$ID" else ""

    def matches(self, key: str | None = None, label: str | None = None) -> bool:
        """Found by a part of its key (``business/name`` also finds ``w:<plan>:business/name``) or by its label."""
        return (key is None or key in self.key) and (label is None or label == self.label)


@dataclass(frozen=True)
class Link:
    """A page link the page drew: where it goes (page hash) and the query it carries."""

    page: str  # the page's URL name: "business", "" for the main page (Start)
    page_hash: str
    query: str


def rerun_msg(
    query: str,
    *,
    page_hash: str = "",
    page_name: str = "",
    widgets: Iterable[WidgetState] = (),
    cached: Iterable[str] = (),
    locale: str = "it-IT",
    timezone: str = "Europe/Rome",
    url: str = "",
) -> BackMsg:
    """The ``BackMsg`` the front end sends for a run: first load (``page_name``) or rerun (``page_hash``)."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = query
    state.page_script_hash = page_hash
    state.page_name = page_name
    state.widget_states.widgets.extend(widgets)
    state.cached_message_hashes.extend(cached)
    info = state.context_info
    info.timezone, info.timezone_offset, info.locale, info.url = timezone, -60, locale, url
    info.is_embedded, info.color_scheme = False, "light"
    return msg


def text_state(widget_id: str, value: str) -> WidgetState:
    return WidgetState(id=widget_id, string_value=value)


def choice_state(widget: Widget, chosen: list[str]) -> WidgetState:
    """The state the front end sends when ``chosen`` (option labels) are picked in ``widget``."""
    unknown = [c for c in chosen if c not in widget.options]
    if unknown:
        raise ProtocolError(f"{widget.label!r} has no option {unknown[0]!r}; it has {list(widget.options)}")
    if widget.kind in ("radio", "selectbox"):
        if len(chosen) != 1:
            raise ProtocolError(f"{widget.label!r} takes one option, not {len(chosen)}")
        return WidgetState(id=widget.id, string_value=chosen[0])
    if widget.kind in ("multiselect", "button_group"):
        state = WidgetState(id=widget.id)
        state.string_array_value.data.extend(chosen)
        return state
    raise ProtocolError(f"{widget.label!r} is a {widget.kind}, not a choice")


def _defaults(kind: str, proto: object) -> tuple[int, ...]:
    if kind in ("multiselect", "button_group"):
        return tuple(proto.default)  # type: ignore[attr-defined]
    if kind in ("radio", "selectbox"):
        try:
            if not proto.HasField("default"):  # type: ignore[attr-defined]
                return ()
        except ValueError:  # not an optional field in this version: always set
            pass
        return (proto.default,)  # type: ignore[attr-defined]
    return ()


def _options(kind: str, proto: object) -> tuple[str, ...]:
    if kind == "button_group":
        return tuple(o.content for o in proto.options)  # type: ignore[attr-defined]
    if kind in CHOICES:
        return tuple(proto.options)  # type: ignore[attr-defined]
    return ()


def widgets_in(msg: ForwardMsg) -> list[Widget]:
    """The input widgets a ``ForwardMsg`` draws (a delta's new element), with their ids, labels and options."""
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return []
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    if kind not in WIDGETS:
        return []
    proto = getattr(element, kind)
    return [Widget(proto.id, kind, proto.label, _options(kind, proto), _defaults(kind, proto), msg.delta.fragment_id)]


def links_in(msg: ForwardMsg) -> list[Link]:
    """The page links a ``ForwardMsg`` draws."""
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return []
    element = msg.delta.new_element
    if element.WhichOneof("type") != "page_link":
        return []
    link = element.page_link
    if link.external or not link.page_script_hash:
        return []
    return [Link(urlsplit(link.page).path.strip("/"), link.page_script_hash, link.query_string)]


@dataclass
class Run:
    """What one script run sent: seconds until ``script_finished``, bytes, messages, widgets seen."""

    seconds: float = 0.0
    bytes: int = 0
    messages: int = 0
    widgets: list[Widget] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)


@dataclass
class Tab:
    """One participant's tab on ``base`` (``http://host:port``), on ``path`` with ``query``."""

    base: str
    path: str  # "/business"
    query: str  # "plan=...&lang=it"
    locale: str = "it-IT"
    page_hash: str = ""
    widgets: dict[str, Widget] = field(default_factory=dict)  # label -> widget, from the last run
    found: list[Widget] = field(default_factory=list)  # every widget of the last run, in page order
    links: dict[str, Link] = field(default_factory=dict)  # page URL name ("business", "" for Start) -> its link
    cached: set[str] = field(default_factory=set)
    cookies: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)
    last_sent: BackMsg | None = None  # the last message sent (the check compares it with the browser's)
    _ws: ClientConnection | None = None

    def _http(self, path: str) -> bytes:
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        with opener.open(self.base + path, timeout=30) as response:
            return response.read()

    def cookie_header(self) -> str:
        """Every cookie the server set (also ``Secure`` ones: the benchmark runs on plain HTTP)."""
        return "; ".join(f"{c.name}={c.value}" for c in self.cookies)

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.cookies if c.name == name), None)

    async def open(self, timeout: float = 60) -> Run:
        """Load the page as the front end does and wait for the first run to finish."""
        url = f"{self.path}?{self.query}"
        for path in (url, "/_stcore/health", "/_stcore/host-config"):
            await asyncio.to_thread(self._http, path)
        xsrf = self.cookie("_streamlit_xsrf") or "PLACEHOLDER_AUTH_TOKEN"
        ws_url = "ws" + self.base.removeprefix("http") + "/_stcore/stream"
        self._ws = await connect(
            ws_url,
            subprotocols=["streamlit", xsrf],  # type: ignore[list-item]  # the front end's token trick
            additional_headers={"Cookie": self.cookie_header()},
            origin=self.base,  # type: ignore[arg-type]
            max_size=None,
            ping_interval=None,
            open_timeout=timeout,
        )
        name = urlsplit(self.path).path.strip("/")
        first = rerun_msg(self.query, page_name=name, locale=self.locale, url=self.base + url)
        return await self._run(first, timeout)

    def find(self, *, key: str | None = None, label: str | None = None, kind: str | None = None) -> Widget:
        """The first widget of the last run with ``key`` in its key and/or this ``label`` (and ``kind``)."""
        for widget in self.found:
            if widget.matches(key, label) and (kind is None or widget.kind == kind):
                return widget
        seen = sorted(f"{w.kind} {w.key or w.label!r}" for w in self.found)
        raise ProtocolError(f"no {kind or 'widget'} with key {key!r} / label {label!r} on {self.path}; seen: {seen}")

    async def send(self, states: list[WidgetState], timeout: float = 60) -> Run:
        """A rerun of the page carrying ``states``: what the front end sends when a widget changes (a widget
        inside an ``st.fragment`` names its fragment, and only that fragment reruns)."""
        fragments = {w.fragment for w in self.found if any(w.id == s.id for s in states)}
        msg = rerun_msg(
            self.query,
            page_hash=self.page_hash,
            widgets=states,
            cached=sorted(self.cached),
            locale=self.locale,
            url=f"{self.base}{self.path}?{self.query}",
        )
        if len(fragments) == 1:
            msg.rerun_script.fragment_id = fragments.pop()
        return await self._run(msg, timeout)

    async def set_text(self, label: str, value: str, timeout: float = 60, *, key: str | None = None) -> Run:
        """Type ``value`` into the text box labelled ``label`` (or with ``key`` in its key) and press Enter."""
        widget = self.find(key=key) if key else self.widgets.get(label)
        if widget is None:
            raise ProtocolError(f"no widget labelled {label!r} on {self.path}; seen: {sorted(self.widgets)}")
        return await self.send([text_state(widget.id, value)], timeout)

    async def choose(self, widget: Widget, chosen: list[str], timeout: float = 60) -> Run:
        """Pick ``chosen`` (option labels) in a radio, selectbox, multiselect or pills: one rerun."""
        return await self.send([choice_state(widget, chosen)], timeout)

    async def click(self, widget: Widget, timeout: float = 60) -> Run:
        """Click a button: one rerun with its trigger set."""
        if widget.kind != "button":
            raise ProtocolError(f"{widget.label!r} is a {widget.kind}, not a button")
        return await self.send([WidgetState(id=widget.id, trigger_value=True)], timeout)

    async def go(self, page: str, timeout: float = 60) -> Run:
        """Follow the page's link to ``page`` (its URL name, ``""`` for Start), as a tap on it does."""
        link = self.links.get(page)
        if link is None:
            raise ProtocolError(f"no link to {page!r} on {self.path}; links: {sorted(self.links)}")
        self.path, self.query, self.page_hash = "/" + page, link.query or self.query, link.page_hash
        return await self.send([], timeout)

    async def _run(self, msg: BackMsg, timeout: float) -> Run:
        if self._ws is None:
            raise ProtocolError("the tab is not open")
        run, widgets, started = Run(), {}, time.perf_counter()
        await self._ws.send(msg.SerializeToString())
        self.last_sent = msg
        deadline = started + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise ProtocolError(f"no script_finished within {timeout:.0f} s")
            try:
                data = await asyncio.wait_for(self._ws.recv(), left)
            except TimeoutError as exc:
                raise ProtocolError(f"no script_finished within {timeout:.0f} s") from exc
            run.bytes, run.messages = run.bytes + len(data), run.messages + 1
            fwd = ForwardMsg()
            fwd.ParseFromString(data)
            self._note(fwd, run, widgets)
            if fwd.WhichOneof("type") == "script_finished" and fwd.script_finished in DONE:
                run.seconds = time.perf_counter() - started
                run.widgets = list(widgets.values())
                fragment = msg.rerun_script.fragment_id
                kept = [w for w in self.found if fragment and w.fragment != fragment]  # a fragment run redraws its own
                self.found = kept + run.widgets
                self.widgets = {w.label: w for w in self.found}
                return run

    def _note(self, fwd: ForwardMsg, run: Run, widgets: dict[str, Widget]) -> None:
        kind = fwd.WhichOneof("type")
        if fwd.hash and fwd.metadata.cacheable:
            self.cached.add(fwd.hash)
        if kind == "new_session":
            self.page_hash = fwd.new_session.page_script_hash
        elif kind == "navigation" and fwd.navigation.page_script_hash:
            self.page_hash = fwd.navigation.page_script_hash
        elif kind == "delta":
            for widget in widgets_in(fwd):
                widgets[widget.id] = widget
            for link in links_in(fwd):
                self.links.setdefault(link.page, link)
            if fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                if element.WhichOneof("type") == "exception":
                    run.exceptions.append(element.exception.type or "exception")

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None
