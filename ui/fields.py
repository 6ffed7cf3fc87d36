"""Text fields that say their length limit and keep what fits.

Streamlit's ``max_chars`` drops a longer paste whole (the field stays as it was, often empty) and stops
typing at the limit with no word. ``limit`` replaces it: the field takes any text, its placeholder says
the limit in the user's language (after the field's own example, where it has one: it shows while the
field is empty, when a text is about to be typed or pasted; a field too narrow for both says it in its
help instead), and a longer text is cut to the limit (in
the field too) with a notice naming the field, the limit and the length given; then the field's own
``on_change`` runs on the kept text. Inside a form, where a field cannot have its own callback,
``keeping`` wraps the submit button's ``on_click`` the same way. Data-editor columns
(``st.column_config.TextColumn``) already keep what fits; ``help_for`` says their limit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from core import i18n


def help_for(lang: str, chars: int, help: str | None = None) -> str:
    """A text (a help, a placeholder) with the limit said after it."""
    said = i18n.t(lang, "input.limit", max=i18n.number(lang, chars))
    return f"{help} {said}" if help else said


def placeholder_for(lang: str, chars: int, example: str | None = None) -> str:
    """The field's placeholder (an example) with its limit said after it."""
    if example:
        return i18n.t(lang, "input.limit_after", example=example, max=i18n.number(lang, chars))
    return i18n.t(lang, "input.limit", max=i18n.number(lang, chars))


def number_format(value: float | None) -> str:
    """``st.number_input``'s format for ``value``: a whole number without decimals (``20400``, not ``20400.00``:
    Streamlit writes the decimal mark as a point in every language), one decimal only where it has some."""
    return "%.0f" if value is None or float(value).is_integer() else "%.1f"


def _cut(lang: str, key: str, chars: int, label: str) -> None:
    value = st.session_state.get(key)
    if isinstance(value, str) and len(value) > chars:
        st.session_state[key] = value[:chars]
        notice = i18n.t(
            lang, "input.cut", field=label, max=i18n.number(lang, chars), length=i18n.number(lang, len(value))
        )
        st.toast(notice, icon=":material/content_cut:", duration="long")


def limit(
    lang: str, chars: int, label: str, *, key: str, placeholder: str | None = None, help: str | None = None,
    on_change: Callable[..., Any] | None = None, args: tuple[Any, ...] = (), kwargs: Mapping[str, Any] | None = None,
    form: bool = False, narrow: bool = False,
) -> dict[str, Any]:  # fmt: skip
    """Keyword arguments for ``st.text_input`` / ``st.text_area`` in place of ``max_chars=chars``.

    ``label`` is the field's label (named in the notice); ``key``, ``on_change``, ``args``, ``kwargs``, ``help`` and
    ``placeholder`` are the field's own. ``narrow``: the field is too narrow for its example and the limit, so the
    limit goes in its help. In a form (``form=True``) no callback is set: cut with ``keeping``."""
    if narrow:
        shown = {"key": key, "placeholder": placeholder, "help": help_for(lang, chars, help)}
    else:
        shown = {"key": key, "placeholder": placeholder_for(lang, chars, placeholder), "help": help}
    if form:
        return shown

    def changed() -> None:
        _cut(lang, key, chars, label)
        if on_change is not None:
            on_change(*args, **(kwargs or {}))

    return {**shown, "on_change": changed}


def keeping(lang: str, fields: Mapping[str, tuple[int, str]], on_click: Callable[..., Any]) -> Callable[..., Any]:
    """A form's submit callback that first cuts each ``{key: (chars, label)}`` field to its limit."""

    def submitted(*args: Any, **kwargs: Any) -> Any:
        for key, (chars, label) in fields.items():
            _cut(lang, key, chars, label)
        return on_click(*args, **kwargs)

    return submitted
