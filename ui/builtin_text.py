"""Streamlit's own words on its widgets, in the page's language, where Streamlit 1.67 has no parameter for them;
and Markdown tables wider than a phone scrolling sideways inside their own box (Streamlit lets them widen the page).

What a parameter can say is said with it (``placeholder=`` on selects, ``format=`` on dates and numbers). What
none can: the file uploader's "Upload" button, its "Drag and drop a file here" while a file is dragged over it, and
its "25MB per file • CSV" line (the page says the limit itself, ``imports.limit_note``); a text field's "Press
Enter to apply" / "Press Enter to submit form"; the "dd"/"yyyy" of an empty date field. One style sheet, made
only of Rotta's own texts (``core/texts/frame.py``), hides those words and writes ours in their place with CSS
``content``: no script, nothing of the user's, and a change of Streamlit's markup shows up in
``tests/browser/test_screen_text.py``, which reads every page as it is drawn.

This module is the one place allowed to send HTML (``st.html``) for it (tests/test_architecture.py and
tests/hostile/test_no_raw_html.py name it)."""

from __future__ import annotations

import streamlit as st

from core import i18n

_UPLOAD = '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p'
_DRAGGING = '[data-testid="stFileUploaderDropzone"] > input + div > *'  # the overlay while a file is dragged over
_INSTRUCTIONS = '[data-testid="stFileUploaderDropzoneInstructions"]'
_ENTER = '[data-testid="InputInstructions"] > span:first-child'
_PLACEHOLDER = '[data-placeholder="true"][data-type="{kind}"]'
# A Markdown table wider than a phone (the Timeline's top posts: 7 columns, long addresses) wraps inside the page's
# width, long words and addresses broken anywhere: a box that scrolls sideways is one the keyboard cannot reach.
_WIDE_TABLES = (
    '[data-testid="stMarkdownContainer"] table{max-width:100%}'
    '[data-testid="stMarkdownContainer"] :is(th,td){overflow-wrap:anywhere}'
)
# Italian writes an empty date field's parts as gg/mm/aaaa; English keeps Streamlit's dd/mm/yyyy.
_DATE_PARTS = {"it": {"day": "gg", "year": "aaaa"}, "en": {}}


def css_string(text: str) -> str:
    """``text`` as a CSS string literal: quotes, backslashes, line ends and ``<`` escaped."""
    escaped = "".join(c if c.isalnum() or c in " .,;:!?'-–—/()%€…àèéìòùÀÈÉÌÒÙ" else f"\\{ord(c):x} " for c in text)
    return f'"{escaped}"'


def _replace(selector: str, text: str, size: str) -> str:
    """Hide the element's own words (size 0) and write ``text`` after them at ``size``, Streamlit's size there."""
    return (
        f"{selector}{{font-size:0 !important}}"
        f"{selector}::after{{content:{css_string(text)};font-size:{size};line-height:1.6}}"
    )


def style(lang: str) -> str:
    """The style sheet for a page in ``lang`` (pure: the same for every page and user)."""
    t = lambda key: i18n.t(lang, key)  # noqa: E731
    rules = [
        _replace(_UPLOAD, t("frame.builtin.upload"), "1rem"),
        _replace(_DRAGGING, t("frame.builtin.drop"), "1rem"),
        f"{_INSTRUCTIONS}{{display:none}}",
        _replace(_ENTER, t("frame.builtin.enter_apply"), "0.75rem"),
        # more specific than the rule above: it wins inside a form
        _replace(f'[data-testid="stForm"] {_ENTER}', t("frame.builtin.enter_submit"), "0.75rem"),
    ]
    rules.append(_WIDE_TABLES)
    rules += [_replace(_PLACEHOLDER.format(kind=kind), text, "1rem") for kind, text in _DATE_PARTS[lang].items()]
    return "<style>" + "".join(rules) + "</style>"


def apply(lang: str) -> None:
    """Put the style sheet on the page (a style-only ``st.html`` takes no room on the page)."""
    st.html(style(lang))
