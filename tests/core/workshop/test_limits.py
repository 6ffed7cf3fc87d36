"""The rate limits on join codes and room secrets: who is counted, how long a try waits, and what a guesser gets."""

import datetime as dt
import math
import re
from pathlib import Path

import pytest

from core.workshop import limits, workshop
from core.workshop.limits import Client, Failure, Limit, Limits

NOW = dt.datetime(2026, 11, 27, 9, 30)
HOUR = dt.timedelta(hours=1)
DOC = Path(__file__).parents[3] / "docs" / "security.md"


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("::ffff:203.0.113.7", "203.0.113.7"),  # how the server reports an IPv4 peer on a dual-stack socket
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"),  # one household's or phone's /64: one address
        ("127.0.0.1", ""),
        ("::1", ""),
        ("::ffff:127.0.0.1", ""),
        ("", ""),
        (None, ""),
        ("not an address", ""),
    ],
)
def test_an_address_counts_as_its_network_and_an_unknown_one_as_none(address, network):
    assert limits.network_of(address) == network


def test_clients_and_addresses_are_kept_only_as_hashes():
    client = Client("browser:0a1b2c", "198.51.100.23")
    assert len(client.id) == 64 and "0a1b2c" not in client.id and client.id == Client("browser:0a1b2c").id
    assert len(client.place) == 64 and "198" not in client.place
    assert client.id != Client("browser:0a1b2d").id and Client("x", "127.0.0.1").place == ""
    assert Client("a", "2001:db8::1").place == Client("b", "2001:db8::2").place


@pytest.mark.parametrize(
    ("minutes_ago", "count", "window_min", "wait_s"),
    [
        ([], 5, 10, 0),
        ([1, 2, 3, 4], 5, 10, 0),
        ([1, 2, 3, 4, 5], 5, 10, 300),  # the oldest (5 min ago) leaves the window in 5 minutes
        ([1, 2, 3, 4, 5, 9], 5, 10, 300),  # needs one to leave: the 5th newest
        ([1, 2, 3, 4, 11], 5, 10, 0),  # one is already out of the window
        ([0.5] * 3, 3, 1, 30),
    ],
)
def test_a_limit_says_how_long_to_wait_after_too_many_failures(minutes_ago, count, window_min, wait_s):
    times = [NOW - dt.timedelta(minutes=m) for m in minutes_ago]
    assert limits.retry_after(times, Limit(count, dt.timedelta(minutes=window_min)), NOW) == wait_s


@pytest.mark.parametrize(("count", "window_min", "per_hour"), [(5, 1, 300), (30, 1, 1800), (20, 10, 120), (7, 25, 21)])
def test_a_limit_lets_at_most_its_count_through_in_each_window_of_an_hour(count, window_min, per_hour):
    assert Limit(count, dt.timedelta(minutes=window_min)).per_hour == per_hour


def test_a_phone_that_mistypes_five_codes_in_a_row_waits_under_a_minute_not_ten():
    phone = Client("browser:phone", "203.0.113.50")
    failures = [Failure(NOW + dt.timedelta(seconds=s), phone.id, phone.place) for s in range(5)]
    assert limits.join_wait(failures[:4], phone, Limits(), NOW + dt.timedelta(seconds=4)) == 0
    assert limits.join_wait(failures, phone, Limits(), NOW + dt.timedelta(seconds=5)) == 55
    neighbour = Client("browser:neighbour", "203.0.113.50")  # the same venue, the same public address
    assert limits.join_wait(failures, neighbour, Limits(), NOW + dt.timedelta(seconds=5)) == 0


def _attack(wait, client_for, window: dt.timedelta) -> int:
    """A guesser who tries whenever allowed for one hour (waiting exactly as told); the guesses checked."""
    failures: list[Failure] = []
    now, checked = NOW, 0
    while now < NOW + HOUR:
        client = client_for(checked)
        recent = [f for f in failures if f.at > now - window]
        seconds = wait(recent, client, now)
        if seconds:
            now += dt.timedelta(seconds=seconds)
            continue
        failures = [*recent, Failure(now, client.id, client.place)]
        checked += 1
    return checked


def _one_browser(_n: int) -> Client:
    return Client("browser:guesser", "198.51.100.1")


def _fresh_sessions_one_address(n: int) -> Client:
    return Client(f"session:{n}", "198.51.100.1")


def _fresh_everything(n: int) -> Client:
    return Client(f"session:{n}", f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}")


CODE_SPACE = 30**8  # 30 symbols over 8 places, by hand: 656,100,000,000
# Wrong codes an hour, by hand from the limits: 5 a minute, 30 a minute, 120 a minute.
JOIN_PER_HOUR = {"one browser": 300, "fresh sessions, one address": 1_800, "fresh sessions and addresses": 7_200}
# Wrong secrets an hour on one room, by hand: a client 5 a minute, but its address 10 and the room 20 in 10 minutes.
ROOM_PER_HOUR = {"one browser": 60, "fresh sessions, one address": 60, "fresh sessions and addresses": 120}
GUESSERS = {
    "one browser": _one_browser,
    "fresh sessions, one address": _fresh_sessions_one_address,
    "fresh sessions and addresses": _fresh_everything,
}


@pytest.mark.parametrize("guesser", list(GUESSERS))
def test_a_guesser_of_join_codes_gets_at_most_these_tries_an_hour(guesser):
    def wait(failures, client, now):
        return limits.join_wait(failures, client, Limits(), now)

    assert _attack(wait, GUESSERS[guesser], dt.timedelta(minutes=1)) == JOIN_PER_HOUR[guesser]


@pytest.mark.parametrize("guesser", list(GUESSERS))
def test_a_guesser_of_a_rooms_secret_gets_at_most_these_tries_an_hour(guesser):
    def wait(failures, client, now):
        return limits.room_wait(failures, client, False, Limits(), now)

    assert _attack(wait, GUESSERS[guesser], dt.timedelta(minutes=10)) == ROOM_PER_HOUR[guesser]


def test_the_facilitators_browser_never_waits_for_strangers_wrong_secrets():
    flood = [Failure(NOW + dt.timedelta(seconds=n), _fresh_everything(n).id, _fresh_everything(n).place)
             for n in range(500)]  # fmt: skip
    facilitator = Client("browser:facilitator", "198.51.100.1")
    later = NOW + dt.timedelta(seconds=500)
    assert limits.room_wait(flood, facilitator, False, Limits(), later) > 0  # a new browser waits...
    assert limits.room_wait(flood, facilitator, True, Limits(), later) == 0  # ...the room's own browser does not
    own = [Failure(later, facilitator.id, facilitator.place)] * 5
    assert limits.room_wait(flood + own, facilitator, True, Limits(), later) == 60  # but its own typos count


def test_the_odds_of_guessing_a_live_code_are_tiny_at_the_limit():
    assert CODE_SPACE == 656_100_000_000 and workshop.code_bits() == pytest.approx(math.log2(CODE_SPACE))
    per_hour = JOIN_PER_HOUR["fresh sessions and addresses"] * 10 / CODE_SPACE  # 10 live rooms
    assert per_hour == pytest.approx(1.097e-7, rel=1e-3)
    assert 1 - (1 - per_hour) ** (24 * 365) == pytest.approx(9.6e-4, rel=1e-2)  # a year of non-stop guessing


def test_the_security_doc_states_these_figures():
    text = " ".join(DOC.read_text(encoding="utf-8").split())
    figures = ["656,100,000,000", "39.3 bits", "300", "1,800", "7,200", "1.1 in 10 million", "60", "120"]
    missing = [f for f in figures if not re.search(rf"(?<![\d,.]){re.escape(f)}(?![\d,])", text)]
    assert missing == []
