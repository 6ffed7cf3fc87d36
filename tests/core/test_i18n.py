import datetime as dt
import string

import pytest

from core import i18n


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_text_exists_in_both_languages_with_the_same_placeholders():
    problems = []
    for key, pair in i18n.TEXTS.items():
        if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(p, str) and p.strip() for p in pair)):
            problems.append(f"{key}: not two non-empty strings")
        elif _fields(pair[0]) != _fields(pair[1]):
            problems.append(f"{key}: placeholders differ {_fields(pair[0])} vs {_fields(pair[1])}")
    assert problems == []


def test_a_missing_key_is_an_error_not_a_silent_fallback():
    with pytest.raises(KeyError):
        i18n.t("it", "no.such.key")


@pytest.mark.parametrize(
    ("locale", "lang"),
    [
        ("it-IT", "it"),
        ("it", "it"),
        ("it_CH", "it"),
        ("IT-it", "it"),
        ("en-US", "en"),
        ("de-DE", "en"),
        (None, "en"),
        ("", "en"),
    ],
)
def test_the_language_follows_the_browser_locale(locale, lang):
    assert i18n.lang_from_locale(locale) == lang


@pytest.mark.parametrize(("value", "expected"), [("it", "it"), ("EN", "en"), ("fr", None), ("", None), (None, None)])
def test_only_supported_languages_are_taken_from_the_url(value, expected):
    assert i18n.normalize_lang(value) == expected


@pytest.mark.parametrize(
    ("lang", "money", "number", "date"),
    [
        ("it", "1.234,56\xa0€", "1.234,6", "31/12/2025"),
        ("en", "€1,234.56", "1,234.6", "31 Dec 2025"),
    ],
)
def test_numbers_money_and_dates_follow_the_language(lang, money, number, date):
    assert i18n.money(lang, 1234.56) == money
    assert i18n.number(lang, 1234.56, 1) == number
    assert i18n.date(lang, dt.date(2025, 12, 31)) == date


def test_a_message_renders_in_the_language_asked():
    message = i18n.Message("selfcheck.score", {"score": 3, "maximum": 16})
    assert message.render("it") == "Punteggio: 3 su 16"
    assert message.render("en") == "Score: 3 out of 16"
