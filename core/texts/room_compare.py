"""Texts of "you and the room": a participant's figures beside the room's quartiles, and the consent to count."""

TEXTS = {
    "compare.title": ("Tu e la stanza", "You and the room"),
    "compare.lead": (
        "Le tue cifre accanto a quelle della stanza: la metà centrale dei partecipanti (dal primo al terzo "
        "quartile) e la mediana. Nessuna cifra di un singolo partecipante è mostrata.",
        "Your figures beside the room's: the middle half of the participants (first to third quartile) and "
        "the median. No single participant's figure is shown.",
    ),
    "compare.figure.selfcheck": ("Punteggio dell'autovalutazione", "Self-check score"),
    "compare.figure.posts_week": ("Post a settimana", "Posts a week"),
    "compare.figure.followers": ("Follower, su tutti i canali", "Followers, on all channels"),
    "compare.figure.channels": ("Canali in uso", "Channels in use"),
    "compare.figure.goals": ("Obiettivi scritti", "Goals written"),
    "compare.figure.smart_goals": ("Obiettivi che superano il controllo SMART", "Goals that pass the SMART check"),
    "compare.says": (
        "{figure}: tu {own}; metà della stanza {median} o più (la metà centrale tra {q1} e {q3}, {n} partecipanti).",
        "{figure}: you {own}; half of the room {median} or more (the middle half between {q1} and {q3}, "
        "{n} participants).",
    ),
    "compare.says_sector": (
        "Tra le imprese come la tua (sezione ATECO {section}): metà {median} o più, la metà centrale tra "
        "{q1} e {q3} ({n} imprese).",
        "Among businesses like yours (ATECO section {section}): half {median} or more, the middle half between "
        "{q1} and {q3} ({n} businesses).",
    ),
    "compare.no_sector": (
        "Meno di {min} imprese come la tua (sezione ATECO {section}) contano nelle cifre: solo la stanza intera.",
        "Fewer than {min} businesses like yours (ATECO section {section}) count in the figures: the whole room only.",
    ),
    "compare.no_section": (
        "Scegli il settore nel passo Impresa per confrontarti anche con le imprese come la tua.",
        "Choose the sector in the Business step to compare with businesses like yours too.",
    ),
    "compare.not_enough": (
        "{figure}: non ci sono ancora abbastanza partecipanti (contano {n} {n:partecipante|partecipanti}, ne "
        "servono almeno {min}).",
        "{figure}: not enough participants yet ({n} {n:participant counts|participants count}, at least {min} "
        "are needed).",
    ),
    "compare.own_none": ("non ancora", "not yet"),
    "compare.chart.room": ("La stanza", "The room"),
    "compare.chart.sector": ("Come te ({section})", "Like you ({section})"),
    "compare.chart.you": ("Tu", "You"),
    "compare.chart.q1": ("Primo quartile", "First quartile"),
    "compare.chart.median": ("Mediana", "Median"),
    "compare.chart.q3": ("Terzo quartile", "Third quartile"),
    "compare.chart.group": ("Chi", "Who"),
    "compare.consent.label": (
        "Le mie cifre possono contare, in forma anonima, nelle cifre della stanza",
        "My numbers may count, anonymously, in the room's figures",
    ),
    "compare.consent.what": (
        "Contano: punteggio dell'autovalutazione, post a settimana, follower, canali in uso, obiettivi scritti "
        "e quanti superano il controllo SMART, e la sezione ATECO del settore. La stanza vede solo mediane e "
        "quartili, e solo quando contano almeno {min} partecipanti: mai le tue cifre, mai il tuo nome. "
        "È un consenso a parte da quello di mostrare il nome.",
        "Counted: the self-check score, posts a week, followers, channels in use, goals written and how many "
        "pass the SMART check, and the sector's ATECO section. The room sees only medians and quartiles, and "
        "only when at least {min} participants count: never your figures, never your name. It is a consent "
        "of its own, apart from showing your name.",
    ),
    "compare.consent.off": (
        "Le tue cifre non contano nelle cifre della stanza: attiva l'interruttore qui sopra per aggiungerle.",
        "Your figures do not count in the room's: turn on the switch above to add them.",
    ),
}
