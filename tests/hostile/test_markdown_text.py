"""``safe_text.for_markdown``: user text inside Streamlit's Markdown stays exactly the text it was.

``st.markdown``, ``st.caption``, the message boxes, widget labels and ``st.progress`` text render
Markdown: a business called ``[x](javascript:alert(1))`` would be a link, ``**`` bold, ``:red[x]``
coloured, ``![x](http://...)`` an image fetched from outside. Rendered here with markdown-it
(CommonMark, raw HTML allowed: the most permissive reading), the escaped text must come out as
one paragraph holding the original text and nothing else.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

from bench import servers
from core import safe_text
from tests.hostile import conftest
from tests.hostile.corpus import PAYLOADS

ROOT = Path(__file__).resolve().parents[2]
MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["strikethrough", "table"])
MARKUP = {
    "bold": "**Forno** __Rossi__",
    "heading_after_newline": "Bar\n# Big",
    "list_after_newline": "Bar\n- one\n1. two",
    "quote": "> quoted",
    "code": "`code` and ```fence```",
    "html_comment": "<!-- hidden -->",
    "autolink": "<https://evil.invalid>",
    "entity": "&copy; &#36;",
    "table": "a | b\n--|--\n1 | 2",
    "strike": "~~gone~~",
    "streamlit_colour": ":red[alarm] :blue-background[x]",
    "streamlit_icon": ":material/warning: :smile:",
    "maths": "$x^2$ and $$y$$",
    "link_reference": "[x][1]\n\n[1]: javascript:alert(1)",
    "trailing_backslash": "ends with \\",
}
CASES = {**PAYLOADS, **MARKUP}


def _shown(text: str) -> str:
    """What a reader must see: the text on one line, without control, zero-width and bidirectional
    characters (and without the invisible word joiners that keep an address from becoming a link)."""
    return " ".join(safe_text.plain_text(text).split())


def _seen(rendered: str) -> str:
    """Rendered text as a reader sees it: a word joiner is invisible."""
    return rendered.replace(safe_text.WORD_JOINER, "")


@pytest.mark.parametrize("name", sorted(CASES))
def test_escaped_text_renders_as_one_paragraph_of_exactly_that_text(name):
    text = CASES[name]
    rendered = MARKDOWN.render(safe_text.for_markdown(text))
    conftest.COUNTS["Markdown texts rendered"] += 1
    assert _seen(rendered) == f"<p>{escapeHtml(_shown(text))}</p>\n"


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_web_or_mail_address_in_escaped_text_can_be_made_a_link(name):
    """GFM autolinks a bare ``https://``, ``www.`` or ``a@b.it`` whatever backslashes say; each of its
    patterns needs an unbroken run of characters, which the word joiner breaks."""
    joined = safe_text.for_markdown(CASES[name]).replace("\\", "")  # as the renderer reads it, escapes resolved
    for pattern in (r"(?i)https?://", r"(?i)\bwww\.", r"[\w.+-]@[\w-]+\.\w"):
        assert re.findall(pattern, joined) == [], (pattern, joined)


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_markdown_or_streamlit_syntax_character_is_left_unescaped(name):
    escaped = safe_text.for_markdown(CASES[name])
    # Every ASCII punctuation mark (Streamlit's ":" directives and "$" maths included) has its backslash.
    unescaped = re.findall(r"(?<!\\)(?:\\\\)*([!-/:-@\[-`{-~])", escaped.replace("\\\\", ""))
    assert [c for c in unescaped if c != "\\"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, ""),
        ("", ""),
        ("Città", "Città"),
        ("Forno  Rossi\n\tSrl", "Forno Rossi Srl"),
        ("a*b", "a\\*b"),
        ("l'osteria", "l\\'osteria"),
        ("[x](javascript:alert(1))", "\\[x\\]\\(javascript\\:alert\\(1\\)\\)"),
        ("Forl\x00ì", "Forlì"),
        ("abc\u202edef", "abcdef"),
        (42, "42"),
    ],
)
def test_for_markdown_examples(text, expected):
    assert safe_text.for_markdown(text) == expected


PROBE = """
import json, os
import streamlit as st
from core import safe_text

for i, text in enumerate(json.load(open(os.environ["ROTTA_PROBE_TEXTS"], encoding="utf-8"))):
    shown = safe_text.for_markdown(text)
    with st.container(key=f"caption{i}"):
        st.caption(shown)
    with st.container(key=f"box{i}"):
        st.info(shown)
    with st.container(key=f"expander{i}"):
        with st.expander(shown):
            st.write("")
    with st.container(key=f"progress{i}"):
        st.progress(0.5, text=shown)
for i, text in enumerate(json.load(open(os.environ["ROTTA_PROBE_RAW"], encoding="utf-8"))):
    with st.container(key=f"raw{i}"):  # not escaped: what the link detector must find
        st.markdown(text)
"""
RAW = [PAYLOADS["web_address"], PAYLOADS["email"]]
WIDGETS = ("caption", "box", "expander", "progress")


def _serve(folder: Path, texts: list[str]) -> servers.Server:
    (folder / "probe.py").write_text(PROBE, encoding="utf-8")
    (folder / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    (folder / "raw.json").write_text(json.dumps(RAW), encoding="utf-8")
    env = {
        "PYTHONPATH": str(ROOT),
        "ROTTA_PROBE_TEXTS": str(folder / "texts.json"),
        "ROTTA_PROBE_RAW": str(folder / "raw.json"),
    }
    return servers.Server(folder / "probe.py", folder / "server.log", env, timeout=60)


@pytest.mark.browser
def test_streamlit_shows_escaped_text_literally_in_markdown_boxes_and_labels(tmp_path, hostile_browser):
    """The real renderer, not an approximation: Streamlit's own Markdown, its ``:red[...]`` and
    ``:material/...:`` directives, and labels of expanders and progress bars. Streamlit makes links of
    plain web and e-mail addresses: the same addresses drawn unescaped must give the link detector
    links to find (three: two web, one mailto), and the escaped ones none."""
    texts = [*PAYLOADS.values(), *MARKUP.values()]
    server = _serve(tmp_path, texts)
    url = server.url

    links: dict[str, Any] = {}

    def read(browser: object) -> list[list[str]]:
        from tests.hostile.conftest import Tab

        tab = Tab(browser, url)
        try:
            tab.page.goto(url)
            tab.page.wait_for_selector(f".st-key-progress{len(texts) - 1}", timeout=60_000)
            # every widget drawn with its text (a progress bar can appear a moment before its label)
            tab.page.wait_for_function(
                """n => [...Array(n).keys()].every(i => ['caption', 'box', 'expander', 'progress'].every(
                       w => (document.querySelector('.st-key-' + w + i)?.innerText || '').trim().length > 0))""",
                arg=len(texts),
                timeout=60_000,
            )
            shown = []
            for i in range(len(texts)):
                row = [tab.page.locator(f".st-key-{w}{i}").first.inner_text() for w in WIDGETS]
                shown.append(row)
            assert tab.executions() == [] and tab.injected() == []
            tab.page.wait_for_selector(f".st-key-raw{len(RAW) - 1} a", timeout=30_000)
            links["raw"] = [tab.page.locator(f".st-key-raw{j} a[href]").count() for j in range(len(RAW))]
            links["all"] = tab.user_links()
            return shown
        finally:
            tab.close()

    try:
        shown = hostile_browser.run(read)
    finally:
        server.stop()
    wrong = {
        f"{widget}: {text[:40]!r}": got[:60]
        for text, row in zip(texts, shown, strict=True)
        for widget, got in zip(WIDGETS, row, strict=True)
        if _shown(text)[:300] not in " ".join(_seen(got).replace("\n", " ").split())
    }
    conftest.COUNTS["Markdown texts rendered"] += len(texts) * len(WIDGETS)
    assert wrong == {}
    assert links["raw"] == [2, 1]  # the detector sees what Streamlit links...
    assert len(links["all"]) == 3 and any(h.startswith("mailto:") for h in links["all"])  # ...and only those
