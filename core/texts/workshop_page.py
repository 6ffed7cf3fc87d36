"""Texts of the Workshop page (facilitator, room view, presenter mode) and the Join page. Italian, English.

Words already in ``core/texts/workshop.py`` (``workshop.*``, ``room.*``) are reused, not repeated here.
"""

_PAGE = {
    "title": ("Conduci un workshop", "Run a workshop"),
    "lead": (
        "I partecipanti entrano dal telefono con un codice e lavorano ognuno sul proprio piano. Tu vedi la "
        "sala dal vivo: a che punto sono, cosa scelgono, gli errori più comuni. Nomi e numeri di un'impresa "
        "compaiono solo se chi la gestisce acconsente.",
        "Participants join from their phones with a code, each working on their own plan. You see the room "
        "live: where they are, what they choose, the most common mistakes. A business's name and numbers "
        "appear only if its owner agrees.",
    ),
    "created": ("Workshop creato: mostra il codice alla sala.", "Workshop created: show the code to the room."),
    "your_rooms": ("Le tue sale in questo browser", "Your rooms in this browser"),
    "missing": (
        "Questo workshop non esiste: il link è sbagliato o incompleto.",
        "This workshop does not exist: the link is wrong or incomplete.",
    ),
    "new": ("Crea un altro workshop", "Create another workshop"),
    "locked": (
        "La sala è protetta: scrivi la parola segreta che hai scelto creando il workshop.",
        "The room is protected: type the secret you chose when you created the workshop.",
    ),
    "details": ("{date} · {place} · {language}", "{date} · {place} · {language}"),
    "details_no_place": ("{date} · {language}", "{date} · {language}"),
    "status.open": ("Aperto: il codice fa entrare", "Open: the code lets people in"),
    "status.closed": ("Chiuso: il codice non fa più entrare nessuno", "Closed: the code lets nobody in"),
    "join_link": ("Link per entrare (è anche nel QR)", "Link to join (also in the QR code)"),
    "room_link": (
        "Questo indirizzo apre la sala su un altro dispositivo, dopo la parola segreta: tienilo per te e non "
        "proiettarlo.",
        "This address opens the room on another device, after the secret: keep it to yourself, never project it.",
    ),
    "private.heading": ("La sala su un altro dispositivo (riservato)", "This room on another device (private)"),
    "private.browser": (
        "Questo browser riapre la sala senza parola segreta, in ogni scheda e dopo un ricaricamento, per {hours} "
        "ore da quando l'hai creata o aperta. Su un computer condiviso, alla fine fai dimenticare il browser.",
        "This browser reopens the room without the secret, in any tab and after a reload, for {hours} hours "
        "from when you created or opened it. On a shared computer, make it forget this browser at the end.",
    ),
    "forget": ("Dimentica questo browser", "Forget this browser"),
    "forgotten": (
        "Questo browser non apre più la sala senza la parola segreta.",
        "This browser no longer opens the room without the secret.",
    ),
    "presenter_locked": (
        "La modalità proiettore si apre solo nel browser che ha creato la sala o l'ha aperta con la parola "
        "segreta. Aprila da lì, oppure apri prima la sala con il suo indirizzo riservato.",
        "Presenter mode opens only in the browser that created the room or opened it with its secret. Open it "
        "there, or open the room with its private address first.",
    ),
    "how_to_join": ("Come entrano i partecipanti: codice, QR e link", "How participants join: code, QR code and link"),
    "present": ("Modalità proiettore", "Presenter mode"),
    "present_tab": ("Nuova scheda", "New tab"),
    "present_tab_help": (
        "La modalità proiettore in un'altra scheda o finestra, da portare sul proiettore: si apre senza "
        "parola segreta solo in questo browser, e il suo indirizzo mostra il codice pubblico, mai quello della sala.",
        "Presenter mode in another tab or window, to move to the projector: it opens without the secret only in "
        "this browser, and its address shows the public code, never the room's.",
    ),
    "present_exit": ("Esci dalla modalità proiettore", "Leave presenter mode"),
    "close.confirm": (
        "Chiudere il workshop? Il codice smette subito di funzionare e non si può riaprire. La sala e i piani restano.",
        "Close the workshop? The code stops working at once and cannot be reopened. The room and the plans stay.",
    ),
    "close.yes": ("Sì, chiudi il workshop", "Yes, close the workshop"),
    "live": (
        "Si aggiorna da sola ogni {seconds} secondi · ultimo aggiornamento {time}",
        "Updates by itself every {seconds} seconds · last update {time}",
    ),
    "count": ("{label}: {n}", "{label}: {n}"),
    "goals_checked": ("Obiettivi controllati", "Goals checked"),
    "none_yet": ("Ancora niente da mostrare.", "Nothing to show yet."),
    "weak.none": ("Nessun obiettivo debole, per ora.", "No weak goal, for now."),
    "towns.none": ("Nessuno ha ancora indicato il comune.", "Nobody has set their town yet."),
    "people.heading": ("I partecipanti", "The participants"),
    "people.help": (
        "Chi non acconsente compare solo come «Partecipante N»: passo e autovalutazione.",
        'Whoever does not agree appears only as "Participant N": step and self-check.',
    ),
    "col.participant": ("Partecipante", "Participant"),
    "col.step": ("Passo", "Step"),
    "col.band": ("Autovalutazione", "Self-check"),
    "col.business": ("Impresa", "Business"),
    "col.town": ("Comune", "Town"),
    "col.followers": ("Follower", "Followers"),
    "col.goals": ("Obiettivi", "Goals"),
    "not_shared": ("non condiviso", "not shared"),
    "shared_goals": ("{participant} · {name}: obiettivi", "{participant} · {name}: goals"),
    "goal_line": (
        "{title} · {place} · {kpi}: da {baseline} a {target}",
        "{title} · {place} · {kpi}: from {baseline} to {target}",
    ),
    "export.heading": ("Riepilogo anonimo della sala", "Anonymous summary of the room"),
    "export.help": (
        "Solo conteggi e pseudonimi: nessun nome d'impresa, nessun numero privato. Preparato al clic, "
        "con i dati di quel momento.",
        "Counts and pseudonyms only: no business names, no private numbers. Made when you click, "
        "with the data of that moment.",
    ),
    "export.csv": ("Scarica il riepilogo (CSV)", "Download the summary (CSV)"),
    "export.md": ("Scarica il riepilogo (Markdown)", "Download the summary (Markdown)"),
    "export.title": ("Workshop «{title}» · {date}", "Workshop “{title}” · {date}"),
    "show": ("Cosa mostrare", "What to show"),
    "show.join": ("Come entrare", "How to join"),
    "show.help": (
        "Un clic per cambiare ciò che vede la sala. Le imprese di esempio sono inventate.",
        "One click changes what the room sees. The sample businesses are invented.",
    ),
    "sample.channels": ("Canali di oggi", "Today's channels"),
    "sample.goals": ("Obiettivi", "Goals"),
    "sample.band": ("Autovalutazione", "Self-check"),
    "sample.no_followers": ("senza follower", "no followers"),
    "sample.deadline": ("Scadenza", "Deadline"),
    "consent.title": ("Sei nel workshop «{title}»", "You are in the workshop “{title}”"),
}

_JOIN = {
    "lead": (
        "Scrivi il codice che vedi sullo schermo. Avrai un piano tutto tuo: lo vede solo chi ha il suo link.",
        "Type the code you see on the screen. You get a plan of your own: only whoever has its link sees it.",
    ),
    "placeholder": ("es. K7QM-3XTP", "e.g. K7QM-3XTP"),
    "empty": ("Scrivi il codice mostrato sullo schermo.", "Type the code shown on the screen."),
    "malformed": (
        "Questo non è un codice di workshop: ha {length} {length:carattere|caratteri}, un codice ne ha {expected} "
        "tra lettere "
        "e cifre (senza 0, O, 1, I, L, U). Controlla e riprova.",
        "This is not a workshop code: it has {length} {length:character|characters}, a code has {expected} letters "
        "and digits "
        "(no 0, O, 1, I, L, U). Check it and try again.",
    ),
    "new_plan_note": (
        "Entrando apri un piano nuovo per il workshop: quello che hai aperto ora resta salvato al suo link.",
        "Joining opens a new plan for the workshop: the plan open now stays saved at its link.",
    ),
    "facilitator": (
        "Conduci tu il workshop? Vai alla pagina del facilitatore.",
        "Running the workshop? Go to the facilitator's page.",
    ),
}

TEXTS = {
    **{f"workshoppage.{k}": v for k, v in _PAGE.items()},
    **{f"join.{k}": v for k, v in _JOIN.items()},
}
