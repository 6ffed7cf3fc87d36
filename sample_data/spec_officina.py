"""Ortensi Automazioni S.r.l.: a small B2B machine builder at Lumezzane, Val Trompia (fictional).

About 350 client companies in the industrial provinces of the north and a few abroad, few large
orders, weekdays only, closed in August. Trade fairs bring customers one to three months later.
A YouTube channel of machine demos; the LinkedIn page exists only since September 2026, so its
goals have thin data.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from sample_data.model import Event, Feed, Habit, Spec, Stream

WORKSHOP = ("Ortensi Automazioni, Lumezzane", 45.6520, 10.2580)
MIX: tuple[tuple[str, float], ...] = (
    ("Lumezzane", 5), ("prov:BS", 28), ("prov:BG", 12), ("prov:MI", 8), ("prov:MB", 5), ("prov:LC", 5),
    ("prov:CO", 3), ("prov:VA", 4), ("prov:CR", 2), ("prov:MN", 2), ("prov:VR", 4), ("prov:VI", 5),
    ("prov:TV", 2), ("prov:PD", 2), ("prov:BO", 3), ("prov:MO", 2), ("prov:RE", 2), ("prov:TO", 3),
    ("prov:CN", 1), ("prov:PC", 1), ("abroad:DE", 2.5), ("abroad:CH", 1.2), ("abroad:AT", 0.8),
    ("abroad:FR", 0.8), ("abroad:PL", 0.4), ("abroad:SI", 0.3),
)  # fmt: skip
EMILIA_VENETO = (("prov:BO", 4), ("prov:MO", 3), ("prov:RE", 3), ("prov:PR", 2), ("prov:VR", 3), ("prov:VI", 3),
                 ("prov:PD", 2), ("prov:TV", 2), ("prov:BS", 2), ("prov:BG", 2))  # fmt: skip
LOMBARDY_PIEDMONT = (("prov:MI", 4), ("prov:MB", 3), ("prov:BG", 3), ("prov:BS", 3), ("prov:VA", 2),
                     ("prov:LC", 2), ("prov:TO", 3), ("prov:NO", 1), ("prov:CN", 1))  # fmt: skip
ABROAD = (("abroad:DE", 50), ("abroad:AT", 15), ("abroad:CH", 10), ("abroad:PL", 10), ("abroad:FR", 10),
          ("abroad:SI", 5))  # fmt: skip
NEARBY = (("Lumezzane", 2), ("prov:BS", 6), ("prov:BG", 2))

VIDEOS = (
    "Pressa transfer PT-6 in funzione: raccordi in ottone",
    "Cella robotizzata di carico e scarico: la demo completa",
    "Cambio stampo rapido in 4 minuti ⏱️",
    "Retrofit di una linea di stampaggio del 2008: prima e dopo",
    "Collaudo di una macchina a tavola rotante per valvole",
    "Come lavoriamo: dal disegno 3D al collaudo",
    "Alimentatore a vibrazione per minuteria: test di cadenza",
    "Stampaggio a freddo di boccole in acciaio: la sequenza delle stazioni",
    "Porte aperte in officina: il video della giornata",
    "Controllo visivo in linea con telecamera: scarti a zero",
    "Tavola rotante a 8 stazioni per raccorderia idraulica",
    "Pressa transfer PT-6: cambio formato guidato dal pannello",
    "Dal magazzino alla macchina: il carico automatico delle barre",
    "MECSPE: il nostro stand in 90 secondi",
)
LINKEDIN = (
    "Nuova pressa transfer a 6 stazioni in collaudo: 45 colpi al minuto su ottone ⚙️",
    "Tornitura e deformazione a freddo in un'unica cella: un caso di studio nel settore valvole 🔧",
    "Cerchiamo un progettista meccanico junior (CAD 3D), sede di Lumezzane 👷",
    "Retrofit di una linea del 2008: consumi di energia ridotti del 30% ⚡",
    "Manutenzione predittiva: i sensori che montiamo di serie sulle nostre macchine 📈",
    "Grazie al team che ha consegnato tre linee in quattro settimane 🙌",
    "Collaudo in officina con il cliente (FAT) completato ✔️",
    "Sicurezza prima di tutto: ogni macchina esce con fascicolo tecnico e marcatura CE ✅",
    "Trent'anni di Val Trompia: da officina di famiglia a costruttori di macchine speciali 🏭",
    "Formazione: due ragazzi dell'ITS in stage da noi fino a dicembre 🎓",
    "Una pressa consegnata in Baviera: montaggio e avviamento in tre giorni 🇩🇪",
    "Pezzi di ricambio in 24 ore per le macchine dei nostri clienti 📦",
    "Dietro ogni macchina c'è un disegno: il nostro ufficio tecnico al lavoro 📐",
    "Domande frequenti: quanto dura il cambio stampo su una transfer? ⏱️",
)


def _event(date, time, kind, text, where, customers, mix, lag, announce="") -> Event:
    place, lat, lon = where
    platforms = ("linkedin",) if announce else ()
    return Event(date, time, kind, text, place, lat, lon, customers, mix, lag, platforms, announce)


BOLOGNA = ("BolognaFiere, Bologna", 44.5160, 11.3690)
RHO = ("fieramilano, Rho", 45.5215, 9.0820)
EVENTS = (
    _event("2025-03-05", "09:00", "event", "MECSPE 2025: stand con la cella robotizzata", BOLOGNA, 18,
           EMILIA_VENETO, 50),
    _event("2025-05-14", "09:00", "event", "LAMIERA 2025: demo della pressa transfer", RHO, 15, LOMBARDY_PIEDMONT, 50),
    _event("2025-06-20", "10:00", "event", "Porte aperte in officina: demo per i clienti", WORKSHOP, 8, NEARBY, 40),
    _event("2025-09-22", "09:00", "event", "EMO Hannover 2025: visita e incontri con distributori",
           ("Messegelände, Hannover", 52.3225, 9.8050), 12, ABROAD, 70),
    _event("2025-10-01", "09:00", "offline", "Catalogo cartaceo spedito a 300 aziende", WORKSHOP, 6, MIX, 40),
    _event("2025-11-13", "14:30", "event", "Seminario tecnico sulla deformazione a freddo",
           ("Centro congressi, Brescia", 45.5390, 10.2200), 5, NEARBY, 45),
    _event("2026-03-04", "09:00", "event", "MECSPE 2026: stand con la nuova PT-6", BOLOGNA, 20, EMILIA_VENETO, 50),
    _event("2026-06-16", "08:00", "offline", "Visite ai clienti in Baviera", ("München", 48.1374, 11.5755), 4,
           (("abroad:DE", 1),), 60),
    _event("2026-06-19", "10:00", "event", "Porte aperte in officina: demo per i clienti", WORKSHOP, 8, NEARBY, 40),
    _event("2026-10-14", "09:00", "event", "BI-MU 2026: stand con la pressa transfer PT-6", RHO, 15,
           LOMBARDY_PIEDMONT, 60, "Dal 14 al 17 ottobre siamo a BI-MU, fieramilano: passate a trovarci ⚙️"),
)  # fmt: skip


def goals(customers: pd.DataFrame, orders: pd.DataFrame, activity: pd.DataFrame, end: str) -> list[dict[str, Any]]:
    return [
        {
            "id": "g1", "objective": "custom", "title": "Far crescere la pagina LinkedIn aziendale a 600 follower",
            "kpi": "followers", "channels": ["linkedin"], "baseline": 290, "target": 600, "start": "2026-09-01",
            "deadline": "2027-06-30", "place": {"kind": "market", "value": ""},
            "actions": ["Due post a settimana", "I dipendenti condividono i post"], "owner": "Paola",
        },
        {
            "id": "g2", "objective": "reputation", "title": "Post LinkedIn che coinvolgono: 4% di engagement",
            "kpi": "engagement_rate", "channels": ["linkedin"], "baseline": None, "target": 0.04,
            "start": "2026-09-07", "deadline": "2027-03-31", "place": {"kind": "market", "value": ""},
            "actions": ["Video brevi dei collaudi", "Casi di studio con i clienti"], "owner": "Paola",
        },
        {
            "id": "g3", "objective": "leads", "title": "15 richieste di offerta al mese da fiere, sito e LinkedIn",
            "kpi": "leads", "channels": ["linkedin", "website"], "baseline": None, "target": 15,
            "start": "2026-10-01", "deadline": "2027-03-31", "place": {"kind": "market", "value": ""},
            "actions": ["Modulo di contatto sul sito", "Richiamare entro 48 ore i contatti della BI-MU"],
            "owner": "Ing. Ortensi",
        },
        {
            "id": "g4", "objective": "custom", "title": "Essere più presenti sui social", "kpi": None, "channels": [],
            "baseline": None, "target": None, "start": "2026-09-01", "deadline": None,
            "place": {"kind": "market", "value": ""}, "actions": [], "owner": "",
        },
    ]  # fmt: skip


SPEC = Spec(
    slug="officina", seed=2026_03, id_prefix="A", name="Ortensi Automazioni S.r.l.", sector="28.41.00",
    town="Lumezzane", town_lat=WORKSHOP[1], town_lon=WORKSHOP[2], markets=("regional", "national", "abroad"),
    selfcheck={"goals": 1, "measure": 0, "kpi": 0, "relationships": 2, "market": 1, "where": 2, "calendar": 2,
               "places": 1},
    orders_start="2023-01-09", end="2026-10-31",
    habit=Habit(
        orders_per_year=1.8, orders_sigma=0.7, lifetime_days=1400, amount=7800.0, amount_sigma=1.0,
        month_orders=(0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.15, 1.0, 1.0, 1.0, 0.7),
        day_orders=(1.0, 1.0, 1.0, 1.0, 1.0, 0.03, 0.0),
        closed=tuple((f"{y}-08-08", f"{y}-08-25") for y in (2023, 2024, 2025, 2026))
        + tuple((f"{y}-12-24", f"{y + 1}-01-06") for y in (2022, 2023, 2024, 2025)),
        abroad_amount=1.6, one_off=0.25, min_amount=350.0,
    ),
    streams=(Stream(250, "2023-01-09", "2026-10-31", MIX),),
    events=EVENTS,
    feeds=(
        Feed("youtube", "video", (("2025-03-03", 0.25),), ((10, 2.0), (15, 1.0)), 2.5,
             {"reactions": 0.03, "comments": 0.004, "shares": 0.006}, VIDEOS, sigma=0.5, views_ratio=1.0,
             reach_reported=False, link="yt"),
        Feed("linkedin", "post", (("2026-09-07", 2.0),), ((8, 30), (9, 30), (10, 15), (14, 10), (17, 15)), 1.6,
             {"reactions": 0.035, "comments": 0.004, "shares": 0.003, "clicks": 0.012}, LINKEDIN,
             days=(1.0, 1.3, 1.3, 1.2, 0.8, 0.0, 0.0), sigma=0.4, views_ratio=1.0, reach_reported=False, link="li"),
    ),
    audience={
        "youtube": (("2025-03-01", 120), ("2026-10-31", 185)),
        "linkedin": (("2026-09-01", 290), ("2026-10-31", 342)),
    },
    hour_perf={7: 1.1, 8: 1.3, 9: 1.3, 10: 1.2, 11: 1.05, 12: 0.9, 13: 0.85, 14: 0.95, 17: 0.85, 18: 0.7, 19: 0.6},
    day_perf=(1.0, 1.2, 1.2, 1.1, 0.85, 0.5, 0.45),
    month_perf=(1.0, 1.0, 1.05, 1.0, 1.0, 0.95, 0.9, 0.6, 1.0, 1.05, 1.0, 0.8),
    channels_extra=({"channel": "website", "followers": None, "posts_per_week": 0.2},),
    capital_share=0.15, goals=goals,
)  # fmt: skip
