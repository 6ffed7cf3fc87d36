import pytest

from core import safe_text

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "${alert(1)}",
    "`",
    "</script><script>alert(1)</script>",
    "back\\slash",
    "nul\x00byte",
    "\"double\" 'single'",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, ""),
        ("", ""),
        ("Città", "Città"),
        ("Bar & Caffè", "Bar &amp; Caffè"),
        ("<b>", "&lt;b&gt;"),
        ("${alert(1)}", "&#36;{alert(1)}"),
        ("a`b", "a&#96;b"),
        ("a\\b", "a&#92;b"),
        ("a\x00b", "ab"),
        ('say "hi"', "say &quot;hi&quot;"),
        ("l'osteria", "l&#x27;osteria"),
        (42, "42"),
    ],
)
def test_for_folium_escapes_html_and_template_literal_characters(text, expected):
    assert safe_text.for_folium(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, ""),
        ("<b>Città</b>", "&lt;b&gt;Città&lt;/b&gt;"),
        ("$`\\", "$`\\"),
        ("a\x00b", "ab"),
        (3.5, "3.5"),
    ],
)
def test_for_html_is_plain_html_escaping(text, expected):
    assert safe_text.for_html(text) == expected


@pytest.mark.parametrize("text", HOSTILE)
def test_for_folium_output_holds_no_character_that_html_or_a_template_literal_reads(text):
    assert not set(safe_text.for_folium(text)) & set("<>\"'`$\\\x00")


def test_a_markdown_table_escapes_every_cell_with_the_escape_given():
    text = safe_text.markdown_table(["a|b", "c"], [["x|y", 1]], lambda v: str(v).replace("|", "\\|"))

    assert text.splitlines() == ["| a\\|b | c |", "|---|---|", "| x\\|y | 1 |"]


def test_a_markdown_table_escapes_user_text_but_keeps_the_columns_that_hold_safe_markdown():
    link = "[apri](<https://example.com/p?a=1>)"
    text = safe_text.markdown_table(["Testo", "Link"], [["[x](javascript:alert(1)) | *b*", link]], keep={1})

    assert text.splitlines()[2] == f"| {safe_text.for_markdown('[x](javascript:alert(1)) | *b*')} | {link} |"
