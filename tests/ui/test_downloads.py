import datetime as dt
import io
import json
import zipfile

import pytest
from pypdf import PdfReader

from core import samples
from core.goals import measures
from core.plan import plan as plan_mod
from ui import downloads

TODAY = dt.date(2026, 11, 27)


def _plan(calendar=None):
    sample = samples.load_sample("cantina")
    plan = plan_mod.from_sample("cantina", sample.profile, sample.goals, TODAY)
    if calendar is not None:
        plan["calendar"] = calendar
    return plan, measures.Data(sample.activity, sample.orders)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_file_is_made_on_demand_and_opens(lang):
    plan, data = _plan()
    files = {f.ext: f for f in downloads.files(plan, data, TODAY, lang, "tok")}
    assert list(files) == ["pdf", "xlsx", "md", "json"]
    pdf = PdfReader(io.BytesIO(files["pdf"].make()))
    assert 1 <= len(pdf.pages) <= 3 and plan["goals"][0]["title"][:20] in " ".join(p.extract_text() for p in pdf.pages)
    assert "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(files["xlsx"].make())).namelist()
    assert plan["business"]["name"] in files["md"].make().decode("utf-8")
    whole = json.loads(files["json"].make())
    assert (whole["format"], whole["plan"], whole["imports"]) == ("rotta-bundle", plan, [])
    assert all(f.name.startswith("rotta-cantina") for f in files.values())


def test_a_calendar_adds_the_ics_file():
    item = {
        "id": "c1",
        "date": "2026-12-05",
        "channel": "instagram",
        "title": "Degustazione di Natale",
        "status": "planned",
    }
    plan, data = _plan(calendar=[item])
    files = {f.ext: f for f in downloads.files(plan, data, TODAY, "it", "tok")}
    assert files["ics"].make().count(b"BEGIN:VEVENT") == 1
