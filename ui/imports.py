"""The import widget: upload exports (several at once), each read by ``core.importers``, stored with the plan.

Used by the Timeline (activity) and the Market map (customers) steps: ``import_section(frame,
kinds=...)``. A file that cannot be read, or holds another kind of data, gets its own message
naming the file and the reason, and changes nothing: every import is added beside the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

import streamlit as st

from core import i18n, importers, safe_text
from core.i18n import Message
from core.plan import datasets
from core.timeline import timeline
from ui import frame as frame_mod
from ui import resources
from ui.frame import Frame

BOXES = {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}


@dataclass(frozen=True)
class Outcome:
    """What happened to one uploaded file: a box (``level``) with ``message``, then its warnings."""

    level: str  # success | info | warning | error
    message: Message
    warnings: tuple[Message, ...] = field(default_factory=tuple)


def platform_label(lang: str, platform: str) -> str:
    """A platform's name in ``lang``: social platforms, shops, or the id itself when unknown."""
    key = f"timelinepage.import.platform.{platform}"
    return i18n.t(lang, key) if key in i18n.TEXTS else timeline.channel_label(lang, platform)


def limit_note(frame: Frame) -> None:
    """Under an uploader: the size limit in the page's language (Streamlit says it only in English)."""
    st.caption(frame.t("frame.upload_limit", mb=st.get_option("server.maxUploadSize")))


def _day(value: object) -> str:
    return "" if value is None else str(value)


def _import_one(
    frame: Frame,
    name: str,
    data: bytes,
    kinds: Sequence[str],
    entries: list[datasets.Entry],
    period: tuple[dt.date, dt.date] | None = None,
) -> Outcome:
    raw = importers.RawFile(name=name, data=data)
    ctx = importers.ImportContext(
        gazetteer=resources.get_gazetteer(), salt=frame.token or "", today=dt.date.today(), period=period
    )
    try:
        result = importers.import_file(raw, ctx)
    except importers.ImportProblem as problem:
        return Outcome("error", Message("timelinepage.import.failed", {"file": name, "reason": problem.message}))
    platform = result.platform  # an id: named in the language the report is shown in
    if result.kind not in kinds:
        reason = Message(f"timelinepage.import.wrong_kind.{result.kind}", {"platform": platform})
        return Outcome("error", Message("timelinepage.import.failed", {"file": name, "reason": reason}))
    if result.frame.empty:
        return Outcome("info", Message("timelinepage.import.nothing", {"file": name}), result.warnings)
    rows = len(result.frame)
    if any((e.file, e.kind, e.platform, e.rows) == (name[:255], result.kind, result.platform, rows) for e in entries):
        params = {"file": name, "rows": rows, "platform": platform}
        return Outcome("info", Message("timelinepage.import.duplicate", params))
    resources.get_datasets().add(frame.token, result.kind, result.platform, name, result.frame)
    summary = result.summary()
    params = {"file": name, "rows": rows, "platform": platform}
    if result.kind == "activity":
        params |= {"first": _day(summary.get("first")), "last": _day(summary.get("last"))}
    return Outcome("success", Message(f"timelinepage.import.done_{result.kind}", params), result.warnings)


def _render(frame: Frame, message: Message) -> str:
    """A message whose parameters may be messages themselves (the reason a file was refused)."""
    params = {
        k: _render(frame, v) if isinstance(v, Message) else safe_text.for_markdown(v) if isinstance(v, str) else v
        for k, v in message.params.items()
    }
    if "platform" in params:
        params["platform"] = platform_label(frame.lang, message.params["platform"])
    if "rows" in params and isinstance(params["rows"], int):
        params["rows"] = i18n.number(frame.lang, params["rows"])
    for name in ("first", "last"):
        if message.params.get(name):
            params[name] = i18n.date(frame.lang, dt.date.fromisoformat(message.params[name]))
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
    t = frame.t
    store = resources.get_datasets()
    entries = [e for e in store.entries(frame.token) if e.kind in kinds] if frame.token else []
    key = "imports:" + "+".join(kinds)
    round_key, report_key = f"{key}#round", f"{key}#report:{frame.token}"
    files = st.file_uploader(
        t("timelinepage.import.uploader"),
        accept_multiple_files=True,
        key=frame.key(f"{key}#upload{st.session_state.get(round_key, 0)}"),
        help=t("timelinepage.import.uploader_help"),
    )
    limit_note(frame)
    if files:
        token = frame_mod.ensure_plan(frame)
        report_key = f"{key}#report:{token}"
        outcomes, waiting = [], []
        for upload in files:
            outcome = _import_one(frame, upload.name, upload.getvalue(), kinds, entries)
            if _needs_period(outcome):  # kept until the user gives the report's period
                waiting.append((upload.name, upload.getvalue()))
            outcomes.append(outcome)
            entries = [e for e in store.entries(token) if e.kind in kinds]
        st.session_state[f"{key}#period:{token}"] = waiting
        st.session_state[report_key] = outcomes
        st.session_state[round_key] = st.session_state.get(round_key, 0) + 1  # a fresh, empty uploader
        st.rerun()
    st.caption(t("timelinepage.import.privacy"))
    for outcome in st.session_state.get(report_key, []):
        BOXES[outcome.level](_render(frame, outcome.message))
        for warning in outcome.warnings:
            st.warning(
                _render(
                    frame,
                    Message("timelinepage.import.warning", {"file": _file(outcome), "warning": warning}),
                )
            )
    _period_forms(frame, kinds, entries, key)  # under the refusal that explains it
    imports_list(frame, entries, key)
    return entries


def _needs_period(outcome: Outcome) -> bool:
    reason = outcome.message.params.get("reason")
    return isinstance(reason, Message) and reason.key == "activity.err.no_period"


def _period_forms(frame: Frame, kinds: Sequence[str], entries: list[datasets.Entry], key: str) -> None:
    """A report that does not state its period (Google Business Profile's, renamed): ask for it, then import."""
    t = frame.t
    waiting_key, report_key = f"{key}#period:{frame.token}", f"{key}#report:{frame.token}"
    waiting: list[tuple[str, bytes]] = st.session_state.get(waiting_key, [])
    for index, (name, data) in enumerate(waiting):
        with st.form(f"{waiting_key}#{index}", border=True):
            st.markdown(f"**{frame.md('timelinepage.import.period.title', file=name)}**")
            st.caption(t("timelinepage.import.period.help"))
            today = dt.date.today()
            last_month_end = today.replace(day=1) - dt.timedelta(days=1)
            chosen = st.date_input(
                t("timelinepage.import.period.dates"),
                value=(last_month_end.replace(day=1), last_month_end),
                max_value=today,
                format="DD/MM/YYYY",
            )
            go, drop = st.columns(2)
            submitted = go.form_submit_button(
                t("timelinepage.import.period.import"), type="primary", icon=":material/upload:"
            )
            discarded = drop.form_submit_button(t("timelinepage.import.period.discard"), icon=":material/close:")
        if discarded:
            st.session_state[waiting_key] = [w for i, w in enumerate(waiting) if i != index]
            st.rerun()
        if submitted:
            if not (isinstance(chosen, tuple | list) and len(chosen) == 2):
                st.error(t("timelinepage.import.period.incomplete"))
                continue
            outcome = _import_one(frame, name, data, kinds, entries, period=(chosen[0], chosen[1]))
            st.session_state[waiting_key] = [w for i, w in enumerate(waiting) if i != index]
            st.session_state[report_key] = [outcome]
            st.rerun()


def _file(outcome: Outcome) -> str:
    return str(outcome.message.params.get("file", ""))


def imports_list(frame: Frame, entries: list[datasets.Entry], key: str = "imports") -> None:
    """One line per import (file, platform, rows, day) with a button that removes it."""
    t = frame.t
    st.markdown(f"**{t('timelinepage.import.list')}**")
    if not entries:
        st.caption(t("timelinepage.import.none"))
        return
    for entry in entries:
        text, button = st.columns([5, 1], vertical_alignment="center")
        params = {
            "file": safe_text.for_markdown(entry.file),
            "platform": platform_label(frame.lang, entry.platform),
            "rows": i18n.number(frame.lang, entry.rows),
            "day": i18n.date(frame.lang, entry.created_at.date()),
        }
        text.markdown(t("timelinepage.import.row", **params))
        button.button(
            t("timelinepage.import.remove"),
            key=frame.key(f"{key}#remove{entry.id}"),
            icon=":material/delete:",
            on_click=_remove,
            args=(frame, entry),
            width="stretch",
        )
