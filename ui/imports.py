"""The import widget: upload exports (several at once), each read by ``core.importers``, stored with the plan.

Used by the Timeline (activity) and the Market map (customers, and orders: a shop's orders bring
their customers and feed the Monitor's loyalty) steps: ``import_section(frame, kinds=...)``. The
files of one upload are read together (dates without a year take it from the others). A file that
cannot be read, or holds another kind of data, gets its own message naming the file and the
reason, and changes nothing; a report without its period, or dates without a year, are asked
for. Every import is added beside the others.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import streamlit as st

from core import i18n, importers, safe_text
from core.i18n import Message
from core.plan import datasets
from core.timeline import timeline
from ui import data as data_mod
from ui import frame as frame_mod
from ui import resources
from ui.frame import Frame

BOXES = {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}
ACCEPTED = {"customers": ("customers", "orders")}  # the customer box takes orders: they bring their customers
TEXTS = {  # per box: the uploader's help and what Rotta keeps of that kind of data
    "customers": ("importers.box.help.customers", "importers.box.privacy.customers"),
    "activity": ("timelinepage.import.uploader_help", "importers.box.privacy.activity"),
}
YEARS_OFFERED = 6
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Outcome:
    """What happened to one uploaded file: a box (``level``) with ``message``, then its warnings."""

    level: str  # success | info | warning | error
    message: Message
    warnings: tuple[Message, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Waiting:
    """A file kept until the user says what it does not: its report's period, or the year of its last day."""

    ask: str  # period | year
    name: str
    data: bytes
    params: dict = field(default_factory=dict)  # the question's details (the last day, the year suggested)


def accepted(kinds: Sequence[str]) -> tuple[str, ...]:
    """The kinds of data a box takes: those asked for, and orders wherever customers are."""
    return tuple(dict.fromkeys(k for kind in kinds for k in ACCEPTED.get(kind, (kind,))))


def platform_label(lang: str, platform: str) -> str:
    """A platform's name in ``lang``: social platforms, shops, or the id itself when unknown."""
    for key in (f"importers.platform.{platform}", f"timelinepage.import.platform.{platform}"):
        if key in i18n.TEXTS:
            return i18n.t(lang, key)
    return timeline.channel_label(lang, platform)


def limit_note(frame: Frame) -> None:
    """Under an uploader: the size limit in the page's language (Streamlit says it only in English)."""
    st.caption(frame.t("frame.upload_limit", mb=st.get_option("server.maxUploadSize")))


def _context(frame: Frame, **given: object) -> importers.ImportContext:
    return importers.ImportContext(
        gazetteer=resources.get_gazetteer(), salt=frame.token or "", today=dt.date.today(), **given
    )


def _refused(name: str, reason: Message) -> Outcome:
    return Outcome("error", Message("timelinepage.import.failed", {"file": name, "reason": reason}))


def _wrong_kind(name: str, kind: str, platform: str) -> Outcome:
    key = "importers.box.wrong_kind.orders" if kind == "orders" else f"timelinepage.import.wrong_kind.{kind}"
    return _refused(name, Message(key, {"platform": platform}))


def _done(result: importers.ImportResult) -> Message:
    """The success line: rows and days of activity; customers; orders with their money."""
    summary = result.summary()
    params = {"file": result.file, "rows": len(result.frame), "platform": result.platform}
    if result.kind == "orders":
        money = {k: i18n.Money(summary["totals"].get(k, 0.0)) for k in ("net", "gross", "refunded")}
        params |= {"customers": summary["customers"], "first": summary["first"], "last": summary["last"], **money}
    elif result.kind == "activity":
        params |= {"first": summary.get("first") or "", "last": summary.get("last") or ""}
    return Message(f"importers.box.done_{result.kind}", params)


def _store(
    frame: Frame, name: str, outcome: importers.ImportResult | importers.ImportProblem, kinds: Sequence[str]
) -> Outcome:
    """What one file's import means for the plan: stored (and said), or refused with the reason."""
    if isinstance(outcome, importers.ImportProblem):
        return _refused(name, outcome.message)
    result = outcome
    if result.kind not in accepted(kinds):
        return _wrong_kind(name, result.kind, result.platform)
    if result.frame.empty:
        return Outcome("info", Message("timelinepage.import.nothing", {"file": name}), result.warnings)
    rows, store = len(result.frame), resources.get_datasets()
    seen = (name[:255], result.kind, result.platform, rows)
    if any((e.file, e.kind, e.platform, e.rows) == seen for e in store.entries(frame.token)):
        params = {"file": name, "what": Message(f"importers.box.count.{result.kind}", {"rows": rows})}
        return Outcome("info", Message("importers.box.duplicate", params | {"platform": result.platform}))
    store.add(frame.token, result.kind, result.platform, name, result.frame)
    return Outcome("success", _done(result), result.warnings)


def _waiting(name: str, data: bytes, outcome: object) -> Waiting | None:
    if not isinstance(outcome, importers.ImportProblem):
        return None
    if outcome.message.key == "activity.err.no_period":
        return Waiting("period", name, data)
    if outcome.message.key == importers.YEAR_NEEDED:
        return Waiting("year", name, data, dict(outcome.message.params))
    return None


def _param(frame: Frame, value: object) -> object:
    """A message parameter for Markdown: messages rendered, text from files escaped, numbers kept for their
    format; a parameter that writes itself in a language (a column mapping) written, then escaped."""
    if isinstance(value, Message):
        return _render(frame, value)
    if isinstance(value, str):
        return safe_text.for_markdown(value)
    if value is None or isinstance(value, int | float | dt.date | i18n.Money):
        return value
    return safe_text.for_markdown(format(value, frame.lang))


def _render(frame: Frame, message: Message) -> str:
    """A message whose parameters may be messages themselves (the reason a file was refused)."""
    params = {k: _param(frame, v) for k, v in message.params.items()}
    if "platform" in params:
        params["platform"] = platform_label(frame.lang, message.params["platform"])
    for name in ("rows", "customers"):
        if isinstance(params.get(name), int):
            params[name] = i18n.number(frame.lang, params[name])
    for name in ("first", "last"):
        value = message.params.get(name)
        if isinstance(value, str) and ISO_DAY.fullmatch(value):  # a day the import found, not text from the file
            params[name] = i18n.date(frame.lang, dt.date.fromisoformat(value))
    return i18n.t(frame.lang, message.key, **params)


def _remove(frame: Frame, entry: datasets.Entry) -> None:
    if not frame_mod.is_shown(frame):  # a button drawn on another plan than the one behind the link now
        frame_mod.flash("warning", Message("frame.other_plan"))
        return
    if resources.get_datasets().remove(frame.token, entry.id):
        frame_mod.flash("info", Message("timelinepage.import.removed", {"file": entry.file}))


def import_section(frame: Frame, kinds: Sequence[str] = ("activity",)) -> list[datasets.Entry]:
    """The uploader, what the last upload did, and the plan's imports of ``kinds``; returns those imports.

    Its session state is keyed by ``kinds``, so two pages (or two sections) with other kinds never mix.
    """
    t, kinds = frame.t, tuple(kinds)
    store = resources.get_datasets()
    entries = [e for e in store.entries(frame.token) if e.kind in accepted(kinds)] if frame.token else []
    key = "imports:" + "+".join(kinds)
    round_key, report_key = f"{key}#round", f"{key}#report:{frame.token}"
    help_key, privacy_key = TEXTS.get(kinds[0], TEXTS["activity"])
    files = st.file_uploader(
        t("timelinepage.import.uploader"),
        accept_multiple_files=True,
        key=frame.key(f"{key}#upload{st.session_state.get(round_key, 0)}"),
        help=t(help_key),
    )
    limit_note(frame)
    if files:
        token = frame_mod.ensure_plan(frame)
        raws = [importers.RawFile(name=upload.name, data=upload.getvalue()) for upload in files]
        spans = data_mod.activity_spans(frame) if "activity" in kinds else ()
        results = importers.import_upload(raws, _context(frame, spans=spans))
        outcomes = [_store(frame, raw.name, result, kinds) for raw, result in zip(raws, results, strict=True)]
        asked = [w for raw, result in zip(raws, results, strict=True) if (w := _waiting(raw.name, raw.data, result))]
        st.session_state[f"{key}#waiting:{token}"] = asked
        st.session_state[f"{key}#report:{token}"] = outcomes
        st.session_state[round_key] = st.session_state.get(round_key, 0) + 1  # a fresh, empty uploader
        st.rerun()
    st.caption(t(privacy_key))
    for outcome in st.session_state.get(report_key, []):
        BOXES[outcome.level](_render(frame, outcome.message))
        for warning in outcome.warnings:
            params = {"file": str(outcome.message.params.get("file", "")), "warning": warning}
            st.warning(_render(frame, Message("timelinepage.import.warning", params)))
    _questions(frame, kinds, key)  # under the refusal that explains them
    imports_list(frame, entries, key)
    return entries


def _questions(frame: Frame, kinds: tuple[str, ...], key: str) -> None:
    """For each file kept waiting: the question (a report's period, a year), then the import with the answer."""
    waiting_key, report_key = f"{key}#waiting:{frame.token}", f"{key}#report:{frame.token}"
    waiting: list[Waiting] = st.session_state.get(waiting_key, [])
    for index, item in enumerate(waiting):
        with st.form(f"{waiting_key}#{index}", border=True):
            given = _period_question(frame, item) if item.ask == "period" else _year_question(frame, item)
            go, drop = st.columns(2)
            submitted = go.form_submit_button(
                frame.t("timelinepage.import.period.import"), type="primary", icon=":material/upload:"
            )
            discarded = drop.form_submit_button(frame.t("timelinepage.import.period.discard"), icon=":material/close:")
        if discarded:
            st.session_state[waiting_key] = [w for i, w in enumerate(waiting) if i != index]
            st.rerun()
        if submitted:
            if given is None:
                st.error(frame.t("timelinepage.import.period.incomplete"))
                continue
            spans = data_mod.activity_spans(frame) if item.ask == "year" else ()
            ctx = _context(frame, spans=spans, **given)
            (result,) = importers.import_upload([importers.RawFile(item.name, item.data)], ctx)
            st.session_state[waiting_key] = [w for i, w in enumerate(waiting) if i != index]
            st.session_state[report_key] = [_store(frame, item.name, result, kinds)]
            st.rerun()


def _period_question(frame: Frame, item: Waiting) -> dict | None:
    """A report that does not state its period (Google Business Profile's, renamed): its first and last day."""
    t = frame.t
    st.markdown(f"**{frame.md('timelinepage.import.period.title', file=item.name)}**")
    st.caption(t("timelinepage.import.period.help"))
    today = dt.date.today()
    last_month_end = today.replace(day=1) - dt.timedelta(days=1)
    chosen = st.date_input(
        t("timelinepage.import.period.dates"),
        value=(last_month_end.replace(day=1), last_month_end),
        max_value=today,
        format="DD/MM/YYYY",
    )
    ok = isinstance(chosen, tuple | list) and len(chosen) == 2
    return {"period": (chosen[0], chosen[1])} if ok else None


def _year_question(frame: Frame, item: Waiting) -> dict | None:
    """Dates without a year that no other file explains: the year of the last day (never after this year)."""
    st.markdown(f"**{frame.md('importers.box.year.title', file=item.name, last=item.params.get('last', ''))}**")
    st.caption(frame.t("importers.box.year.help"))
    this_year = dt.date.today().year
    suggested = item.params.get("suggested") or this_year
    years = list(range(this_year, this_year - YEARS_OFFERED, -1))
    chosen = st.selectbox(
        frame.t("importers.box.year.label"),
        years,
        index=years.index(suggested) if suggested in years else 0,
        placeholder=frame.t("frame.choose"),
    )
    return {"year": int(chosen)} if chosen else None


def imports_list(frame: Frame, entries: list[datasets.Entry], key: str = "imports") -> None:
    """One line per import (file, platform, rows, day) with a button that removes it."""
    t = frame.t
    st.markdown(f"**{t('timelinepage.import.list')}**")
    if not entries:
        st.caption(t("timelinepage.import.none"))
        return
    for entry in entries:
        params = {
            "file": safe_text.for_markdown(entry.file),
            "platform": platform_label(frame.lang, entry.platform),
            "rows": i18n.number(frame.lang, entry.rows),
            "day": i18n.date(frame.lang, entry.created_at.date()),
        }
        # The button under its line, as wide as its label: beside it, in a half-page box, it was cut to "R".
        st.markdown(t(f"importers.box.row.{entry.kind}", **params))
        st.button(
            t("timelinepage.import.remove"),
            key=frame.key(f"{key}#remove{entry.id}"),
            icon=":material/delete:",
            on_click=_remove,
            args=(frame, entry),
            width="content",
        )
