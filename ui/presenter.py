"""What the room sees: the join code with its QR code, and presenter mode for the projector (big type, the
sidebar folded away, one click to show a section of the room or a sample business).

Only Streamlit's own means (no CSS or HTML may be injected): titles, headers and metrics, which are
the largest type Streamlit draws, and ``st.set_page_config``, whose calls add up, so the frame's
page settings stay and only the sidebar starts folded. The choice of what is shown is one click
on a row of pills: how to join (code and QR), any section of the room (live, anonymised), or a
sample business.
"""

from __future__ import annotations

import streamlit as st

from core import i18n, safe_text, samples
from core.goals import goals as goals_mod
from core.goals import kpis
from core.plan import selfcheck
from core.workshop import qr, room, workshop
from core.workshop.workshop import Workshop
from ui import resources
from ui import room as room_ui
from ui.frame import Frame

PARAM = "present"  # presenter mode: ``present=<code>``, never the room's id
SHOW_KEY = "presenter_show"
PROJECTOR_MAP_HEIGHT = 520  # the room's towns, readable from the back
COLUMNS = 4  # cards a row: readable from the back of a room
PEOPLE_COLUMNS = 3
QR_SCALE = 10


def app_base() -> str:
    """The app's address as the browser sees it (behind a proxy too), without the page's path."""
    url = (st.context.url or "").split("?")[0].split("#")[0].rstrip("/")
    for step in ("workshop", "join"):
        if url.endswith("/" + step):
            return url[: -len(step) - 1]
    return url


def join_link(made: Workshop) -> str:
    """What the QR code holds: the Join page with the code filled in, in the workshop's language."""
    return workshop.join_url(f"{app_base()}/join", made.code) + f"&lang={made.lang}"


@st.cache_data(show_spinner=False, max_entries=64)
def _qr_png(text: str) -> bytes:
    return qr.png(text, scale=QR_SCALE)


def details(frame: Frame, made: Workshop) -> str:
    lang = i18n.LANG_NAMES.get(made.lang, made.lang)
    when = i18n.date(frame.lang, made.date)
    if made.place:
        return frame.md("workshoppage.details", date=when, place=made.place, language=lang)
    return frame.t("workshoppage.details_no_place", date=when, language=lang)


def code_panel(frame: Frame, made: Workshop, *, big: bool = False) -> None:
    """The join code in large type and its QR code; a closed workshop shows neither."""
    t = frame.t
    if not workshop.is_open(made, room_ui.now()):
        st.warning(t("workshoppage.status.closed"), icon=":material/lock:")
        return
    link = join_link(made)
    shown = workshop.format_code(made.code)
    words, image = st.columns([3, 2], vertical_alignment="center", gap="large")
    with words:
        (st.header if big else st.markdown)(t("workshop.code.caption"))  # h2 under the workshop's title
        st.caption(t("workshop.code.label"))
        st.title(shown)
        if big:  # for whoever cannot scan: the address to type, short
            st.header(join_link(made).split("?")[0].rstrip("/"))  # h2 after the code's h1: no level skipped
        else:
            st.caption(t("workshoppage.join_link"))
            st.code(link, language=None, wrap_lines=True)
    with image:
        qr_alt = t("workshop.code.qr_alt", code=shown)
        st.image(_qr_png(link), caption=qr_alt, alt=qr_alt, width=440 if big else 260)


def active() -> bool:
    """Presenter mode: the link names the workshop by its public code (``workshop.presenter_url``)."""
    return bool(st.query_params.get(PARAM))


LEFT_KEY = "presenter_left"


def chrome() -> None:
    """The projector needs the whole screen: fold the sidebar (the frame's other settings stay).

    Leaving presenter mode unfolds it again, once: the setting is sent only on that run, so a sidebar
    the user folds later stays folded."""
    if active():
        st.session_state[LEFT_KEY] = True
        st.set_page_config(initial_sidebar_state="collapsed")
    elif st.session_state.pop(LEFT_KEY, False):
        st.set_page_config(initial_sidebar_state="auto")


def _options() -> list[str]:
    return ["join", *room_ui.SECTIONS, "people", *(f"sample:{slug}" for slug in samples.SLUGS)]


def _label(frame: Frame, option: str) -> str:
    if option == "join":
        return frame.t("workshoppage.show.join")
    if option == "people":
        return frame.t("workshoppage.people.heading")
    if option.startswith("sample:"):
        return frame.t(f"samples.{option.split(':', 1)[1]}.name")
    return frame.t(room_ui.SECTIONS[option])


def show(frame: Frame, made: Workshop) -> None:
    """The presenter's screen: the workshop's title, a row of choices, and the chosen content in large type."""
    st.title(safe_text.for_markdown(made.title), anchor=False)
    picked = st.pills(
        frame.t("workshoppage.show"),
        _options(),
        format_func=lambda o: _label(frame, o),
        default="join",
        key=SHOW_KEY,
        help=frame.t("workshoppage.show.help"),
        label_visibility="collapsed",
    )
    picked = picked or "join"
    if picked == "join":
        code_panel(frame, made, big=True)
        room_ui.live(frame, made, _joined)
    elif picked.startswith("sample:"):
        sample(frame, picked.split(":", 1)[1])
    else:
        room_ui.live(frame, made, lambda f, r: _section(f, r, picked))


def _joined(frame: Frame, the_room: room.Room) -> None:
    st.header(frame.t("room.joined", n=the_room.joined), anchor=False)
    room_ui.unreadable(frame, the_room)


def _metrics(rows: list[tuple[str, object]]) -> None:
    for start in range(0, len(rows), COLUMNS):
        for column, (label, value) in zip(st.columns(COLUMNS), rows[start : start + COLUMNS], strict=False):
            column.metric(label, value)


def _cards(rows: list[tuple[str, int]], total: int) -> None:
    """Counts readable from the back of the room: the label, the number, a bar of its share."""
    for start in range(0, len(rows), COLUMNS):
        for column, (label, n) in zip(st.columns(COLUMNS), rows[start : start + COLUMNS], strict=False):
            with column.container(border=True):
                st.subheader(safe_text.for_markdown(label), anchor=False)
                st.header(str(n), anchor=False)
                st.progress(min(1.0, n / total) if total else 0.0)


def _people(frame: Frame, the_room: room.Room) -> None:
    """A card a participant: the pseudonym (with name and town only if shared), their step and band."""
    people = the_room.people
    for start in range(0, len(people), PEOPLE_COLUMNS):
        chunk = people[start : start + PEOPLE_COLUMNS]
        for column, person in zip(st.columns(PEOPLE_COLUMNS), chunk, strict=False):
            who = frame.msg(person.label)
            if person.shared and person.name:
                who += f" · {person.name}" + (f" ({person.town})" if person.town else "")
            who = safe_text.for_markdown(who)
            with column.container(border=True):
                st.subheader(who, anchor=False)
                st.header(room_ui.step_name(frame, person.step), anchor=False)
                st.subheader(frame.t("room.band." + person.band), anchor=False)


def _section(frame: Frame, the_room: room.Room, name: str) -> None:
    heading = "workshoppage.people.heading" if name == "people" else room_ui.SECTIONS[name]
    st.header(frame.t(heading), anchor=False)
    st.subheader(frame.t("room.joined", n=the_room.joined), anchor=False)
    room_ui.unreadable(frame, the_room)
    if name == "people":
        _people(frame, the_room)
        return
    rows = room_ui.items(frame, the_room, name)
    if not rows:
        st.subheader(frame.t(room_ui.EMPTY.get(name, "workshoppage.none_yet")), anchor=False)
    if name == "towns":
        room_ui.towns_map(frame, the_room, PROJECTOR_MAP_HEIGHT)
    _cards(rows, the_room.goals if name == "weak" else the_room.read)
    if name == "weak":
        room_ui.examples(frame, the_room)


def sample(frame: Frame, slug: str) -> None:
    """A sample business as the room sees it: who, where, today's channels, self-check and goals."""
    t, lang = frame.t, frame.lang
    loaded = resources.get_sample(slug)
    business = loaded.profile["business"]
    st.header(business["name"])
    st.subheader(loaded.profile["description"][lang])
    result = selfcheck.score(loaded.profile.get("selfcheck") or {})
    town = business.get("town") or {}
    where = f"{town.get('name', '')} ({town.get('province', '')})" if town else "—"
    band = t("room.band." + (result.band or "incomplete"))
    _metrics([(t("workshoppage.col.town"), where), (t("workshoppage.sample.band"), band)])
    st.header(t("workshoppage.sample.channels"))
    _metrics([
        (t("kpis.channel." + c["channel"]),
         i18n.number(lang, c["followers"]) if c.get("followers") is not None else t("workshoppage.sample.no_followers"))
        for c in business.get("channels") or []
    ])  # fmt: skip
    st.header(t("workshoppage.sample.goals"))
    for raw in loaded.goals:
        goal = goals_mod.Goal.from_dict(raw)
        with st.container(border=True):
            st.subheader(goal.title)
            rows: list[tuple[str, object]] = []
            if goal.kpi and goal.baseline is not None and goal.target is not None:
                rows.append((kpis.name(lang, goal.kpi), _delta(lang, goal)))
            if goal.deadline:
                rows.append((t("workshoppage.sample.deadline"), i18n.date(lang, goal.deadline)))
            _metrics(rows)


def _delta(lang: str, goal: goals_mod.Goal) -> str:
    return f"{kpis.format_value(lang, goal.kpi, goal.baseline)} → {kpis.format_value(lang, goal.kpi, goal.target)}"
