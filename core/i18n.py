"""Two languages for every string a user sees, and locale-aware formatting.

Strings live in ``core/texts/<area>.py`` modules, each defining ``TEXTS = {key: (it, en)}``,
so every area owns its words and no two areas edit the same file. Placeholders use
``str.format`` names (``{n}``) and must match in both languages (a test checks).

Counts choose their words: ``{count:riga|righe}`` is ``riga`` when ``count`` is 1 and ``righe``
otherwise (``"{count} {count:riga vuota|righe vuote}"``), so no text says "1 righe". ``{count:n}`` writes
a number as the text's language does (``120.000`` in Italian, ``120,000`` in English). A parameter
given as ``Money(12.5)`` is written as money in the text's language.
"""

from __future__ import annotations

import datetime as dt
import decimal
import importlib
import pkgutil
import string
from dataclasses import dataclass, field
from typing import Any

from babel import numbers as babel_numbers

LANGS: tuple[str, ...] = ("it", "en")
LANG_NAMES: dict[str, str] = {"it": "Italiano", "en": "English"}  # each in its own language
DEFAULT_LANG = "en"
_LOCALES = {"it": "it_IT", "en": "en_GB"}
# Room for every digit of any float (1.8e308 has 309) when babel rounds: at the default 28 digits a derived
# figure above ~1e26 (a weekly growth of 10^39 % from a target typed a billion too high) raised
# decimal.InvalidOperation and took the page down with it.
_WIDE = decimal.Context(prec=400, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


def _load_texts() -> dict[str, tuple[str, str]]:
    from core import texts

    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(texts.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"core.texts.{info.name}")
        for key, pair in getattr(module, "TEXTS", {}).items():
            if key in merged:
                raise ValueError(f"text key {key!r} is defined twice (again in core/texts/{info.name}.py)")
            merged[key] = pair
    return merged


TEXTS: dict[str, tuple[str, str]] = _load_texts()


def lang_from_locale(locale: str | None) -> str:
    """Italian for any ``it``/``it-*`` browser locale, English otherwise."""
    if locale and locale.replace("_", "-").lower().split("-")[0] == "it":
        return "it"
    return DEFAULT_LANG


def normalize_lang(value: str | None) -> str | None:
    """A supported language code from a URL value, or None when it is not one."""
    if value and value.lower() in LANGS:
        return value.lower()
    return None


@dataclass(frozen=True)
class Money:
    """An amount in euro as a message parameter: written by ``money`` in the language of the text."""

    value: float


def is_one(value: Any) -> bool:
    """Whether a count says "one": 1, 1.0 or the text ``"1"`` (a number already formatted)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return value == 1
    return str(value).strip() == "1"


class _Counts(string.Formatter):
    """``str.format`` plus ``{name:one|other}``, the word for one or for any other count, and ``{name:n}``, the
    number written in the language of the text."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, other = format_spec.split("|", 1)
            return one if is_one(value) else other
        if format_spec == "n" and isinstance(value, int | float) and not isinstance(value, bool):
            return number(self.lang, value)
        return super().format_field(value, format_spec)


_COUNTS = {"it": _Counts("it"), "en": _Counts("en")}


def t(lang: str, key: str, **params: Any) -> str:
    """The text for ``key`` in ``lang``, with ``params`` filled in."""
    pair = TEXTS.get(key)
    if pair is None:
        raise KeyError(f"missing text key {key!r}")
    template = pair[0] if lang == "it" else pair[1]
    if not params:
        return template
    params = {k: money(lang, v.value) if isinstance(v, Money) else v for k, v in params.items()}
    if "|" in template or ":n}" in template:
        return _COUNTS["it" if lang == "it" else "en"].format(template, **params)
    return template.format(**params)


@dataclass(frozen=True)
class Message:
    """A translatable message produced by core code: a text key and its parameters."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        """The text in ``lang``; a parameter that is a ``Message`` itself (a reason) is rendered too."""
        params = {k: v.render(lang) if isinstance(v, Message) else v for k, v in self.params.items()}
        return t(lang, self.key, **params)


def number(lang: str, value: float, decimals: int = 0) -> str:
    """``1.234,5`` in Italian, ``1,234.5`` in English."""
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    with decimal.localcontext(_WIDE):
        return babel_numbers.format_decimal(value, format=fmt, locale=_LOCALES[lang])


def money(lang: str, value: float, currency: str = "EUR") -> str:
    """``1.234,56 €`` in Italian, ``€1,234.56`` in English."""
    with decimal.localcontext(_WIDE):
        return babel_numbers.format_currency(value, currency, locale=_LOCALES[lang])


def percent(lang: str, value: float, decimals: int = 0) -> str:
    """A share (0.25) as ``25%`` (or ``25,0%`` with decimals in Italian)."""
    return number(lang, value * 100, decimals) + "%"


def date(lang: str, value: dt.date) -> str:
    """``31/12/2025`` in Italian, ``31 Dec 2025`` in English."""
    if lang == "it":
        return value.strftime("%d/%m/%Y")
    return f"{value.day} {value.strftime('%b %Y')}"


def cell(lang: str, value: Any, decimals: int = 1) -> str:
    """Any value of a table built by hand, as text for the screen: no ``None``, ``nan``, ``56.99999999999999``,
    ``20400.0`` nor ISO date. Whole numbers lose their ``.0``; others keep up to ``decimals`` places
    (trailing zeros dropped); dates are written as ``date`` writes them; empty or missing values are ``""``."""
    if value is None or _is_missing(value):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, dt.datetime):
        return date(lang, value.date())
    if isinstance(value, dt.date):
        return date(lang, value)
    if isinstance(value, int | float | decimal.Decimal) or _is_number(value):
        number_value = float(value)
        if number_value != number_value:  # NaN, pandas' NA taken care of below
            return ""
        rounded = round(number_value, decimals)
        places = next((d for d in range(decimals + 1) if round(rounded, d) == rounded), decimals)
        return number(lang, rounded, places)
    return str(value)


def _is_number(value: Any) -> bool:
    """numpy's and pandas' scalar numbers (their types are not Python's int or float)."""
    kind = getattr(getattr(value, "dtype", None), "kind", None)
    return kind in ("i", "u", "f")


def _is_missing(value: Any) -> bool:
    """pandas' ``NA`` and ``NaT``, told apart from text without importing pandas here."""
    return type(value).__name__ in ("NAType", "NaTType")
