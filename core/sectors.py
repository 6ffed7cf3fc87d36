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


def all_sectors() -> list[Sector]:
    """Every ATECO subcategory (the level a business registers with), by code."""
    return [sector for sector, _ in _subcategories()]


def lookup(code: str) -> Sector | None:
    node = ateco.lookup(code, edition=EDITION)
    return Sector(node.code, node.title) if node else None


def search(query: str, limit: int = 40) -> list[Sector]:
    """Subcategories matching every word of ``query`` (title first, then notes), or by code prefix."""
    folded = _fold(query).strip()
    if not folded:
        return []
    if folded[0].isdigit():
        return [
            s for s, _ in _subcategories() if s.code.startswith(folded) or s.code.replace(".", "").startswith(folded)
        ][:limit]
    # Word starts, with the final vowel dropped so "vino" finds "vini" and "pane" finds "panetteria".
    stems = [re.compile(r"\b" + re.escape(w[:-1] if len(w) >= 4 and w[-1] in "aeiou" else w)) for w in folded.split()]
    in_title, in_notes = [], []
    for sector, text in _subcategories():
        if all(s.search(text) for s in stems):
            (in_title if all(s.search(_fold(sector.title)) for s in stems) else in_notes).append(sector)
    return (in_title + in_notes)[:limit]
