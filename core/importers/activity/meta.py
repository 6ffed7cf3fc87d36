"""Meta Business Suite post exports (Facebook and Instagram), in English or Italian.

UTF-8 with BOM; the columns are the ones the user picked, in the interface language, in any case.
``Publish time`` is ``MM/DD/YYYY HH:MM`` in US Pacific time whatever the language. 2023-24 files
say ``Impressions`` where newer ones say ``Views``: both land in ``views``.
"""

from __future__ import annotations

import pandas as pd

from core.i18n import Message
from core.importers.activity import common, dates, tabular
from core.importers.base import ImportContext, ImportProblem, ImportResult, RawFile

WHEN = ("Publish time", "Orario di pubblicazione")
TITLE = ("Title", "Titolo")
DESCRIPTION = ("Description", "Descrizione")
LINK = ("Permalink", "Link permanente", "Link")
POST_TYPE = ("Post type", "Tipo di post", "Tipo di contenuto")
INSTAGRAM_HEADERS = ("Account username", "Nome utente dell'account")
METRICS = {
    "views": (
        "Views",
        "Visualizzazioni",
        "Impressions",
        "Impression",
        "Impressioni",
        "Plays",
        "Riproduzioni",
    ),
    "reach": ("Reach", "Copertura", "Accounts reached", "Account raggiunti"),
    "reactions": ("Reactions", "Reazioni", "Likes", "Mi piace"),
    "comments": ("Comments", "Commenti", "Replies", "Risposte"),
    "shares": ("Shares", "Condivisioni"),
    "saves": ("Saves", "Salvataggi", "Elementi salvati"),
    "clicks": ("Total clicks", "Clic totali", "Link clicks", "Clic sul link", "Clicks", "Clic"),
    "interactions": (
        "Reactions, Comments and Shares",
        "Reazioni, commenti e condivisioni",
        "Interactions",
        "Interazioni",
    ),
    "follows": ("Follows", "Follow", "Nuovi follower"),
    "profile_visits": (
        "Profile visits",
        "Visite al profilo",
        "Instagram profile visits",
        "Visite al profilo Instagram",
    ),
}
_TIKTOK = ("Video link", "Link del video")
FORMAT = "MM/DD/YYYY HH:MM"
_FORMATS = (("%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M %p", "%m/%d/%Y %I:%M:%S %p"),)


_USED = (
    *WHEN,
    *TITLE,
    *DESCRIPTION,
    *LINK,
    *POST_TYPE,
    *INSTAGRAM_HEADERS,
    *(n for v in METRICS.values() for n in v),
)


def _is_post_export(headers: list[str]) -> bool:
    """A publish-time column, and not TikTok's video table (which may use the same Italian words)."""
    return tabular.index_of(headers, *WHEN) is not None and tabular.index_of(headers, *_TIKTOK) is None


def _platform_from(headers: list[str], first: list[str] | None) -> str:
    link = tabular.index_of(headers, *LINK)
    if first is not None and link is not None and link < len(first):
        host = first[link].lower()
        if "instagram.com" in host:
            return "instagram"
        if "facebook.com" in host or "fb.com" in host:
            return "facebook"
    kind = tabular.index_of(headers, *POST_TYPE)
    if first is not None and kind is not None and kind < len(first) and first[kind].strip().lower().startswith("ig"):
        return "instagram"
    return "instagram" if tabular.index_of(headers, *INSTAGRAM_HEADERS) is not None else "facebook"


def _sniff(raw: RawFile, platform: str) -> bool:
    rows = tabular.head_rows(raw.data, 2)
    if not rows or not _is_post_export([tabular.normalize(c) for c in rows[0]]):
        return False
    return _platform_from(rows[0], rows[1] if len(rows) > 1 else None) == platform


def sniff_facebook(raw: RawFile) -> bool:
    return _sniff(raw, "facebook")


def sniff_instagram(raw: RawFile) -> bool:
    return _sniff(raw, "instagram")


def kind_of(post_type: str) -> str:
    """Meta's post type (``Reels``, ``IG carousel``, ``Storia``...) as an activity kind."""
    text = post_type.strip().lower()
    if "reel" in text:
        return "reel"
    if "stor" in text:
        return "story"
    if "video" in text or "live" in text or "diretta" in text:
        return "video"
    return "post"


def parse(raw: RawFile, ctx: ImportContext) -> ImportResult:
    """A Meta Business Suite post export as activity rows (times converted from US Pacific to Rome)."""
    table = tabular.read_table(tabular.decode(raw.data), only=_USED)
    position = table.find(*WHEN)
    if position is None:
        raise ImportProblem(common.no_date_column(WHEN))
    column = table.headers[position]
    naive, empty = dates.parse(table.rows[position], column, FORMAT, _FORMATS)
    keep = ~empty
    warnings: list[Message] = common.dropped_without_date(column, table.row_numbers(empty))
    values, bad = common.metrics(table, METRICS, keep)
    warnings += bad
    platform = _platform_from(list(table.headers), _first_row(table))
    post_type = table.column(*POST_TYPE)
    kinds = post_type[keep].map(kind_of) if post_type is not None else "post"
    frame = common.activity_frame(
        dates.to_rome(naive[keep], dates.PACIFIC),
        platform,
        kinds,
        text=_text(table, keep),
        link=_optional(table, LINK, keep),
        **values,
    )
    return ImportResult(raw.name, platform, common.KIND, frame, tuple(warnings))


def _first_row(table: tabular.Table) -> list[str] | None:
    """The first data row laid out like the header (columns not read are empty), or None."""
    if table.rows.empty:
        return None
    return [str(table.rows[i].iloc[0]) if i in table.rows else "" for i in range(len(table.headers))]


def _optional(table: tabular.Table, names: tuple[str, ...], keep: pd.Series) -> pd.Series | None:
    column = table.column(*names)
    return None if column is None else column[keep].str.strip()


def _text(table: tabular.Table, keep: pd.Series) -> pd.Series | None:
    """The title (Facebook's message) or, when it is empty, the description (Instagram's caption)."""
    title = _optional(table, TITLE, keep)
    description = _optional(table, DESCRIPTION, keep)
    if title is None:
        return description
    if description is None:
        return title
    return title.where(title != "", description)
