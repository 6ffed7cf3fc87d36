"""Instagram "Download your information" JSON: ``posts_1.json``, ``reels.json``, ``stories.json``,
and the pre-2022 ``media.json``.

Meta writes the text as UTF-8 bytes each escaped as a Latin-1 character (``ragÃ¹`` for ``ragù``); we
undo it. GPS ``latitude``/``longitude`` sit in some photos' EXIF data, ``0,0`` meaning "none". The
old ``media.json`` names a place per photo instead: it is looked up with the gazetteer when given.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd

from core.i18n import Message
from core.importers.activity import common, dates
from core.importers.base import ImportContext, ImportProblem, ImportResult, RawFile

_VIDEO = (".mp4", ".mov", ".m4v", ".webm")
_WRAPPERS = {"ig_reels_media": "reel", "ig_stories": "story", "ig_posts": "post"}
_OLD_SECTIONS = {"photos": "post", "videos": "video", "stories": "story"}


def repair(text: str) -> str:
    """Text whose UTF-8 bytes were read as Latin-1 (``Forl\u00c3\u00ac``), put right; other text unchanged."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def sniff(raw: RawFile) -> bool:
    head = raw.data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith((b"[", b"{")) or not any(
        k in head for k in (b'"media"', b'"creation_timestamp"', b'"taken_at"', b'"ig_')
    ):
        return False
    try:
        data = json.loads(raw.data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return False
    return _known_shape(data)


def parse(raw: RawFile, ctx: ImportContext) -> ImportResult:
    """One row per post (a carousel is one post), its time, caption, kind and place when known."""
    try:
        data = json.loads(raw.data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportProblem(Message("activity.err.bad_json", {"error": str(error)})) from error
    if not _known_shape(data):
        raise ImportProblem(Message("activity.err.unknown_json", {}))
    items = list(_items(data))
    records, missing = [], []
    for number, (kind, item) in enumerate(items, start=1):
        record = _record(kind, item)
        if record is None:
            missing.append(number)
        else:
            records.append(record)
    warnings: list[Message] = []
    if missing:
        warnings.append(
            Message("activity.warn.no_timestamp", {"rows": common.rows_text(missing), "count": len(missing)})
        )
    if not records:
        return ImportResult(raw.name, "instagram", common.KIND, common.empty_frame(), tuple(warnings))
    table = pd.DataFrame(records)
    warnings += _geocode(table, ctx.gazetteer)
    frame = common.activity_frame(
        table["when"].dt.tz_convert(dates.ROME),
        "instagram",
        table["kind"],
        text=table["text"],
        place=table["place"],
        lat=table["lat"],
        lon=table["lon"],
    )
    return ImportResult(raw.name, "instagram", common.KIND, frame, tuple(warnings))


def _known_shape(data: Any) -> bool:
    """A list of posts, or a dict holding lists of reels, stories or (old format) photos and videos."""
    if isinstance(data, list):
        return bool(data) and all(isinstance(i, dict) and ("media" in i or "creation_timestamp" in i) for i in data[:5])
    if not isinstance(data, dict):
        return False
    sections = [data.get(k) for k in (*_WRAPPERS, *_OLD_SECTIONS) if k in data]
    return bool(sections) and all(isinstance(s, list) for s in sections)


def _items(data: Any) -> Iterator[tuple[str, dict]]:
    """(kind, item) for each post, reel or story in any of the known file shapes."""
    if isinstance(data, list):
        yield from (("post", item) for item in data if isinstance(item, dict))
        return
    if not isinstance(data, dict):
        return
    for key, kind in _WRAPPERS.items():
        yield from ((kind, item) for item in data.get(key) or [] if isinstance(item, dict))
    for key, kind in _OLD_SECTIONS.items():
        yield from ((kind, item) for item in data.get(key) or [] if isinstance(item, dict))


def _record(kind: str, item: dict) -> dict | None:
    listed = item.get("media")
    media = [m for m in listed if isinstance(m, dict)] if isinstance(listed, list) else []
    media = media or [item]
    when = _when(item) or next((w for w in map(_when, media) if w is not None), None)
    if when is None:
        return None
    title = item.get("title") or item.get("caption") or next((m.get("title") for m in media if m.get("title")), "")
    uris = [str(m.get("uri") or m.get("path") or "").lower() for m in media]
    if kind == "post" and uris and all(u.endswith(_VIDEO) for u in uris):
        kind = "video"
    lat, lon = next((gps for gps in map(_gps, media) if gps is not None), (np.nan, np.nan))
    place = repair(str(item.get("location") or ""))
    return {"when": when, "kind": kind, "text": repair(str(title)), "place": place, "lat": lat, "lon": lon}


def _when(entry: dict) -> pd.Timestamp | None:
    """The UTC time of a post or photo: ``creation_timestamp`` (seconds) or the old ``taken_at``."""
    stamp, taken = entry.get("creation_timestamp"), entry.get("taken_at")
    try:
        if isinstance(stamp, int | float) and not isinstance(stamp, bool) and stamp > 0:
            return pd.Timestamp(int(stamp), unit="s", tz="UTC")
        if isinstance(taken, str) and taken.strip():
            moment = pd.Timestamp(taken.strip())
            # Old exports wrote UTC times, some without an offset.
            return moment.tz_localize("UTC") if moment.tzinfo is None else moment.tz_convert("UTC")
    except (ValueError, OverflowError):  # out of range or not a date: treated as missing
        return None
    return None


def _gps(media: dict) -> tuple[float, float] | None:
    """The first EXIF latitude/longitude of a photo or video; ``0,0`` is Instagram's "no position"."""
    metadata = media.get("media_metadata")
    sections = [s for s in metadata.values() if isinstance(s, dict)] if isinstance(metadata, dict) else []
    for exif in (e for s in sections for e in s.get("exif_data") or [] if isinstance(e, dict)):
        lat, lon = exif.get("latitude"), exif.get("longitude")
        if isinstance(lat, int | float) and isinstance(lon, int | float) and (lat, lon) != (0, 0):
            if -90 <= lat <= 90 and -180 <= lon <= 180:
                return float(lat), float(lon)
    return None


def _geocode(table: pd.DataFrame, gazetteer: object | None) -> list[Message]:
    """Fill lat/lon of named places without GPS from the gazetteer; no gazetteer, no lookup."""
    wanted = table["place"].ne("") & table["lat"].isna()
    if gazetteer is None or not wanted.any():
        return []
    found: dict[str, tuple[float, float] | None] = {}
    for name in table.loc[wanted, "place"].unique():
        found[name] = _lookup(gazetteer, name)
    for index in table.index[wanted]:
        point = found[table.at[index, "place"]]
        if point is not None:
            table.at[index, "lat"], table.at[index, "lon"] = point
    unplaced = sorted(name for name, point in found.items() if point is None)
    if not unplaced:
        return []
    return [Message("activity.warn.unplaced", {"count": len(unplaced), "names": ", ".join(unplaced[:10])})]


def _lookup(gazetteer: Any, name: str) -> tuple[float, float] | None:
    """The place's coordinates: the whole name first, then each comma-separated part (``Bar X, Forlì``)."""
    parts = [name] + [p.strip() for p in name.split(",") if p.strip()] if "," in name else [name]
    for part in parts:
        match = gazetteer.find(town=part)
        if match is not None and getattr(match, "status", None) == "placed" and match.place is not None:
            return float(match.place.lat), float(match.place.lon)
    return None
