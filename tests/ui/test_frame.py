"""``ui.frame``: the pieces of the frame that are plain functions (the rest is covered by tests/app)."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from core import safe_text
from ui import frame

MARKDOWN = MarkdownIt("commonmark")


@pytest.mark.parametrize(
    ("page_url", "expected"),
    [
        ("http://rotta.local:8501/goals", "http://rotta.local:8501/goals?plan=T0k3n&lang=it"),
        ("https://rotta.example/business?plan=old&lang=en", "https://rotta.example/business?plan=T0k3n&lang=it"),
        ("https://rotta.example/a b/(x)[y]", "https://rotta.example/a%20b/%28x%29%5By%5D?plan=T0k3n&lang=it"),
        ("javascript:alert(1)//", "?plan=T0k3n&lang=it"),
        ("", "?plan=T0k3n&lang=it"),
        (None, "?plan=T0k3n&lang=it"),
    ],
)
def test_the_plan_link_is_the_pages_address_with_the_plan_or_a_relative_link(page_url, expected):
    assert frame.plan_url(page_url, "T0k3n", "it") == expected


@pytest.mark.parametrize(
    "page_url",
    ["https://rotta.example/x)](javascript:alert(1))", "https://rotta.example/<img src=x onerror=alert(1)>",
     "https://rotta.example/x\"onmouseover=alert(1)", "https://rotta.example/x%29%5D%28javascript:alert(1)%29"],
)  # fmt: skip
def test_the_plan_link_is_safe_inside_a_markdown_link(page_url):
    url = frame.plan_url(page_url, "T0k3n", "en")
    html = MARKDOWN.render(f"[{safe_text.for_markdown(url)}]({url})")
    assert html.count("<a ") == 1 and "javascript:" not in html.split('href="')[1].split('"')[0]
    assert "<img" not in html and "onmouseover" not in html.split(">")[0]


def test_markdown_params_escape_text_and_keep_numbers():
    params = frame.markdown_params({"name": "[x](javascript:alert(1))", "n": 3, "share": 0.5})
    assert params == {"name": safe_text.for_markdown("[x](javascript:alert(1))"), "n": 3, "share": 0.5}
