"""The benchmark harness runs and writes a well-formed table; timings themselves are never asserted."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench import pages, plans, report
from bench.measure import spread
from tests.conftest import ROOT

NUMBER = re.compile(r"^\d+(\.\d+)?$")
SPREAD = re.compile(r"^\d+–\d+$")
RATIO = re.compile(r"^\d+\.\d\dx$")


def _page_table(text: str) -> tuple[list[str], list[list[str]]]:
    section = text.split("## Pages against a blank Streamlit page", 1)[1].splitlines()
    start = next(i for i, line in enumerate(section) if line.startswith("|"))
    end = next((i for i, line in enumerate(section) if i > start and not line.startswith("|")), len(section))
    lines = section[start:end]
    cells = [[c.strip() for c in line.strip("|").split(" | ")] for line in lines]
    return cells[0], cells[2:]


@pytest.mark.browser
def test_the_harness_measures_the_start_page_and_writes_a_well_formed_table(tmp_path: Path):
    command = [
        sys.executable,
        "-m",
        "bench.run",
        "--sections",
        "pages",
        "--pages",
        "start",
        "--sizes",
        "sample",
        "--runs",
        "1",
        "--warmup",
        "0",
        "--rerun-runs",
        "1",
        "--timeout",
        "45",
        "--out",
        str(tmp_path),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=170)
    assert done.returncode == 0, done.stderr[-3000:]
    latest = (tmp_path / "latest.md").read_text(encoding="utf-8")
    dated = [p for p in tmp_path.glob("*.md") if p.name != "latest.md"]
    assert len(dated) == 1 and dated[0].read_text(encoding="utf-8") == latest
    assert re.search(r"Machine: .+, \d+ CPUs \(.+\), [\d.]+ GB RAM", latest)
    header, rows = _page_table(latest)
    assert tuple(header) == report.PAGE_COLUMNS
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["page"] == "Start `/`" and row["size"].startswith("sample")
    for column in ("ready ms (median)", "blank ms (median)", "rerun ms (median)", "payload KB", "server RSS MB"):
        assert NUMBER.match(row[column]), (column, row[column])
    assert SPREAD.match(row["spread ms (min–max)"])
    assert RATIO.match(row["ratio to blank"])
    assert row["met?"] == "yes" or row["met?"].startswith("**NO**: ")


def test_a_new_page_script_is_picked_up_with_its_route_and_budget(tmp_path: Path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "app.py").write_text("")
    for name in ("timeline.py", "business.py", "notes.py"):
        (tmp_path / "pages" / name).write_text("")
    found = pages.discover(tmp_path)
    assert [(p.id, p.route) for p in found] == [("start", "/"), ("business", "/business"), ("timeline", "/timeline")]
    assert (found[2].budget("sample"), found[2].budget("large")) == (2.0, 3.0)


def test_asking_for_a_page_the_app_does_not_have_is_refused(tmp_path: Path):
    (tmp_path / "app.py").write_text("")
    with pytest.raises(ValueError, match="monitor"):
        pages.discover(tmp_path, ["monitor"])


@pytest.mark.parametrize(
    ("page_ms", "rerun_ms", "verdict"),
    [
        ([1400.0], [40.0], "yes"),
        ([1600.0], [40.0], "**NO**: ratio 1.60x > 1.5x"),
        ([1400.0], [200.0], "**NO**: rerun 200 ms ≥ 150 ms"),
        ([], [40.0], "**NO**: all load(s) not ready"),
    ],
)
def test_a_missed_budget_is_written_in_the_table_never_hidden(page_ms, rerun_ms, verdict):
    result = report.PageResult(
        pages.BenchPage("plan", "pages/plan.py", "/plan"), "sample", ready=spread(page_ms), blank=spread([1000.0])
    )
    result.rerun, result.interaction = spread(rerun_ms), "click Download"
    assert result.verdict() == verdict
    assert report.page_row(result)[-1] == verdict


def test_a_size_a_page_cannot_use_yet_gets_a_row_saying_so():
    result = report.PageResult(pages.BenchPage("market", "pages/market.py", "/market"), "large", skipped="n/a (why)")
    row = report.page_row(result)
    assert row[2] == "n/a (why)" and row[-1] == "n/a" and "≤3x" in row[-2]


@pytest.mark.parametrize(
    ("source", "measured_large"),
    [
        ("from ui import data, frame as frame_mod\ntables = data.plan_data(frame)\n", True),
        ("from ui import frame as frame_mod\nst.title('Plan')\n", False),
    ],
)
def test_a_page_is_measured_at_large_size_only_when_it_reads_the_plans_data(tmp_path: Path, source, measured_large):
    (tmp_path / "pages").mkdir()
    (tmp_path / "app.py").write_text("")
    (tmp_path / "pages" / "market.py").write_text(source)
    market = pages.discover(tmp_path, ["market"])[0]
    assert (plans.large_path(market, tmp_path) is plans.attach_imports) == measured_large
