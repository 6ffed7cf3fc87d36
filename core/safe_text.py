"""Escaping for text that users or imported files control, before it reaches HTML, a map or Markdown.

folium puts popup, tooltip and layer-name text raw into HTML and into JavaScript template
literals (`` `...` ``), so plain ``html.escape`` is not enough there: a ``${...}`` would run and
a backslash can break the whole map script. ``for_folium`` also turns the three characters that
mean something inside a template literal into HTML character references, which the browser
shows as the characters themselves. It also writes as ``&#123;`` every ``{`` that could open a
Jinja tag (``{{``, ``{%``, ``{#``, or a ``{`` ending the text, which a neighbouring piece could
complete): branca compiles every rendered map script as a Jinja template a second time
(``Element(script(self, kwargs))``), so a name like ``{{ 7*7 }}`` would be evaluated on the
server, with the power of Python, and ``{% raw %}`` would stop the map from rendering.

``for_markdown`` is for text that Streamlit renders as Markdown (``st.markdown``, ``st.caption``,
``st.info`` and the other boxes, widget labels, ``st.progress`` text) and for the Markdown files Rotta
writes: links, images, emphasis, Streamlit's ``:red[...]`` / ``:material/...:`` directives and ``$``
maths all stay plain text, and so do web and e-mail addresses. GitHub-flavoured Markdown (Streamlit's
remark-gfm, GitHub, most editors) turns a bare ``https://...``, ``www.x.it`` or ``a@b.it`` into a link
by searching the text after escapes are resolved, so backslashes cannot stop it; an invisible WORD
JOINER (U+2060) placed inside the pattern does (after ``://``'s colon, between ``www`` and its dot,
before ``@``). The text reads and looks the same; file names and a bare ``example.com``, which GFM
does not link, are left alone.

``markdown_table`` is the one table builder, every cell through the same escaper.

``for_spreadsheet`` is the one formula neutraliser for every export (XLSX, CSV): a cell that a
spreadsheet could read as a formula gets a leading apostrophe, looking past anything a program might
trim or ignore first (blanks, line breaks, a non-breaking space, zero-width characters, a BOM).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Collection, Sequence

_TEMPLATE_LITERAL = str.maketrans({"\\": "&#92;", "`": "&#96;", "$": "&#36;"})
_JINJA_OPEN = re.compile(r"\{(?=[{%#]|\Z)")  # what starts a Jinja tag; a lone "{" is plain text to Jinja
# Every ASCII punctuation mark: CommonMark lets a backslash escape each one.
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def for_html(text: object) -> str:
    """``text`` escaped for our own HTML snippets (``None`` becomes an empty string)."""
    if text is None:
        return ""
    return html.escape(str(text).replace("\x00", ""), quote=True)


def for_folium(text: object) -> str:
    """``text`` safe for folium popups, tooltips and layer names (``None`` becomes an empty string)."""
    return _JINJA_OPEN.sub("&#123;", for_html(text).translate(_TEMPLATE_LITERAL))


def for_markdown(text: object, *, unlink: bool = True) -> str:
    """``text`` shown literally by Markdown (Streamlit's or a file's), on one line (``None`` becomes "").

    Every ASCII punctuation mark gets a backslash (so ``[x](javascript:...)``, ``**``, ``<b>``,
    ``:red[x]``, ``~~x~~`` and ``$x$`` are not markup), web and e-mail addresses get a word joiner
    that keeps them from becoming links, runs of whitespace and line breaks become one space (no
    headings, lists or quotes from a new line), and control, zero-width and bidirectional
    characters are dropped (they hide text or reorder the text around them). ``unlink=False`` is for the
    label of a link Rotta makes itself (no renderer links inside a link, and a label copied by hand must
    not carry the joiners).
    """
    if text is None:
        return ""
    flat = " ".join(plain_text(text).split())
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", unlinked(flat) if unlink else flat)


WORD_JOINER = "\u2060"
# Where GFM's address patterns start: "x://", "www.", "a@" (a bare "example.com" is no link in GFM).
_LINK_JOINTS = re.compile(r"(?<=:)(?=//)|(?i:(?<=www))(?=\.)|(?<=[\w.+-])(?=@)")


def unlinked(text: str) -> str:
    """``text`` with a word joiner wherever a Markdown renderer would start or continue an automatic link."""
    return _LINK_JOINTS.sub(WORD_JOINER, text)


def markdown_table(
    header: Sequence[object],
    rows: Sequence[Sequence[object]],
    escape: Callable[[object], str] = for_markdown,
    keep: Collection[int] = (),
) -> str:
    """A Markdown table, every cell (header included) passed through ``escape``, which must escape ``|``;
    the columns in ``keep`` hold Markdown made by a safe builder (a link) and go in as given."""
    lines = ["| " + " | ".join(escape(c) for c in header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        lines.append("| " + " | ".join(str(c) if i in keep else escape(c) for i, c in enumerate(row)) + " |")
    return "\n".join(lines)


# Controls, zero-width space, bidi marks and controls, word joiners, BOM; not the zero-width (non-)joiners
# U+200C/U+200D, which hold emoji sequences (👩‍🍳) and some scripts' words together.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def plain_text(text: object) -> str:
    """User text without control, zero-width or bidi-override characters (which hide or reverse what is shown);
    line breaks become ``\\n``, tabs stay."""
    return _INVISIBLE.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))


# OWASP's formula starts, and their full-width forms (which some spreadsheets read the same way).
_FORMULA_START = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
_BLANK_START = frozenset("\t\r\n")  # a cell starting with these is neutralised whatever follows (OWASP)


def for_spreadsheet(text: object) -> str:
    """``text`` as a spreadsheet cell (CSV or XLSX) that can never run as a formula (``None`` is "").

    Control, zero-width and bidi characters and the BOM are dropped (``plain_text``); a cell that starts
    with a tab or a line break, or whose first character after any blanks, non-breaking spaces or other
    invisible characters is ``=``, ``+``, ``-`` or ``@`` (or their full-width forms), gets a leading
    apostrophe: ``" =HYPERLINK(...)"``, ``"\\n=1"``, ``"\\u00a0=1"``, ``"\\u200b=1"`` and ``"\\ufeff=1"``
    included, since some programs trim or ignore what comes before the sign.
    """
    cell = "" if text is None else plain_text(text)
    head = next((c for c in cell if not _ignorable(c)), "")
    return "'" + cell if cell[:1] in _BLANK_START or head in _FORMULA_START else cell


def _ignorable(char: str) -> bool:
    """A blank or an invisible character (a separator, a control or a format character)."""
    return char.isspace() or unicodedata.category(char)[0] in "CZ"
