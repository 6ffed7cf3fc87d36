"""The frame every page calls first: page config, language, the plan from the URL, the path sidebar.

``page(step)`` must be the first Streamlit call of every page script (a test checks): a deep
link such as ``/business`` runs the page script directly, without ``app.py``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from core import i18n, safe_text
from core.plan import path
from core.plan import plan as plan_mod
from core.plan import store as store_mod
from ui import builtin_text, pace_banner, resources, warm

WIDGET_PREFIX = "w:"
OPENED_KEY = "plan_opened"  # a plan was opened since the last whole-page run
ICON = Path(__file__).with_name("rotta-icon.png")  # a file, not a Material icon: those load from Google's CDN


@dataclass
class Frame:
    step: str
    lang: str
    token: str | None
    plan: dict[str, Any] | None
    version: int
    missing: bool  # a plan token was in the URL but no such plan exists
    generation: int = 0  # how many times this session's widgets were seeded afresh (``reset_widgets``)
    link: str | None = None  # the ``?plan=`` the page was drawn for (a token, possibly of no plan)

    def t(self, key: str, **params: Any) -> str:
        return i18n.t(self.lang, key, **params)

    def msg(self, message: i18n.Message) -> str:
        return message.render(self.lang)

    def md(self, key: str, **params: Any) -> str:
        """``t`` for Markdown (markdown, caption, message boxes, labels): text parameters, which may be
        user text, are escaped so that they show as typed and never become links, images or markup."""
        return i18n.t(self.lang, key, **markdown_params(params))

    def msg_md(self, message: i18n.Message) -> str:
        """``msg`` for Markdown, with the message's text parameters escaped as in ``md``."""
        return self.md(message.key, **message.params)

    @property
    def ref(self) -> str:
        """The open plan in widget keys: a short digest of its token ("new" with no plan open) and the
        generation of the widgets' values (a plan replaced in place, by a sample or an upload, or
        changed elsewhere gets widgets of its own too).

        A digest, not the token: widget keys reach the browser's page (as CSS classes), the token is
        the plan's secret."""
        return f"{plan_ref(self.token)}.{self.generation}"

    def key(self, *parts: object) -> str:
        """A widget key that names the plan it is drawn on: the same field of two plans (a sample's
        goal ``g1`` and the user's own ``g1``) are two widgets, so a value the browser still shows for
        one plan is never sent as a change of the other (after Back, a switch of ``?plan=``, a tap
        while a rerun is under way): Streamlit takes a keyed widget's identity from its key alone."""
        return f"{WIDGET_PREFIX}{self.ref}:" + ":".join(str(p) for p in parts)

    @property
    def params(self) -> dict[str, str]:
        """Query parameters every link carries so language and plan survive navigation."""
        return {"lang": self.lang, **({"plan": self.token} if self.token else {})}


def markdown_params(params: dict[str, Any]) -> dict[str, Any]:
    """``params`` with every text value escaped for Markdown; numbers keep their format specs."""
    return {name: safe_text.for_markdown(value) if isinstance(value, str) else value for name, value in params.items()}


def plan_ref(token: str | None) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()[:12] if token else "new"


def page(step: str) -> Frame:
    """Set up the page and draw the frame; return what the page needs."""
    st.set_page_config(page_title="Rotta", page_icon=str(ICON), layout="wide")
    resources.static_assets()
    warm.ensure_started()
    lang = _language()
    builtin_text.apply(lang)
    frame = _plan(step, lang)
    finished = _finished(frame)
    _sidebar(frame, finished)
    _top_bar(frame, finished)
    pace_banner.banner(lang, frame.plan, step, frame.params)  # in a workshop: the room's step, one tap away
    _flash(frame)
    return frame


def _language() -> str:
    lang = i18n.normalize_lang(st.query_params.get("lang"))
    if lang is None:
        lang = st.session_state.get("lang") or i18n.lang_from_locale(st.context.locale)
    st.session_state["lang"] = lang
    if st.query_params.get("lang") != lang:
        st.query_params["lang"] = lang
    return lang


def _plan(step: str, lang: str) -> Frame:
    st.session_state.pop(OPENED_KEY, None)  # a whole-page run draws every link with the plan it opens
    token = st.query_params.get("plan")
    if not token:
        if st.session_state.pop("plan_token", None) is not None:
            reset_widgets()  # the plan was closed: a new one gets widgets of its own
        return Frame(step, lang, None, None, 0, missing=False, generation=_generation())
    loaded = resources.get_store().load(token)
    if loaded is None:
        return Frame(step, lang, None, None, 0, missing=True, generation=_generation(), link=token)
    plan, version = loaded
    seen = (st.session_state.get("plan_token"), st.session_state.get("plan_version"))
    if seen != (token, version):
        # Another plan, or the plan changed elsewhere (another tab, an upload): re-seed the widgets.
        reset_widgets()
    st.session_state["plan_token"], st.session_state["plan_version"] = token, version
    return Frame(step, lang, token, plan, version, missing=False, generation=_generation(), link=token)


GENERATION_KEY = "widget_generation"


def _generation() -> int:
    return int(st.session_state.get(GENERATION_KEY, 0))


def reset_widgets() -> None:
    """Forget every widget's value, to seed them again from the plan: from the next run on the widgets
    have new keys (``Frame.key``), so values the browser still shows for the old ones are never taken."""
    for key in [k for k in st.session_state.keys() if str(k).startswith(WIDGET_PREFIX)]:
        del st.session_state[key]
    st.session_state[GENERATION_KEY] = _generation() + 1


def _finished(frame: Frame) -> set[str]:
    """The steps the open plan has done, the data imported for it included (one small query)."""
    if frame.plan is None or not frame.token:
        return set()
    return path.done(frame.plan, {e.kind for e in resources.get_datasets().entries(frame.token)})


def _sidebar(frame: Frame, finished: set[str]) -> None:
    steps = path.available(resources.existing_scripts())
    with st.sidebar:
        st.markdown(f"### :material/explore: {frame.t('app.name')}")
        if frame.plan is not None:
            name = (frame.plan.get("business") or {}).get("name") or frame.t("frame.plan_unnamed")
            st.caption(frame.md("frame.plan_of", name=name))
        st.markdown(f"**{frame.t('frame.path')}**")
        for number, step in enumerate(steps, start=1):
            label = f"{number}. {frame.t('step.' + step.id)}"
            if step.id in finished:
                label += " ✓"  # as in the top bar: with "· you are here" a word would not fit the sidebar
            if step.id == frame.step:
                label += f" · {frame.t('frame.you_are_here')}"
            _step_link(frame, step, label, frame.params)
        for step in path.extra(resources.existing_scripts()):
            if step.id != "join" or frame.step == "join":
                _step_link(frame, step, frame.t("step." + step.id), {"lang": frame.lang})
        st.divider()
        choice = st.segmented_control(
            frame.t("frame.language"),
            options=list(i18n.LANGS),
            format_func=i18n.LANG_NAMES.get,
            default=frame.lang,
            key="lang_switch",
        )
        if choice and choice != frame.lang:
            st.session_state["lang"] = choice
            st.query_params["lang"] = choice
            st.rerun()
        if frame.token:
            st.caption(frame.t("frame.copy_link"))
            # A link to select and copy (st.code would make every page fetch a syntax highlighter).
            url = _plan_url(frame)
            st.markdown(f"[{safe_text.for_markdown(url, unlink=False)}]({url})")  # copied by hand: no joiners
            st.caption(frame.t("frame.plan_link_help"))
        saved_at = st.session_state.get("saved_at")
        if saved_at and frame.token:
            st.caption(f":material/cloud_done: {frame.t('frame.saved')} {saved_at}")
        st.caption(frame.t("frame.offline_note"))


def _top_bar(frame: Frame, finished: set[str]) -> None:
    """The path at the top of the page too: on a phone the sidebar is folded away."""
    steps = path.available(resources.existing_scripts())
    ids = [s.id for s in steps]
    if frame.step not in ids:
        return
    where, menu = st.columns([4, 1], vertical_alignment="center")
    where.caption(
        frame.t("frame.step_of", n=ids.index(frame.step) + 1, total=len(ids), step=frame.t("step." + frame.step))
    )
    with menu.popover(frame.t("frame.path"), icon=":material/route:", width="stretch"):
        for number, step in enumerate(steps, start=1):
            label = f"{number}. {frame.t('step.' + step.id)}" + (" ✓" if step.id in finished else "")
            _step_link(frame, step, label, frame.params)


def _step_link(frame: Frame, step: path.Step, label: str, params: dict[str, str]) -> None:
    """A link to a step of the path; the page itself is named in bold text, not linked: a link to the page one
    is on leads nowhere, and Streamlit marks it with the same background as a focused link, so the keyboard's
    focus on it could not be seen."""
    if step.id == frame.step:
        st.markdown(f"{step.icon} **{label}**")
    else:
        st.page_link(step.script, label=label, icon=step.icon, query_params=params)


def _plan_url(frame: Frame) -> str:
    return plan_url(st.context.url, frame.token or "", frame.lang)


def plan_url(page_url: str | None, token: str, lang: str) -> str:
    """The link that reopens the plan, safe inside a Markdown link: the page's own http(s) address
    (the browser's, so it may hold anything) with its path percent-quoted, or a relative link."""
    parts = urllib.parse.urlsplit(page_url or "")
    query = urllib.parse.urlencode({"plan": token, "lang": lang})
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "?" + query
    netloc = urllib.parse.quote(parts.netloc, safe=":[]@")
    path = urllib.parse.quote(urllib.parse.unquote(parts.path), safe="/")
    return urllib.parse.urlunsplit((parts.scheme, netloc, path, query, ""))


def _flash(frame: Frame) -> None:
    for kind, message in st.session_state.pop("flash", []):
        text = frame.msg_md(message) if isinstance(message, i18n.Message) else safe_text.for_markdown(message)
        getattr(st, kind)(text)


def fragment_settled() -> None:
    """At the end of an ``st.fragment``: a message a save left (a conflict, a plan that is no longer the
    link's) is shown by the whole page, and a plan the fragment's first save created must reach every link
    of the page (the path, the sidebar): run the whole page then; otherwise only the fragment ran."""
    if not _fragment_alone():  # in a whole-page run the page already shows its messages and links
        return
    if st.session_state.get("flash") or st.session_state.get(OPENED_KEY):
        st.rerun(scope="app")


def _fragment_alone() -> bool:
    """Whether this run reruns fragments alone (Streamlit names them in the run's context), not the page."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def flash(kind: str, message: i18n.Message) -> None:
    """Show ``message`` (``kind``: error, warning, success, info) at the top of the next run."""
    st.session_state.setdefault("flash", []).append((kind, message))


def linked_token() -> str | None:
    """The plan behind this session's link now (in a callback: the link of the run being started)."""
    return st.query_params.get("plan") or None


def is_shown(frame: Frame) -> bool:
    """Whether ``frame``'s plan (the one a widget or button was drawn on) is the plan behind the link:
    the page was drawn for the link the session has now."""
    return frame.link == linked_token()


def save(frame: Frame, changes: list[plan_mod.Change]) -> bool:
    """Save ``changes`` at once; on a conflict or failure say so and keep the stored value.

    ``frame`` names the plan the changes were made on. When that is not the plan behind the
    session's link (a callback bound while another plan was shown, then Back or a new link),
    nothing is written: the user is told so, and the widgets are seeded again from the linked plan."""
    if not is_shown(frame):
        flash("warning", i18n.Message("frame.other_plan"))
        reset_widgets()
        return False
    store = resources.get_store()
    token = frame.token or ensure_plan(frame)
    try:
        plan, version = store.apply(token, changes)
    except plan_mod.Conflict as conflict:
        flash(
            "warning",
            i18n.Message("frame.conflict", {"yours": _short(conflict.yours), "theirs": _short(conflict.theirs)}),
        )
        reset_widgets()
        return False
    except store_mod.PlanNotFound:
        flash("error", i18n.Message("frame.plan_missing"))
        return False
    except store_mod.SaveFailed as failure:
        flash("error", i18n.Message("frame.save_failed", {"reason": str(failure)[:80]}))
        return False
    frame.plan, frame.version, frame.token = plan, version, token
    st.session_state["plan_token"], st.session_state["plan_version"] = token, version
    st.session_state["saved_at"] = dt.datetime.now().strftime("%H:%M:%S")
    return True


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else ("—" if value is None else str(value))
    return text if len(text) <= 60 else text[:57] + "…"


def ensure_plan(frame: Frame) -> str:
    """The open plan's token, creating an empty plan first if none is open."""
    if frame.token:
        return frame.token
    return open_plan(frame, plan_mod.new_plan(dt.date.today()))


def open_plan(frame: Frame, plan: dict[str, Any]) -> str:
    """Store ``plan`` as a new plan and put its link in the URL."""
    token, version = resources.get_store().create(plan)
    st.query_params["plan"] = token
    st.session_state[OPENED_KEY] = True  # the page's links must carry the new plan: a fragment reruns the page
    st.session_state["plan_token"], st.session_state["plan_version"] = token, version
    reset_widgets()
    frame.token, frame.plan, frame.version, frame.missing = token, plan, version, False
    frame.generation, frame.link = _generation(), token
    return token


def require_plan(frame: Frame) -> bool:
    """On steps that need a plan: say what to do when none is open; True when one is."""
    if frame.plan is not None:
        return True
    st.info(frame.t("frame.plan_missing" if frame.missing else "frame.no_plan"))
    st.page_link("app.py", label=frame.t("frame.go_start"), icon=":material/home:", query_params={"lang": frame.lang})
    return False


def next_step(frame: Frame) -> None:
    """A link to the next existing step of the path."""
    steps = path.available(resources.existing_scripts())
    ids = [s.id for s in steps]
    if frame.step in ids and ids.index(frame.step) + 1 < len(steps):
        nxt = steps[ids.index(frame.step) + 1]
        label = frame.t("frame.next", step=frame.t("step." + nxt.id))
        st.page_link(nxt.script, label=label, icon=":material/arrow_forward:", query_params=frame.params)
