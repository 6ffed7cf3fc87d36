"""The load harness's arithmetic, its stop rule, its nginx set-up, and its protocol client on a tiny real app.

The full ramp (minutes of load) is never run here; ``python -m bench.load`` does that.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import textwrap
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import load, load_client, load_proxy, load_stats, servers
from bench.load_stats import Step
from core.plan import store as store_mod


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([1.0, 2.0, 3.0, 4.0], 50, 2.5),
        ([4.0, 1.0, 3.0, 2.0], 50, 2.5),  # order does not matter
        ([5.0], 95, 5.0),
        ([float(v) for v in range(1, 101)], 95, 95.05),
        ([float(v) for v in range(1, 21)], 95, 19.05),
        ([0.1, 0.2, 10.0], 0, 0.1),
        ([0.1, 0.2, 10.0], 100, 10.0),
    ],
)
def test_percentiles_interpolate_between_the_closest_ranks(values, q, expected):
    assert load_stats.percentile(values, q) == pytest.approx(expected)


@pytest.mark.parametrize(("values", "q"), [([], 50), ([1.0], 101), ([1.0], -1)])
def test_a_percentile_of_nothing_or_out_of_range_is_refused(values, q):
    with pytest.raises(ValueError):
        load_stats.percentile(values, q)


@pytest.mark.parametrize(
    ("now", "idle", "sessions", "expected"),
    [(300.0, 200.0, 20, 5.0), (461.0, 460.0, 4, 0.25), (250.0, 250.0, 10, 0.0), (190.0, 200.0, 5, -2.0)],
)
def test_memory_per_session_is_the_growth_over_idle_divided_by_the_sessions(now, idle, sessions, expected):
    assert load_stats.per_session_mb(now, idle, sessions) == pytest.approx(expected)


def test_memory_per_session_needs_a_session():
    with pytest.raises(ValueError):
        load_stats.per_session_mb(300, 200, 0)


def step(sessions: int, latencies: list[float], errors: int = 0) -> Step:
    return Step(1, sessions, seconds=60, latencies=latencies, errors=["boom"] * errors, rss_idle_mb=200, rss_mb=260)


@pytest.mark.parametrize(
    ("latencies", "errors", "stops"),
    [
        ([0.1] * 19 + [5.0], 0, False),  # one slow interaction in 20: p95 stays under 1 s
        ([0.1] * 18 + [5.0, 5.0], 0, True),  # two in 20: p95 well over
        ([0.5, 0.9, 0.95], 0, False),
        ([1.0] * 10, 0, True),  # the limit itself is not under the limit
        ([0.1] * 10, 1, True),  # any error stops the ramp
        ([], 0, True),  # nothing measured is not a pass
    ],
)
def test_the_ramp_stops_at_the_first_step_with_p95_at_one_second_or_an_error(latencies, errors, stops):
    assert load_stats.should_stop(step(10, latencies, errors)) is stops


def test_the_largest_passing_step_ignores_anything_after_the_first_failure():
    steps = [step(5, [0.1]), step(10, [0.2]), step(20, [2.0]), step(40, [0.1])]
    assert load_stats.largest_ok(steps).sessions == 10
    assert load_stats.largest_ok([step(5, [3.0])]) is None


@pytest.mark.parametrize(
    ("done", "expected"),
    [([], 5), ([[0.1]], 10), ([[0.1], [0.2]], 20), ([[0.1], [3.0]], None), ([[0.1], [0.1], [0.1]], None)],
)
def test_the_next_step_follows_the_plan_until_a_failure_or_its_end(done, expected):
    planned = [5, 10, 20]
    steps = [step(planned[i], latencies) for i, latencies in enumerate(done)]
    assert load_stats.next_sessions(planned, steps) == expected


def test_the_table_has_one_well_formed_row_per_step_and_the_summary_names_the_largest_passing_step():
    steps = [step(5, [0.1, 0.2]), step(10, [0.3, 0.4]), step(20, [0.9, 2.5, 3.0])]
    lines = load_stats.table(steps).splitlines()
    assert len(lines) == 2 + len(steps)
    assert {line.count(" | ") for line in lines} == {len(load_stats.STEP_COLUMNS) - 1}
    assert lines[3].endswith("| yes |") and lines[4].endswith("| **no** |")
    assert "6.0" in lines[3]  # (260 - 200) / 10 MB per session
    text = load_stats.summary(steps, 1)
    assert "**10 sessions**" in text and "at 20 sessions p95 2950 ms" in text


def test_the_first_run_message_names_the_page_and_a_rerun_carries_the_page_hash_and_the_typed_text():
    first = load_client.rerun_msg("plan=abc&lang=it", page_name="business", locale="it-IT")
    again = load_client.rerun_msg(
        "plan=abc&lang=it", page_hash="h1", widgets=[load_client.text_state("$$ID-x-w:name", "Forno")], cached=["c1"]
    )
    parsed = [BackMsg.FromString(m.SerializeToString()).rerun_script for m in (first, again)]
    assert (parsed[0].page_name, parsed[0].page_script_hash, parsed[0].context_info.locale) == ("business", "", "it-IT")
    assert (parsed[1].page_name, parsed[1].page_script_hash) == ("", "h1")
    assert [(w.id, w.string_value) for w in parsed[1].widget_states.widgets] == [("$$ID-x-w:name", "Forno")]
    assert list(parsed[1].cached_message_hashes) == ["c1"] and parsed[1].query_string == "plan=abc&lang=it"


def test_widgets_are_read_from_new_element_deltas_and_other_messages_are_ignored():
    msg = ForwardMsg()
    msg.delta.new_element.text_input.id = "$$ID-1-name"
    msg.delta.new_element.text_input.label = "Nome"
    text = ForwardMsg()
    text.delta.new_element.markdown.body = "Nome"
    finished = ForwardMsg(script_finished=ForwardMsg.FINISHED_SUCCESSFULLY)
    assert load_client.widgets_in(msg) == [load_client.Widget("$$ID-1-name", "text_input", "Nome")]
    assert load_client.widgets_in(text) == [] and load_client.widgets_in(finished) == []


TINY_APP = """
import os
from pathlib import Path
import streamlit as st

name = st.text_input("Nome", key="name")
if name:
    Path(os.environ["LOAD_TEST_OUT"]).write_text(name, encoding="utf-8")
st.write(f"ciao {name}")
"""


def test_the_protocol_client_opens_a_real_app_and_its_typed_text_reaches_the_script(tmp_path: Path):
    (tmp_path / "app.py").write_text(textwrap.dedent(TINY_APP), encoding="utf-8")
    out = tmp_path / "typed.txt"
    server = servers.Server(tmp_path / "app.py", tmp_path / "server.log", {"LOAD_TEST_OUT": str(out)}, timeout=30)

    async def session() -> tuple[load_client.Run, load_client.Run, str | None]:
        tab = load_client.Tab(server.url, "/", "lang=it")
        try:
            opened = await tab.open(timeout=20)
            typed = await tab.set_text("Nome", "Anna", timeout=20)
            return opened, typed, tab.cookie("_streamlit_xsrf")
        finally:
            await tab.close()

    try:
        opened, typed, xsrf = asyncio.run(session())
    finally:
        server.stop()
    assert [w.label for w in opened.widgets] == ["Nome"] and opened.exceptions == []
    assert xsrf  # the health check set the XSRF cookie the websocket then presented
    assert out.read_text(encoding="utf-8") == "Anna"
    assert typed.seconds > 0 and typed.messages >= 3 and not typed.exceptions
    with pytest.raises(load_client.ProtocolError):
        asyncio.run(load_client.Tab(server.url, "/", "").set_text("Nome", "x"))  # a tab that never opened


def test_the_proxy_configuration_hashes_the_route_cookie_over_every_backend_and_upgrades_websockets(tmp_path: Path):
    text = load_proxy.config(tmp_path, 8080, [8501, 8502])
    assert "hash $rotta_route consistent;" in text
    assert "server 127.0.0.1:8501 " in text and "server 127.0.0.1:8502 " in text
    assert "proxy_set_header Upgrade $http_upgrade;" in text and "daemon off;" in text
    assert "Secure" not in text  # plain HTTP: a Secure cookie would never come back
    assert f"pid {tmp_path}/nginx.pid;" in text


def test_the_access_log_counts_websockets_per_process_and_cookies_that_switched_process():
    log = "\n".join(
        [
            '200 127.0.0.1:8501 "" "/business?plan=a"',
            '200 127.0.0.1:8501 "r1" "/_stcore/host-config"',
            '101 127.0.0.1:8501 "r1" "/_stcore/stream"',
            '101 127.0.0.1:8502 "r2" "/_stcore/stream"',
            '101 127.0.0.1:8502 "r3" "/_stcore/stream"',
            '200 127.0.0.1:8501 "r3" "/_stcore/host-config"',
            '502 - "r4" "/x"',
        ]
    )
    upgrades, routes, split = load_proxy.parse_access_log(log)
    assert dict(upgrades) == {"127.0.0.1:8501": 1, "127.0.0.1:8502": 2}
    assert (routes, split) == (3, 1)


def test_the_saved_check_counts_plans_that_do_not_hold_their_last_typed_name(tmp_path: Path):
    plans = store_mod.Store(store_mod.make_engine(store_mod.default_url(tmp_path)))
    new_plan = load.plan_maker(plans, "forno", dt.date(2026, 11, 27))
    kept, lost, untouched = new_plan(), new_plan(), new_plan()
    from core.plan import plan as plan_mod

    old = plans.load(kept)[0]["business"]["name"]
    plans.apply(kept, [plan_mod.Change(("business", "name"), old, "Forno 1-3")])
    result = load.verify(plans, [(kept, "Forno 1-3"), (lost, "Forno 2-5"), (untouched, None)])
    assert result == "1 of 2 plans hold the last name their tab typed (wrong: 1)"


def test_a_choice_is_sent_as_the_labels_of_the_options_picked_and_refused_when_it_has_no_such_option():
    radio = load_client.Widget("$$ID-1-w:plan1:selfcheck/goals", "radio", "Obiettivi?", ("No", "In parte", "Sì"))
    pills = load_client.Widget("$$ID-2-w:market:layers", "button_group", "Livelli", ("A", "B", "C"), (0, 2))
    assert radio.key == "w:plan1:selfcheck/goals" and radio.matches(key="selfcheck/goals")
    assert load_client.choice_state(radio, ["Sì"]).string_value == "Sì"
    assert list(load_client.choice_state(pills, ["A", "C"]).string_array_value.data) == ["A", "C"]
    with pytest.raises(load_client.ProtocolError):
        load_client.choice_state(radio, ["Forse"])
    with pytest.raises(load_client.ProtocolError):
        load_client.choice_state(radio, ["No", "Sì"])


PAGED_APP = """
import os
from pathlib import Path
import streamlit as st

st.page_link("app.py", label="Inizio", query_params={"lang": "it"})
st.page_link("pages/second.py", label="Seconda", query_params={"lang": "it"})
answer = st.radio("Risposta", ["No", "Sì"], key="w:plan9:answer")
Path(os.environ["LOAD_TEST_OUT"]).write_text(f"main {answer}", encoding="utf-8")


@st.fragment
def part():
    size = st.pills("Taglia", ["S", "M", "L"], key="size", selection_mode="multi", default=["S"])
    st.write(st.session_state.setdefault("runs", 0))
    Path(os.environ["LOAD_TEST_OUT"] + ".fragment").write_text(",".join(size), encoding="utf-8")


part()
"""
SECOND_PAGE = """
import os
from pathlib import Path
import streamlit as st

st.page_link("app.py", label="Inizio", query_params={"lang": "it"})
Path(os.environ["LOAD_TEST_OUT"]).write_text("second " + st.query_params.get("lang", ""), encoding="utf-8")
"""


def test_the_protocol_client_picks_options_reruns_only_a_fragment_and_follows_page_links(tmp_path: Path):
    (tmp_path / "pages").mkdir()
    (tmp_path / "app.py").write_text(textwrap.dedent(PAGED_APP), encoding="utf-8")
    (tmp_path / "pages" / "second.py").write_text(textwrap.dedent(SECOND_PAGE), encoding="utf-8")
    out = tmp_path / "out.txt"
    server = servers.Server(tmp_path / "app.py", tmp_path / "server.log", {"LOAD_TEST_OUT": str(out)}, timeout=30)

    async def session() -> list[str]:
        tab = load_client.Tab(server.url, "/", "lang=it")
        seen = []
        try:
            await tab.open(timeout=20)
            full_run = await tab.choose(tab.find(key="answer"), ["Sì"], timeout=20)
            seen.append(out.read_text(encoding="utf-8"))
            pills = tab.find(key="size", kind="button_group")
            fragment_run = await tab.choose(pills, ["M", "L"], timeout=20)
            seen += [(tmp_path / "out.txt.fragment").read_text(encoding="utf-8"), out.read_text(encoding="utf-8")]
            seen.append(str(fragment_run.messages < full_run.messages and tab.find(key="answer").kind == "radio"))
            await tab.go("second", timeout=20)
            seen.append(out.read_text(encoding="utf-8"))
            return seen
        finally:
            await tab.close()

    try:
        seen = asyncio.run(session())
    finally:
        server.stop()
    # the main run saw the answer; the fragment run changed the pills only (the main script did not run again),
    # and the client still knows the widgets outside the fragment; the link carried its query
    assert seen == ["main Sì", "M,L", "main Sì", "True", "second it"]


def test_the_browser_check_tells_a_different_widget_value_or_fragment_apart():
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    from bench import load_check

    def msg(value: str = "string_value", fragment: str = "") -> BackMsg:
        state = WidgetState(id="$$ID-1-w:layers")
        if value == "string_value":
            state.string_value = "Clienti"
        else:
            state.string_array_value.data.append("Clienti")
        built = load_client.rerun_msg("lang=it", page_hash="h", widgets=[state])
        built.rerun_script.fragment_id = fragment
        return built

    ids = ["$$ID-1-w:layers"]
    assert load_check._signature(msg(), ids) == load_check._signature(msg(), ids)
    assert load_check._signature(msg(), ids) != load_check._signature(msg("string_array_value"), ids)
    assert load_check._signature(msg(), ids) != load_check._signature(msg(fragment="f1"), ids)
    assert load_check._signature(msg(), ["$$ID-2-other"])[2] == (("$$ID-2-other", None),)
