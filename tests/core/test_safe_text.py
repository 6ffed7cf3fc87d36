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


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+39 333", "'+39 333"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\ncmd"),
        (' =HYPERLINK("http://x")', '\' =HYPERLINK("http://x")'),
        ("\n=1", "'\n=1"),
        ("\u00a0=1", "'\u00a0=1"),
        ("\u2003\u3000+1", "'\u2003\u3000+1"),
        ("\u200b=1", "'=1"),
        ("\ufeff=1", "'=1"),
        ("\u2060\u200d@x", "'\u200d@x"),  # a zero-width joiner stays (emoji need it), and is looked past
        ("\uff1d1+1", "'\uff1d1+1"),
        ("a=b", "a=b"),
        ("Post al mattino", "Post al mattino"),
        ("", ""),
        (None, ""),
        (-3.5, "'-3.5"),
    ],
)
def test_one_neutraliser_for_every_export_looks_past_blanks_and_invisible_characters(text, cell):
    assert safe_text.for_spreadsheet(text) == cell


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://example.com/x", "https:\u2060//example.com/x"),
        ("WWW.forno.it", "WWW\u2060.forno.it"),
        ("owner@example.com", "owner\u2060@example.com"),
        ("@forno_rossi", "@forno_rossi"),
        ("clienti.csv, 1.240,50 € alle 7.30", "clienti.csv, 1.240,50 € alle 7.30"),  # file names, numbers
    ],
)
def test_addresses_get_an_invisible_word_joiner_where_a_renderer_would_link_them(text, expected):
    assert safe_text.unlinked(text) == expected


def test_the_label_of_a_link_rotta_makes_keeps_its_address_as_typed():
    url = "http://127.0.0.1:8501/plan?plan=T0k3n&lang=en"

    assert "\u2060" not in safe_text.for_markdown(url, unlink=False)
    assert safe_text.for_markdown(url, unlink=False).replace("\\", "") == url


def test_an_emoji_sequence_keeps_its_joiner_everywhere():
    chef = "Pizzeria 👩\u200d🍳"

    assert safe_text.plain_text(chef) == chef and safe_text.for_spreadsheet(chef) == chef
    assert safe_text.for_markdown(chef) == chef
