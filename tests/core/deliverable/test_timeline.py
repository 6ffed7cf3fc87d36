"""The deliverable describes the imported activity (PDF, XLSX, Markdown) and no cell carries float noise.

The case of the issue: posts exported for January, orders running to June; the months before the
data's last day hold no post, and the exports said "no activity imported". Expected figures are
counted here from the export files with the csv module.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from core import i18n, importers, samples
from core.deliverable import build as deliverable
from core.deliverable import markdown as export_md
from core.deliverable import pdf as export_pdf
from core.deliverable import xlsx as export_xlsx
from core.goals import measures
from core.plan import plan as plan_mod
from tests.conftest import ROOT

EXPORTS = ROOT / "tests" / "fixtures" / "exports"
POSTS = [
    EXPORTS / "meta_business_suite" / "instagram_posts_views_Jan-01-2025_Jan-31-2025_1118203947565678.csv",
    EXPORTS / "meta_business_suite" / "facebook_posts_views_Jan-01-2025_Jan-31-2025_1118203947561234.csv",
]
ORDERS = EXPORTS / "shopify" / "orders_export.csv"
TODAY = dt.date(2026, 12, 7)


def _file_rows(path) -> list[dict]:
    return list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


def _orders() -> pd.DataFrame:
    """The orders of the Shopify export, by hand: one per order, its day and its total net of refunds."""
    first: dict[str, dict] = {}
    for row in _file_rows(ORDERS):
        first.setdefault(row["Name"], row)
    return pd.DataFrame(
        {
            "customer_id": [o["Email"] or o["Billing Name"] for o in first.values()],
            "date": pd.to_datetime([o["Created at"][:10] for o in first.values()]),
            "amount": [float(o["Total"]) - float(o["Refunded Amount"]) for o in first.values()],
        }
    )


def _data() -> measures.Data:
    ctx = importers.ImportContext(today=TODAY)
    activity = pd.concat([importers.import_file(importers.RawFile(p.name, p.read_bytes()), ctx).frame for p in POSTS])
    return measures.Data(activity=activity.reset_index(drop=True), orders=_orders())  # orders run to June


@pytest.fixture(scope="module")
def built():
    plan = plan_mod.new_plan(TODAY)
    plan["business"]["name"] = "Trattoria Da Gino"
    return {lang: deliverable.build(plan, _data(), TODAY, lang) for lang in i18n.LANGS}


def _posts() -> int:
    return sum(len(_file_rows(p)) for p in POSTS)


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_pdf_and_the_markdown_say_how_many_posts_were_imported_and_when(built, lang):
    d = built[lang]
    missing = i18n.t(lang, "deliverable.missing.timeline")
    pdf = _pdf_text(export_pdf.render(d, lang))
    markdown = export_md.render(d, lang)
    assert missing not in pdf and missing not in markdown  # what they said with 62 posts imported
    posts = _posts()
    rows = [r for p in POSTS for r in _file_rows(p)]
    days = sorted(dt.datetime.strptime(r["Publish time"], "%m/%d/%Y %H:%M").date() for r in rows)
    channels = i18n.t(lang, "deliverable.timeline.and", head="Facebook", tail="Instagram")
    said = i18n.t(
        lang, "deliverable.timeline.summary", posts=i18n.number(lang, posts), first=i18n.date(lang, days[0]),
        last=i18n.date(lang, days[-1]), channels=channels,
    )  # fmt: skip
    assert " ".join(said.split()) in pdf
    assert export_md.md(said) in markdown
    january = "gen 2025" if lang == "it" else "Jan 2025"
    assert january in d.timeline.months  # the last months with activity, not the three before the orders' end


def test_the_workbook_has_the_timeline_sheet_with_every_post_of_the_files(built):
    book = openpyxl.load_workbook(io.BytesIO(export_xlsx.render(built["en"], "en")))
    sheet = book[i18n.t("en", "deliverable.sheet.timeline")]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, [c.value for c in row], strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert sum(r["Posts"] for r in rows) == _posts()
    by_channel = {r["Channel"]: r["Reach"] for r in rows}
    instagram = sum(int(r["Reach"]) for r in _file_rows(POSTS[0]))
    assert by_channel["Instagram"] == instagram


def test_no_workbook_cell_carries_float_noise_money_is_cents_and_counts_are_whole():
    sample = samples.load_sample("forno")
    plan = plan_mod.from_sample("forno", sample.profile, sample.goals, TODAY)
    customers = sample.customers.head(3).assign(revenue=279.05, town="Roma", postcode="00176", province="RM")
    assert sum([279.05, 279.05, 279.05]) == 837.1500000000001  # what a plain sum writes
    from core import geocode

    placed = geocode.geocode_frame(geocode.load_gazetteer(), customers)
    data = measures.Data(sample.activity, sample.orders, placed)
    book = openpyxl.load_workbook(io.BytesIO(export_xlsx.render(deliverable.build(plan, data, TODAY, "en"), "en")))
    numbers = [c.value for ws in book.worksheets for row in ws.iter_rows(min_row=2) for c in row]
    numbers = [v for v in numbers if isinstance(v, float)]
    assert 837.15 in numbers
    noisy = [v for v in numbers if re.search(r"\.\d{5,}", repr(v))]
    assert noisy == []
