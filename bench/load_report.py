"""The load benchmark's results file: machine, method, summary, one table per set-up, notes."""

from __future__ import annotations

import argparse
import datetime as dt

from bench import load_stats
from bench.load_stats import Step

WORK = {
    "typing": "loads `/{page}?plan=<its own plan>&lang={lang}` (page, `/_stcore/health` for the XSRF cookie, "
    "`/_stcore/host-config`, then the websocket with the XSRF token), then, after a think time of {think_lo:g}-"
    "{think_hi:g} s (uniform, seeded), types a new business name and presses Enter, again and again: one rerun that "
    "saves the plan to PostgreSQL.",
    "mixed": "loads a page of the path on its own plan (`?plan=<token>&lang={lang}`: page, `/_stcore/health` for the "
    "XSRF cookie, `/_stcore/host-config`, then the websocket with the XSRF token) and walks the path in a loop, one "
    "interaction after each think time of {think_lo:g}-{think_hi:g} s (uniform, seeded), starting at a random point: "
    "answers two self-check questions (Start), types the business name twice (Business), adds a goal and edits it "
    "(Goals; after three goals the add edits the goal's owner), switches a map layer and the distance rings "
    "(Market map), changes the Timeline's period, opens the Plan; each move to the next page is a tap on its link "
    "(`bench/load_profile.py`). Every change that saves is checked in PostgreSQL at the end.",
}
METHOD = (
    "Each simulated participant is one Streamlit session driven through the websocket protocol the front end "
    "speaks (`/_stcore/stream`, protobuf `BackMsg`/`ForwardMsg` of Streamlit {streamlit}): it {work} "
    "Latency = rerun message sent → `script_finished` received. Tabs stay open from step to step; each "
    "step adds tabs (at most {at_once} loading at once), waits 2 s, then measures a {seconds:g} s window (interactions "
    "that started in it). Server RSS = `VmRSS` summed over the app processes, idle = after one warm-up tab per process "
    "closed (it does the profile once); MB per session = (RSS now − idle) / sessions. "
    "CPU % = CPU seconds in the window / window length "
    "(100 % = one core; {cpus} cores = {cpu_total} %); CPU ms per interaction = the app processes' CPU seconds in the "
    "window / interactions in it (page loads of new tabs happen before the window); PostgreSQL = every `postgres` "
    "process; other = every other process on the machine (anything else running at the time). The ramp stops at "
    "the first step with p95 ≥ 1 s or any error."
)
NOTES = (
    "The load client, the app processes, nginx and PostgreSQL share the machine's {cpus} cores: the client's own "
    "CPU is in the table, and every core it uses is taken from the servers, so the figures are a floor.",
    "Not simulated: the browser's static files (JavaScript, CSS, fonts: cached by a browser after the first visit, "
    "and plain file serving), the files of component frames (st_folium's page and Leaflet, loaded once per page "
    "view), heartbeats. A tab sends only the widget it changed (a browser sends all of them; the server keeps the "
    "values of the others) and the hashes of the cacheable messages it received, as a browser does.",
)


def document(
    args: argparse.Namespace,
    info: dict[str, str],
    results: dict[int, tuple[list[Step], list[str]]],
    command: str,
    when: dt.datetime,
) -> str:
    out = [f"# Rotta load benchmark: {when:%Y-%m-%d %H:%M}, {info['host']}", ""]
    out.append(
        f"Machine: {info['host']}, {info['cpus']} CPUs ({info['cpu_model']}), {info['ram_gb']} GB RAM, {info['os']}; "
        f"Python {info['python']}, Streamlit {info['streamlit']}, nginx {info.get('nginx', 'not used')}. "
        f"1-minute load average: {info['load']}."
    )
    out += ["", f"Command: `{command}`", "", "## Method", ""]
    fill = {"page": args.page, "lang": args.lang, "think_lo": args.think[0], "think_hi": args.think[1]}
    work = WORK[getattr(args, "profile", "typing")].format(**fill)
    out.append(
        METHOD.format(
            streamlit=info["streamlit"],
            work=work,
            at_once=4,
            seconds=args.seconds,
            cpus=info["cpus"],
            cpu_total=100 * int(info["cpus"]),
        )
    )
    out.append("")
    summary = [load_stats.summary(steps, n) for n, (steps, _) in sorted(results.items())]
    out += ["## Summary", "", *(f"- {line}" for line in summary), ""]
    titles = {1: "One process", 2: "Two processes behind nginx (sticky sessions, one PostgreSQL)"}
    for count, (steps, notes) in sorted(results.items()):
        out += [f"## {titles[count]}", "", load_stats.table(steps), "", *(f"- {n}" for n in notes), ""]
        best = load_stats.largest_ok(steps) or (steps[-1] if steps else None)
        if best is not None and len(best.kinds) > 1:
            out += [f"By kind of interaction at {best.sessions} sessions:", "", load_stats.kinds_table(best), ""]
    out += ["## Notes", "", *(f"- {n.format(cpus=info['cpus'])}" for n in NOTES), ""]
    return "\n".join(out).rstrip() + "\n"
