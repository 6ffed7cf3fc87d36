"""Business sectors: the Italian ATECO 2025 classification (ISTAT), searchable, from the `ateco` package."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import ateco
from ateco._load import load_nodes

EDITION = "2025"


@dataclass(frozen=True)
class Sector:
    code: str
    title: str

    @property
    def label(self) -> str:
        return f"{self.code} · {self.title}"

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "title": self.title}


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9&]+", text))


def _first(words: list[str], title: str) -> int:
    """Where in the title a query word first appears (ties go to the title that names it sooner)."""
    order = re.findall(r"[a-z0-9&]+", title)
    spots = [i for i, w in enumerate(order) for q in words if w in _forms(q)]
    return min(spots, default=len(order))


# What owners call their business, where ATECO's titles say it otherwise ("trattoria" is only in a
# restaurant's notes, and its stem is a tractor's). Each word ranks these subcategories first.
EVERYDAY: dict[str, tuple[str, ...]] = {
    "trattoria": ("56.11.11",), "osteria": ("56.11.11",), "pizzeria": ("56.11.11", "56.11.12"),
    "ristorante": ("56.11.11",), "bar": ("56.30.01",), "caffe": ("56.30.01",), "caffetteria": ("56.30.01",),
    "forno": ("10.71.10", "47.24.10"), "panificio": ("10.71.10",), "panetteria": ("10.71.10", "47.24.10"),
    "macelleria": ("47.22.00",), "fioraio": ("47.76.10",), "fiorista": ("47.76.10",),
    "enoteca": ("47.25.00",), "cantina": ("11.02.10",), "agriturismo": ("55.20.51",), "b&b": ("55.20.41",),
    "officina": ("95.31.10",), "meccanico": ("95.31.10",), "carrozzeria": ("95.31.20",),
    "parrucchiere": ("96.21.00",), "barbiere": ("96.21.00",), "abbigliamento": ("47.71.10",),
}  # fmt: skip


@lru_cache(maxsize=1)
def _subcategories() -> tuple[tuple[Sector, str], ...]:
    nodes = load_nodes(EDITION)
    rows = []
    for node in nodes.values():
        if node["level"] != "subcategory":
            continue
        notes = " ".join(str(v) for v in (node.get("notes") or {}).values())
        rows.append((Sector(node["code"], node["title"]), _fold(node["title"] + " " + notes)))
    return tuple(sorted(rows, key=lambda r: r[0].code))


@lru_cache(maxsize=1)
def _indexed() -> tuple[tuple[Sector, frozenset[str], frozenset[str]], ...]:
    """Each subcategory with the words of its title and of its title and notes."""
    return tuple((sector, _words(_fold(sector.title)), _words(text)) for sector, text in _subcategories())


def _forms(word: str) -> frozenset[str]:
    """A word and its Italian singular and plural: ``trattoria`` -> trattoria, trattorie (never ``trattori``)."""
    forms = {word}
    if len(word) >= 4 and word[-1] in "aeio":
        forms |= {word[:-1] + vowel for vowel in "aeio"}
        if word[-2] in "cg":  # panca -> panche, lago -> laghi
            forms |= {word[:-1] + "h" + vowel for vowel in "ei"}
    return frozenset(forms)


def _score(word: str, title: frozenset[str], every: frozenset[str]) -> int:
    """How well one query word matches: a word of the title (in any number) beats one of the notes,
    which beats the start of a longer word (``pane`` -> panetteria)."""
    forms = _forms(word)
    stem = word[:-1] if len(word) >= 4 and word[-1] in "aeiou" else word
    if forms & title:
        return 10
    if forms & every:
        return 6
    # A longer word built on the stem (pane -> panetteria); not a word that merely ends where the stem
    # does (trattoria's stem "trattori" is the plural of tractor).
    if any(w.startswith(stem) and len(w) > len(stem) + 1 for w in title):
        return 3
    if any(w.startswith(stem) and len(w) > len(stem) + 1 for w in every):
        return 1
    return 0


def all_sectors() -> list[Sector]:
    """Every ATECO subcategory (the level a business registers with), by code."""
    return [sector for sector, _ in _subcategories()]


def lookup(code: str) -> Sector | None:
    node = ateco.lookup(code, edition=EDITION)
    return Sector(node.code, node.title) if node else None


@lru_cache(maxsize=4096)
def section(code: str) -> str | None:
    """The ATECO section letter (A-V) a code belongs to ("10.71.10" -> "C"), None for an unknown code."""
    node = ateco.lookup(code, edition=EDITION)
    while node is not None and node.level != "section":
        node = ateco.lookup(node.parent, edition=EDITION) if node.parent else None
    return node.code if node is not None else None


def search(query: str, limit: int = 40) -> list[Sector]:
    """Subcategories matching every word of ``query``, best first (whole words of the title, then of the
    notes, then word starts; an everyday name such as "trattoria" first of all), or by code prefix."""
    folded = _fold(query).strip()
    if not folded:
        return []
    if folded[0].isdigit():
        return [
            s for s, _ in _subcategories() if s.code.startswith(folded) or s.code.replace(".", "").startswith(folded)
        ][:limit]
    words = sorted(_words(folded), key=folded.index)
    named = {code: 10 - i for w in words for i, code in enumerate(EVERYDAY.get(w, ()))}  # the first named first
    ranked = []
    for sector, title, every in _indexed():
        scores = [_score(w, title, every) for w in words]
        if sector.code in named or all(scores):
            rank = -100 * named.get(sector.code, 0) - sum(scores)
            ranked.append((rank, _first(words, _fold(sector.title)), sector.code, sector))
    return [sector for *_, sector in sorted(ranked)][:limit]
