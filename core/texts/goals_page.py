"""Texts of the Goals page (the catalogue, SMART and tracking texts live in core/texts/goals.py)."""

TEXTS = {
    "goalspage.title": ("Obiettivi misurabili", "Measurable goals"),
    "goalspage.lead": (
        "«Essere sui social» non è un obiettivo. Qui lo trasformi in obiettivi misurabili: valore di "
        "partenza, indicatore (KPI), traguardo, scadenza e luogo, con il controllo SMART mentre scrivi.",
        "“Being on social media” is not a goal. Here you turn it into measurable goals: starting value, "
        "indicator (KPI), target, deadline and place, with the SMART check as you write.",
    ),
    "goalspage.add": ("Aggiungi un obiettivo", "Add a goal"),
    "goalspage.objective": ("Cosa vuoi ottenere?", "What do you want to achieve?"),
    "goalspage.add_this": ("Aggiungi", "Add"),
    "goalspage.add_custom": ("Scrivi un obiettivo tuo", "Write your own goal"),
    "goalspage.custom_none": (
        "Per un obiettivo tuo scegli poi il KPI nei dettagli.",
        "For your own goal, pick the KPI in the details.",
    ),
    "goalspage.added": ("Obiettivo aggiunto: «{title}».", "Goal added: “{title}”."),
    "goalspage.draft.label": ("Il tuo obiettivo, con parole tue", "Your goal, in your own words"),
    "goalspage.draft.example": ("ad esempio: più clienti dal quartiere", "e.g. more customers from the area"),
    "goalspage.draft.hint": (
        "Scrivi cosa vuoi ottenere: il controllo SMART e quello sui numeri di facciata rispondono mentre scrivi.",
        "Write what you want to achieve: the SMART check and the vanity check answer as you type.",
    ),
    "goalspage.draft.after": (
        "Aggiungilo e completalo nei dettagli (indicatore, traguardo, scadenza), oppure parti da un obiettivo "
        "pronto qui sotto.",
        "Add it and complete it in the details (indicator, target, deadline), or start from a ready goal below.",
    ),
    "goalspage.draft.add": ("Aggiungi così", "Add as written"),
    "goalspage.use_better_add": ("Aggiungi la versione misurabile", "Add the measurable version"),
    "goalspage.already": (
        "«{title}» è già tra i tuoi obiettivi: lo trovi nella tabella qui sotto.",
        "“{title}” is already one of your goals: it is in the table below.",
    ),
    "goalspage.added_before": ("Già tra i tuoi obiettivi.", "Already one of your goals."),
    "goalspage.target_to_set": (
        "Traguardo da fissare: lo scrivi nei dettagli.",
        "Target to set: you write it in the details.",
    ),
    "goalspage.date_placeholder": ("gg/mm/aaaa", "dd/mm/yyyy"),
    "goalspage.date_help": (
        "Scrivi la data come 31/03/2027 e premi Invio.",
        "Write the date as 31/03/2027 and press Enter.",
    ),
    "goalspage.none": (
        "Nessun obiettivo ancora: scegline uno qui sopra.",
        "No goals yet: pick one above.",
    ),
    "goalspage.table": ("I tuoi obiettivi", "Your goals"),
    "goalspage.table_help": (
        "Modifica direttamente nella tabella; i tassi sono in percentuale (3,5 = 3,5%).",
        "Edit right in the table; rates are in percent (3.5 = 3.5%).",
    ),
    "goalspage.col_smart": ("SMART", "SMART"),
    "goalspage.row_problem": ("Riga {row}: {reason}", "Row {row}: {reason}"),
    "goalspage.detail": ("Dettagli e controllo SMART", "Details and SMART check"),
    "goalspage.pick": ("Obiettivo", "Goal"),
    "goalspage.pace": (
        "Ritmo necessario: {pace} a settimana fino alla scadenza.",
        "Pace needed: {pace} a week until the deadline.",
    ),
    "goalspage.actions_help": ("Una azione per riga.", "One action per line."),
    "goalspage.use_better": ("Usa la versione misurabile", "Use the measurable version"),
    "goalspage.delete": ("Elimina questo obiettivo", "Delete this goal"),
    "goalspage.deleted": ("Obiettivo eliminato.", "Goal deleted."),
    "goalspage.invalid": ("Non salvato: {reason}", "Not saved: {reason}"),
    "goalspage.tree": ("L'albero degli obiettivi", "The goal tree"),
    "goalspage.tree_help": (
        "Obiettivo di business → obiettivi → indicatori → azioni.",
        "Business objective → goals → indicators → actions.",
    ),
    "goalspage.kpi_about": (
        "Cosa misura: {definition} Formula: {formula}",
        "What it measures: {definition} Formula: {formula}",
    ),
    "goalspage.no_kpi": ("— da scegliere —", "— to choose —"),
    "goalspage.tracking": ("Andamento", "Progress"),
    "goalspage.no_data": (
        "Nessun dato importato per questo indicatore: {sources}.",
        "No imported data for this indicator: {sources}.",
    ),
}
