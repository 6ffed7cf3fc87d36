"""Texts of the frame: app name, path, sidebar, plan links, language."""

TEXTS = {
    "app.name": ("Rotta", "Rotta"),
    "app.tagline": (
        "Dalla presenza sui social a una rotta: obiettivi, mercato, tempi e luoghi, risultati.",
        "From being on social media to a route: goals, market, time and place, results.",
    ),
    "step.start": ("Inizio", "Start"),
    "step.business": ("Impresa", "Business"),
    "step.goals": ("Obiettivi", "Goals"),
    "step.market": ("Mappa del mercato", "Market map"),
    "step.timeline": ("Timeline", "Timeline"),
    "step.monitor": ("Monitoraggio", "Monitor"),
    "step.plan": ("Piano", "Plan"),
    "step.workshop": ("Workshop (facilitatore)", "Workshop (facilitator)"),
    "step.join": ("Entra in un workshop", "Join a workshop"),
    "step.start.what": ("Cosa fa Rotta, autovalutazione, esempi", "What Rotta does, self-check, samples"),
    "step.business.what": ("Chi sei, dove sei, i canali di oggi", "Who and where you are, today's channels"),
    "step.goals.what": ("Obiettivi misurabili e controllo SMART", "Measurable goals and the SMART check"),
    "step.market.what": ("A chi e dove vendi, sulla mappa", "To whom and where you sell, on a map"),
    "step.timeline.what": ("Cosa hai fatto, dove e quando", "What you did, where and when"),
    "step.monitor.what": ("Risultati, clienti che tornano", "Results, customers who come back"),
    "step.plan.what": ("La tua rotta, da scaricare", "Your route, to download"),
    "frame.path": ("Il percorso", "The path"),
    "frame.step_of": ("Passo {n} di {total} · {step}", "Step {n} of {total} · {step}"),
    "frame.you_are_here": ("sei qui", "you are here"),
    "frame.language": ("Lingua", "Language"),
    "frame.plan_of": ("Piano: {name}", "Plan: {name}"),
    "frame.plan_unnamed": ("Piano senza nome", "Unnamed plan"),
    "frame.plan_link_help": (
        "Questo indirizzo riapre il tuo piano, anche da un altro dispositivo. Tienilo per te.",
        "This address reopens your plan, also from another device. Keep it to yourself.",
    ),
    "frame.copy_link": ("Link del piano", "Plan link"),
    "frame.saved": ("Salvato", "Saved"),
    "frame.save_failed": (
        "Non è stato possibile salvare ({reason}). La modifica non è stata registrata: riprova.",
        "Could not save ({reason}). The change was not recorded: please try again.",
    ),
    "frame.conflict": (
        "Questo campo è stato cambiato in un'altra scheda o su un altro dispositivo. Il tuo valore "
        "«{yours}» non è stato salvato; ora vale «{theirs}». Reinseriscilo se vuoi tenerlo.",
        "This field was changed in another tab or device. Your value “{yours}” was not saved; it is "
        "now “{theirs}”. Enter it again if you want to keep it.",
    ),
    "frame.other_plan": (
        "Questa modifica era stata fatta su un altro piano (quello mostrato prima di tornare indietro o di "
        "cambiare link): non è stata salvata. Qui sotto c'è il piano del link: rifalla qui se serve.",
        "This change was made on another plan (the one shown before going back or changing the link): it "
        "was not saved. Below is the plan of the link: make it again here if you need to.",
    ),
    "frame.no_plan": (
        "Nessun piano aperto. Parti da un'impresa di esempio o da un piano vuoto.",
        "No plan open. Start from a sample business or an empty plan.",
    ),
    "frame.plan_missing": (
        "Il piano di questo link non esiste: il link è sbagliato o incompleto. Puoi iniziarne uno nuovo.",
        "The plan in this link does not exist: the link is wrong or incomplete. You can start a new one.",
    ),
    "frame.new_plan": ("Nuovo piano vuoto", "New empty plan"),
    "frame.load_sample": ("Carica l'esempio", "Load the sample"),
    "frame.go_start": ("Vai all'inizio", "Go to Start"),
    "frame.next": ("Avanti: {step}", "Next: {step}"),
    "frame.upload_limit": (
        "Ogni file al massimo {mb} MB: uno più grande viene rifiutato prima di essere letto.",
        "At most {mb} MB per file: a bigger one is refused before it is read.",
    ),
    "frame.offline_note": (
        "Funziona senza internet: serve solo per lo sfondo della mappa.",
        "Works without internet: it is only needed for the map background.",
    ),
    # Streamlit's own words on its widgets, said in the page's language (ui/builtin_text.py and placeholders).
    "frame.choose": ("Scegli", "Choose an option"),
    "frame.choose_many": ("Scegli una o più voci", "Choose options"),
    "frame.builtin.upload": ("Carica", "Upload"),
    "frame.builtin.drop": ("Trascina qui il file", "Drag and drop a file here"),
    "frame.builtin.enter_apply": ("Premi Invio per confermare", "Press Enter to apply"),
    "frame.builtin.enter_submit": ("Premi Invio per inviare", "Press Enter to submit form"),
}
