"""Forno Gatta Rossa: a neighbourhood bakery at the Pigneto, Rome (fictional).

Local market: most customers in the CAPs around the shop, the rest in the metro area. Loyalty
card since September 2024, relaunched in March 2026 with points and WhatsApp pre-orders (better
retention from then on). Morning posts do better. Its measurable goals are on track.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from sample_data import measure
from sample_data.model import Event, Feed, Habit, Spec, Stream

RELAUNCH, RELAUNCH_ONE_OFF = "2026-03-01", 0.05  # points card and WhatsApp pre-orders: fewer one-off customers
SHOP = ("Forno Gatta Rossa, Pigneto", 41.8886, 12.5297)
NEAR: tuple[tuple[str, float], ...] = (
    ("Roma:00176", 30), ("Roma:00177", 12), ("Roma:00171", 7), ("Roma:00172", 7), ("Roma:00175", 5),
    ("Roma:00182", 4), ("Roma:00181", 4), ("Roma:00185", 3), ("Roma:00159", 3), ("Roma:00157", 2),
)  # fmt: skip
MIX = NEAR + (
    ("Roma", 8), ("Ciampino", 2.5), ("Guidonia Montecelio", 1.5), ("Fiumicino", 1.0), ("Frascati", 1.0),
    ("Marino", 1.0), ("Pomezia", 0.8), ("Tivoli", 0.6), ("Fonte Nuova", 0.6), ("Monterotondo", 0.5),
    ("Grottaferrata", 0.5), ("San Cesareo", 0.4), ("Zagarolo", 0.4), ("Colonna", 0.3), ("Ardea", 0.3),
    ("prov:LT", 0.1), ("prov:FR", 0.1), ("prov:VT", 0.1),
)  # fmt: skip
MORNING_HOURS = ((7, 25), (8, 20), (13, 15), (19, 20), (20, 15), (21, 5))

MORNING = (
    "Buongiorno Pigneto! ☀️ Il pane di semola è appena uscito dal forno 🍞",
    "Cornetti integrali al miele millefiori: appena sfornati 🥐",
    "Buongiorno! Oggi pizza bianca ancora calda fino alle 10 ☕",
)
POSTS = (
    "Cornetti integrali al miele millefiori: li trovate dalle 7 🥐",
    "La nostra pizza bianca croccante, come a Roma si è sempre fatta 😋",
    "Lievito madre rinfrescato ogni giorno da dodici anni: è lui il segreto 💛",
    "Maritozzi con la panna solo sabato e domenica, finché durano! 🤍",
    "Oggi focaccia con olive di Gaeta e rosmarino 🌿",
    "Ciambelline al vino per la merenda, come le faceva nonna Iole 🍷",
    "Novità: pagnotta ai grani antichi macinati a pietra 🌾",
    "Dietro le quinte: alle 4 di mattina si impasta così 👩‍🍳",
    "Prenotate su WhatsApp e saltate la fila 📲",
    "Grazie per le vostre recensioni su Google ⭐ ci fanno felici!",
    "Crostata di visciole, ricetta di famiglia 🍒",
    "Pizza rossa al taglio per la pausa pranzo 🍅",
    "Il pane di ieri? Diventa pangrattato e crostini: niente si butta ♻️",
    "La domenica siamo aperti fino alle 13:30 ☕🥐",
)
SEASONAL = (
    ((11, 12), (
        "Panettone artigianale al lievito madre: prenotazioni aperte 🎄",
        "Pangiallo romano, come da tradizione 🎅",
        "Ultimi panettoni per la Vigilia, passate presto ✨",
        "Orari delle feste: il 24 dicembre aperti fino alle 16 🎄",
    )),
    ((3, 4), (
        "Colomba al lievito madre: si prenota in negozio o su WhatsApp 🕊️",
        "Pizza di Pasqua al formaggio, quella vera 🧀",
    )),
    ((7, 8), (
        "Chiusi per ferie a metà agosto: ci vediamo a settembre più riposati ☀️",
        "Crostata fresca con frutta di stagione 🍑",
    )),
)  # fmt: skip
REELS = (
    "Come nasce un maritozzo 🎥",
    "Dal lievito madre alla pagnotta in 30 secondi ⏱️",
    "Il suono della crosta che canta 🔊🍞",
    "Una giornata al forno, dall'alba alla chiusura ☀️🌙",
    "Tre modi di riusare il pane raffermo ♻️",
)
STORIES = (
    "Seconda infornata del pomeriggio alle 17 🔥",
    "Sondaggio: cornetto o maritozzo? 🤔",
    "Prenota il pane per domani 👉 link",
    "Ultimi 5 filoni di semola!",
    "Oggi c'è la pizza con le patate 🥔",
)
FACEBOOK_MORNING = (
    "Buongiorno dal Pigneto! Oggi in forno pane di semola, pizza bianca e cornetti integrali. Vi aspettiamo 🍞",
    "Buongiorno! Il forno è acceso dalle 4: pane caldo fino a mezzogiorno ☀️",
)
FACEBOOK = (
    "Domani in forno pane di semola, pizza bianca e cornetti integrali. Vi aspettiamo 🍞",
    "Ricordate: potete prenotare pane e dolci su WhatsApp e ritirarli senza fila 📲",
    "Questa settimana proviamo la pagnotta ai grani antichi: diteci cosa ne pensate!",
    "Grazie a chi ci ha scritto una recensione: leggerle è la parte più bella della giornata ⭐",
    "Maritozzi del weekend: sabato e domenica dalle 7, finché durano 🤍",
    "Orari: lun–sab 7:00–14:00 e 16:30–19:30, domenica 7:00–13:30",
)
GBP_WINTER = ((10, 11, 12, 1, 2), ("Orari invernali: 7:00–14:00 e 16:30–19:30",))
GBP = (
    "Prenota il pane su WhatsApp e ritiralo in negozio",
    "Questa settimana: pizza bianca e crostata di visciole",
    "Panettoni e pangiallo: prenotazioni aperte",
)


def _ig(kind: str, per_week, reach: float, metrics: dict, captions, **kw) -> Feed:
    return Feed("instagram", kind, per_week, MORNING_HOURS, reach, metrics, captions, **kw)


def goals(customers: pd.DataFrame, orders: pd.DataFrame, activity: pd.DataFrame, end: str) -> list[dict[str, Any]]:
    reach_base = int(round(measure.reach(activity, ("instagram",), "2026-05-31"), -2))
    repeat_base = round(measure.repeat_rate(orders, "2026-02-28"), 2)
    return [
        {
            "id": "g1", "objective": "local_awareness",
            "title": "Far vedere i nostri post a più persone del quartiere su Instagram",
            "kpi": "reach", "channels": ["instagram"], "baseline": reach_base,
            "target": int(round(reach_base * 1.25, -2)),
            "start": "2026-06-01", "deadline": "2026-12-31", "place": {"kind": "town", "value": "Roma"},
            "actions": ["3 post a settimana alle 7:30", "1 reel a settimana dal laboratorio"], "owner": "Giulia",
        },
        {
            "id": "g2", "objective": "retention",
            "title": "Più clienti della tessera che tornano almeno una seconda volta",
            "kpi": "repeat_rate", "channels": ["whatsapp"], "baseline": repeat_base,
            "target": round(repeat_base + 0.04, 2), "start": "2026-03-01", "deadline": "2026-12-31",
            "place": {"kind": "market", "value": ""},
            "actions": ["Nuova tessera a punti", "Prenotazioni su WhatsApp con ritiro senza fila"], "owner": "Marco",
        },
        {
            "id": "g3", "objective": "local_awareness", "title": "Avere più follower",
            "kpi": "followers", "channels": ["instagram", "facebook"], "baseline": None, "target": None,
            "start": "2026-01-10", "deadline": None, "place": {"kind": "market", "value": ""},
            "actions": [], "owner": "",
        },
        {
            "id": "g4", "objective": "footfall", "title": "Farci conoscere anche a Centocelle e al Quadraro",
            "kpi": None, "channels": [], "baseline": None, "target": None, "start": "2026-03-01", "deadline": None,
            "place": {"kind": "town", "value": "Roma"}, "actions": ["Volantini"], "owner": "",
        },
    ]  # fmt: skip


def _event(date, time, kind, text, where, customers, mix, lag, announce=(), announce_text="") -> Event:
    place, lat, lon = where
    one_off = RELAUNCH_ONE_OFF if date >= RELAUNCH else None
    return Event(date, time, kind, text, place, lat, lon, customers, mix, lag, announce, announce_text, one_off)


CENTOCELLE = ("Piazza dei Mirti, Centocelle", 41.8786, 12.5665)
TORPIGNATTARA = ("Via di Torpignattara", 41.8745, 12.5370)
QUADRARO = ("Largo dei Quintili, Quadraro", 41.8581, 12.5472)
GORDIANI = ("Villa Gordiani", 41.8869, 12.5560)
PIGNETO = ("Via del Pigneto, isola pedonale", 41.8884, 12.5308)
SOCIAL = ("instagram", "facebook")
EVENTS = (
    _event("2025-02-15", "09:30", "event", "Laboratorio di pane per bambini 🍞", SHOP, 25, NEAR, 3, SOCIAL,
           "Sabato laboratorio di pane per bambini in negozio! Posti limitati, prenotate 🧒🍞"),
    _event("2025-03-22", "08:00", "offline", "Volantinaggio a Centocelle (tessera fedeltà)", CENTOCELLE, 35,
           (("Roma:00172", 80), ("Roma:00171", 20)), 10),
    _event("2025-05-17", "10:00", "event", "Festa di quartiere: assaggi di pizza bianca", PIGNETO, 30, NEAR, 4,
           SOCIAL, "Sabato alla festa del Pigneto ci trovate con la pizza bianca calda 🍕"),
    _event("2025-09-27", "08:00", "offline", "Volantinaggio a Torpignattara", TORPIGNATTARA, 30,
           (("Roma:00176", 60), ("Roma:00177", 40)), 10),
    _event("2025-11-08", "16:30", "event", "Degustazione dei lievitati di Natale in negozio", SHOP, 40, MIX, 5,
           SOCIAL, "Sabato pomeriggio assaggi di panettone e pangiallo in negozio 🎄"),
    _event("2025-12-13", "10:00", "event", "Banco al mercatino di Natale di Villa Gordiani", GORDIANI, 30,
           (("Roma:00177", 50), ("Roma:00172", 30), ("Roma:00176", 20)), 6, SOCIAL,
           "Sabato ci trovate al mercatino di Natale di Villa Gordiani 🎅"),
    _event("2026-03-07", "09:00", "event", "Presentazione della nuova tessera a punti", SHOP, 35, MIX, 3, SOCIAL,
           "Da sabato la tessera diventa a punti: ogni 10 euro un timbro, e le prenotazioni si fanno su WhatsApp 📲"),
    _event("2026-03-14", "08:00", "offline", "Volantinaggio al Quadraro", QUADRARO, 25,
           (("Roma:00174", 50), ("Roma:00181", 50)), 10),
    _event("2026-04-02", "16:30", "event", "Assaggio delle colombe in anteprima", SHOP, 30, MIX, 4, SOCIAL,
           "Giovedì pomeriggio assaggio delle colombe al lievito madre 🕊️"),
    _event("2026-05-23", "10:00", "event", "Festa di quartiere: pizza bianca e ciambelline", PIGNETO, 35, NEAR, 4,
           SOCIAL, "Sabato alla festa del Pigneto: pizza bianca e ciambelline al vino 🍷"),
    _event("2026-09-19", "09:30", "event", "Laboratorio di pane per bambini 🍞", SHOP, 25, NEAR, 3, SOCIAL,
           "Torna il laboratorio di pane per bambini! Sabato mattina, posti limitati 🧒"),
    _event("2026-10-17", "08:00", "offline", "Volantinaggio a Centocelle", CENTOCELLE, 25,
           (("Roma:00172", 80), ("Roma:00171", 20)), 7),
)  # fmt: skip

SPEC = Spec(
    slug="forno", seed=2026_01, id_prefix="T", name="Forno Gatta Rossa", sector="10.71.10",
    town="Roma", town_lat=SHOP[1], town_lon=SHOP[2], markets=("local",),
    selfcheck={"goals": 1, "measure": 1, "kpi": 0, "relationships": 2, "market": 2, "where": 1, "calendar": 1,
               "places": 2},
    orders_start="2024-09-01", end="2026-10-31",
    habit=Habit(
        orders_per_year=13.0, orders_sigma=0.8, lifetime_days=380, amount=8.5, amount_sigma=0.55,
        month_orders=(0.9, 0.9, 1.0, 1.1, 1.0, 0.9, 0.8, 0.45, 1.0, 1.0, 1.05, 1.5),
        month_amount=(1.0, 1.0, 1.05, 1.3, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.9),
        day_orders=(0.8, 0.9, 0.9, 0.9, 1.0, 1.3, 1.4),
        closed=(("2024-12-25", "2024-12-26"), ("2025-01-01", "2025-01-01"), ("2025-08-10", "2025-08-24"),
                ("2025-12-25", "2025-12-26"), ("2026-01-01", "2026-01-01"), ("2026-08-09", "2026-08-23")),
        min_amount=1.2, away_orders=0.3, one_off=0.35,
    ),
    streams=(
        Stream(400, "2024-09-01", "2024-10-31", MIX),  # regulars signing up for the new card
        Stream(450, "2024-11-01", "2026-02-28", MIX),
        Stream(300, RELAUNCH, "2026-10-31", MIX, lifetime=1.8, one_off=RELAUNCH_ONE_OFF),  # after the relaunch
    ),
    events=EVENTS,
    feeds=(
        _ig("post", (("2025-01-06", 2.0), ("2026-03-01", 3.0)), 0.42,
            {"reactions": 0.07, "comments": 0.006, "shares": 0.004, "saves": 0.008}, POSTS,
            seasonal=SEASONAL, morning=MORNING, views_ratio=1.45, link="ig_post"),
        _ig("reel", (("2025-01-06", 0.5), ("2026-03-01", 1.5)), 1.1,
            {"reactions": 0.06, "comments": 0.004, "shares": 0.008, "saves": 0.006}, REELS,
            sigma=0.45, views_ratio=1.9, link="ig_reel"),
        _ig("story", (("2025-01-06", 2.0), ("2026-03-01", 3.0)), 0.16,
            {"reactions": 0.02, "comments": 0.004, "shares": 0.002, "clicks": 0.01}, STORIES,
            sigma=0.25, views_ratio=1.1),
        Feed("facebook", "post", (("2025-01-06", 2.0),), MORNING_HOURS, 0.35,
             {"reactions": 0.05, "comments": 0.006, "shares": 0.006, "clicks": 0.012}, FACEBOOK,
             seasonal=SEASONAL, morning=FACEBOOK_MORNING, sigma=0.4, link="fb"),
        Feed("google_business", "post", (("2025-01-06", 1.0),), ((9, 1.0), (15, 1.0)), 0.25,
             {"clicks": 0.02}, GBP, seasonal=(GBP_WINTER,), reach_reported=False, views_ratio=1.0),
    ),
    audience={
        "instagram": (("2025-01-01", 980), ("2026-03-01", 1350), ("2026-10-31", 1860)),
        "facebook": (("2025-01-01", 860), ("2026-03-01", 905), ("2026-10-31", 930)),
        "google_business": (("2025-01-01", 2200), ("2026-10-31", 3100)),
    },
    hour_perf={6: 1.3, 7: 1.4, 8: 1.35, 9: 1.2, 10: 1.05, 13: 1.05, 14: 0.95, 15: 0.9, 16: 0.9, 17: 0.95,
               18: 0.95, 19: 0.9, 20: 0.85, 21: 0.8, 22: 0.7},
    day_perf=(0.9, 0.95, 0.95, 1.0, 1.05, 1.15, 1.2),
    month_perf=(1.0, 1.0, 1.0, 1.05, 1.0, 0.95, 0.85, 0.7, 1.0, 1.0, 1.05, 1.3),
    month_posts=(1.0, 1.0, 1.0, 1.1, 1.0, 1.0, 0.9, 0.5, 1.0, 1.0, 1.1, 1.4),
    trend=(("2025-01-01", 1.0), ("2026-02-28", 1.0), ("2026-10-31", 1.15)),
    channels_extra=({"channel": "whatsapp", "followers": 410, "posts_per_week": 1.0},),
    no_followers=("google_business",),
    goals=goals,
)  # fmt: skip
