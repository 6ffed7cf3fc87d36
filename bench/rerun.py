"""Server time of one rerun after a typical interaction, with ``streamlit.testing.v1.AppTest``.

The page is opened from ``app.py`` with the plan in the query string and ``switch_page``; one
widget is then set and ``.run()`` is timed (median of N, after a warm-up). This is the script's
time on the server (AppTest runs it in-process, no browser, no network). Each value set differs
from the last, so every timed rerun saves a real change, as a user's edit does.

Run in a separate process (``python -m bench.rerun ...``, JSON on stdout) so the app's
environment (``ROTTA_DATA_DIR``) and caches never leak into the harness.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Interaction:
    label: str  # what the user did, for the table
    apply: Callable[[AppTest, int], None]  # set the widget for the i-th rerun (no run)


def _text(key: str | None, label: str) -> Callable[[AppTest], Interaction | None]:
    """Type into a text input (by key, or the first one of the main area); alternate two values."""

    def pick(at: AppTest) -> Interaction | None:
        # keys name the plan first ("w:<plan>:business/name"): match the field's part
        widgets = [w for w in at.main.text_input if key is None or str(w.key).endswith(":" + key)]
        if not widgets:
            return None
        original = widgets[0].value or ""
        wkey = widgets[0].key

        def apply(app: AppTest, i: int) -> None:
            target = next(w for w in app.main.text_input if w.key == wkey) if wkey else app.main.text_input[0]
            target.input(original + (" ·" if i % 2 == 0 else ""))

        return Interaction(label, apply)

    return pick


def _selfcheck(at: AppTest) -> Interaction | None:
    """Answer the first self-check question (Start page), alternating two answers."""
    radios = at.main.radio
    if not radios:
        return None
    key = radios[0].key
    first = radios[0].value
    other = 2 if first != 2 else 0

    def apply(app: AppTest, i: int) -> None:
        next(r for r in app.main.radio if r.key == key).set_value(other if i % 2 == 0 else first)

    return Interaction("answer a self-check question", apply)


def _download(at: AppTest) -> Interaction | None:
    if not at.main.download_button:
        return None
    return Interaction("click Download", lambda app, i: app.main.download_button[0].click())


def _flip(kind: str) -> Callable[[AppTest], Interaction | None]:
    def pick(at: AppTest) -> Interaction | None:
        widgets = getattr(at.main, kind)
        if not widgets:
            return None
        return Interaction(
            f"flip the first {kind}", lambda app, i: (w := getattr(app.main, kind)[0]).set_value(not w.value)
        )

    return pick


def _plain(at: AppTest) -> Interaction:
    return Interaction("no widget found: plain rerun", lambda app, i: None)


# Per step, what a user typically does there; other pages get the generic choice.
TYPICAL: dict[str, Callable[[AppTest], Interaction | None]] = {
    "start": _selfcheck,
    "business": _text("business/name", "type the business name"),
    "plan": _download,
}
GENERIC: tuple[Callable[[AppTest], Interaction | None], ...] = (
    _text(None, "type in the first text box"),
    _flip("checkbox"),
    _flip("toggle"),
    _download,
)


def choose(page_id: str, at: AppTest) -> Interaction:
    for pick in (*([TYPICAL[page_id]] if page_id in TYPICAL else []), *GENERIC):
        found = pick(at)
        if found is not None:
            return found
    return _plain(at)


def measure(page_id: str, script: str, token: str, lang: str = "it", runs: int = 7, timeout: float = 120) -> dict:
    """Open the page, then time ``runs`` reruns after one interaction each (one more as warm-up)."""
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=timeout)
    at.query_params["lang"] = lang
    at.query_params["plan"] = token
    at.run()
    if script != "app.py":
        at.switch_page(script).run()
    _check(at, "opening the page")
    interaction = choose(page_id, at)
    times = []
    for i in range(runs + 1):
        interaction.apply(at, i)
        started = time.perf_counter()
        at.run()
        elapsed = (time.perf_counter() - started) * 1000
        _check(at, interaction.label)
        if i > 0:
            times.append(elapsed)
    return {"interaction": interaction.label, "ms": times}


def _check(at: AppTest, when: str) -> None:
    if at.exception:
        raise RuntimeError(f"the page raised while {when}: {at.exception[0].message}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.rerun", description=__doc__.splitlines()[0])
    parser.add_argument("--page", required=True, help="step id (start, business...)")
    parser.add_argument("--script", required=True, help="app.py or pages/<name>.py")
    parser.add_argument("--token", required=True, help="the plan to open")
    parser.add_argument("--lang", default="it")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    try:
        out = measure(args.page, args.script, args.token, args.lang, args.runs)
    except Exception as exc:  # noqa: BLE001 - reported in the table, never hidden
        out = {"error": f"{type(exc).__name__}: {exc}"[:300]}
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
