"""Activity importers: one module per platform family, each a sniff (content, never the file name)
and a parse returning rows with exactly ``core.schema.ACTIVITY_COLUMNS``.

``FORMATS`` is ordered from the most to the least specific signature, so that a file is claimed
by the importer that really knows it.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable

from core.importers.activity import (
    common,
    facebook_legacy,
    google_business,
    instagram_dyi,
    linkedin,
    meta,
    meta_daily,
    tiktok,
    x,
    youtube,
)
from core.importers.base import Format, ImportContext, ImportResult, RawFile

KIND = common.KIND
Parse = Callable[[RawFile, ImportContext], ImportResult]


def _checked(parse: Parse) -> Parse:
    """``parse`` plus the checks every activity import shares: no rows at all, no rows after today."""

    @functools.wraps(parse)
    def run(raw: RawFile, ctx: ImportContext) -> ImportResult:
        result = parse(raw, ctx)
        frame, extra = common.final_checks(result.frame, ctx.today, bool(result.warnings))
        if not extra:
            return result
        return dataclasses.replace(result, frame=frame, warnings=result.warnings + tuple(extra))

    return run


def _format(platform: str, sniff: Callable[[RawFile], bool], parse: Parse) -> Format:
    return Format(platform, KIND, sniff, _checked(parse))


FORMATS: list[Format] = [
    _format("facebook", facebook_legacy.sniff, facebook_legacy.parse),
    _format("facebook", meta.sniff_facebook, meta.parse),
    _format("instagram", meta.sniff_instagram, meta.parse),
    _format("facebook", meta_daily.sniff, meta_daily.parse),
    _format("instagram", instagram_dyi.sniff, instagram_dyi.parse),
    _format("x", x.sniff_old, x.parse_old),
    _format("x", x.sniff_current, x.parse_current),
    _format("linkedin", linkedin.sniff, linkedin.parse),
    _format("tiktok", tiktok.sniff_content, tiktok.parse_content),
    _format("tiktok", tiktok.sniff_daily, tiktok.parse_daily),
    _format("youtube", youtube.sniff, youtube.parse),
    _format("google_business", google_business.sniff, google_business.parse),
]
