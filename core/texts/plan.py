"""Texts of the Plan step and of plan files."""

TEXTS = {
    "plan.title": ("Il piano (la rotta)", "The plan (your route)"),
    "plan.lead": (
        "Tutto quello che il piano contiene finora, in una pagina. Scaricalo come file JSON (con i dati "
        "importati) per conservarlo o portarlo altrove; caricalo per ripristinarlo.",
        "Everything the plan holds so far, on one page. Download it as a JSON file (with the imported data) "
        "to keep it or take it elsewhere; upload it to restore it.",
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
        "JSON ripristina il piano con i suoi dati importati; il calendario si apre in Google, Outlook o Apple.",
        "The PDF (1-3 pages) and the Excel file gather goals, market, timeline and calendar; the JSON "
        "restores the plan with its imported data; the calendar opens in Google, Outlook or Apple.",
    ),
    "plan.upload": ("Ripristina un piano da file JSON", "Restore a plan from a JSON file"),
    "plan.upload_help": (
        "Sostituisce il contenuto di questo piano con quello del file, e i dati importati con quelli del file "
        "quando li contiene. Un file non valido non cambia nulla.",
        "Replaces this plan's content with the file's, and its imported data with the file's when the file "
        "holds some. An invalid file changes nothing.",
    ),
    "plan.restore": ("Ripristina", "Restore"),
    "plan.restored": ("Piano ripristinato da «{file}».", "Plan restored from “{file}”."),
    "plan.restored_with_data": (
        "Piano ripristinato da «{file}» con {n} {n:file importato|file importati}: mercato, timeline e monitor "
        "mostrano di nuovo quei dati.",
        "Plan restored from “{file}” with {n} imported {n:file|files}: the market, timeline and monitor show "
        "that data again.",
    ),
    "plan.restored_plan_only": (
        "Piano ripristinato da «{file}». Il file non contiene dati importati: quelli di questo piano restano "
        "com'erano.",
        "Plan restored from “{file}”. The file holds no imported data: this plan's imports stay as they were.",
    ),
    "plan.json_holds": (
        "Il file JSON contiene il piano e {n:il suo file importato|i suoi {n} file importati} ({files}): "
        "caricato in un altro piano, riporta anche mercato, timeline e monitor.",
        "The JSON file holds the plan and its {n} imported {n:file|files} ({files}): uploaded into another "
        "plan, it brings back the market, timeline and monitor too.",
    ),
    "plan.file_name": ("«{file}»", "“{file}”"),
    "plan.json_no_imports": (
        "Il file JSON contiene il piano; non ha file importati da includere.",
        "The JSON file holds the plan; it has no imported files to include.",
    ),
    "plan.json_left_out": (
        "Troppi dati per un solo file (al massimo {mb} MB, il limite di caricamento): nel JSON "
        "{n:manca|mancano} {files}. Dopo un ripristino, {n:va importato|vanno importati} di nuovo.",
        "Too much data for one file (at most {mb} MB, the upload limit): the JSON leaves out {files}. After a "
        "restore, import {n:it|them} again.",
    ),
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
    "plan.err.bundle_cells": (
        "i dati importati che contiene superano {limit} valori.",
        "the imported data it holds exceed {limit} values.",
    ),
    "plan.err.bundle_shape": (
        "la struttura del file è annidata troppo in profondità o contiene numeri illeggibili.",
        "the file's structure is nested too deeply or holds numbers that cannot be read.",
    ),
    "plan.err.bundle_imports": (
        "contiene più di {limit} file importati.",
        "it holds more than {limit} imported files.",
    ),
    "plan.err.import": (
        "il file importato n. {n} («{file}») non è valido: {reason}",
        "imported file no. {n} (“{file}”) is not valid: {reason}",
    ),
    "plan.err.import_shape": (
        "servono tipo, piattaforma, nome del file e colonne.",
        "it needs a kind, a platform, a file name and columns.",
    ),
    "plan.err.import_kind": ("il tipo di dati «{found}» non esiste.", "the kind of data “{found}” does not exist."),
    "plan.err.import_column": (
        "la colonna «{column}» non appartiene a questo tipo di dati.",
        "the column “{column}” does not belong to this kind of data.",
    ),
    "plan.err.import_missing": ("manca la colonna «{column}».", "the column “{column}” is missing."),
    "plan.err.import_lengths": (
        "le colonne non hanno tutte lo stesso numero di righe.",
        "the columns do not all have the same number of rows.",
    ),
    "plan.err.import_rows": ("ha più di {limit} righe.", "it has more than {limit} rows."),
    "plan.err.import_cell": (
        "colonna «{column}», riga {row}: «{value}» non è {expected}.",
        "column “{column}”, row {row}: “{value}” is not {expected}.",
    ),
    "plan.err.expected.text": ("un testo (al massimo 10.000 caratteri)", "a text (at most 10,000 characters)"),
    "plan.err.expected.number": (
        "un numero (al massimo un milione di miliardi)",
        "a number (at most a million billion)",
    ),
    "plan.err.expected.count": ("un numero intero non negativo", "a whole number, not negative"),
    "plan.err.expected.day": ("una data AAAA-MM-GG tra il 1900 e il 2100", "a YYYY-MM-DD date between 1900 and 2100"),
    "plan.err.expected.instant": (
        "un istante AAAA-MM-GGThh:mm:ssZ tra il 1900 e il 2100",
        "a YYYY-MM-DDThh:mm:ssZ time between 1900 and 2100",
    ),
    "plan.err.expected.flag": ("vero o falso", "true or false"),
}
