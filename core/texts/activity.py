"""Texts of the activity importers: why a file cannot be read, and what was skipped or assumed."""

TEXTS = {
    "activity.err.no_date_column": (
        "Il file non ha la colonna della data (cercata come {expected}).",
        "The file has no date column (looked for {expected}).",
    ),
    "activity.err.bad_dates": (
        "la colonna '{column}' ha {count} {count:data che non è|date che non sono} {expected}, ad es. '{example}'",
        "column '{column}' has {count} {count:date that is|dates that are} not {expected}, e.g. '{example}'",
    ),
    "activity.err.no_rows": (
        "Il file non contiene dati leggibili.",
        "The file contains no readable data.",
    ),
    "activity.err.bad_json": (
        "Il file non è un JSON leggibile ({error}).",
        "The file is not readable JSON ({error}).",
    ),
    "activity.err.unknown_json": (
        "Il JSON non ha la forma di un export di Instagram (post, reel, storie o media.json).",
        "The JSON does not look like an Instagram export (posts, reels, stories or media.json).",
    ),
    "activity.err.bad_workbook": (
        "Il file Excel non si riesce a leggere ({error}).",
        "The Excel file cannot be read ({error}).",
    ),
    "activity.err.no_sheet": (
        "Nel file Excel non c'è un foglio di post o di metriche di LinkedIn.",
        "The Excel file has no LinkedIn posts or metrics sheet.",
    ),
    "activity.err.year_needed": (
        "Le date della colonna '{column}' non hanno l'anno (ad es. '{example}') e nessun altro file caricato "
        "insieme copre quei giorni: indica in che anno cade l'ultimo giorno, '{last}'.",
        "Dates in column '{column}' have no year (e.g. '{example}') and no other file uploaded with it covers "
        "those days: say which year the last day, '{last}', is in.",
    ),
    "activity.err.no_period": (
        "Il rapporto di Google Business Profile non dice a quale periodo si riferisce e il nome del file "
        "'{file}' non lo contiene. Indica il periodo (prima e ultima data del rapporto), oppure carica il file "
        "con il nome che gli dà Google, che finisce con le due date (..._AAAA-MM-GG_AAAA-MM-GG.csv).",
        "The Google Business Profile report does not say which period it covers and its file name '{file}' "
        "does not either. Give the period (the report's first and last day), or upload the file with the "
        "name Google gives it, ending with the two dates (..._YYYY-MM-DD_YYYY-MM-DD.csv).",
    ),
    "activity.err.bad_period": (
        "Il periodo indicato finisce ({end:%d/%m/%Y}) prima di cominciare ({start:%d/%m/%Y}).",
        "The period given ends ({end:%d %b %Y}) before it starts ({start:%d %b %Y}).",
    ),
    "activity.warn.empty": (
        "Il file è nel formato giusto ma non contiene righe di attività.",
        "The file is in the right format but holds no activity rows.",
    ),
    "activity.warn.future": (
        "{count} {count:riga è datata|righe sono datate} dopo oggi ({today:%d/%m/%Y}), ad es. il "
        "{example:%d/%m/%Y}: non {count:importata|importate}. Controlla le date del file.",
        "{count} {count:row is|rows are} dated after today ({today:%d %b %Y}), e.g. {example:%d %b %Y}: not "
        "imported. Check the file's dates.",
    ),
    "activity.warn.no_date": (
        "Saltate le righe senza data nella colonna '{column}': {count} (righe {rows}).",
        "Skipped rows without a date in column '{column}': {count} (rows {rows}).",
    ),
    "activity.warn.no_timestamp": (
        "Saltati gli elementi senza data: {count} (elementi {rows}).",
        "Skipped items without a date: {count} (items {rows}).",
    ),
    "activity.warn.total_row": (
        "La riga dei totali è stata saltata (riga {rows}).",
        "The totals row was skipped (row {rows}).",
    ),
    "activity.warn.bad_numbers": (
        "Valori che non sono numeri nella colonna '{column}', lasciati vuoti: {count} (righe {rows}), "
        "ad es. '{example}'.",
        "Values that are not numbers in column '{column}', left empty: {count} (rows {rows}), e.g. '{example}'.",
    ),
    "activity.warn.not_imported_totals": (
        "Non importati perché il diario non ha un campo per loro (totale del periodo): {columns}.",
        "Not imported because the activity table has no field for them (period total): {columns}.",
    ),
    "activity.warn.series_not_imported": (
        "La serie giornaliera '{title}' ({days} {days:giorno|giorni}, totale {total}) non è stata importata: il diario "
        "non ha un campo per questo dato.",
        "The daily series '{title}' ({days} {days:day|days}, total {total}) was not imported: the activity table has "
        "no field for it.",
    ),
    "activity.warn.followers_count": (
        "Follower il {date:%d/%m/%Y}: {count} (colonna '{title}'). Il diario tiene solo la variazione "
        "di ogni giorno: usa questo numero come valore di partenza di un obiettivo sui follower.",
        "Followers on {date:%d %b %Y}: {count} (column '{title}'). The activity table keeps only the daily "
        "change: use this count as the starting value of a followers goal.",
    ),
    "activity.warn.platform_assumed": (
        "Il file non dice se i dati sono di Facebook o di Instagram: sono stati attribuiti a {platform}.",
        "The file does not say whether the data is Facebook's or Instagram's: it was counted as {platform}.",
    ),
    "activity.warn.year_from_file": (
        "Le date della colonna '{column}' non hanno l'anno: lette nel {years}, sugli stessi giorni di {file} "
        "(dal {first:%d/%m/%Y} al {last:%d/%m/%Y}).",
        "Dates in column '{column}' have no year: read as {years}, over the same days as {file} "
        "({first:%d %b %Y} to {last:%d %b %Y}).",
    ),
    "activity.warn.year_given": (
        "Le date della colonna '{column}' non hanno l'anno: lette nel {years}, con l'ultimo giorno nel {year} "
        "come indicato.",
        "Dates in column '{column}' have no year: read as {years}, with the last day in {year} as you said.",
    ),
    "activity.warn.period_totals": (
        "Il rapporto dà i totali dal {start:%d/%m/%Y} al {end:%d/%m/%Y}: "
        "{count:l'unica sede è|ognuna delle {count} sedi è} una riga datata {start:%d/%m/%Y}.",
        "The report gives totals from {start:%d %b %Y} to {end:%d %b %Y}: "
        "{count:the one location|each of the {count} locations} is one row dated {start:%d %b %Y}.",
    ),
    "activity.warn.ragged": (
        "Le righe {rows} hanno più campi delle {width} colonne: i numeri sono stati letti da destra.",
        "Rows {rows} have more fields than the {width} columns: the numbers were read from the right.",
    ),
    "activity.warn.unplaced": (
        "Luoghi non trovati sulla mappa: {count} ({names}).",
        "Places not found on the map: {count} ({names}).",
    ),
}
