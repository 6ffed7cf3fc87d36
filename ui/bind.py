"""Widgets bound to a field of the plan: each owns its session-state key and saves on change.

A key names the plan as well as the field (``Frame.key``): the same field of two plans is two
widgets, so after Back, a switch of ``?plan=`` or a tap during a rerun the browser's values of one
plan's widgets never arrive as changes of another's (Streamlit takes a keyed widget's identity
from its key alone). And ``frame.save`` refuses a change whose plan is not the one behind the link.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from core.plan import plan as plan_mod
from ui import fields
from ui import frame as frame_mod
from ui.frame import Frame


def key_for(frame: Frame, path: plan_mod.Path) -> str:
    """The widget key of the field at ``path`` of ``frame``'s plan."""
    return frame.key("/".join(str(p) for p in path))


def _commit(frame: Frame, path: plan_mod.Path, key: str, seen: Any, convert: Callable[[Any], Any]) -> None:
    if key not in st.session_state:  # a widget of a page whose values were reset since: not a change of this plan
        return
    new = convert(st.session_state[key])
    if new != seen:
        frame_mod.save(frame, [plan_mod.Change(path, seen, new)])


def _seed(frame: Frame, path: plan_mod.Path, to_widget: Callable[[Any], Any]) -> tuple[str, Any]:
    key = key_for(frame, path)
    seen = plan_mod.get_in(frame.plan or {}, path)
    if key not in st.session_state:
        st.session_state[key] = to_widget(seen)
    return key, seen


def text_input(frame: Frame, path: plan_mod.Path, label: str, *, limit: int | None = None, **kwargs: Any) -> str:
    """``limit``: the most characters the field keeps, said in its help (see ``ui.fields``)."""
    key, seen = _seed(frame, path, lambda v: v or "")
    args = (frame, path, key, seen, lambda v: v.strip())
    if limit is None:
        st.text_input(label, key=key, on_change=_commit, args=args, **kwargs)
    else:
        example, help_ = kwargs.pop("placeholder", None), kwargs.pop("help", None)
        told = fields.limit(
            frame.lang, limit, label, key=key, on_change=_commit, args=args, placeholder=example, help=help_
        )
        st.text_input(label, **told, **kwargs)
    return st.session_state[key]


def radio(frame: Frame, path: plan_mod.Path, label: str, options: list[Any], **kwargs: Any) -> Any:
    key, seen = _seed(frame, path, lambda v: v)
    st.radio(label, options, key=key, on_change=_commit, args=(frame, path, key, seen, lambda v: v), **kwargs)
    return st.session_state[key]


def pills(frame: Frame, path: plan_mod.Path, label: str, options: list[Any], **kwargs: Any) -> list[Any]:
    key, seen = _seed(frame, path, lambda v: list(v or []))
    order = {o: i for i, o in enumerate(options)}
    st.pills(
        label,
        options,
        selection_mode="multi",
        key=key,
        on_change=_commit,
        args=(frame, path, key, seen, lambda v: sorted(v or [], key=order.get)),
        **kwargs,
    )
    return st.session_state[key]


def editor_data(key: str, source: Any, build: Callable[[], Any]) -> Any:
    """The table to hand to ``st.data_editor(key=key)``, rebuilt whenever ``source`` (the plan's value) changed.

    A data editor keeps its edits as a delta on the table it was first given; handing it a new table
    while the old delta lives would apply the edits twice, and keeping an old table while the plan
    changed elsewhere (another widget, tab or upload) would write stale cells back. So both move together.
    """
    if st.session_state.get(key + "#source") != source or key + "#data" not in st.session_state:
        st.session_state.pop(key, None)
        st.session_state[key + "#data"] = build()
        st.session_state[key + "#source"] = source
    return st.session_state[key + "#data"]
