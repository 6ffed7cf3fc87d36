"""Cantina Colle dei Gufi: a winery at Marino, Castelli Romani (fictional).

Sells online across Italy (weighted to Lazio and Lombardy) and abroad, at fairs (ProWein in
2025 only, Vinitaly, Milan, Rome) and at monthly tastings in the cellar. In 2026 it posts less
and its engagement falls; without ProWein fewer customers come from abroad: goals at risk.
Six customers' places are typed by hand, badly (see ``MESSY``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from sample_data import measure
from sample_data.model import Event, Feed, Habit, Spec, Stream

CELLAR = ("Cantina Colle dei Gufi, Marino", 41.7580, 12.6530)
ITALY: tuple[tuple[str, float], ...] = (
    ("Marino", 3), ("prov:RM", 22), ("prov:LT", 2), ("prov:FR", 1.5), ("prov:VT", 1), ("prov:RI", 0.5),
    ("prov:MI", 8), ("prov:MB", 2), ("prov:BG", 2), ("prov:BS", 2), ("prov:VA", 1.5), ("prov:CO", 1.5),
    ("prov:TO", 3), ("prov:VR", 1.5), ("prov:VI", 1), ("prov:PD", 1.5), ("prov:VE", 1), ("prov:TV", 1),
    ("prov:BO", 3), ("prov:MO", 1), ("prov:PR", 1), ("prov:FC", 0.7), ("prov:RN", 0.5), ("prov:FI", 2.5),
    ("prov:PI", 0.7), ("prov:LU", 0.5), ("prov:GE", 1.5), ("prov:NA", 3), ("prov:SA", 1), ("prov:BA", 1.5),
    ("prov:LE", 0.7), ("prov:PA", 1), ("prov:CT", 1), ("prov:PG", 1), ("prov:AN", 0.8), ("prov:PE", 0.6),
    ("prov:TN", 0.5), ("prov:BZ", 0.3), ("prov:UD", 0.5), ("prov:TS", 0.4),
)  # fmt: skip
ABROAD: tuple[tuple[str, float], ...] = (
    ("abroad:DE", 6), ("abroad:CH", 3.5), ("abroad:BE", 2), ("abroad:US", 2.5), ("abroad:GB", 2),
    ("abroad:NL", 1.2), ("abroad:AT", 0.8),
)  # fmt: skip
MIX_2025 = ITALY + tuple((k, w * 1.15) for k, w in ABROAD)
MIX_2026 = ITALY + tuple((k, w * 0.4) for k, w in ABROAD)
LOCAL = (("Marino", 30), ("prov:RM", 50), ("Frascati", 5), ("Albano Laziale", 5), ("Castel Gandolfo", 3),
         ("Ciampino", 4), ("prov:LT", 3))  # fmt: skip
NORTH = (("prov:MI", 10), ("prov:MB", 3), ("prov:BG", 3), ("prov:BS", 3), ("prov:VR", 4), ("prov:VI", 2),
         ("prov:PD", 2), ("prov:TO", 3), ("prov:BO", 3), ("prov:FI", 2), ("abroad:US", 1), ("abroad:DE", 1),
         ("abroad:GB", 1))  # fmt: skip
LOMBARDY = (("prov:MI", 10), ("prov:MB", 3), ("prov:BG", 2), ("prov:BS", 2), ("prov:VA", 2), ("prov:CO", 1))
PROWEIN = (("abroad:DE", 60), ("abroad:NL", 10), ("abroad:BE", 10), ("abroad:CH", 10), ("abroad:AT", 5),
           ("abroad:GB", 5))  # fmt: skip
HOURS = ((12, 10), (13, 10), (18, 20), (19, 25), (20, 20), (21, 15))
MESSY = (
    ("cantu", "22063", "CO"),
    ("Forli'", "47121", "FC"),
    ("Citta di Castello", "6012", "PG"),
    ("ROMA ", "00187", "RM"),
    ("milano", "20144", "mi"),
    ("Frascati", "44", "RM"),
)

POSTS = (
    "Malvasia puntinata in purezza: profumi di pesca e fiori bianchi 🌼🍷",
    "Tramonto sui Castelli Romani, un calice di Marino DOC e niente altro 🌅",
    "Il Cesanese riposa in botte: pazienza, ancora qualche mese ⏳",
    "Abbinamento della settimana: carciofi alla romana e il nostro Bellone 🥂",
    "Spediamo in tutta Italia e in Europa 📦 link in bio",
    "Vi aspettiamo in cantina per la degustazione del sabato 🍇",
    "Dietro le quinte: imbottigliamento del Roma DOC rosso 🍾",
    "Porchetta e Marino DOC: la merenda perfetta dei Castelli 😋",
    "Un brindisi ai nostri clienti in Germania e in Svizzera! Prost! Santé! 🥂",
    "Com'è la vigna dopo la pioggia di ieri? Ve lo mostriamo 🌧️🍇",
    "Nuova annata, nuova etichetta: che ne dite? 🎨",
    "Cosa abbinereste alla nostra Malvasia? Scrivetelo nei commenti 👇",
    "Il terreno vulcanico dei Castelli si sente nel bicchiere: sapidità e freschezza 🌋",
)
SEASONAL = (
    ((8, 9, 10), (
        "La vendemmia è iniziata! 🍇✂️",
        "Prime uve di Malvasia in cantina 🍇",
        "Mosto in fermentazione: profumo di autunno 🍂",
    )),
    ((11, 12), (
        "Cofanetti regalo per Natale: spedizione garantita se ordinate entro il 18 dicembre 🎁🎄",
        "Il vino giusto per il cenone? Chiedetelo a noi 🥂",
        "Buone feste dalla nostra famiglia alla vostra ✨",
    )),
    ((3, 4), ("Primavera in vigna: il germogliamento è cominciato 🌱",)),
)  # fmt: skip
REELS = (
    "60 secondi di vendemmia 🍇🎥",
    "Dalla vigna alla bottiglia in un minuto ⏱️",
    "Come si apre una bottiglia di spumante senza perderne una goccia 🍾",
    "Un giro in cantina con Lorenzo 🎥",
)
STORIES = ("Ultimi cartoni di Malvasia! 🛒", "Quiz: che vitigno è? 🤔", "Shop online 👉 link", "Oggi in vigna 🍇")
FACEBOOK = (
    "Sabato degustazione guidata in cantina: quattro vini, bruschette e olio nuovo. Prenotazione consigliata 🍷",
    "Spediamo in tutta Italia in 48 ore e in Europa in 3-5 giorni. Il nostro shop è aperto!",
    "La Malvasia puntinata è il vitigno bianco dei Castelli Romani: ve la raccontiamo in cantina 🍇",
    "Grazie a chi è passato a trovarci questo fine settimana!",
    "Nuovi cofanetti da tre bottiglie, perfetti da regalare 🎁",
)


def _tastings() -> tuple[Event, ...]:
    """A tasting in the cellar on the last Saturday of each month (not in August)."""
    events = []
    for year, month in [(2024, 11), (2024, 12)] + [(y, m) for y in (2025, 2026) for m in range(1, 13)]:
        if month == 8 or (year, month) > (2026, 10):
            continue
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        saturday = last - dt.timedelta(days=(last.weekday() - 5) % 7)
        text = "Degustazione guidata in cantina 🍷"
        events.append(Event(saturday.isoformat(), "17:00", "event", text, *CELLAR, 14, LOCAL, 0))
    return tuple(events)


def _fair(date, time, text, place, lat, lon, customers, mix, lag, announce="") -> Event:
    platforms = ("instagram", "facebook") if announce else ()
    return Event(date, time, "event", text, place, lat, lon, customers, mix, lag, platforms, announce)


VERONA = ("Veronafiere, Verona", 45.4213, 10.9970)
FAIRS = (
    _fair("2025-03-16", "10:00", "ProWein 2025, stand collettivo dei vini del Lazio", "Messe Düsseldorf",
          51.2610, 6.7420, 60, PROWEIN, 20, "Da domenica siamo al ProWein di Düsseldorf! Wir sehen uns dort 🍷"),
    _fair("2025-04-06", "09:30", "Vinitaly 2025", *VERONA, 90, NORTH, 14,
          "Ci vediamo al Vinitaly, padiglione Lazio 🍷"),
    _fair("2025-05-22", "19:30", "Cena di degustazione a Bruxelles", "Ixelles, Bruxelles", 50.8333, 4.3667, 15,
          (("abroad:BE", 1),), 10),
    _fair("2025-06-07", "11:00", "Salone dei vini del Lazio", "Palazzo dei Congressi, Roma EUR", 41.8337, 12.4695,
          50, (("prov:RM", 80), ("prov:LT", 8), ("prov:VT", 6), ("prov:FR", 6)), 10,
          "Sabato e domenica al Salone dei vini del Lazio, all'EUR 🍇"),
    _fair("2025-10-05", "11:00", "Sagra dell'uva: banco d'assaggio in piazza", "Piazza San Barnaba, Marino",
          41.7695, 12.6596, 50, LOCAL, 0, "Domenica Sagra dell'uva a Marino: ci trovate in piazza 🍇"),
    _fair("2025-10-11", "18:00", "Banco d'assaggio alla Milano Wine Week", "Porta Nuova, Milano", 45.4833, 9.1900,
          45, LOMBARDY, 12, "Sabato siamo a Milano per la Wine Week 🥂"),
    _fair("2025-11-20", "19:00", "Degustazione a Zurigo con un importatore", "Zürich, Kreis 4", 47.3769, 8.5417,
          15, (("abroad:CH", 1),), 12),
    _fair("2026-04-12", "09:30", "Vinitaly 2026", *VERONA, 80, NORTH, 14, "Torniamo al Vinitaly: padiglione Lazio 🍷"),
    _fair("2026-05-14", "19:00", "Degustazione a Monaco di Baviera", "München, Maxvorstadt", 48.1500, 11.5700, 12,
          (("abroad:DE", 1),), 12),
    _fair("2026-06-06", "11:00", "Salone dei vini del Lazio", "Palazzo dei Congressi, Roma EUR", 41.8337, 12.4695,
          45, (("prov:RM", 80), ("prov:LT", 8), ("prov:VT", 6), ("prov:FR", 6)), 10,
          "Di nuovo al Salone dei vini del Lazio: vi aspettiamo 🍇"),
    _fair("2026-10-04", "11:00", "Sagra dell'uva: banco d'assaggio in piazza", "Piazza San Barnaba, Marino",
          41.7695, 12.6596, 50, LOCAL, 0, "Domenica Sagra dell'uva: ci vediamo in piazza a Marino 🍇"),
    _fair("2026-10-10", "18:00", "Banco d'assaggio alla Milano Wine Week", "Porta Nuova, Milano", 45.4833, 9.1900,
          40, LOMBARDY, 12, "Sabato a Milano per la Wine Week 🥂"),
)  # fmt: skip


def goals(customers: pd.DataFrame, orders: pd.DataFrame, activity: pd.DataFrame, end: str) -> list[dict[str, Any]]:
    abroad_base = measure.new_customers(customers, "2026-02-28", abroad=True)
    er_base = round(measure.engagement_rate(activity, ("instagram",), "2025-12-31"), 3)
    return [
        {
            "id": "g1", "objective": "online_sales", "title": "Più clienti all'estero: 12 nuovi al mese entro dicembre",
            "kpi": "new_customers", "channels": ["website", "newsletter"], "baseline": abroad_base, "target": 12,
            "start": "2026-03-01", "deadline": "2026-12-31", "place": {"kind": "market", "value": "abroad"},
            "actions": ["Shop online in inglese e tedesco", "Newsletter mensile in inglese"], "owner": "Lorenzo",
        },
        {
            "id": "g2", "objective": "reputation", "title": "Post Instagram più coinvolgenti",
            "kpi": "engagement_rate", "channels": ["instagram"], "baseline": er_base,
            "target": round(er_base + 0.01, 3), "start": "2026-01-01", "deadline": "2026-12-31",
            "place": {"kind": "market", "value": ""},
            "actions": ["Un reel a settimana dalla vigna", "Rispondere a tutti i commenti"], "owner": "Chiara",
        },
        {
            "id": "g3", "objective": "custom", "title": "Aprire una pagina Instagram in inglese", "kpi": None,
            "channels": ["instagram"], "baseline": None, "target": None, "start": "2026-02-01", "deadline": None,
            "place": {"kind": "market", "value": ""}, "actions": [], "owner": "",
        },
        {
            "id": "g4", "objective": "online_sales", "title": "Vendere più vino online", "kpi": "revenue",
            "channels": ["website"], "baseline": None, "target": None, "start": "2026-01-01",
            "deadline": "2026-12-31", "place": {"kind": "market", "value": ""}, "actions": [], "owner": "Lorenzo",
        },
    ]  # fmt: skip


SPEC = Spec(
    slug="cantina", seed=2026_02, id_prefix="C", name="Cantina Colle dei Gufi", sector="11.02.10",
    town="Marino", town_lat=CELLAR[1], town_lon=CELLAR[2], markets=("local", "national", "abroad"),
    selfcheck={"goals": 1, "measure": 2, "kpi": 1, "relationships": 1, "market": 1, "where": 1, "calendar": 2,
               "places": 1},
    orders_start="2024-11-01", end="2026-10-31",
    habit=Habit(
        orders_per_year=1.6, orders_sigma=0.6, lifetime_days=540, amount=78.0, amount_sigma=0.55,
        month_orders=(0.6, 0.7, 0.9, 1.0, 0.9, 0.9, 0.7, 0.5, 0.9, 1.1, 1.5, 2.4),
        month_amount=(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.15, 1.35),
        day_orders=(1.0, 1.0, 1.0, 1.0, 1.1, 1.2, 1.1), abroad_amount=1.7, one_off=0.45, min_amount=12.0,
    ),
    streams=(Stream(1000, "2024-11-01", "2025-12-31", MIX_2025), Stream(600, "2026-01-01", "2026-10-31", MIX_2026)),
    events=tuple(sorted(_tastings() + FAIRS, key=lambda e: e.date)),
    feeds=(
        Feed("instagram", "post", (("2024-11-04", 3.0), ("2026-01-01", 2.0)), HOURS, 0.30,
             {"reactions": 0.06, "comments": 0.005, "shares": 0.003, "saves": 0.006}, POSTS, SEASONAL,
             views_ratio=1.5, link="ig_post"),
        Feed("instagram", "reel", (("2024-11-04", 0.7), ("2026-01-01", 0.5)), HOURS, 0.9,
             {"reactions": 0.05, "comments": 0.003, "shares": 0.006, "saves": 0.005}, REELS, sigma=0.6,
             views_ratio=1.9, link="ig_reel"),
        Feed("instagram", "story", (("2024-11-04", 2.0), ("2026-01-01", 1.5)), HOURS, 0.12,
             {"reactions": 0.015, "comments": 0.003, "shares": 0.002, "clicks": 0.015}, STORIES, sigma=0.25,
             views_ratio=1.1),
        Feed("facebook", "post", (("2024-11-04", 1.5),), HOURS, 0.25,
             {"reactions": 0.045, "comments": 0.005, "shares": 0.006, "clicks": 0.015}, FACEBOOK, SEASONAL,
             sigma=0.4, link="fb"),
    ),
    audience={
        "instagram": (("2024-11-01", 3300), ("2025-12-31", 3750), ("2026-10-31", 3900)),
        "facebook": (("2024-11-01", 2400), ("2025-12-31", 2600), ("2026-10-31", 2620)),
    },
    hour_perf={8: 0.75, 9: 0.75, 10: 0.8, 11: 0.9, 12: 1.0, 13: 1.0, 17: 1.05, 18: 1.15, 19: 1.3, 20: 1.35,
               21: 1.25, 22: 1.0},
    day_perf=(0.85, 0.9, 0.95, 1.0, 1.15, 1.2, 1.1),
    month_perf=(0.9, 0.9, 1.0, 1.05, 1.0, 0.95, 0.85, 0.75, 1.2, 1.1, 1.1, 1.25),
    month_posts=(0.9, 0.9, 1.0, 1.1, 1.0, 0.9, 0.8, 0.6, 1.3, 1.2, 1.1, 1.3),
    trend=(("2024-11-01", 1.0), ("2025-12-31", 1.0), ("2026-10-31", 0.72)),
    channels_extra=(
        {"channel": "newsletter", "followers": 1850, "posts_per_week": 0.5},
        {"channel": "website", "followers": None, "posts_per_week": 0.0},
    ),
    signups_only=40, signup_mix=MIX_2025, messy=MESSY, goals=goals,
)  # fmt: skip
