"""Start: what Rotta does, the path, a sample or an empty plan, and the self-check "Are you adrift?"."""

import datetime as dt

import streamlit as st

from core import samples
from core.i18n import Message
from core.plan import path, selfcheck
from core.plan import plan as plan_mod
from ui import bind, participant, resources, room_compare
from ui import frame as frame_mod
from ui import room as room_ui

frame = frame_mod.page("start")
t = frame.t
seat = room_ui.seat(frame)  # in a workshop, the participant sees the room first
if seat is not None:
    participant.room_block(frame, seat)

st.title(t("start.title"))
st.markdown(t("start.lead"))
lead, figure = st.columns([3, 1])
with figure:
    # Markdown, not st.metric: each element type costs the browser one more script to fetch (benchmark).
    st.markdown(f"{t('start.figure')}  \n# 43%\n{t('start.figure_change')}")
    st.caption(t("start.figure_detail") + " " + t("start.figure_source"))
with lead:
    st.markdown(f"> {t('start.quote')}")

LOADED_KEY = "start_loaded"


def _loaded(slug: str) -> None:
    """The card's confirmation, once, right after its sample (or the empty plan) was opened."""
    if st.session_state.get(LOADED_KEY) == slug and frame.plan is not None:
        del st.session_state[LOADED_KEY]
        said = frame.md("start.loaded", name=names[slug]) if slug else t("start.new_opened")
        st.success(said, icon=":material/check_circle:")


def _start(frame: frame_mod.Frame, slug: str | None) -> None:
    if not frame_mod.is_shown(frame):  # a button of a page drawn for another plan than the link's now
        frame_mod.flash("warning", Message("frame.other_plan"))
        return
    today = dt.date.today()
    if slug is None:
        new = plan_mod.new_plan(today)
    else:
        sample = resources.get_sample(slug)
        new = plan_mod.from_sample(slug, *samples.in_language(sample, frame.lang), today)  # its words in the page's
    frame_mod.open_plan(frame, new)
    st.session_state[LOADED_KEY] = slug or ""  # said in the card that was tapped, where the finger is


st.header(t("start.begin_title"))
if seat is not None:
    st.caption(t("start.room.plan_note"))
elif frame.plan is not None:
    name = (frame.plan.get("business") or {}).get("name") or t("frame.plan_unnamed")
    st.caption(frame.md("start.current", name=name) + " · " + t("start.replace_warning"))
elif frame.missing:
    st.warning(t("frame.plan_missing"))
names = samples.sample_names(frame.lang)
cols = st.columns(len(samples.SLUGS) + 1)
for col, slug in zip(cols, samples.SLUGS, strict=False):
    with col.container(border=True):
        st.markdown(f"**{names[slug]}**")
        st.caption(resources.get_sample(slug).profile["description"][frame.lang])
        if seat is not None:  # a participant's plan stays the room's: the sample fills it, after asking
            participant.choice_button(frame, slug)
        else:
            st.button(
                t("frame.load_sample"),
                key=frame.key("sample", slug),
                on_click=_start,
                args=(frame, slug),
                width="stretch",
            )
            _loaded(slug)
with cols[-1].container(border=True):
    st.markdown(f"**{t('frame.new_plan') if seat is None else t('start.room.fill_empty')}**")
    st.caption(t("start.empty_help") if seat is None else t("start.room.empty_help"))
    if seat is not None:
        participant.choice_button(frame, participant.EMPTY)
    else:
        st.button(
            t("frame.new_plan"), key=frame.key("empty_plan"), on_click=_start, args=(frame, None), type="primary",
            width="stretch",
        )  # fmt: skip
        _loaded("")
if seat is None:
    st.page_link("pages/join.py", label=t("step.join"), icon=":material/login:", query_params={"lang": frame.lang})

steps = path.available(resources.existing_scripts())
st.markdown(f"**{t('start.path_title')}**")
for row in range(0, len(steps), 4):  # rows of four: seven narrow cards cut the step names
    cols = st.columns(4)
    for col, step in zip(cols, steps[row : row + 4], strict=False):
        with col.container(border=True):
            if step.id == frame.step:  # this page: its name, not a link to itself (see frame._step_link)
                st.markdown(f"{step.icon} **{t('step.' + step.id)}**")
            else:
                st.page_link(step.script, label=t("step." + step.id), icon=step.icon, query_params=frame.params)
            st.caption(t(f"step.{step.id}.what"))


def _sample_answers(plan: dict | None) -> tuple[str, dict]:
    """The sample a plan was loaded from and the self-check answers it still has from it."""
    slug = (plan or {}).get("sample")
    if not slug:
        return "", {}
    theirs = resources.get_sample(slug).profile.get("selfcheck") or {}
    mine = (plan or {}).get("selfcheck") or {}
    return slug, {q: a for q, a in mine.items() if theirs.get(q) == a}


def _clear_sample_answers(frame: frame_mod.Frame) -> None:
    slug, still = _sample_answers(frame.plan)
    mine = (frame.plan or {}).get("selfcheck") or {}
    kept = {q: a for q, a in mine.items() if q not in still}
    if still and frame_mod.save(frame, [plan_mod.Change(("selfcheck",), mine, kept)]):
        frame_mod.reset_widgets()
        frame_mod.flash("info", Message("selfcheck.cleared"))


st.header(t("selfcheck.title"))
st.caption(t("selfcheck.lead"))


@st.fragment
def self_check() -> None:
    """The questions, the score and the room's figures: an answer reruns them alone, not the whole Start page
    (the sidebar's marks follow on the next page view)."""
    sample_slug, sample_answers = _sample_answers(frame.plan)
    if sample_answers:  # after loading a sample: say whose answers these are, and offer to clear them
        with st.container(border=True):
            st.markdown(
                ":material/info: "
                + t(
                    "selfcheck.sample_answers",
                    n=len(sample_answers),
                    total=len(selfcheck.QUESTIONS),
                    sample=names[sample_slug],
                )
            )
            st.button(
                t("selfcheck.clear_sample"),
                key=frame.key("selfcheck_clear"),
                on_click=_clear_sample_answers,
                args=(frame,),
                icon=":material/restart_alt:",
            )
    labels = {0: t("selfcheck.no"), 1: t("selfcheck.partly"), 2: t("selfcheck.yes")}
    for question in selfcheck.QUESTIONS:
        bind.radio(
            frame,
            ("selfcheck", question.id),
            t(f"selfcheck.q.{question.id}"),
            list(selfcheck.ANSWERS),
            format_func=labels.get,
            horizontal=True,
        )
    result = selfcheck.score((frame.plan or {}).get("selfcheck") or {})
    with st.container(border=True):
        st.markdown(f"**{frame.msg(result.headline)}**")
        st.progress(
            result.score / result.maximum, text=t("selfcheck.score", score=result.score, maximum=result.maximum)
        )
        st.caption(t("selfcheck.answered", answered=result.answered, total=len(selfcheck.QUESTIONS)))
        if result.answered:
            present = {s.id: s for s in steps}
            focus = [present[s] for s in result.steps if s in present]
            st.markdown(t("selfcheck.focus") if result.steps else t("selfcheck.focus_none"))
            for step in focus:
                st.page_link(step.script, label=t("step." + step.id), icon=step.icon, query_params=frame.params)
    room_compare.show(frame, "start")  # in a workshop: your score beside the room's
    frame_mod.fragment_settled()


self_check()
frame_mod.next_step(frame)
