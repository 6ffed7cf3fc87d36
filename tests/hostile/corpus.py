"""The hostile text every hardening test feeds Rotta: markup, script breakers, odd Unicode, sheer size.

Each payload is what a user could type into a field or what an imported file could hold in a cell
(business name, town, post text, competitor name, goal title). ``PAYLOADS`` is the whole corpus;
``QUICK`` is the subset tried in every text field of every page (the browser run must stay short).
"""

from __future__ import annotations

LONG = "A" * 9_970 + "<img src=x onerror=alert(1)>"  # 10 kB, with a script at its very end

PAYLOADS: dict[str, str] = {
    "img_onerror": "<img src=x onerror=alert(1)>",
    "svg_onload": '"><svg onload=alert(1)>',
    "template_break": "`);alert(1);(`",
    "template_expr": "${alert(document.domain)}",
    "script_close": "</script><script>alert(1)</script>",
    "markdown_js_link": "[x](javascript:alert(1))",
    "js_url": "javascript:alert(1)",
    "long_10kb": LONG,
    "rtl_override": "Forl\u202eì.exe\u202c fine",
    "nul": "Forl\x00ì",
    "emoji": "Pizzeria 🍕🇮🇹 👩‍🍳",
    "citta": "Città",
    # Beyond the list: what the maps note and Markdown make dangerous too.
    "backslash": "C:\\new\\table\\",
    "quote_break": "';alert(1);'\"",
    "markdown_image": "![x](http://evil.invalid/pixel.png)",
    "jinja": "{{ 7*7 }}{% raw %}",
    "entity": "&lt;script&gt;alert(1)&lt;/script&gt;",
    # Plain addresses: Markdown renderers (Streamlit's included) make links of them by themselves.
    "web_address": "https://example.com/x www.example.com",
    "email": "owner@example.com",
}

# One of each kind of break-out (HTML, JavaScript template literal, Markdown), short enough for every
# field's length limit (max_chars 20 and up): typed into every text field of every page.
QUICK: tuple[str, ...] = ("img_onerror", "template_break", "markdown_image")

# What must never reach a page or a map raw: each is the executable core of a payload above.
EXECUTABLE: tuple[str, ...] = (
    "<img src=x onerror",
    "<svg onload",
    "<script>alert",
    "</script><script>",
    "${alert",
    "`);alert(1);(`",
)


# The target of a link made from a payload: no <a> on any page may point there (a JavaScript regex).
USER_LINK = r"example\.com|^\s*mailto:"


def executions_js() -> str:
    """An init script for every page and frame: records calls of alert, confirm and prompt, fetch and
    XMLHttpRequest calls to other sites, and script errors (``window.onerror``), in ``window.__rotta_hits``
    (a frame also copies them to the top window when it may)."""
    return r"""
(() => {
  const hits = [];
  Object.defineProperty(window, "__rotta_hits", {value: hits});
  const note = (what, detail) => {
    const line = what + ": " + String(detail).slice(0, 200);
    hits.push(line);
    try {
      if (window.top !== window && window.top.__rotta_hits) window.top.__rotta_hits.push("frame " + line);
    } catch (e) {}
  };
  for (const name of ["alert", "confirm", "prompt"]) {
    window[name] = (...args) => { note(name, args.join(" ")); return name === "confirm" ? false : null; };
  }
  const outside = (url) => {
    try {
      const u = new URL(String(url), location.href);
      return u.origin !== location.origin && !["data:", "blob:"].includes(u.protocol);
    } catch (e) { return true; }
  };
  const realFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === "string" ? input : (input && input.url);
    if (outside(url)) note("fetch", url);
    return realFetch.apply(this, arguments);
  };
  const realOpen = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (outside(url)) note("xhr", url);
    return realOpen.apply(this, arguments);
  };
  window.addEventListener("error", (e) => { if (e && e.message) note("onerror", e.message); }, true);
})();
"""
