"""Start-up warming: what the pages need is paid when the server starts, never by the first participant.

``serve.py`` runs :func:`lifespan` before the server takes its first request: every page of the path
is run once, in both languages, on a sample plan, by sessions inside the process (the same script
runs a browser's tab gets), so imports, the gazetteer, the sector and KPI catalogues, the samples'
placed customers, chart specs, map templates and every ``st.cache_*`` a sample fills are ready. The
plan is deleted afterwards. Then the heap is frozen (``gc.freeze()``): the objects that live as long
as the process (modules, catalogues, caches filled so far) leave the collector's generations, so the
collections Python still runs never walk them again (``runner.postScriptGC`` is off in
``.streamlit/config.toml``; the README says why).

Started as ``streamlit run app.py`` instead, the first page a session opens starts the same warming
without sessions (imports, catalogues, samples) in a background thread (:func:`ensure_started`).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import importlib
import logging
import pkgutil
import sys
import threading
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from core import samples
from core.plan import path
from core.plan import plan as plan_mod

LOG = logging.getLogger("rotta.warm")
LANGS = ("it", "en")
SAMPLE = "forno"  # the plan every page is warmed with; the other samples get their data placed
PAGE_TIMEOUT_S = 120.0
PACKAGES = ("core", "ui")
DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR}


@dataclass
class Report:
    """What the warming did and how long it took (logged, and read by the tests)."""

    modules: int = 0
    pages: dict[str, float] = field(default_factory=dict)  # "business it" -> seconds
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    frozen: int = 0  # objects moved out of the collector's generations

    def summary(self) -> str:
        text = f"rotta warm: {self.modules} modules, {len(self.pages)} page runs, {self.frozen} objects frozen"
        text += f", {self.seconds:.1f} s"
        return text + (f"; errors: {'; '.join(self.errors)}" if self.errors else "; no errors")


_state: dict[str, Any] = {"report": None, "thread": None}
_lock = threading.Lock()


def last_report() -> Report | None:
    return _state["report"]


def import_everything() -> int:
    """Import every module of ``core`` and ``ui`` (what any page will import), return how many.

    Components declared by a module imported here (``st_folium``'s) are registered with the server
    afterwards: ``declare_component`` registers only when it runs inside a script run, and a module is
    imported once, so a component first imported here would otherwise never be served (a blank map)."""
    count = 0
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            if info.name == __name__:
                continue
            importlib.import_module(info.name)
            count += 1
    register_components()
    return count


def register_components() -> int:
    """Register every custom component that imported modules declared (they may have been imported outside
    a script run, where ``declare_component`` skips registering); how many."""
    from streamlit.components.v1.custom_component import CustomComponent
    from streamlit.runtime import Runtime

    if not Runtime.exists():
        return 0
    registry = Runtime.instance().component_registry
    found = {
        id(value): value
        for module in list(sys.modules.values())
        for value in list(getattr(module, "__dict__", {}).values())
        if isinstance(value, CustomComponent)
    }
    for component in found.values():
        registry.register_component(component)
    return len(found)


def _ui(name: str) -> Any:
    """A ``ui`` module, found by name like every other module warmed here (the frame imports this one)."""
    return importlib.import_module(f"ui.{name}")


def fill_catalogues() -> None:
    """The process-wide resources and the public data every session shares."""
    data, resources = _ui("data"), _ui("resources")
    resources.static_assets()
    resources.get_store()
    resources.get_gazetteer()
    for slug in samples.SLUGS:
        resources.get_sample(slug)
        data._placed_sample_customers(slug)


class _Sink:
    """A session client that reads nothing but the end of each run (``SessionClient``)."""

    def __init__(self) -> None:
        self.finished = asyncio.Event()
        self.exceptions: list[str] = []

    def write_forward_msg(self, msg: ForwardMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind == "script_finished" and msg.script_finished in DONE:
            self.finished.set()
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            if msg.delta.new_element.WhichOneof("type") == "exception":
                self.exceptions.append(msg.delta.new_element.exception.message[:200])

    @property
    def client_context(self) -> None:
        return None


def _rerun(page: str, query: str, lang: str) -> BackMsg:
    msg = BackMsg()
    msg.rerun_script.query_string = query
    msg.rerun_script.page_name = page
    info = msg.rerun_script.context_info
    info.locale, info.timezone, info.timezone_offset = f"{lang}-IT", "Europe/Rome", -60
    return msg


async def run_pages(runtime: Any, token: str, report: Report) -> None:
    """Every page of the path, in both languages, once, on the plan ``token``, in one in-process session."""
    steps = path.available(_ui("resources").existing_scripts())
    pages = ["" if s.script == "app.py" else s.script.removeprefix("pages/").removesuffix(".py") for s in steps]
    sink = _Sink()
    session_id = runtime.connect_session(client=sink, user_info={})
    try:
        for lang in LANGS:
            for page in pages:
                sink.finished.clear()
                started = time.perf_counter()
                runtime.handle_backmsg(session_id, _rerun(page, f"plan={token}&lang={lang}", lang))
                try:
                    await asyncio.wait_for(sink.finished.wait(), PAGE_TIMEOUT_S)
                except TimeoutError:
                    report.errors.append(f"{page or 'start'} {lang}: no end of run in {PAGE_TIMEOUT_S:.0f} s")
                report.pages[f"{page or 'start'} {lang}"] = time.perf_counter() - started
        report.errors += sink.exceptions
    finally:
        runtime.close_session(session_id)


def freeze(report: Report) -> None:
    """Collect once, then move every object alive now out of the collector's generations."""
    gc.collect()
    before = gc.get_freeze_count()
    gc.freeze()
    report.frozen = gc.get_freeze_count() - before


async def warm_server(runtime: Any) -> Report:
    """Everything, with in-process sessions on a sample plan (the server takes no request meanwhile)."""
    _state["thread"] = "start-up"  # the page runs below must not start the background warming too
    report, started = Report(), time.perf_counter()
    report.modules = import_everything()
    fill_catalogues()
    resources = _ui("resources")
    store = resources.get_store()
    sample = resources.get_sample(SAMPLE)
    token, _ = store.create(plan_mod.from_sample(SAMPLE, sample.profile, sample.goals, dt.date.today()))
    try:
        await run_pages(runtime, token, report)
    finally:
        store.delete(token)
    freeze(report)
    report.seconds = time.perf_counter() - started
    _state["report"] = report
    print(report.summary(), file=sys.stderr, flush=True)  # in the server's log
    return report


@contextlib.asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """``st.App``'s start-up hook (``serve.py``): warm before the first request; a failure is logged, never fatal."""
    from streamlit.runtime import Runtime

    try:
        await warm_server(Runtime.instance())
    except Exception:  # noqa: BLE001 - a server that starts cold is better than none
        LOG.exception("start-up warming failed; pages will warm on first use")
    yield


def _warm_in_thread() -> None:
    report, started = Report(), time.perf_counter()
    try:
        report.modules = import_everything()
        fill_catalogues()
    except Exception as exc:  # noqa: BLE001 - the pages still work cold
        report.errors.append(f"{type(exc).__name__}: {exc}"[:200])
    freeze(report)
    report.seconds = time.perf_counter() - started
    _state["report"] = report
    print(report.summary(), file=sys.stderr, flush=True)


def ensure_started() -> None:
    """When no start-up warming ran (``streamlit run app.py``): warm in the background, once per process.
    Only in a server (``AppTest`` runs scripts with no runtime: tests stay as they are)."""
    from streamlit.runtime import Runtime

    if _state["report"] is not None or _state["thread"] is not None or not Runtime.exists():
        return
    with _lock:
        if _state["report"] is None and _state["thread"] is None:
            _state["thread"] = threading.Thread(target=_warm_in_thread, name="rotta-warm", daemon=True)
            _state["thread"].start()
