"""Escaping for text that users or imported files control, before it reaches HTML or a map.

folium puts popup, tooltip and layer-name text raw into HTML and into JavaScript template
literals (`` `...` ``), so plain ``html.escape`` is not enough there: a ``${...}`` would run and
a backslash can break the whole map script. ``for_folium`` also turns the three characters that
mean something inside a template literal into HTML character references, which the browser
shows as the characters themselves.
"""

from __future__ import annotations

import html

_TEMPLATE_LITERAL = str.maketrans({"\\": "&#92;", "`": "&#96;", "$": "&#36;"})


def for_html(text: object) -> str:
    """``text`` escaped for our own HTML snippets (``None`` becomes an empty string)."""
    if text is None:
        return ""
    return html.escape(str(text).replace("\x00", ""), quote=True)


def for_folium(text: object) -> str:
    """``text`` safe for folium popups, tooltips and layer names (``None`` becomes an empty string)."""
    return for_html(text).translate(_TEMPLATE_LITERAL)
