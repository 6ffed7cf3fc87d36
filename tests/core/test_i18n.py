import datetime as dt
import re
import string

import numpy as np
import pandas as pd
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


@pytest.mark.parametrize(
    ("count", "it", "en"),
    [
        (1, "1 riga vuota saltata.", "1 blank row skipped."),
        (0, "0 righe vuote saltate.", "0 blank rows skipped."),
        (3, "3 righe vuote saltate.", "3 blank rows skipped."),
        ("1", "1 riga vuota saltata.", "1 blank row skipped."),  # a count already formatted
        ("1.234", "1.234 righe vuote saltate.", "1.234 blank rows skipped."),
    ],
)
def test_a_count_chooses_its_words_in_both_languages(count, it, en):
    message = i18n.Message("importers.warn.blank_rows", {"count": count})
    assert (message.render("it"), message.render("en")) == (it, en)


def test_money_given_to_a_message_is_written_in_the_language_of_the_text():
    message = i18n.Message("importers.warn.orders_refunded", {"count": 2, "amount": i18n.Money(1234.5)})
    assert "1.234,50\xa0€" in message.render("it") and "€1,234.50" in message.render("en")


def test_a_number_asked_as_such_is_written_as_the_language_of_the_text_writes_it():
    params = {"file": "clienti.xlsx", "part": "Foglio1", "count": 132020, "limit": 120000}
    message = i18n.Message("importers.err.xlsx_too_many_cells", params)
    assert message.render("it") == (
        "clienti.xlsx: il foglio Foglio1 ha 132.020 celle; da Excel Rotta ne legge al massimo 120.000. "
        "Salvalo come CSV."
    )
    assert message.render("en") == (
        "clienti.xlsx: sheet Foglio1 has 132,020 cells; from Excel Rotta reads at most 120,000. Save it as CSV."
    )
    one = i18n.Message("importers.err.too_many_columns", {"file": "f.csv", "row": 1, "count": 1, "limit": 1000})
    assert one.render("it") == "f.csv, riga 1: 1 colonna; Rotta ne legge al massimo 1.000."  # the count still chooses


# Counts that are never 1 (limits, constants, shares) or whose 1 has its own key: a placeholder followed
# by a plural noun is fine for these.
NEVER_ONE = {"min", "max", "minutes", "seconds", "bound", "limit", "min_reach", "min_cell", "needed", "width",
             "total", "questions", "maximum", "mb", "min_n", "rate", "per_1000", "equivalent", "population",
             "residents", "recent_weeks", "baseline_weeks", "length"}  # fmt: skip
OWN_KEY_FOR_ONE = {  # key: why its count is never 1 there
    "goals.track.too_early": "goals.track.too_early_one says one week",
    "goals.smart.t.too_far": "more than a year of weeks",
    "links.later_many": "links.later_one says one week",
    "links.flat": "said only with enough weeks to compare",
    "links.statement": "said only with enough weeks to compare",
    "links.statement_lag": "said only with enough weeks to compare",
    "market.summary.concentration": "the top comuni are three",
    "alerts.engagement.falling": "said only with enough posts to compare",
    "alerts.segment.growing": "compared over a fixed number of days",
    "timeline.best.keep_usual": "a test of a fixed number of weeks",
    "timeline.best.test_best": "a test of a fixed number of weeks",
    "timeline.best.try_other": "a test of a fixed number of weeks",
    "timeline.best.try_two": "a test of a fixed number of weeks",
    "timeline.heat.subtitle_ok": "the threshold of a cell, a constant",
    "timeline.heat.too_few": "the threshold of a cell, a constant",
}
PLURAL_NOUNS = {
    "it": set(
        "righe clienti canali ordini obiettivi voci risposte giorni settimane comuni sedi date valori paesi numeri "
        "codici intervalli vertici elementi luoghi azioni appuntamenti fogli colonne celle caratteri".split()
    ),
    "en": set(
        "rows customers channels orders goals items answers days weeks locations dates values countries numbers "
        "codes gaps corners activities places actions files sheets columns cells characters posts followers".split()
    ),
}


def _unchosen_counts(texts: dict[str, tuple[str, str]]) -> list[str]:
    """``{n} righe``-like spots: a count followed by a plural noun, where 1 would read "1 righe"."""
    found = []
    for key, pair in texts.items():
        if key in OWN_KEY_FOR_ONE:
            continue
        for lang, template in zip(("it", "en"), pair, strict=True):
            plain = re.sub(r"\{\w+:[^{}]*(\{\w+\}[^{}]*)*\}", "", template)  # choices already made
            for name, noun in re.findall(r"\{(\w+)\} (?:more )?(\w+)", plain):
                if name not in NEVER_ONE and noun in PLURAL_NOUNS[lang]:
                    found.append(f"{key} ({lang}): {{{name}}} {noun}")
    return found


def test_the_detector_of_unchosen_counts_finds_a_planted_one():
    planted = {"x.planted": ("{count} righe saltate.", "{count} {count:row|rows} skipped.")}
    assert _unchosen_counts(planted) == ["x.planted (it): {count} righe"]


def test_no_text_says_1_righe_or_1_canali_every_count_chooses_singular_or_plural():
    assert _unchosen_counts(i18n.TEXTS) == []


@pytest.mark.parametrize(
    ("value", "it", "en"),
    [
        (56.99999999999999, "57", "57"),
        (7.000000000000001, "7", "7"),
        (20400.0, "20.400", "20,400"),
        (150.0, "150", "150"),
        (1.4, "1,4", "1.4"),
        (1234567.5, "1.234.567,5", "1,234,567.5"),
        (np.int64(1860), "1.860", "1,860"),
        (np.float64("nan"), "", ""),
        (float("nan"), "", ""),
        (None, "", ""),
        (pd.NA, "", ""),
        (pd.NaT, "", ""),
        (dt.date(2026, 12, 31), "31/12/2026", "31 Dec 2026"),
        (pd.Timestamp("2026-12-31 10:00"), "31/12/2026", "31 Dec 2026"),
        ("Giulia", "Giulia", "Giulia"),
    ],
)
def test_a_cell_of_a_hand_built_table_is_written_in_the_language_with_no_raw_value(value, it, en):
    assert (i18n.cell("it", value), i18n.cell("en", value)) == (it, en)
