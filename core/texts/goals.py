"""Texts of the Goals step: field names, SMART and vanity checks, tracking, templates. Italian, English.

Placeholders follow the naming rules of ``core.goals.text`` (``*_val``, ``*_date``, ``kpi``...).
"""

_FIELDS = {
    "id": ("codice", "id"),
    "objective": ("obiettivo di business", "business objective"),
    "title": ("titolo", "title"),
    "kpi": ("indicatore (KPI)", "KPI"),
    "channels": ("canali", "channels"),
    "baseline": ("valore di partenza", "starting value"),
    "target": ("traguardo", "target"),
    "start": ("inizio", "start"),
    "deadline": ("scadenza", "deadline"),
    "place": ("luogo", "place"),
    "actions": ("azioni", "actions"),
    "owner": ("responsabile", "owner"),
}

_SMART = {
    "letter.S": ("Specifico", "Specific"),
    "letter.M": ("Misurabile", "Measurable"),
    "letter.A": ("Raggiungibile", "Achievable"),
    "letter.R": ("Rilevante", "Relevant"),
    "letter.T": ("Con scadenza", "Time-bound"),
    "s.no_title": (
        "Manca il titolo: non dice cosa vuoi ottenere.",
        "No title: it does not say what you want to achieve.",
    ),
    "s.fix_title": (
        "Scrivi in una riga il risultato che vuoi, ad esempio «Più richieste di indicazioni da Google a Forlì».",
        "Write the result you want in one line, e.g. “More Google direction requests in Forlì”.",
    ),
    "s.vague": (
        "«{title}» non dice cosa deve cambiare, né dove.",
        "“{title}” does not say what should change, or where.",
    ),
    "s.fix_vague": (
        "Scegli il numero da spostare ({kpis}) e il luogo.",
        "Pick the number to move ({kpis}) and the place.",
    ),
    "s.no_channel": ("Non dice su quali canali lavorerai.", "It does not say which channels you will work on."),
    "s.fix_channel": ("Scegli uno o due canali, ad esempio {channels}.", "Pick one or two channels, e.g. {channels}."),
    "s.no_place": ("Il luogo ({place_kind}) non ha un nome.", "The place ({place_kind}) has no name."),
    "s.fix_place": (
        "Scrivi il nome del comune, della provincia o della zona, oppure scegli tutto il mercato.",
        "Write the name of the town, province or area, or choose the whole market.",
    ),
    "s.no_owner": ("Nessuno ne è responsabile.", "Nobody is responsible for it."),
    "s.fix_owner": (
        "Scrivi chi lo segue: una persona, non «tutti».",
        "Write who looks after it: one person, not “everyone”.",
    ),
    "s.ok": (
        "Chiaro: {channels}, tutto il mercato, lo segue {owner}.",
        "Clear: {channels}, the whole market, {owner} looks after it.",
    ),
    "s.ok_abroad": (
        "Chiaro: {channels}, all'estero, lo segue {owner}.",
        "Clear: {channels}, abroad, {owner} looks after it.",
    ),
    "s.ok_place": (
        "Chiaro: {channels}, a {place}, lo segue {owner}.",
        "Clear: {channels}, in {place}, {owner} looks after it.",
    ),
    "m.no_kpi": ("Nessun numero dice se ha funzionato.", "No number says whether it worked."),
    "m.fix_kpi": ("Misuralo con un indicatore: {kpis}.", "Measure it with a KPI: {kpis}."),
    "m.no_baseline": (
        "Manca il valore di partenza di {kpi}: senza, i progressi non si misurano.",
        "{kpi} has no starting value: without it, progress cannot be measured.",
    ),
    "m.fix_baseline": (
        "Inserisci il valore di oggi di {kpi} (dall'analisi dei canali, oppure da: {sources}).",
        "Enter today's value of {kpi} (from the channel audit, or from: {sources}).",
    ),
    "m.no_target": ("Manca il valore da raggiungere per {kpi}.", "{kpi} has no value to reach."),
    "m.fix_target": ("Fissa un traguardo, ad esempio {example_val}.", "Set a target, e.g. {example_val}."),
    "m.ok": (
        "{kpi} da {baseline_val} a {target_val}, letto da: {sources}.",
        "{kpi} from {baseline_val} to {target_val}, read from: {sources}.",
    ),
    "a.unknown": ("Non si può ancora valutare (manca: {missing}).", "Cannot judge yet (missing: {missing})."),
    "a.fix_unknown": ("Compila il campo «{missing}».", "Fill in “{missing}”."),
    "a.no_time": (
        "La scadenza {deadline_date} non lascia tempo dopo l'inizio.",
        "The deadline {deadline_date} leaves no time after the start.",
    ),
    "a.fix_no_time": ("Sposta la scadenza dopo la data di inizio.", "Move the deadline after the start date."),
    "a.no_change": (
        "Il traguardo {target_val} non supera la partenza {baseline_val}: non c'è niente da raggiungere.",
        "The target {target_val} is not above the starting value {baseline_val}: there is nothing to reach.",
    ),
    "a.no_change_down": (
        "Il traguardo {target_val} non è sotto la partenza {baseline_val}: per {kpi} più basso è meglio.",
        "The target {target_val} is not below the starting value {baseline_val}: for {kpi}, lower is better.",
    ),
    "a.fix_no_change": (
        "Fissa un traguardo migliore della partenza, ad esempio {example_val}.",
        "Set a target better than the start, e.g. {example_val}.",
    ),
    "a.too_much_pct": (
        "{target_val} entro il {deadline_date} vuol dire cambiare {kpi} del {growth_pct} ogni settimana per "
        "{weeks_n} {weeks_n:settimana|settimane}: già il {max_pct} a settimana è molto ambizioso.",
        "{target_val} by {deadline_date} means changing {kpi} by {growth_pct} every week for {weeks_n} "
        "{weeks_n:week|weeks}: "
        "even {max_pct} a week is very ambitious.",
    ),
    "a.too_much": (
        "{target_val} entro il {deadline_date} chiede {pace_delta} a settimana: anche a un ritmo molto buono "
        "{kpi} arriva a circa {reachable_val}.",
        "{target_val} by {deadline_date} asks for {pace_delta} a week: even at a very good pace {kpi} reaches "
        "about {reachable_val}.",
    ),
    "a.fix_too_much": (
        "Punta a circa {reachable_val} entro il {deadline_date}, oppure tieni {target_val} e sposta la "
        "scadenza al {needed_date}.",
        "Aim for about {reachable_val} by {deadline_date}, or keep {target_val} and move the deadline to "
        "{needed_date}.",
    ),
    "a.fix_lower": (
        "Punta a circa {reachable_val} entro il {deadline_date}.",
        "Aim for about {reachable_val} by {deadline_date}.",
    ),
    "a.ok": (
        "Da {baseline_val} a {target_val} in {weeks_n} {weeks_n:settimana|settimane}: in media {pace_delta} a "
        "settimana dall'inizio, alla portata (al massimo circa {reachable_val}).",
        "From {baseline_val} to {target_val} in {weeks_n} {weeks_n:week|weeks}: {pace_delta} a week on average from "
        "the start, within reach (about {reachable_val} at best).",
    ),
    "r.no_kpi": (
        "Senza un indicatore non si vede se serve a «{objective}».",
        "Without a KPI there is no telling whether it serves “{objective}”.",
    ),
    "r.fix_kpi": (
        "Scegli un indicatore che misura «{objective}»: {kpis}.",
        "Pick a KPI that measures “{objective}”: {kpis}.",
    ),
    "r.custom": (
        "Obiettivo tuo: verifica che {kpi} lo misuri davvero.",
        "Your own objective: check that {kpi} really measures it.",
    ),
    "r.ok": ("{kpi} misura «{objective}».", "{kpi} measures “{objective}”."),
    "r.mismatch": ("{kpi} non misura «{objective}».", "{kpi} does not measure “{objective}”."),
    "r.fix_mismatch": (
        "Misuralo con {kpis}, oppure cambia obiettivo.",
        "Measure it with {kpis}, or change the objective.",
    ),
    "t.no_deadline": (
        "Nessuna scadenza: senza una data non si sa se si è in ritardo.",
        "No deadline: without a date nobody can tell whether it is late.",
    ),
    "t.fix_deadline": ("Fissa una data, ad esempio il {example_date}.", "Set a date, e.g. {example_date}."),
    "t.before_start": (
        "La scadenza {deadline_date} non viene dopo l'inizio ({start_date}).",
        "The deadline {deadline_date} does not come after the start ({start_date}).",
    ),
    "t.past": ("La scadenza del {deadline_date} è passata.", "The deadline ({deadline_date}) has passed."),
    "t.fix_past": (
        "Fissa una nuova data (ad esempio il {example_date}) o chiudi l'obiettivo.",
        "Set a new date (e.g. {example_date}) or close the goal.",
    ),
    "t.too_short": (
        "Dal {start_date} al {deadline_date} c'è troppo poco tempo per vedere un cambiamento nei dati: "
        "servono almeno {min_n} settimane.",
        "From {start_date} to {deadline_date} is too short to see a change in the data: it takes at least "
        "{min_n} weeks.",
    ),
    "t.too_far": (
        "{weeks_n} settimane sono più di un anno: così lontano non si riesce a correggere la rotta.",
        "{weeks_n} weeks is more than a year: that far ahead there is no steering.",
    ),
    "t.fix_too_far": (
        "Fissa una tappa entro un anno, ad esempio il {example_date}.",
        "Set a milestone within a year, e.g. {example_date}.",
    ),
    "t.ok": (
        "Entro il {deadline_date}: {weeks_n} {weeks_n:settimana|settimane} dall'inizio.",
        "By {deadline_date}: {weeks_n} {weeks_n:week|weeks} from the start.",
    ),
}

_VANITY = {
    "presence": (
        "«{title}» parla di esserci, non di un risultato: aprire una pagina è l'inizio, non l'obiettivo.",
        "“{title}” is about being there, not about a result: opening a page is the start, not the goal.",
    ),
    "followers": (
        "«{title}»: i follower da soli non dicono se l'attività ci guadagna qualcosa.",
        "“{title}”: followers alone do not say whether the business gains anything.",
    ),
    "likes": (
        "«{title}»: «mi piace» e visualizzazioni non sono clienti.",
        "“{title}”: likes and views are not customers.",
    ),
    "proposal": ("Versione misurabile: «{suggestion}».", "Measurable version: “{suggestion}”."),
}

_TRACK = {
    "incomplete": (
        "Fissa indicatore, traguardo e scadenza per seguire questo obiettivo.",
        "Set a KPI, a target and a deadline to track this goal.",
    ),
    "incomplete_target": (
        "Fissa il traguardo di {kpi} per seguire questo obiettivo.",
        "Set the {kpi} target to track this goal.",
    ),
    "incomplete_deadline": (
        "Fissa la scadenza per seguire questo obiettivo.",
        "Set the deadline to track this goal.",
    ),
    "incomplete_target_deadline": (
        "Fissa il traguardo di {kpi} e la scadenza per seguire questo obiettivo.",
        "Set the {kpi} target and the deadline to track this goal.",
    ),
    "first_month": (
        "Il primo mese dall'inizio finisce il {first_date}: è il primo totale con cui giudicare l'obiettivo "
        "(gli ultimi 30 giorni: {current_val}, traguardo {target_val}).",
        "The first month since the start ends on {first_date}: it is the first total to judge the goal by "
        "(the last 30 days: {current_val}, target {target_val}).",
    ),
    "reached_month": (
        "Traguardo raggiunto: {current_val} negli ultimi 30 giorni (traguardo {target_val}), la prima volta il "
        "{reached_date}.",
        "Target reached: {current_val} in the last 30 days (target {target_val}), first on {reached_date}.",
    ),
    "not_started": ("Comincia il {start_date}.", "Starts on {start_date}."),
    "no_data": (
        "Ancora nessun dato di {kpi}: importa {sources} per seguirlo.",
        "No {kpi} data yet: import {sources} to track it.",
    ),
    "needs_baseline": (
        "I dati danno solo la variazione giornaliera di {kpi}: scrivi il valore di partenza dell'obiettivo "
        "per seguirlo.",
        "The data give only the daily change of {kpi}: enter the goal's starting value to track it.",
    ),
    "reached": (
        "Traguardo raggiunto il {reached_date}: {current_val} (traguardo {target_val}).",
        "Target reached on {reached_date}: {current_val} (target {target_val}).",
    ),
    "too_early_days": (
        "Meno di una settimana di dati: troppo presto per giudicare (servono almeno {min_n} settimane).",
        "Less than a week of data: too early to judge (at least {min_n} weeks needed).",
    ),
    "too_early_one": (
        "{weeks_n} settimana di dati: troppo presto per giudicare (ne servono almeno {min_n}).",
        "{weeks_n} week of data: too early to judge (at least {min_n} needed).",
    ),
    "too_early": (
        "{weeks_n} settimane di dati: troppo presto per giudicare (ne servono almeno {min_n}).",
        "{weeks_n} weeks of data: too early to judge (at least {min_n} needed).",
    ),
    "too_few": (
        "Solo {points_n} {points_n:valore|valori}: troppo {points_n:poco|pochi} per giudicare (ne servono almeno "
        "{min_n}).",
        "Only {points_n} {points_n:value|values}: too {points_n:little|few} to judge (at least {min_n} needed).",
    ),
    "on_track": (
        "In linea: {achieved_delta} a settimana (ne servono {needed_delta}); a questo ritmo {target_val} il "
        "{forecast_date}, entro la scadenza del {deadline_date}.",
        "On track: {achieved_delta} a week ({needed_delta} needed); at this pace {target_val} on {forecast_date}, "
        "before the deadline ({deadline_date}).",
    ),
    "at_risk": (
        "A rischio: {achieved_delta} a settimana, ne servono {needed_delta}; a questo ritmo {target_val} il "
        "{forecast_date}, dopo la scadenza del {deadline_date}.",
        "At risk: {achieved_delta} a week, {needed_delta} needed; at this pace {target_val} on {forecast_date}, "
        "after the deadline ({deadline_date}).",
    ),
    "off_track": (
        "Fuori rotta: {achieved_delta} a settimana, ne servono {needed_delta}; a questo ritmo {target_val} "
        "solo il {forecast_date} (scadenza {deadline_date}).",
        "Off track: {achieved_delta} a week, {needed_delta} needed; at this pace {target_val} only on "
        "{forecast_date} (deadline {deadline_date}).",
    ),
    "stalled": (
        "Fuori rotta: {kpi} non migliora ({achieved_delta} a settimana); servono {needed_delta} a settimana "
        "per arrivare a {target_val} entro il {deadline_date}.",
        "Off track: {kpi} is not improving ({achieved_delta} a week); it takes {needed_delta} a week to reach "
        "{target_val} by {deadline_date}.",
    ),
    "unsteady": (
        "A rischio: i dati oscillano troppo per giudicare ({achieved_delta} a settimana, ± {spread_delta}; ne "
        "servono {needed_delta}). Continua a misurare.",
        "At risk: the data swing too much to judge ({achieved_delta} a week, ± {spread_delta}; {needed_delta} "
        "needed). Keep measuring.",
    ),
    "missed": (
        "Scadenza del {deadline_date} passata: {current_val} su {target_val} ({progress_pct} del percorso).",
        "The deadline ({deadline_date}) has passed: {current_val} of {target_val} ({progress_pct} of the way).",
    ),
}

_STATUS = {
    "on_track": ("In linea", "On track"),
    "at_risk": ("A rischio", "At risk"),
    "off_track": ("Fuori rotta", "Off track"),
    "too_early": ("Troppo presto", "Too early"),
    "no_data": ("Nessun dato", "No data"),
}

_PLACE = {
    "market": ("Tutto il mercato", "The whole market"),
    "town": ("Comune", "Town"),
    "province": ("Provincia", "Province"),
    "area": ("Zona", "Target area"),
    "whole": ("tutto il mercato", "the whole market"),
}

_ACTIONS = {
    "followers_in_area": (
        (
            "Un post a settimana su luoghi e persone del quartiere, con la posizione",
            "One post a week about local places and people, with the location tagged",
        ),
        (
            "Invitare i clienti in negozio a seguire la pagina (cartello alla cassa)",
            "Invite shop customers to follow the page (a sign at the till)",
        ),
    ),
    "gbp_views": (
        (
            "Aggiornare orari, foto e categorie della scheda Google",
            "Update hours, photos and categories on the Google profile",
        ),
        (
            "Un aggiornamento a settimana sulla scheda Google (novità, offerte, eventi)",
            "One Google profile update a week (news, offers, events)",
        ),
    ),
    "reach": (
        ("Due reel al mese girati in negozio", "Two reels a month filmed in the shop"),
        ("Pubblicare negli orari in cui il pubblico è più attivo", "Post at the times the audience is most active"),
    ),
    "gbp_directions": (
        (
            "Controllare che indirizzo e segnaposto su Maps siano giusti",
            "Check that the address and the Maps pin are right",
        ),
        (
            "Nei post, invitare a passare in negozio con un motivo concreto",
            "In posts, invite people to drop by with a concrete reason",
        ),
    ),
    "gbp_calls": (
        (
            "Mettere il numero di telefono in evidenza su scheda Google e profili",
            "Show the phone number clearly on the Google profile and social profiles",
        ),
        ("Rispondere sempre al telefono negli orari indicati", "Always answer the phone during the listed hours"),
    ),
    "new_customers": (
        ("Un'offerta di benvenuto per chi viene la prima volta", "A welcome offer for first-time customers"),
        ("Chiedere ai nuovi clienti come ci hanno conosciuto", "Ask new customers how they found you"),
    ),
    "revenue": (
        (
            "Un post a settimana con un prodotto e il link per comprarlo",
            "One post a week showing a product with the link to buy it",
        ),
        ("Una newsletter al mese ai clienti con le novità", "A monthly newsletter to customers with what's new"),
    ),
    "link_clicks": (
        (
            "Link al negozio online nella bio e nella scheda Google",
            "Online shop link in the bio and on the Google profile",
        ),
        ("Ogni post di prodotto con un invito chiaro a cliccare", "Every product post with a clear call to click"),
    ),
    "leads": (
        (
            "Un modulo di contatto semplice sul sito, linkato dai profili",
            "A simple contact form on the website, linked from the profiles",
        ),
        ("Rispondere a ogni richiesta entro un giorno", "Answer every request within a day"),
    ),
    "repeat_rate": (
        ("Una tessera fedeltà o un vantaggio per chi torna", "A loyalty card or a perk for returning customers"),
        (
            "Un messaggio ai clienti che non tornano da tre mesi",
            "A message to customers who haven't been back in three months",
        ),
    ),
    "reply_rate": (
        ("Controllare messaggi e commenti due volte al giorno", "Check messages and comments twice a day"),
        ("Risposte pronte alle cinque domande più frequenti", "Ready answers to the five most frequent questions"),
    ),
    "rating": (
        (
            "Rispondere a ogni recensione, soprattutto a quelle negative",
            "Reply to every review, especially the negative ones",
        ),
        ("Risolvere il problema più citato nelle recensioni", "Fix the problem reviews mention most"),
    ),
    "reviews": (
        (
            "Chiedere una recensione ai clienti contenti, con un QR code in negozio",
            "Ask happy customers for a review, with a QR code in the shop",
        ),
        ("Mandare il link per la recensione dopo ogni ordine", "Send the review link after each order"),
    ),
}

_WHERE = {  # how a goal's place was used in tracking it (core.goals.where)
    "account": (
        "{kpi} arriva dalle piattaforme per tutto l'account, senza luogo: questo obiettivo è seguito su tutto "
        "l'account, non solo a {place}.",
        "{kpi} comes from the platforms for the whole account, with no place: this goal is tracked on all of it, "
        "not only in {place}.",
    ),
    "customers": (
        "Seguito a {place}: {customers_n} {customers_n:cliente|clienti} e i loro ordini, non tutto il mercato.",
        "Tracked in {place}: {customers_n} {customers_n:customer|customers} and their orders, not the whole market.",
    ),
    "account_abroad": (
        "{kpi} arriva dalle piattaforme per tutto l'account, senza luogo: questo obiettivo è seguito su tutto "
        "l'account, non solo all'estero.",
        "{kpi} comes from the platforms for the whole account, with no place: this goal is tracked on all of it, "
        "not only abroad.",
    ),
    "customers_abroad": (
        "Seguito all'estero: {customers_n} {customers_n:cliente|clienti} e i loro ordini, non tutto il mercato.",
        "Tracked abroad: {customers_n} {customers_n:customer|customers} and their orders, not the whole market.",
    ),
    "share": (
        "La quota di tutti i clienti che stanno in {place} ({customers_n} oggi).",
        "The share of all customers who are in {place} ({customers_n} today).",
    ),
    "unknown": (
        "Rotta non trova «{place}» ({place_kind}) tra i luoghi dei clienti: questo obiettivo è seguito su tutto "
        "il mercato.",
        "Rotta does not find “{place}” ({place_kind}) among the customers' places: this goal is tracked on the "
        "whole market.",
    ),
}

TEXTS: dict[str, tuple[str, str]] = {
    "goals.title.target": ("{what}: {target} entro il {deadline}", "{what}: {target} by {deadline}"),
    "goals.tree.pace": ("{pace} a settimana", "{pace} a week"),
    "goals.tree.untitled": ("(senza titolo)", "(untitled)"),
    "goals.tree.no_kpi": ("KPI da scegliere", "KPI to choose"),
    "goals.tree.no_actions": ("Azioni da decidere", "Actions to decide"),
    "goals.title.open": ("{what} entro il {deadline}", "{what} by {deadline}"),
    **{f"goals.field.{k}": v for k, v in _FIELDS.items()},
    **{f"goals.smart.{k}": v for k, v in _SMART.items()},
    **{f"goals.vanity.{k}": v for k, v in _VANITY.items()},
    **{f"goals.track.{k}": v for k, v in _TRACK.items()},
    **{f"goals.where.{k}": v for k, v in _WHERE.items()},
    **{f"goals.status.{k}": v for k, v in _STATUS.items()},
    **{f"goals.place.{k}": v for k, v in _PLACE.items()},
    **{f"goals.action.{kpi}.{n}": pair for kpi, pairs in _ACTIONS.items() for n, pair in enumerate(pairs, start=1)},
}
