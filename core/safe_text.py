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
``st.info`` and the other boxes, widget labels, ``st.progress`` text): links, images, emphasis,
Streamlit's ``:red[...]`` / ``:material/...:`` directives and ``$`` maths all stay plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Sequence

_TEMPLATE_LITERAL = str.maketrans({"\\": "&#92;", "`": "&#96;", "$": "&#36;"})
_JINJA_OPEN = re.compile(r"\{(?=[{%#]|\Z)")  # what starts a Jinja tag; a lone "{" is plain text to Jinja
# Every ASCII punctuation mark: CommonMark lets a backslash escape each one.
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Bidirectional embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069).
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def for_html(text: object) -> str:
    """``text`` escaped for our own HTML snippets (``None`` becomes an empty string)."""
    if text is None:
        return ""
    return html.escape(str(text).replace("\x00", ""), quote=True)


def for_folium(text: object) -> str:
    """``text`` safe for folium popups, tooltips and layer names (``None`` becomes an empty string)."""
    return _JINJA_OPEN.sub("&#123;", for_html(text).translate(_TEMPLATE_LITERAL))


def for_markdown(text: object) -> str:
    """``text`` shown literally by Streamlit's Markdown, on one line (``None`` becomes an empty string).

    Every ASCII punctuation mark gets a backslash (so ``[x](javascript:...)``, ``**``, ``<b>``,
    ``:red[x]`` and ``$x$`` are not markup), runs of whitespace and line breaks become one space
    (no headings, lists or quotes from a new line), and NUL and the bidirectional embedding,
    override and isolate controls are dropped (they would reorder the text around them).
    """
    if text is None:
        return ""
    flat = " ".join(str(text).replace("\x00", "").translate(_BIDI_CONTROLS).split())
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", flat)


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


_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def plain_text(text: object) -> str:
    """User text without control, zero-width or bidi-override characters (which hide or reverse what is shown);
    line breaks become ``\\n``, tabs stay."""
    return _INVISIBLE.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))
