"""The workshop room on screen: the store, the facilitator's access, the live room view, the anonymous
export (the participant's side is ``ui.participant``; the join code and its QR code are in ``ui.presenter``).

The room view is an ``st.fragment`` that reruns by itself every few seconds (only it, never the
page), reading the participants' plans from the database each time: several server processes
behind one proxy all show the same room. Who may open a room is in the database
(``core.workshop.access``), by browser: the browser is named by the random token inside Streamlit's
own XSRF cookie, which the browser keeps across reloads and tabs (Streamlit has no way to set a
cookie of our own; see docs/security.md), or by this session when there is no such cookie. Never by
the URL. What the room shows is what ``room.summarise`` gives: a participant's name and numbers only
with their consent, and a plan it cannot read counted, never shown.
"""

from __future__ import annotations

import binascii
import datetime as dt
import secrets
from collections.abc import Callable

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from core import i18n
from core.deliverable import room_report
from core.goals import kpis, objectives
from core.goals import text as goal_text
from core.plan import path
from core.workshop import limits, participant, room, room_map
from core.workshop.workshop import Workshop
from ui import resources
from ui.frame import Frame

REFRESH_S = 3
MAP_HEIGHT = 320  # beside the other sections in a half-width column
SESSION_KEY = "workshop_client"  # who is trying, for a session without Streamlit's XSRF cookie
XSRF_COOKIE = "_streamlit_xsrf"  # set by Streamlit on every page load while server.enableXsrfProtection is on

Draw = Callable[[Frame, room.Room], None]


get_workshops = resources.get_workshops


def now() -> dt.datetime:
    """Now as the workshop tables store times: naive UTC."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def browser_token(cookie: str | None) -> str | None:
    """The random token inside Streamlit's XSRF cookie (``2|mask|masked token|time``): one per browser, the same
    in every tab and after a reload (only its mask changes); None when there is no such cookie."""
    parts = (cookie or "").strip("\"'").split("|")
    if len(parts) != 4 or parts[0] != "2":
        return None
    try:
        mask, masked = binascii.a2b_hex(parts[1]), binascii.a2b_hex(parts[2])
    except (binascii.Error, ValueError):
        return None
    if len(mask) != 4 or len(masked) < 16:
        return None
    return bytes(b ^ mask[i % 4] for i, b in enumerate(masked)).hex()


def rate_id() -> limits.Client:
    """Who is trying, for the rate limits and a room's access: this browser (or session) and its address."""
    token = browser_token(st.context.cookies.get(XSRF_COOKIE))
    key = f"browser:{token}" if token else "session:" + st.session_state.setdefault(SESSION_KEY, secrets.token_hex(16))
    return limits.Client(key, st.context.ip_address)


def rooms() -> list[Workshop]:
    """The rooms this browser may open now (created here, or opened with the secret), the latest first."""
    return get_workshops().rooms_of(rate_id(), now())


def has_access(workshop_id: str | None) -> bool:
    return bool(workshop_id) and get_workshops().may_open(str(workshop_id), rate_id(), now())


def live(frame: Frame, made: Workshop, draw: Draw) -> None:
    """Draw the room with ``draw``, refreshed from the database every ``REFRESH_S`` seconds."""
    _live(frame, made.id, draw)


@st.fragment(run_every=REFRESH_S)
def _live(frame: Frame, workshop_id: str, draw: Draw) -> None:
    if not has_access(workshop_id):  # the page checks too; the fragment never trusts its caller
        return
    members = get_workshops().room_snapshot(workshop_id)
    draw(frame, room.summarise(members, dt.date.today()))
    stamp = dt.datetime.now().strftime("%H:%M:%S")
    st.caption(frame.t("workshoppage.live", seconds=REFRESH_S, time=stamp))


def seat(frame: Frame) -> tuple[Workshop, int] | None:
    """The workshop the open plan is in and its number there; None outside any. Only a plan that says it joined
    a workshop asks the database (every page run of every plan would otherwise pay a query)."""
    room_part = (frame.plan or {}).get("room")
    if not frame.token or not isinstance(room_part, dict) or not room_part.get("workshop"):
        return None
    return get_workshops().seat(frame.token)


def landing(workshop_id: str | None) -> str:
    """Where a participant lands after joining: the step the facilitator set for the room, else Start."""
    pace = get_workshops().pace(workshop_id) if workshop_id else None
    step = next((s for s in path.STEPS if pace is not None and s.id == pace.step), None)
    return step.script if step is not None else "app.py"


def step_name(frame: Frame, step: str) -> str:
    return frame.t("room.finished") if step == participant.FINISHED else frame.t("step." + step)


def items(frame: Frame, the_room: room.Room, section: str) -> list[tuple[str, int]]:
    """(label, count) rows of one section of the room, labels in the page's language."""
    lang = frame.lang
    if section == "where":
        return [(step_name(frame, s), n) for s, n in the_room.at_step.items()]
    if section == "bands":
        return [(frame.t("room.band." + b), n) for b, n in the_room.bands.items()]
    if section == "objectives":
        return [(objectives.name(lang, o), n) for o, n in the_room.objectives.items()]
    if section == "kpis":
        return [(kpis.name(lang, k), n) for k, n in the_room.kpis.items()]
    if section == "towns":
        return [
            (f"{town.name} ({town.province})" if town.province else town.name, town.businesses)
            for town in the_room.towns
        ]
    if section == "weak":
        letters = [(frame.t("goals.smart.letter." + k), n) for k, n in the_room.smart_failed.items() if n]
        return letters + [(frame.t("room.vanity." + k), n) for k, n in the_room.vanity.items() if n]
    raise ValueError(f"unknown room section {section!r}")


SECTIONS: dict[str, str] = {  # section -> heading key
    "where": "room.where.heading",
    "bands": "room.bands.heading",
    "objectives": "room.objectives.heading",
    "kpis": "room.kpis.heading",
    "towns": "room.towns.heading",
    "weak": "room.weak.heading",
}
EMPTY = {"towns": "workshoppage.towns.none", "weak": "workshoppage.weak.none"}


def _bars(frame: Frame, rows: list[tuple[str, int]], total: int, empty: str) -> None:
    if not rows:
        st.caption(frame.t(empty))
    for label, n in rows:
        st.progress(min(1.0, n / total) if total else 0.0, text=frame.md("workshoppage.count", label=label, n=n))


def section(frame: Frame, the_room: room.Room, name: str) -> None:
    st.header(frame.t(SECTIONS[name]))
    total = the_room.goals if name == "weak" else the_room.read
    if name == "towns":
        towns_map(frame, the_room, MAP_HEIGHT)
    _bars(frame, items(frame, the_room, name), total, EMPTY.get(name, "workshoppage.none_yet"))
    if name == "weak":
        examples(frame, the_room)


def towns_map(frame: Frame, the_room: room.Room, height: int) -> None:
    """The room's towns on one map (offline: circles and names draw without tiles); nothing when none."""
    if the_room.towns:
        m = room_map.towns_map(the_room.towns, frame.lang)
        st_folium(m, key="room_towns_map", returned_objects=[], height=height, width="stretch")


def examples(frame: Frame, the_room: room.Room) -> None:
    titles = [title for kind in the_room.examples.values() for title in kind]
    if titles:
        st.caption(frame.t("room.weak.examples"))
        for title in dict.fromkeys(titles):
            st.text(f"– {title}")


def totals(frame: Frame, the_room: room.Room) -> None:
    t = frame.t
    joined, sharing, checked = st.columns(3)
    joined.metric(t("room.export.joined"), the_room.joined)
    sharing.metric(t("room.export.sharing"), the_room.sharing)
    checked.metric(t("workshoppage.goals_checked"), the_room.goals)
    unreadable(frame, the_room)


def unreadable(frame: Frame, the_room: room.Room) -> None:
    """Say how many plans the room could not read (they are left out of every count but the participants)."""
    if the_room.unreadable:
        count = "one" if the_room.unreadable == 1 else "many"
        st.warning(frame.t(f"room.unreadable.{count}", n=the_room.unreadable), icon=":material/report:")


def view(frame: Frame, the_room: room.Room) -> None:
    """The facilitator's room view: totals, where everyone is, choices, weak goals, the participants."""
    totals(frame, the_room)
    if not the_room.joined:
        st.info(frame.t("room.empty"), icon=":material/hourglass_empty:")
        return
    left, right = st.columns(2, gap="large")
    for column, names in ((left, ("where", "bands", "towns")), (right, ("objectives", "kpis", "weak"))):
        with column:
            for name in names:
                section(frame, the_room, name)
    people(frame, the_room)


def _followers(frame: Frame, person: participant.Person) -> str:
    parts = [
        f"{frame.t('kpis.channel.' + channel)} {i18n.number(frame.lang, n)}"
        for channel, n in person.followers
        if isinstance(n, int | float)
    ]
    return " · ".join(parts)


def _value(frame: Frame, kpi: str | None, value: float | None) -> str:
    if value is None:
        return "—"
    return kpis.format_value(frame.lang, kpi, value) if kpi else i18n.number(frame.lang, value, 2)


def people(frame: Frame, the_room: room.Room) -> None:
    """One row a participant: a pseudonym, step and band; name, town and numbers only with consent."""
    t = frame.t
    st.header(t("workshoppage.people.heading"))
    st.caption(t("workshoppage.people.help"))
    hidden = t("workshoppage.not_shared")
    rows = [
        {
            t("workshoppage.col.participant"): frame.msg(p.label),
            t("workshoppage.col.step"): step_name(frame, p.step),
            t("workshoppage.col.band"): t("room.band." + p.band),
            t("workshoppage.col.business"): (p.name or "—") if p.shared else hidden,
            t("workshoppage.col.town"): (p.town or "—") if p.shared else "",
            t("workshoppage.col.followers"): (_followers(frame, p) or "—") if p.shared else "",
            t("workshoppage.col.goals"): str(len(p.goals)) if p.shared else "",
        }
        for p in the_room.people
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    for p in the_room.people:
        if not (p.shared and p.goals):
            continue
        label = frame.md("workshoppage.shared_goals", participant=frame.msg(p.label), name=p.name or "—")
        with st.expander(label, icon=":material/flag:"):
            for (title, kpi, baseline, target), place in zip(p.goals, p.places, strict=True):
                kpi_name = kpis.name(frame.lang, kpi) if kpi else "—"
                where = goal_text.place_text(frame.lang, *place)
                line = t("workshoppage.goal_line", title=title, kpi=kpi_name, place=where,
                         baseline=_value(frame, kpi, baseline), target=_value(frame, kpi, target))  # fmt: skip
                st.text(f"– {line}")


def export(frame: Frame, made: Workshop) -> None:
    """The room's anonymous summary as CSV and Markdown, made when clicked from the database's data."""
    t, lang = frame.t, frame.lang
    store = get_workshops()  # the callables below run outside the script run: no Streamlit calls in them
    title = t("workshoppage.export.title", title=made.title, date=i18n.date(lang, made.date))

    def summary() -> dict[str, object]:
        return room.summary(room.summarise(store.room_snapshot(made.id), dt.date.today()))

    st.header(t("workshoppage.export.heading"))
    st.caption(t("workshoppage.export.help"))
    stem = f"rotta-workshop-{made.date.isoformat()}-{made.code.lower()}"
    csv_col, md_col = st.columns(2)
    csv_col.download_button(
        t("workshoppage.export.csv"), data=lambda: room.to_csv(summary(), lang).encode("utf-8-sig"),
        file_name=f"{stem}.csv", mime="text/csv", on_click="ignore", icon=":material/table:", width="stretch",
    )  # fmt: skip
    md_col.download_button(
        t("workshoppage.export.md"), data=lambda: room.to_markdown(summary(), lang, title).encode("utf-8"),
        file_name=f"{stem}.md", mime="text/markdown", on_click="ignore", icon=":material/description:",
        width="stretch",
    )  # fmt: skip

    def report() -> room_report.Report:
        return room_report.build(made, store.room_snapshot(made.id), dt.date.today(), lang)

    pdf_col, xlsx_col = st.columns(2)
    pdf_col.download_button(
        t("report.download.pdf"), data=lambda: room_report.to_pdf(report(), lang), file_name=f"{stem}-report.pdf",
        mime="application/pdf", on_click="ignore", icon=":material/picture_as_pdf:", width="stretch",
    )  # fmt: skip
    xlsx_col.download_button(
        t("report.download.xlsx"), data=lambda: room_report.to_xlsx(report(), lang), file_name=f"{stem}-report.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", on_click="ignore",
        icon=":material/table_view:", width="stretch",
    )  # fmt: skip
