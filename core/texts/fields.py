"""Texts of fields: what is wrong with one field of a goal, a calendar item, an offline action or a plan file
(``core.fields``; ``{field}`` is the field's name, ``{value}`` the value as found), and the length limit a text
field says in its help, and when a longer text was cut (``ui.fields``)."""

TEXTS = {
    "fields.not_object": (
        "«{field}» dev'essere un oggetto JSON, non {value}.",
        "'{field}' must be a JSON object, not {value}.",
    ),
    "fields.unknown_field": (
        "Campo sconosciuto «{field}» (valore {value}): i campi sono {fields}.",
        "Unknown field '{field}' (value {value}): the fields are {fields}.",
    ),
    "fields.missing": ("Manca il campo «{field}».", "Field '{field}' is missing."),
    "fields.not_list": ("«{field}» vale {value}: dev'essere un elenco.", "'{field}' is {value}: it must be a list."),
    "fields.too_many": (
        "«{field}» ha troppe voci: al massimo {limit}.",
        "'{field}' has too many entries: at most {limit}.",
    ),
    "fields.duplicate": ("«{field}» ripete una voce: {value}.", "'{field}' repeats an entry: {value}."),
    "fields.duplicate_id": (
        "L'identificativo {value} compare due volte.",
        "The id {value} appears twice.",
    ),
    "fields.bad_id": (
        "«{field}» vale {value}: non è un identificativo valido (ad esempio {example}).",
        "'{field}' is {value}: it is not a valid id (e.g. {example}).",
    ),
    "fields.not_text": ("«{field}» vale {value}: dev'essere un testo.", "'{field}' is {value}: it must be text."),
    "fields.not_texts": (
        "«{field}» vale {value}: dev'essere un elenco di testi.",
        "'{field}' is {value}: it must be a list of texts.",
    ),
    "fields.empty": ("«{field}» vale {value}: non può essere vuoto.", "'{field}' is {value}: it cannot be empty."),
    "fields.too_long": (
        "«{field}» è troppo lungo: al massimo {limit} caratteri.",
        "'{field}' is too long: at most {limit} characters.",
    ),
    "fields.bad_choice": (
        "«{field}» vale {value}, che non è tra: {choices}.",
        "'{field}' is {value}, not one of: {choices}.",
    ),
    "fields.not_flag": (
        "«{field}» vale {value}: dev'essere true o false.",
        "'{field}' is {value}: it must be true or false.",
    ),
    "fields.not_place": (
        '«{field}» vale {value}: dev\'essere {{"kind": ..., "value": ...}}.',
        '\'{field}\' is {value}: it must be {{"kind": ..., "value": ...}}.',
    ),
    "fields.not_number": (
        "«{field}» vale {value}: dev'essere un numero.",
        "'{field}' is {value}: it must be a number.",
    ),
    "fields.not_whole": (
        "«{field}» vale {value}: dev'essere un numero intero.",
        "'{field}' is {value}: it must be a whole number.",
    ),
    "fields.negative": (
        "«{field}» vale {value}: non può essere negativo.",
        "'{field}' is {value}: it cannot be negative.",
    ),
    # The bound is core.fields.COUNT_MAX, written as each language groups it (a test checks).
    "fields.too_big": (
        "«{field}» vale {value}: oltre 1.000.000.000 non è un valore plausibile.",
        "'{field}' is {value}: beyond 1,000,000,000 it is not a plausible value.",
    ),
    "fields.tiny": (
        "«{field}» vale {value}: così vicino a zero (meno di un milionesimo) non è un valore plausibile.",
        "'{field}' is {value}: so close to zero (less than a millionth) it is not a plausible value.",
    ),
    "fields.range": (
        "«{field}» vale {value}: deve stare tra {low} e {high}.",
        "'{field}' is {value}: it must be between {low} and {high}.",
    ),
    "fields.share": (
        "«{field}» vale {value}: per {kpi} serve una quota tra 0 e 1 (il 3% si scrive 0.03).",
        "'{field}' is {value}: {kpi} needs a share between 0 and 1 (3% is 0.03).",
    ),
    "fields.bad_coordinate": (
        "«{field}» vale {value}: dev'essere un numero tra -{bound} e {bound}.",
        "'{field}' is {value}: it must be a number between -{bound} and {bound}.",
    ),
    "fields.half_place": (
        "Manca «{field}»: per un luogo sulla mappa servono latitudine e longitudine insieme.",
        "'{field}' is missing: a place on the map needs latitude and longitude together.",
    ),
    "fields.bad_date": (
        "«{field}» vale {value}: serve una data AAAA-MM-GG, ad esempio 2026-09-01.",
        "'{field}' is {value}: it must be a YYYY-MM-DD date, e.g. 2026-09-01.",
    ),
    "fields.bad_typed_date": (
        "«{field}» vale {value}: scrivi una data come 31/03/2027.",
        "'{field}' is {value}: write a date such as 31/03/2027.",
    ),
    "fields.date_range": (
        "«{field}» vale {value}: dev'essere una data dal {first} al {last}.",
        "'{field}' is {value}: it must be a date from {first} to {last}.",
    ),
    "fields.bad_time": (
        "«{field}» vale {value}: serve un'ora nel formato HH:MM.",
        "'{field}' is {value}: it must be a time as HH:MM.",
    ),
    "fields.future": (
        "La data {value} è nel futuro: qui vanno le azioni già fatte. Per programmarla usa il calendario "
        "editoriale più sotto.",
        "The date {value} is in the future: this list is for actions already done. To plan it, use the "
        "editorial calendar below.",
    ),
    # A plan file that is not a plan document at all: clauses, as in "The file was not loaded: ...".
    "fields.file.too_deep": (
        "annida elenchi e oggetti per più di {limit} livelli.",
        "it nests lists and objects more than {limit} levels deep.",
    ),
    "fields.file.long_number": (
        "contiene un numero di più di {limit} cifre.",
        "it holds a number of more than {limit} digits.",
    ),
    "fields.file.huge_number": (
        "contiene un numero troppo grande per essere letto: {value}.",
        "it holds a number too large to read: {value}.",
    ),
    "fields.file.constant": (
        "contiene {value}, che in JSON non è un numero.",
        "it holds {value}, which is not a number in JSON.",
    ),
    "fields.file.not_unicode": (
        "contiene testo che non è Unicode valido (un surrogato isolato).",
        "it holds text that is not valid Unicode (a lone surrogate).",
    ),
    "fields.file.version": (
        "la versione del piano, {value}, non esiste.",
        "the plan version, {value}, does not exist.",
    ),
}
