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
    # A participant of a workshop: the block that opens their Start page, and their plan stays the room's.
    "start.room.you": ("Sei «Partecipante {n}» nella sala.", "You are “Participant {n}” in the room."),
    "start.room.where": ("La sala ora: {steps}", "The room now: {steps}"),
    "start.room.where_none": ("La sala ora: ancora nessuno al lavoro.", "The room now: nobody at work yet."),
    "start.room.step_count": ("{step} {n}", "{step} {n}"),
    "start.room.you_are_at": ("tu: {step}", "you: {step}"),
    "start.room.sees_shared": (
        "La sala vede il nome della tua impresa, la città, i follower e gli obiettivi.",
        "The room sees your business name, town, followers and goals.",
    ),
    "start.room.sees_private": (
        "La sala vede solo «Partecipante {n}», il passo a cui sei, l'autovalutazione e la tua città nel "
        "conteggio: non il nome né i numeri.",
        "The room sees only “Participant {n}”, your step, your self-check and your town in the count: not "
        "your name or your numbers.",
    ),
    "start.room.leave": ("Esci dal workshop", "Leave the workshop"),
    "start.room.leave_what": (
        "Uscendo, la sala smette di contare il tuo piano e non vede più nulla di te. Il piano resta tuo, "
        "a questo link. Per rientrare servono il codice e un piano nuovo.",
        "If you leave, the room stops counting your plan and sees nothing of you any more. The plan stays "
        "yours, at this link. To come back you need the code, and you get a new plan.",
    ),
    "start.room.leave_yes": ("Sì, esco dal workshop", "Yes, leave the workshop"),
    "start.room.left": (
        "Sei uscito dal workshop «{title}»: la sala non conta più il tuo piano. Il piano resta a questo link.",
        "You left the workshop “{title}”: the room no longer counts your plan. The plan stays at this link.",
    ),
    "start.room.plan_note": (
        "Sei in un workshop: un esempio o una ripartenza da zero riempiono questo piano, quello della sala, "
        "e resti nella sala.",
        "You are in a workshop: a sample or a fresh start fills this plan, your room plan, and you stay in the room.",
    ),
    "start.room.fill_sample": ("Usa questo esempio", "Use this sample"),
    "start.room.fill_empty": ("Ricomincia da zero", "Start again from scratch"),
    "start.room.empty_help": (
        "Svuota il tuo piano della sala e riparti con la tua impresa.",
        "Empty your room plan and start again with your own business.",
    ),
    "start.room.confirm_sample": (
        "Sostituire il tuo piano con l'esempio «{sample}»? Nome, settore, canali, autovalutazione e "
        "obiettivi diventano quelli dell'esempio; ora il tuo piano ha: {current}. Resti nel workshop e la "
        "sala vede l'esempio al posto tuo.",
        "Replace your plan with the sample “{sample}”? Name, sector, channels, self-check and goals "
        "become the sample's; your plan now has: {current}. You stay in the workshop and the room sees the "
        "sample in your place.",
    ),
    "start.room.confirm_empty": (
        "Svuotare il tuo piano? Nome, settore, canali, autovalutazione e obiettivi si cancellano; ora il tuo "
        "piano ha: {current}. Resti nel workshop.",
        "Empty your plan? Name, sector, channels, self-check and goals are cleared; your plan now has: "
        "{current}. You stay in the workshop.",
    ),
    "start.room.current": (
        "«{name}», {answered} {answered:risposta|risposte} su {total}, {goals} {goals:obiettivo|obiettivi}",
        "“{name}”, {answered} of {total} answers, {goals} {goals:goal|goals}",
    ),
    "start.room.yes_replace": ("Sì, sostituisci il mio piano", "Yes, replace my plan"),
    "start.room.yes_empty": ("Sì, svuota il mio piano", "Yes, empty my plan"),
    "start.room.cancel": ("Annulla", "Cancel"),
    "start.room.filled": (
        "Il tuo piano ora contiene l'esempio «{sample}». Sei sempre nel workshop.",
        "Your plan now holds the sample “{sample}”. You are still in the workshop.",
    ),
    "start.room.emptied": (
        "Il tuo piano è vuoto: riparti da qui. Sei sempre nel workshop.",
        "Your plan is empty: start again from here. You are still in the workshop.",
    ),
    "start.room.stale": (
        "Il piano è cambiato nel frattempo (in un'altra scheda?): non è stato sostituito. Guarda e riprova.",
        "The plan changed meanwhile (in another tab?): it was not replaced. Have a look and try again.",
    ),
    "start.loaded": (
        "Caricato «{name}»: ora è il tuo piano, cambialo come vuoi passo dopo passo (il percorso è qui sotto).",
        "Loaded “{name}”: it is your plan now, change it as you like step by step (the path is below).",
    ),
    "start.new_opened": (
        "Piano nuovo aperto: comincia dall'impresa nel percorso qui sotto, o dall'autovalutazione.",
        "New plan opened: start with the business in the path below, or with the self-check.",
    ),
    # The self-check of a plan loaded from a sample.
    "selfcheck.sample_answers": (
        "{n} {n:risposta|risposte} su {total} {n:è|sono} ancora {n:quella|quelle} dell'esempio «{sample}», "
        "{n:non la tua|non le tue}. Rispondi per la tua impresa, oppure {n:cancellala|cancellale}.",
        "{n} of {total} answers {n:is|are} still {n:that|those} of the sample “{sample}”, not yours. Answer "
        "for your own business, or clear them.",
    ),
    "selfcheck.clear_sample": ("Cancella le risposte dell'esempio", "Clear the sample's answers"),
    "selfcheck.cleared": (
        "Risposte dell'esempio cancellate: ora rispondi per la tua impresa.",
        "The sample's answers are cleared: now answer for your own business.",
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
