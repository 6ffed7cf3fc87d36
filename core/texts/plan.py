"""Texts of the Plan step and of plan files."""

TEXTS = {
    "plan.title": ("Il piano (la rotta)", "The plan (your route)"),
    "plan.lead": (
        "Tutto quello che il piano contiene finora, in una pagina. Scaricalo come file JSON per "
        "conservarlo o portarlo altrove; caricalo per ripristinarlo esattamente.",
        "Everything the plan holds so far, on one page. Download it as a JSON file to keep it or take "
        "it elsewhere; upload it to restore it exactly.",
    ),
    "plan.section_business": ("Impresa", "Business"),
    "plan.section_selfcheck": ("Autovalutazione", "Self-check"),
    "plan.section_goals": ("Obiettivi", "Goals"),
    "plan.no_goals": ("Nessun obiettivo ancora.", "No goals yet."),
    "plan.missing": ("non ancora indicato", "not given yet"),
    "plan.sample_of": ("Dati di esempio: {name}", "Sample data: {name}"),
    "plan.download": ("Piano (JSON)", "Plan (JSON)"),
    "plan.download_pdf": ("PDF", "PDF"),
    "plan.download_xlsx": ("Excel (XLSX)", "Excel (XLSX)"),
    "plan.download_md": ("Markdown", "Markdown"),
    "plan.download_ics": ("Calendario (.ics)", "Calendar (.ics)"),
    "plan.downloads": ("Porta via la tua rotta", "Take your route with you"),
    "plan.downloads_help": (
        "Il PDF (1-3 pagine) e il file Excel raccolgono obiettivi, mercato, timeline e calendario; il "
        "JSON ripristina il piano esattamente; il calendario si apre in Google, Outlook o Apple.",
        "The PDF (1-3 pages) and the Excel file gather goals, market, timeline and calendar; the JSON "
        "restores the plan exactly; the calendar opens in Google, Outlook or Apple.",
    ),
    "plan.upload": ("Ripristina un piano da file JSON", "Restore a plan from a JSON file"),
    "plan.upload_help": (
        "Sostituisce il contenuto di questo piano con quello del file. Un file non valido non cambia nulla.",
        "Replaces this plan's content with the file's. An invalid file changes nothing.",
    ),
    "plan.restore": ("Ripristina", "Restore"),
    "plan.restored": ("Piano ripristinato da «{file}».", "Plan restored from “{file}”."),
    "plan.upload_rejected": (
        "Il file «{file}» non è stato caricato: {reason} Il piano attuale non è cambiato.",
        "The file “{file}” was not loaded: {reason} The current plan is unchanged.",
    ),
    "plan.stale": (
        "Il piano è stato modificato altrove mentre caricavi il file: ricarica e riprova.",
        "The plan was changed elsewhere while you uploaded the file: reload and try again.",
    ),
    "plan.err.too_big": ("il file supera {mb} MB.", "the file is larger than {mb} MB."),
    "plan.err.not_text": ("non è un file di testo UTF-8.", "it is not a UTF-8 text file."),
    "plan.err.not_json": (
        "non è JSON valido (riga {line}, colonna {col}).",
        "it is not valid JSON (line {line}, column {col}).",
    ),
    "plan.err.not_object": ("non contiene un piano Rotta.", "it does not contain a Rotta plan."),
    "plan.err.format": (
        "non è un piano Rotta (formato «{found}»).",
        "it is not a Rotta plan (format “{found}”).",
    ),
    "plan.err.version_missing": ("manca la versione del piano.", "the plan version is missing."),
    "plan.err.version_new": (
        "è un piano versione {found}, più recente di questa Rotta (versione {supported}).",
        "it is a version {found} plan, newer than this Rotta (version {supported}).",
    ),
    "plan.err.section": (
        "la sezione «{section}» ha una forma sbagliata.",
        "the section “{section}” has the wrong shape.",
    ),
    "plan.err.field": ("il campo «{field}» non è valido.", "the field “{field}” is not valid."),
    "plan.err.channel": (
        "il canale alla riga {row} non è riconosciuto.",
        "the channel in row {row} is not recognised.",
    ),
    "plan.err.channel_number": (
        "il valore «{field}» del canale alla riga {row} deve essere un numero positivo.",
        "the value “{field}” of the channel in row {row} must be a positive number.",
    ),
    "plan.err.selfcheck": (
        "la risposta alla domanda «{question}» non è valida.",
        "the answer to the question “{question}” is not valid.",
    ),
    "plan.err.entry": (
        "la voce {row} di «{section}» non è valida: {reason}",
        "entry {row} of “{section}” is not valid: {reason}",
    ),
    "plan.err.place": (
        "il luogo in «{field}» non è valido: servono un nome e coordinate.",
        "the place in “{field}” is not valid: it needs a name and coordinates.",
    ),
    "plan.err.no_name": ("manca il nome.", "the name is missing."),
    "plan.err.area": (
        "serve un nome e un cerchio (centro e raggio) o un poligono di almeno 3 punti.",
        "it needs a name and either a circle (centre and radius) or a polygon of at least 3 points.",
    ),
    "plan.err.duplicate_id": (
        "l'identificativo «{id}» compare due volte in «{section}».",
        "the id “{id}” appears twice in “{section}”.",
    ),
    "plan.err.goal": ("l'obiettivo {n} non è valido: {reason}", "goal {n} is not valid: {reason}"),
}
