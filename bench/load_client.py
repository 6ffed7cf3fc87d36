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
DONE = {FINISHED.FINISHED_SUCCESSFULLY, FINISHED.FINISHED_WITH_COMPILE_ERROR}  # EARLY_FOR_RERUN: st.rerun() follows
WIDGETS = ("text_input", "text_area", "checkbox", "selectbox", "radio", "number_input", "button_group")


class ProtocolError(RuntimeError):
    """The server closed the socket, sent an exception element, or did not finish a run in time."""


@dataclass(frozen=True)
class Widget:
    id: str
    kind: str  # the Element field: "text_input", "checkbox", ...
    label: str


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


def widgets_in(msg: ForwardMsg) -> list[Widget]:
    """The input widgets a ``ForwardMsg`` draws (a delta's new element), with their ids and labels."""
    if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
        return []
    element = msg.delta.new_element
    kind = element.WhichOneof("type")
    if kind not in WIDGETS:
        return []
    proto = getattr(element, kind)
    return [Widget(proto.id, kind, proto.label)]


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

    async def set_text(self, label: str, value: str, timeout: float = 60) -> Run:
        """Type ``value`` into the text box labelled ``label`` and press Enter: one rerun."""
        widget = self.widgets.get(label)
        if widget is None:
            raise ProtocolError(f"no widget labelled {label!r} on {self.path}; seen: {sorted(self.widgets)}")
        msg = rerun_msg(
            self.query,
            page_hash=self.page_hash,
            widgets=[text_state(widget.id, value)],
            cached=sorted(self.cached),
            locale=self.locale,
            url=f"{self.base}{self.path}?{self.query}",
        )
        return await self._run(msg, timeout)

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
                self.widgets = {w.label: w for w in run.widgets}
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
            if fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                if element.WhichOneof("type") == "exception":
                    run.exceptions.append(element.exception.type or "exception")

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            self._ws = None
