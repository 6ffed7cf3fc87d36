"""Importing customer lists and activity exports: one entry point, formats detected from content.

``import_file(raw, ctx)`` tries every registered ``Format`` in order (the specific customer and
order formats, then the activity formats of ``core.importers.activity``, then a generic orders
list, then the generic customer table) and runs the first whose ``sniff`` recognises the bytes.
The file name is never used to decide. Whatever goes wrong comes back as an ``ImportProblem``
carrying a bilingual ``Message``.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Sequence

from core.i18n import Message
from core.importers import customers, orders, tabular, xlsx
from core.importers.base import Format, ImportContext, ImportProblem, ImportResult, RawFile, Span
from core.importers.mapping import FIELDS, apply_mapping, guess_mapping

__all__ = [
    "FIELDS",
    "Format",
    "ImportContext",
    "ImportProblem",
    "ImportResult",
    "RawFile",
    "Span",
    "apply_mapping",
    "formats",
    "guess_mapping",
    "import_file",
    "import_upload",
    "span_of",
    "read_table",
]
read_table = tabular.read_table


def _activity_formats() -> list[Format]:
    try:
        module = importlib.import_module("core.importers.activity")
    except ModuleNotFoundError as exc:  # only a missing package is tolerated, not a bug inside it
        if exc.name in ("core.importers.activity", "core.importers.activity.__init__"):
            return []
        raise
    return list(getattr(module, "FORMATS", []))


def formats() -> list[Format]:
    """Every registered format, in the order they are tried."""
    return [*customers.FORMATS, *orders.FORMATS, *_activity_formats(), orders.GENERIC, customers.GENERIC]


def _sniffs(fmt: Format, raw: RawFile) -> bool:
    try:
        return bool(fmt.sniff(raw))
    except Exception:  # a sniffer that chokes on odd bytes just does not recognise them
        return False


def _unexpected(raw: RawFile, exc: Exception) -> ImportProblem:
    return ImportProblem(Message("importers.err.unexpected", {"file": raw.name, "reason": type(exc).__name__}))


def import_file(raw: RawFile, ctx: ImportContext) -> ImportResult:
    """The file's table, from whichever format recognises its content; raises ``ImportProblem``.

    With ``ctx.mapping`` set (the user confirmed which columns hold what) the file is read as a
    generic customer table whatever it looks like.
    """
    try:
        kind = tabular.content_kind(raw.data)
        if kind == "empty":
            raise ImportProblem(Message("importers.err.empty", {"file": raw.name}))
        tabular.check_size(raw)  # before any sniffer decodes the whole file
        if kind == "zip" and xlsx.is_workbook(raw.data):  # once, before any sniffer opens it
            xlsx.check(raw, tabular.MAX_ROWS)
        if ctx.mapping is not None:
            return customers.parse_generic(raw, ctx)
        for fmt in formats():
            if _sniffs(fmt, raw):
                return fmt.parse(raw, ctx)
        raise customers.not_recognised(raw)
    except ImportProblem:
        raise
    except (MemoryError, RecursionError, Exception) as exc:  # never a traceback for a user's file
        raise _unexpected(raw, exc) from exc


YEAR_NEEDED = "activity.err.year_needed"


def span_of(result: ImportResult) -> Span | None:
    """The days an activity import covers (Italian dates), for reading other files' dates without a year."""
    if result.kind != "activity" or result.frame.empty:
        return None
    days = result.frame["when"].dt.tz_convert("Europe/Rome").dt.date
    return Span(result.platform, result.file, days.min(), days.max())


def _attempt(raw: RawFile, ctx: ImportContext) -> ImportResult | ImportProblem:
    try:
        return import_file(raw, ctx)
    except ImportProblem as problem:
        return problem


def import_upload(raws: Sequence[RawFile], ctx: ImportContext) -> list[ImportResult | ImportProblem]:
    """Files uploaded together, each as ``import_file`` reads it (the result, or the problem).

    A file whose dates have no year is read over the days the upload's other files cover (then
    over ``ctx.spans``, the plan's earlier imports); with none, its problem asks for the year.
    """
    alone = dataclasses.replace(ctx, spans=())
    results = [_attempt(raw, alone) for raw in raws]
    spans = tuple(s for r in results if isinstance(r, ImportResult) and (s := span_of(r)) is not None)
    for i, result in enumerate(results):
        if isinstance(result, ImportProblem) and result.message.key == YEAR_NEEDED and (spans or ctx.spans):
            results[i] = _attempt(raws[i], dataclasses.replace(ctx, spans=spans + ctx.spans))
    return results
