"""Texts of the Timeline page: imports, offline actions, the sections' headings and help, the calendar editor.

The words of the charts, the map and the calendar's core live in ``core/texts/timeline.py``.
"""

_OFFLINE_KINDS = {
    "fair": ("Fiera", "Fair"),
    "market_stall": ("Banco al mercato", "Market stall"),
    "tasting": ("Degustazione", "Tasting"),
    "shop_event": ("Evento in negozio", "Shop event"),
    "workshop": ("Corso o laboratorio", "Workshop or class"),
    "flyers": ("Volantinaggio", "Flyer drop"),
    "poster": ("Manifesti", "Posters"),
    "press": ("Articolo o intervista", "Press article or interview"),
    "sponsorship": ("Sponsorizzazione", "Sponsorship"),
    "other": ("Altro", "Other"),
}
_IMPORT_PLATFORMS = {
    "shopify": ("Shopify", "Shopify"),
    "woocommerce": ("WooCommerce", "WooCommerce"),
    "generic": ("Tabella clienti", "Customer table"),
}

TEXTS = {
    **{f"timelinepage.offline.kind.{k}": v for k, v in _OFFLINE_KINDS.items()},
    **{f"timelinepage.import.platform.{k}": v for k, v in _IMPORT_PLATFORMS.items()},
    "timelinepage.title": (
        "Timeline: cosa hai fatto, dove e quando",
        "Timeline: what you did, where and when",
    ),
    "timelinepage.lead": (
        "Metti insieme post, storie, video ed eventi dal vivo: quando li hai fatti, dove, cosa hanno reso e "
        "a quali obiettivi servivano. Poi programma i prossimi nel calendario editoriale.",
        "Bring together posts, stories, videos and live events: when you did them, where, what they "
        "achieved and which goals they served. Then plan the next ones in the editorial calendar.",
    ),
    "timelinepage.no_activity": (
        "Ancora nessuna attività: importa le esportazioni delle piattaforme o aggiungi un'azione offline qui "
        "sopra, e qui compariranno grafici, mappa e post migliori.",
        "No activity yet: import your platforms' exports or add an offline action above, and the charts, "
        "the map and the best posts will appear here.",
    ),
    "timelinepage.as_of": (
        "Dati dal {first} al {last}: {rows} {rows:riga|righe} di attività.",
        "Data from {first} to {last}: {rows} activity {rows:row|rows}.",
    ),
    # ---- Activity in: imports --------------------------------------------------------------------------
    "timelinepage.in.title": ("Attività: da dove arriva", "Activity in"),
    "timelinepage.import.expander": ("Importa esportazioni delle piattaforme", "Import platform exports"),
    "timelinepage.import.uploader": ("File esportati (uno o più)", "Exported files (one or more)"),
    "timelinepage.import.uploader_help": (
        "Meta Business Suite, Instagram (JSON), Facebook, TikTok, YouTube Studio, LinkedIn, X, Google "
        "Business Profile: Rotta riconosce il formato dal contenuto, non dal nome del file.",
        "Meta Business Suite, Instagram (JSON), Facebook, TikTok, YouTube Studio, LinkedIn, X, Google "
        "Business Profile: Rotta recognises the format from the content, not from the file name.",
    ),
    "timelinepage.import.period.title": (
        "Di quale periodo è il rapporto «{file}»?",
        "Which period is the report “{file}” about?",
    ),
    "timelinepage.import.period.help": (
        "Il rapporto sul rendimento di Google Business Profile non scrive il periodo dentro il file: scegli "
        "le stesse date scelte scaricandolo. Chiamate, indicazioni e clic saranno datati al primo giorno.",
        "Google Business Profile's performance report does not state its period inside the file: pick the "
        "dates chosen when downloading it. Calls, directions and clicks are dated to its first day.",
    ),
    "timelinepage.import.period.dates": ("Primo e ultimo giorno del rapporto", "First and last day of the report"),
    "timelinepage.import.period.import": ("Importa", "Import"),
    "timelinepage.import.period.discard": ("Lascia perdere il file", "Discard the file"),
    "timelinepage.import.period.incomplete": (
        "Scegli sia il primo sia l'ultimo giorno del rapporto.",
        "Pick both the first and the last day of the report.",
    ),
    "timelinepage.import.sample_note": (
        "Questo piano parte da un esempio: finché non importi file tuoi vedi l'attività dell'esempio; "
        "dal primo file importato vedi solo i tuoi dati.",
        "This plan starts from a sample: until you import your own files you see the sample's activity; "
        "from the first imported file on you see your own data only.",
    ),
    "timelinepage.import.failed": (
        "{file} non è stato importato. {reason}",
        "{file} was not imported. {reason}",
    ),
    "timelinepage.import.warning": ("{file}: {warning}", "{file}: {warning}"),
    "timelinepage.import.nothing": (
        "{file}: nessuna riga da importare, niente è cambiato.",
        "{file}: no rows to import, nothing changed.",
    ),
    "timelinepage.import.wrong_kind.customers": (
        "Contiene un elenco di clienti ({platform}): importalo nel passo Mappa del mercato.",
        "It holds a customer list ({platform}): import it in the Market map step.",
    ),
    "timelinepage.import.wrong_kind.activity": (
        "Contiene l'attività di {platform}: importalo nel passo Timeline.",
        "It holds {platform} activity: import it in the Timeline step.",
    ),
    "timelinepage.import.duplicate": (
        "{file}: già importato ({rows} {rows:riga|righe} di {platform}); per importarlo di nuovo rimuovi prima "
        "quello vecchio.",
        "{file}: already imported ({rows} {platform} {rows:row|rows}); to import it again, remove the old one first.",
    ),
    "timelinepage.import.list": ("File importati", "Imported files"),
    "timelinepage.import.none": ("Nessun file importato finora.", "No files imported yet."),
    "timelinepage.import.remove": ("Rimuovi", "Remove"),
    "timelinepage.import.removed": (
        "{file} rimosso: i suoi dati non sono più nel piano.",
        "{file} removed: its data is no longer in the plan.",
    ),
    # ---- Activity in: offline actions ------------------------------------------------------------------
    "timelinepage.offline.expander": ("Aggiungi un'azione offline", "Add an offline action"),
    "timelinepage.offline.help": (
        "Fiere, degustazioni, volantini, eventi in negozio: le azioni fuori dai social entrano nella stessa "
        "timeline, sul grafico e sulla mappa.",
        "Fairs, tastings, flyers, shop events: actions away from social media join the same timeline, on "
        "the chart and on the map.",
    ),
    "timelinepage.offline.date": ("Data", "Date"),
    "timelinepage.offline.time": ("Ora (facoltativa)", "Time (optional)"),
    "timelinepage.offline.kind": ("Che cosa", "What"),
    "timelinepage.offline.town": ("Dove (comune)", "Where (town)"),
    "timelinepage.offline.town_placeholder": ("es. Roma, Frascati", "e.g. Roma, Frascati"),
    "timelinepage.offline.hint": ("Provincia o CAP", "Province or postcode"),
    "timelinepage.offline.note": ("Nota", "Note"),
    "timelinepage.offline.note_placeholder": (
        "es. banco alla sagra del pane, 200 assaggi",
        "e.g. stall at the bread festival, 200 tastings",
    ),
    "timelinepage.offline.add": ("Aggiungi l'azione", "Add the action"),
    "timelinepage.offline.added": (
        "Azione offline aggiunta: {what} del {day}.",
        "Offline action added: {what} on {day}.",
    ),
    "timelinepage.offline.invalid": ("Azione non aggiunta: {reason}", "Action not added: {reason}"),
    "timelinepage.offline.unplaced_refused": (
        "Azione non aggiunta: il luogo «{town}» non è stato trovato o è ambiguo. Correggilo o lascialo vuoto.",
        "Action not added: the place “{town}” was not found or is ambiguous. Fix it or leave it empty.",
    ),
    "timelinepage.offline.list": ("Azioni offline inserite a mano", "Offline actions entered by hand"),
    "timelinepage.offline.row": ("**{day}** · {what} · {place}", "**{day}** · {what} · {place}"),
    "timelinepage.offline.no_place": ("senza luogo", "no place"),
    "timelinepage.offline.remove": ("Elimina", "Delete"),
    "timelinepage.offline.removed": ("Azione offline eliminata.", "Offline action deleted."),
    "timelinepage.offline.bad_row": (
        "Azione offline n. {row} ignorata: {reason}",
        "Offline action no. {row} ignored: {reason}",
    ),
    # ---- Over time -------------------------------------------------------------------------------------
    "timelinepage.time.title": ("Nel tempo", "Over time"),
    "timelinepage.time.metric": ("Cosa mostrare", "What to show"),
    "timelinepage.time.period": ("Raggruppa per", "Group by"),
    "timelinepage.time.help": (
        "Una linea per canale. Le linee tratteggiate rosse sono i traguardi degli obiettivi che usano questa "
        "misura; i triangoli marroni sono le azioni offline. Trascina sulla striscia in basso per "
        "ingrandire un periodo, doppio clic per tornare a tutto.",
        "One line per channel. Dashed red lines are the targets of the goals that use this measure; brown "
        "triangles are offline actions. Drag over the strip below to zoom into a period, double-click to see "
        "everything again.",
    ),
    "timelinepage.time.no_goal": (
        "Nessun obiettivo del piano usa questa misura: niente linea del traguardo.",
        "No goal of the plan uses this measure: no target line.",
    ),
    "timelinepage.time.goals": ("Traguardi disegnati: {titles}.", "Targets drawn: {titles}."),
    # ---- When it works ---------------------------------------------------------------------------------
    "timelinepage.when.title": ("Quando funziona", "When it works"),
    "timelinepage.when.channels": ("Canali", "Channels"),
    "timelinepage.when.suggestions": ("Cosa provare", "What to try"),
    # ---- Where -----------------------------------------------------------------------------------------
    "timelinepage.where.title": ("Dove", "Where"),
    "timelinepage.where.help": (
        "Post con un luogo e azioni offline. Usa il cursore in basso a sinistra per scorrere i mesi; i "
        "cerchi "
        "tratteggiati sono le distanze dalla tua sede.",
        "Posts with a place and offline actions. Use the slider at the bottom left to move through the "
        "months; the dashed circles are distances from your premises.",
    ),
    "timelinepage.where.count": (
        "Sulla mappa: {shown} di {placed} attività con un luogo (le più recenti). {unplaced} post non "
        "{unplaced:ha|hanno} un luogo e {unplaced:resta|restano} fuori.",
        "On the map: {shown} of {placed} {placed:activity|activities} with a place (the latest). {unplaced} "
        "{unplaced:post has|posts have} no place and {unplaced:stays|stay} off it.",
    ),
    "timelinepage.where.none": (
        "Nessuna attività ha un luogo: aggiungi un'azione offline con il comune, o importa post con il luogo.",
        "No activity has a place: add an offline action with its town, or import posts with their place.",
    ),
    "timelinepage.where.no_town": (
        "Aggiungi il comune della tua impresa nel passo Impresa per vedere le distanze dalla sede.",
        "Add your business's town in the Business step to see the distances from your premises.",
    ),
    "timelinepage.where.ring": ("{km} km", "{km} km"),
    # ---- What worked -----------------------------------------------------------------------------------
    "timelinepage.worked.title": ("Cosa ha funzionato", "What worked"),
    "timelinepage.worked.group": ("Migliori e peggiori", "Best and worst"),
    "timelinepage.worked.all": ("Tra tutti i post", "Among all posts"),
    "timelinepage.worked.by_kind": ("Per formato", "By format"),
    "timelinepage.worked.by_platform": ("Per canale", "By channel"),
    "timelinepage.worked.top": ("I post con più coinvolgimento", "Posts with the most engagement"),
    "timelinepage.worked.bottom": ("I post con meno coinvolgimento", "Posts with the least engagement"),
    "timelinepage.worked.help": (
        "Coinvolgimento = interazioni (reazioni, commenti, condivisioni, salvataggi) diviso copertura (o "
        "visualizzazioni). Sono esclusi i post visti da meno di {min_reach} persone: con così pochi il tasso "
        "cambia con un solo «mi piace».",
        "Engagement = interactions (reactions, comments, shares, saves) divided by reach (or views). Posts "
        "seen by fewer than {min_reach} people are left out: with so few, the rate swings with a single "
        "like.",
    ),
    "timelinepage.worked.none": (
        "Nessun post con copertura e interazioni sufficienti per un confronto.",
        "No posts with enough reach and interactions to compare.",
    ),
    "timelinepage.worked.open": ("apri", "open"),
    # ---- Editorial calendar ----------------------------------------------------------------------------
    "timelinepage.calendar.title": ("Calendario editoriale", "Editorial calendar"),
    "timelinepage.calendar.help": (
        "Una riga per post o evento in programma: data, canale, titolo, luogo e l'obiettivo che serve. "
        "Aggiungi righe in fondo alla tabella; le modifiche si salvano subito.",
        "One row per planned post or event: date, channel, title, place and the goal it serves. Add rows "
        "at the bottom of the table; changes are saved at once.",
    ),
    "timelinepage.calendar.row_problem": ("Riga {row}: {reason}", "Row {row}: {reason}"),
    "timelinepage.calendar.stored_problem": (
        "Elemento n. {row} del calendario salvato non mostrato: {reason}",
        "Saved calendar item no. {row} not shown: {reason}",
    ),
    "timelinepage.calendar.time_help": ("Facoltativa, come 08:30", "Optional, like 08:30"),
    "timelinepage.calendar.not_saved": (
        "Il calendario non è stato salvato finché le righe indicate non sono corrette.",
        "The calendar is not saved until the rows above are fixed.",
    ),
    "timelinepage.calendar.no_goal": ("—", "—"),
    "timelinepage.calendar.empty": (
        "Il calendario è vuoto: aggiungi la prima riga nella tabella.",
        "The calendar is empty: add the first row in the table.",
    ),
    "timelinepage.calendar.vs_title": ("Programmato e fatto", "Planned and done"),
    "timelinepage.calendar.unplanned": (
        "{n} post nei giorni e sui canali del calendario non {n:era|erano} in programma.",
        "{n} {n:post|posts} on the calendar's days and channels {n:was|were} not planned.",
    ),
    "timelinepage.calendar.col_outcome": ("Esito", "Outcome"),
    "timelinepage.calendar.col_matched": ("Post trovato", "Post found"),
    "timelinepage.calendar.col_link": ("Link", "Link"),
    "timelinepage.calendar.download_ics": (
        "Scarica per il calendario (.ics)",
        "Download for your calendar (.ics)",
    ),
    "timelinepage.calendar.download_csv": (
        "Scarica come foglio di calcolo (CSV)",
        "Download as a spreadsheet (CSV)",
    ),
    "timelinepage.calendar.file_word": ("calendario", "calendar"),
    "timelinepage.calendar.ics_name": ("{name}: calendario editoriale", "{name}: editorial calendar"),
}
