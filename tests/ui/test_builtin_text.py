"""The style sheet that says Streamlit's own widget words in the page's language: only Rotta's texts, escaped."""

import re

import pytest

from core import i18n
from ui import builtin_text

KEYS = ("frame.builtin.upload", "frame.builtin.drop", "frame.builtin.enter_apply", "frame.builtin.enter_submit")


def _contents(sheet: str) -> list[str]:
    """The CSS ``content`` strings of a sheet, unescaped."""
    raw = re.findall(r'content:"((?:[^"\\]|\\[0-9a-f]+ )*)"', sheet)
    return [re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m.group(1), 16)), r) for r in raw]


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_sheet_writes_each_builtin_word_in_the_language_of_the_page(lang):
    sheet = builtin_text.style(lang)
    assert sheet.startswith("<style>") and sheet.endswith("</style>") and sheet.count("<") == 2
    said = _contents(sheet)
    assert [i18n.t(lang, k) for k in KEYS] == said[:4]
    assert "stFileUploaderDropzoneInstructions" in sheet  # "25MB per file": the page says its limit itself


def test_the_italian_sheet_names_the_parts_of_an_empty_date_in_italian():
    assert _contents(builtin_text.style("it"))[4:] == ["gg", "aaaa"]
    assert _contents(builtin_text.style("en"))[4:] == []


@pytest.mark.parametrize("text", ['a"b', "back\\slash", "</style><script>x</script>", "riga\nnuova", "l'anno"])
def test_a_text_cannot_leave_its_css_string(text):
    literal = builtin_text.css_string(text)
    assert literal.startswith('"') and literal.endswith('"')
    inner = literal[1:-1]
    assert '"' not in inner and "<" not in inner and "\n" not in inner
    assert _contents(f"content:{literal}") == [text]


def test_a_wide_markdown_table_wraps_within_the_page_instead_of_scrolling_in_a_box():
    style = builtin_text.style("it")
    assert '[data-testid="stMarkdownContainer"] :is(th,td){overflow-wrap:anywhere}' in style
    assert "overflow-x:auto" not in style  # a sideways box the keyboard cannot reach
