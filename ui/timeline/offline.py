"""The Timeline page's offline-action form: an action done away from the platforms (a tasting, a fair, a
flyer drop) entered by hand, its place found offline in the gazetteer, and the actions entered so far.

Each action is saved in the plan (``plan["offline"]``) at once; the timeline then counts it as activity.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from core import i18n, safe_text
from core.i18n import Message
from core.plan import plan as plan_mod
from core.timeline import offline_actions
from ui import fields, places, resources
from ui import frame as frame_mod
from ui.frame import Frame
from ui.timeline import activity as timeline_ui

OFFLINE_KEY = "w:offline_new"


def _resolve(town: str, hint: str, pick: int | None) -> tuple[str, dict[str, Any] | None, list[Any]]:
    """The place typed in the form: ("none" | "placed" | "ambiguous" | "unplaced", place dict, candidates)."""
    if not town.strip():
        return "none", None, []
    hint = hint.strip()
    postcode, province = (hint, "") if hint.isdigit() else ("", hint)
    match = resources.get_gazetteer().find(town=town, postcode=postcode, province=province)
    if match.status == "placed" and match.place is not None:
        return "placed", places.place_dict(match.place), []
    if match.status == "ambiguous":
        candidates = list(match.candidates)
        chosen = places.place_dict(candidates[pick]) if pick is not None and pick < len(candidates) else None
        return ("placed" if chosen else "ambiguous"), chosen, candidates
    return "unplaced", None, []


def _field(name: str) -> str:
    return f"{OFFLINE_KEY}#{name}"


def _pick_key(town: str, hint: str) -> str:
    """The "which one?" choice belongs to the town typed: a new town asks again."""
    return _field(f"pick:{town.strip().lower()}|{hint.strip().lower()}")


def _add_offline(frame: Frame, today: dt.date) -> None:
    state = st.session_state
    town, hint = state.get(_field("town"), ""), state.get(_field("hint"), "")
    status, place, _ = _resolve(town, hint, state.get(_pick_key(town, hint)))
    if status in ("ambiguous", "unplaced"):
        frame_mod.flash("error", Message("timelinepage.offline.unplaced_refused", {"town": town.strip()}))
        return
    stored = list((frame.plan or {}).get("offline") or [])
    actions, _ = offline_actions.parse(stored)
    try:
        new = offline_actions.new_action(
            actions,
            today,
            date=state.get(_field("date")),
            kind=state.get(_field("kind")),
            time=state.get(_field("time")),
            place=place,
            note=state.get(_field("note"), ""),
        )
    except offline_actions.OfflineError as error:
        reason = timeline_ui.named_fields(frame, error.message, "timelinepage.offline")
        frame_mod.flash("error", Message("timelinepage.offline.invalid", {"reason": reason}))
        return
    if frame_mod.save(frame, [plan_mod.Change(("offline",), stored, [*stored, new])]):
        what = offline_actions.kind_label(frame.lang, new["kind"])
        day = i18n.date(frame.lang, dt.date.fromisoformat(new["date"]))
        frame_mod.flash("success", Message("timelinepage.offline.added", {"what": what, "day": day}))
        for key in [k for k in state if str(k).startswith((_field("pick:"), _field("town"), _field("hint")))]:
            del state[key]
        for name in ("note", "time"):
            state.pop(_field(name), None)


def _remove_offline(frame: Frame, action_id: str) -> None:
    stored = list((frame.plan or {}).get("offline") or [])
    kept = [a for a in stored if not (isinstance(a, dict) and a.get("id") == action_id)]
    if frame_mod.save(frame, [plan_mod.Change(("offline",), stored, kept)]):
        frame_mod.flash("info", Message("timelinepage.offline.removed"))


def offline_section(frame: Frame, today: dt.date) -> None:
    """The form that adds an offline action (its place found offline), and the actions entered so far."""
    t, lang = frame.t, frame.lang
    actions, problems = offline_actions.parse((frame.plan or {}).get("offline") or [])
    st.markdown(f"**{t('timelinepage.offline.expander')}**")
    st.caption(t("timelinepage.offline.help"))
    when, hour, kind = st.columns(3)
    if _field("date") not in st.session_state:
        st.session_state[_field("date")] = today
    when.date_input(t("timelinepage.offline.date"), key=_field("date"), max_value=today, format="DD/MM/YYYY")
    hour.time_input(t("timelinepage.offline.time"), key=_field("time"), value=None, step=900)
    kind.selectbox(
        t("timelinepage.offline.kind"),
        list(offline_actions.KINDS),
        key=_field("kind"),
        format_func=lambda k: offline_actions.kind_label(lang, k),
        placeholder=t("frame.choose"),
    )
    town_col, hint_col = st.columns([3, 2])
    town = town_col.text_input(
        t("timelinepage.offline.town"),
        **fields.limit(
            lang,
            120,
            t("timelinepage.offline.town"),
            key=_field("town"),
            placeholder=t("timelinepage.offline.town_placeholder"),
            narrow=True,
        ),
    )
    hint = hint_col.text_input(
        t("timelinepage.offline.hint"),
        **fields.limit(
            lang, 20, t("timelinepage.offline.hint"), key=_field("hint"), help=t("business.province"), narrow=True
        ),
    )
    status, place, candidates = _resolve(town, hint, st.session_state.get(_pick_key(town, hint)))
    if candidates:
        st.info(frame.md("business.town_ambiguous", town=town))
        labels = [f"{c.name} ({c.province or c.country}, {c.region or c.country})" for c in candidates]
        st.selectbox(
            t("business.town_pick"),
            range(len(candidates)),
            format_func=labels.__getitem__,
            index=None,
            key=_pick_key(town, hint),
            placeholder=t("frame.choose"),
        )
    if status == "unplaced":
        st.error(frame.md("business.town_unplaced", town=town))
    if place is not None:
        found = frame.md(
            "business.town_found",
            name=place["name"],
            province=place["province"] or place["country"],
            region=place["region"] or place["country"],
        )
        st.caption(":material/location_on: " + found)
    st.text_input(
        t("timelinepage.offline.note"),
        **fields.limit(
            lang,
            offline_actions.MAX_NOTE,
            t("timelinepage.offline.note"),
            key=_field("note"),
            placeholder=t("timelinepage.offline.note_placeholder"),
        ),  # fmt: skip
    )
    st.button(
        t("timelinepage.offline.add"),
        key=frame.key("offline_add"),
        icon=":material/add_circle:",
        type="primary",
        on_click=_add_offline,
        args=(frame, today),
    )
    for row, problem in problems:
        st.warning(
            frame.md(
                "timelinepage.offline.bad_row",
                row=row,
                reason=timeline_ui.named_fields(frame, problem, "timelinepage.offline"),
            )
        )
    if actions:
        st.markdown(f"**{t('timelinepage.offline.list')}**")
    for action in sorted(actions, key=lambda a: (a.date, a.time or offline_actions.NO_TIME), reverse=True):
        text, button = st.columns([5, 1], vertical_alignment="center")
        day = i18n.date(lang, action.date) + (f" {action.time:%H:%M}" if action.time else "")
        where = safe_text.for_markdown(action.place) if action.place else t("timelinepage.offline.no_place")
        what = safe_text.for_markdown(offline_actions.describe(action, lang))
        text.markdown(t("timelinepage.offline.row", day=day, what=what, place=where))
        button.button(
            t("timelinepage.offline.remove"),
            key=frame.key(f"remove_offline_{action.id}"),
            icon=":material/delete:",
            on_click=_remove_offline,
            args=(frame, action.id),
            width="stretch",
        )
