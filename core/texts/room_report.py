"""Texts of the room report: the PDF and XLSX the facilitator downloads after the workshop."""

TEXTS = {
    "report.title": ("Report della stanza: {title}", "Room report: {title}"),
    "report.when_where": ("{date} · {place}", "{date} · {place}"),
    "report.people": (
        "{joined} {joined:partecipante|partecipanti}; {read} {read:piano letto|piani letti}; {sharing} "
        "{sharing:mostra|mostrano} il nome; {contributors} {contributors:conta|contano} nelle cifre anonime.",
        "{joined} {joined:participant|participants}; {read} {read:plan|plans} read; {sharing} "
        "{sharing:shows its|show their} name; {contributors} {contributors:counts|count} in the anonymous figures.",
    ),
    "report.section.bands": ("Autovalutazione: «Sei alla deriva?»", "Self-check: \u201cAre you adrift?\u201d"),
    "report.section.figures": ("La stanza in cifre (anonime)", "The room in figures (anonymous)"),
    "report.figures_note": (
        "Solo chi ha acconsentito a contare; una cifra appare solo se contano almeno {min} partecipanti: la metà "
        "centrale (dal primo al terzo quartile) e la mediana, mai il valore di una persona.",
        "Only those who agreed to count; a figure shows only when at least {min} participants count: the middle "
        "half (first to third quartile) and the median, never one person's value.",
    ),
    "report.section.objectives": ("Obiettivi scelti", "Objectives chosen"),
    "report.section.kpis": ("KPI scelti", "KPIs chosen"),
    "report.section.smart": ("Le lettere SMART mancate più spesso", "The SMART letters missed most often"),
    "report.section.towns": ("Dove sono le imprese", "Where the businesses are"),
    "report.section.participants": ("Partecipanti", "Participants"),
    "report.column.item": ("Voce", "Item"),
    "report.column.count": ("Quanti", "How many"),
    "report.column.figure": ("Cifra", "Figure"),
    "report.column.count_contributors": ("Contano", "Counted"),
    "report.column.q1": ("1° quartile", "1st quartile"),
    "report.column.median": ("Mediana", "Median"),
    "report.column.q3": ("3° quartile", "3rd quartile"),
    "report.column.letter": ("Lettera", "Letter"),
    "report.column.goals": ("Obiettivi", "Goals"),
    "report.column.fix": ("Come rimediare", "How to fix it"),
    "report.column.participant": ("Partecipante", "Participant"),
    "report.column.name": ("Nome (se mostrato)", "Name (if shown)"),
    "report.column.step": ("Passo", "Step"),
    "report.column.band": ("Autovalutazione", "Self-check"),
    "report.column.town": ("Comune", "Town"),
    "report.column.businesses": ("Imprese", "Businesses"),
    "report.not_enough": ("meno di {min}", "fewer than {min}"),
    "report.none": ("Nessuno ancora.", "None yet."),
    "report.fix.S": (
        "Dire che cosa cambia e per chi: «più clienti del quartiere in negozio», non «essere sui social».",
        "Say what changes and for whom: \u201cmore customers from the area in the shop\u201d, not \u201cbe on "
        "social media\u201d.",
    ),
    "report.fix.M": (
        "Scegliere un KPI con un punto di partenza e un traguardo in numeri.",
        "Choose a KPI with a baseline and a target in numbers.",
    ),
    "report.fix.A": (
        "Un traguardo raggiungibile con il ritmo di oggi: confrontarlo con il punto di partenza.",
        "A target within reach at today's pace: compare it with the baseline.",
    ),
    "report.fix.R": (
        "Legare il numero a un risultato per l'impresa (clienti, vendite), non ai follower o ai like.",
        "Tie the number to a result for the business (customers, sales), not to followers or likes.",
    ),
    "report.fix.T": ("Fissare una scadenza entro un anno.", "Set a deadline within a year."),
    "report.map_caption": (
        "Un punto per comune, grande quanto le imprese che vi si trovano; nessun nome.",
        "One dot per town, as big as the businesses there; no names.",
    ),
    "report.download.pdf": ("Report della stanza (PDF)", "Room report (PDF)"),
    "report.download.xlsx": ("Report della stanza (XLSX)", "Room report (XLSX)"),
    "report.sheet.summary": ("Sintesi", "Summary"),
    "report.sheet.figures": ("Cifre", "Figures"),
    "report.sheet.bands": ("Autovalutazione", "Self-check"),
    "report.sheet.objectives": ("Obiettivi", "Objectives"),
    "report.sheet.kpis": ("KPI", "KPIs"),
    "report.sheet.smart": ("SMART", "SMART"),
    "report.sheet.towns": ("Comuni", "Towns"),
    "report.sheet.participants": ("Partecipanti", "Participants"),
}
