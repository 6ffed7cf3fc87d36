"""The section builders are tested through ``deliverable.build`` (tests/core/test_deliverable.py); here, the
import cycle between the shapes and the builders."""

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("first", ["core.deliverable", "core.deliverable_sections", "core.deliverable_market"])
def test_the_deliverable_builds_whichever_of_its_modules_is_imported_first(first):
    script = (
        f"import datetime, {first}\n"
        "from core import deliverable, measures, plan\n"
        "today = datetime.date(2026, 11, 27)\n"
        "d = deliverable.build(plan.new_plan(today), measures.Data(), today, 'en')\n"
        "assert d.market.customers == 0 and d.actions, d\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
