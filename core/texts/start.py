"""Texts of the Start page and the self-check."""

TEXTS = {
    "start.title": ("Dai una rotta alla tua impresa sui social", "Set your business's course on social media"),
    "start.lead": (
        "Molte piccole imprese sono sui social «per esserci»: senza obiettivi, senza misurare, senza "
        "sapere a chi e dove vendono. Rotta ti guida in pochi passi da una presenza alla deriva a un "
        "piano misurabile: obiettivi, mercato sulla mappa, cosa fai e dove e quando, risultati.",
        "Many small businesses are on social media “to be there”: no goals, no measuring, no idea to "
        "whom and where they sell. In a few steps Rotta takes you from adrift to a measurable plan: "
        "goals, the market on a map, what you do and where and when, results.",
    ),
    "start.figure": ("PMI sui social, in un anno", "Small firms on social, in a year"),
    "start.figure_change": (":green[↑ 9,8% → 43%]", ":green[↑ 9.8% → 43%]"),
    "start.figure_detail": (
        "Le piccole imprese italiane che usano i social sono passate dal 9,8% al 43% in un anno.",
        "Italian small firms using social media went from 9.8% to 43% in one year.",
    ),
    "start.figure_source": (
        "Ricerca IULM, citata da Luca Conti su Il Sole 24 Ore.",
        "IULM research, reported by Luca Conti in Il Sole 24 Ore.",
    ),
    "start.quote": (
        "«Senza obiettivi è come andare in mare senza motore, senza vela e senza remi: alla deriva.»",
        "“Without goals it is like going to sea with no engine, no sail and no oars: adrift.”",
    ),
    "start.path_title": ("Il percorso", "The path"),
    "start.begin_title": ("Da dove parti?", "Where do you start from?"),
    "start.sample_pick": ("Impresa di esempio", "Sample business"),
    "start.sample_help": (
        "Imprese inventate con dati realistici: utili per una dimostrazione o per provare.",
        "Invented businesses with realistic data: good for a demo or to try things out.",
    ),
    "start.empty_help": ("Parti da zero con la tua impresa.", "Start from scratch with your own business."),
    "start.current": ("Stai lavorando su: {name}", "You are working on: {name}"),
    "start.replace_warning": (
        "Caricare un esempio o un piano vuoto apre un piano nuovo: quello attuale resta salvato al suo link.",
        "Loading a sample or an empty plan opens a new plan: the current one stays saved at its link.",
    ),
    "selfcheck.title": ("Sei alla deriva?", "Are you adrift?"),
    "selfcheck.lead": (
        "Otto domande, una risposta per riga. Il punteggio dice quanto è chiara la tua rotta e quali "
        "passi del percorso contano di più per te.",
        "Eight questions, one answer each. The score tells how clear your course is and which steps of "
        "the path matter most for you.",
    ),
    "selfcheck.no": ("No", "No"),
    "selfcheck.partly": ("In parte", "Partly"),
    "selfcheck.yes": ("Sì", "Yes"),
    "selfcheck.q.goals": (
        "Hai scritto cosa devono portare i social alla tua impresa (visite, vendite, contatti)?",
        "Have you written down what social media should bring your business (visits, sales, leads)?",
    ),
    "selfcheck.q.kpi": (
        "Sai quali numeri ti dicono se funziona (copertura, clic, nuovi clienti)?",
        "Do you know which numbers tell you whether it works (reach, clicks, new customers)?",
    ),
    "selfcheck.q.measure": (
        "Controlli i risultati almeno una volta al mese?",
        "Do you check your results at least once a month?",
    ),
    "selfcheck.q.relationships": (
        "Rispondi a chi ti scrive e fai tornare i clienti (fidelizzazione)?",
        "Do you answer people who write and bring customers back (loyalty)?",
    ),
    "selfcheck.q.market": ("Sai chi sono i tuoi clienti?", "Do you know who your customers are?"),
    "selfcheck.q.where": (
        "Sai da dove vengono i tuoi clienti (comuni, zone)?",
        "Do you know where your customers come from (towns, areas)?",
    ),
    "selfcheck.q.calendar": (
        "Pianifichi i contenuti in anticipo con un calendario?",
        "Do you plan your content ahead with a calendar?",
    ),
    "selfcheck.q.places": (
        "Colleghi ciò che pubblichi a dove e quando accade (negozio, eventi, fiere)?",
        "Do you link what you post to where and when it happens (shop, events, fairs)?",
    ),
    "selfcheck.score": ("Punteggio: {score} su {maximum}", "Score: {score} out of {maximum}"),
    "selfcheck.answered": ("{answered} {answered:risposta|risposte} su {total}", "{answered} of {total} answered"),
    "selfcheck.band.incomplete": (
        "Rispondi a tutte le domande per vedere dove sei.",
        "Answer every question to see where you stand.",
    ),
    "selfcheck.band.adrift": (
        "Alla deriva: sei sui social, ma senza rotta.",
        "Adrift: you are on social media, with no course.",
    ),
    "selfcheck.band.drifting": (
        "Senza bussola: qualcosa c'è, ma manca la direzione.",
        "No compass: some pieces are there, the direction is missing.",
    ),
    "selfcheck.band.finding": (
        "Rotta in vista: metti a punto i passi deboli.",
        "Course in sight: tune the weak steps.",
    ),
    "selfcheck.band.on_course": ("In rotta: continua a misurare.", "On course: keep measuring."),
    "selfcheck.focus": ("Per te contano di più:", "What matters most for you:"),
    "selfcheck.focus_none": ("Nessun passo debole: ottimo.", "No weak step: well done."),
}
