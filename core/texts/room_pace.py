"""Texts of the room's pace: the facilitator's control and the banner on the participants' phones."""

TEXTS = {
    "pace.heading": ("Il ritmo della stanza", "The room's pace"),
    "pace.help": (
        "Porta tutti allo stesso passo: entro pochi secondi ogni telefono mostra un avviso con un tocco per "
        "andarci e il tempo rimasto. «Guardate lo schermo» mette in pausa i telefoni.",
        "Bring everyone to the same step: within a few seconds every phone shows a banner with one tap to go "
        "there and the time left. \u201cLook at the screen\u201d pauses the phones.",
    ),
    "pace.step": ("Passo", "Step"),
    "pace.step_none": ("— nessun passo —", "— no step —"),
    "pace.minutes": ("Minuti (facoltativo)", "Minutes (optional)"),
    "pace.set": ("Porta la stanza a questo passo", "Move the room to this step"),
    "pace.pause": ("Guardate lo schermo", "Look at the screen"),
    "pace.resume": ("Riprendi", "Resume"),
    "pace.now_set": ("La stanza è a «{step}»{left}.", "The room is at \u201c{step}\u201d{left}."),
    "pace.none_set": ("Nessun passo indicato alla stanza.", "No step set for the room."),
    "pace.left": (", {n} {n:minuto rimasto|minuti rimasti}", ", {n} {n:minute|minutes} left"),
    "pace.over": (", tempo scaduto", ", time is up"),
    "pace.counts": (
        "Su questo passo ora: {at} · già fatto: {done} · partecipanti: {total}.",
        "On this step now: {at} · done it: {done} · participants: {total}.",
    ),
    "pace.paused_state": (
        "I telefoni sono in pausa: «Guardate lo schermo».",
        "The phones are paused: \u201cLook at the screen\u201d.",
    ),
    "pace.banner.go": ("La stanza è a «{step}»{left}.", "The room is at \u201c{step}\u201d{left}."),
    "pace.banner.here": ("Sei al passo della stanza{left}.", "You are on the room's step{left}."),
    "pace.banner.link": ("Vai a «{step}»", "Go to \u201c{step}\u201d"),
    "pace.banner.paused": (
        "Guardate lo schermo: il facilitatore sta mostrando qualcosa alla stanza.",
        "Look at the screen: the facilitator is showing the room something.",
    ),
    "pace.refused": ("Passo o minuti non validi: {reason}.", "Step or minutes not valid: {reason}."),
}
