"""Texts of the KPI and objective catalogues (core/goals/kpis.py, core/goals/objectives.py): Italian, English."""

_KPIS: dict[str, tuple[tuple[str, str], tuple[str, str], tuple[str, str]]] = {
    # id: ((name it, en), (definition it, en), (formula it, en))
    "reach": (
        ("Copertura", "Reach"),
        (
            "Persone diverse che hanno visto almeno un tuo contenuto negli ultimi 30 giorni.",
            "Different people who saw at least one of your posts in the last 30 days.",
        ),
        (
            "persone raggiunte in 30 giorni, come la conta la piattaforma (la somma dei singoli post conta "
            "più volte la stessa persona)",
            "people reached in 30 days, as the platform counts them (adding up single posts counts the same "
            "person several times)",
        ),
    ),
    "engagement_rate": (
        ("Tasso di coinvolgimento", "Engagement rate"),
        (
            "Quanti, tra le persone raggiunte, hanno reagito, commentato, condiviso o salvato.",
            "How many of the people reached reacted, commented, shared or saved.",
        ),
        (
            "interazioni / copertura (interazioni = reazioni + commenti + condivisioni + salvataggi)",
            "interactions / reach (interactions = reactions + comments + shares + saves)",
        ),
    ),
    "profile_visits": (
        ("Visite al profilo", "Profile visits"),
        (
            "Volte in cui qualcuno ha aperto il tuo profilo o la tua pagina negli ultimi 30 giorni.",
            "Times someone opened your profile or page in the last 30 days.",
        ),
        ("visite al profilo in 30 giorni", "profile visits in 30 days"),
    ),
    "link_clicks": (
        ("Clic sui link", "Link clicks"),
        (
            "Clic verso il tuo sito o negozio online da post, bio, scheda Google o newsletter, in 30 giorni.",
            "Clicks to your website or online shop from posts, bio, Google profile or newsletter, in 30 days.",
        ),
        (
            "clic sui link in 30 giorni (su Google: clic sul sito web)",
            "link clicks in 30 days (Google: website clicks)",
        ),
    ),
    "gbp_views": (
        ("Visualizzazioni della scheda Google", "Google profile views"),
        (
            "Persone che hanno visto la tua scheda dell'attività su Google Ricerca o Maps in 30 giorni.",
            "People who saw your Business Profile on Google Search or Maps in 30 days.",
        ),
        (
            "Ricerca da mobile + Ricerca da desktop + Maps da mobile + Maps da desktop",
            "Search mobile + Search desktop + Maps mobile + Maps desktop",
        ),
    ),
    "gbp_directions": (
        ("Richieste di indicazioni", "Direction requests"),
        (
            "Volte in cui qualcuno ha chiesto a Google la strada per arrivare da te, in 30 giorni.",
            "Times someone asked Google for directions to your place, in 30 days.",
        ),
        (
            "richieste di indicazioni dalla scheda Google in 30 giorni",
            "direction requests from your Google profile in 30 days",
        ),
    ),
    "gbp_calls": (
        ("Chiamate da Google", "Calls from Google"),
        (
            "Volte in cui qualcuno ha toccato «Chiama» sulla tua scheda Google, in 30 giorni.",
            "Times someone tapped “Call” on your Google profile, in 30 days.",
        ),
        ("clic sul pulsante di chiamata in 30 giorni", "call button taps in 30 days"),
    ),
    "followers": (
        ("Follower", "Followers"),
        (
            "Persone che seguono il tuo account, ovunque si trovino.",
            "People who follow your account, wherever they are.",
        ),
        ("follower alla data", "followers on the date"),
    ),
    "followers_in_area": (
        ("Follower nella zona", "Followers in the area"),
        (
            "Follower che abitano nei comuni della tua zona, secondo i dati sul pubblico della piattaforma.",
            "Followers who live in the towns of your area, from the platform's audience data.",
        ),
        (
            "somma dei follower delle città della zona (dati sul pubblico per città)",
            "sum of followers in the area's towns (audience by city)",
        ),
    ),
    "repeat_rate": (
        ("Clienti che tornano", "Repeat-customer rate"),
        (
            "Quota dei tuoi clienti che hanno comprato almeno due volte.",
            "Share of your customers who have bought at least twice.",
        ),
        (
            "clienti con 2 o più ordini / tutti i clienti, fino alla data",
            "customers with 2+ orders / all customers, up to the date",
        ),
    ),
    "share_in_area": (
        ("Clienti nella zona", "Share of customers in the area"),
        ("Quota dei tuoi clienti che abita nella zona scelta.", "Share of your customers who live in the chosen area."),
        ("clienti nella zona / clienti con un luogo noto", "customers in the area / customers with a known place"),
    ),
    "new_customers": (
        ("Nuovi clienti", "New customers"),
        (
            "Clienti al primo acquisto negli ultimi 30 giorni.",
            "Customers whose first purchase was in the last 30 days.",
        ),
        ("clienti con primo ordine negli ultimi 30 giorni", "customers with a first order in the last 30 days"),
    ),
    "revenue": (
        ("Fatturato", "Revenue"),
        ("Incassi degli ordini degli ultimi 30 giorni.", "Takings from orders in the last 30 days."),
        ("somma degli importi degli ordini in 30 giorni", "sum of order amounts in 30 days"),
    ),
    "leads": (
        ("Contatti commerciali", "Leads"),
        (
            "Richieste di preventivo, informazioni o prenotazione ricevute in 30 giorni "
            "(moduli, messaggi, telefonate).",
            "Requests for a quote, information or a booking received in 30 days (forms, messages, calls).",
        ),
        (
            "richieste ricevute in 30 giorni, contate a mano o dal modulo",
            "requests received in 30 days, counted by hand or by the form",
        ),
    ),
    "cost_per_lead": (
        ("Costo per contatto", "Cost per lead"),
        (
            "Quanto costa in pubblicità ogni richiesta ricevuta: più basso è, meglio è.",
            "How much advertising each request costs: the lower, the better.",
        ),
        ("spesa pubblicitaria in 30 giorni / contatti in 30 giorni", "ad spend in 30 days / leads in 30 days"),
    ),
    "reviews": (
        ("Nuove recensioni", "New reviews"),
        ("Recensioni ricevute negli ultimi 30 giorni.", "Reviews received in the last 30 days."),
        ("recensioni con data negli ultimi 30 giorni", "reviews dated in the last 30 days"),
    ),
    "rating": (
        ("Valutazione media", "Average rating"),
        ("La media delle stelle delle tue recensioni, da 1 a 5.", "The average star rating of your reviews, 1 to 5."),
        ("somma delle stelle / numero di recensioni", "sum of stars / number of reviews"),
    ),
    "reply_rate": (
        ("Risposte entro un giorno", "Replies within a day"),
        (
            "Quota di messaggi, commenti e recensioni a cui hai risposto entro 24 ore, negli ultimi 30 giorni.",
            "Share of messages, comments and reviews you answered within 24 hours, in the last 30 days.",
        ),
        ("risposte entro 24 ore / messaggi ricevuti", "replies within 24 hours / messages received"),
    ),
}

_OBJECTIVES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "local_awareness": (
        ("Farsi conoscere in zona", "Be known locally"),
        (
            "Che chi abita vicino sappia che esisti e cosa fai.",
            "People who live nearby know you exist and what you do.",
        ),
    ),
    "footfall": (
        ("Portare gente in negozio", "Bring people to the shop"),
        (
            "Più persone che vengono di persona, chiamano o chiedono la strada.",
            "More people who come in, call or ask the way.",
        ),
    ),
    "online_sales": (
        ("Vendere online", "Sell online"),
        (
            "Più ordini e incassi dal sito o dal negozio online.",
            "More orders and takings from the website or online shop.",
        ),
    ),
    "leads": (
        ("Ricevere contatti", "Get leads"),
        (
            "Più richieste di preventivo, informazioni o prenotazione.",
            "More requests for quotes, information or bookings.",
        ),
    ),
    "retention": (
        ("Far tornare i clienti", "Win back or keep customers"),
        ("Che chi ha già comprato torni a comprare.", "People who bought once come back and buy again."),
    ),
    "service": (
        ("Servire meglio i clienti", "Serve customers"),
        (
            "Rispondere presto e bene a domande, messaggi e problemi.",
            "Answer questions, messages and problems quickly and well.",
        ),
    ),
    "reputation": (
        ("Costruire la reputazione", "Build reputation"),
        (
            "Più recensioni, e migliori, che convincono chi non ti conosce.",
            "More and better reviews that convince people who don't know you.",
        ),
    ),
    "custom": (
        ("Un obiettivo tuo", "Your own objective"),
        ("Scrivi il risultato che vuoi con parole tue.", "Write the result you want in your own words."),
    ),
}

_CHANNELS = {
    "facebook": ("Facebook", "Facebook"),
    "instagram": ("Instagram", "Instagram"),
    "x": ("X (Twitter)", "X (Twitter)"),
    "linkedin": ("LinkedIn", "LinkedIn"),
    "tiktok": ("TikTok", "TikTok"),
    "youtube": ("YouTube", "YouTube"),
    "google_business": ("Google (scheda dell'attività)", "Google Business Profile"),
    "website": ("Sito web", "Website"),
    "newsletter": ("Newsletter", "Newsletter"),
    "whatsapp": ("WhatsApp", "WhatsApp"),
}

_SOURCES = {
    "activity": ("attività sui social (esportazioni delle piattaforme)", "social activity (platform exports)"),
    "audience": ("dati sul pubblico per città (Instagram, Facebook)", "audience by city (Instagram, Facebook)"),
    "gbp": ("rapporto della scheda Google dell'attività", "Google Business Profile performance report"),
    "customers": ("elenco clienti", "customer list"),
    "orders": ("ordini", "orders"),
    "manual": ("conteggio a mano", "counted by hand"),
}

TEXTS: dict[str, tuple[str, str]] = {
    "kpis.unit.points": ("{n} punti", "{n} points"),
    **{
        f"kpis.{k}.{part}": pair
        for k, v in _KPIS.items()
        for part, pair in zip(("name", "definition", "formula"), v, strict=True)
    },
    **{
        f"objectives.{k}.{part}": pair
        for k, v in _OBJECTIVES.items()
        for part, pair in zip(("name", "description"), v, strict=True)
    },
    **{f"kpis.channel.{k}": v for k, v in _CHANNELS.items()},
    **{f"kpis.source.{k}": v for k, v in _SOURCES.items()},
}
