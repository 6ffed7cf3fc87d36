"""Texts of the Business step: profile, sector, place, baseline audit, markets."""

TEXTS = {
    "business.title": ("La tua impresa", "Your business"),
    "business.lead": (
        "Chi sei, dove sei, che canali usi oggi e dove vendi: è il punto di partenza (la fotografia "
        "iniziale) da cui partono gli obiettivi.",
        "Who you are, where you are, which channels you use today and where you sell: the baseline "
        "(the starting snapshot) your goals start from.",
    ),
    "business.name": ("Nome dell'impresa", "Business name"),
    "business.name_placeholder": ("es. Forno Aurelio", "e.g. Forno Aurelio"),
    "business.sector": ("Settore (codice ATECO)", "Sector (ATECO code)"),
    "business.sector_search": ("Cerca il settore", "Search the sector"),
    "business.sector_search_help": (
        "Scrivi una parola (es. «pane», «vino», «meccanica») o un codice (es. 10.71).",
        "Type a word in Italian (e.g. “pane”, “vino”, “meccanica”) or a code (e.g. 10.71).",
    ),
    "business.sector_none": ("Nessun settore trovato per «{query}».", "No sector found for “{query}”."),
    "business.sector_current": ("Settore: {code} · {title}", "Sector: {code} · {title}"),
    "business.sector_note": (
        "La classificazione ATECO (ISTAT) ha solo titoli in italiano.",
        "The ATECO classification (ISTAT) has Italian titles only.",
    ),
    "business.town": ("Dove si trova (comune)", "Where it is (town)"),
    "business.town_placeholder": ("es. Frascati, Forlì, Bolzano/Bozen", "e.g. Frascati, Forlì, Bolzano/Bozen"),
    "business.province": ("Provincia o CAP (se il nome è ambiguo)", "Province or postcode (if the name is ambiguous)"),
    "business.town_found": ("{name} ({province}), {region}", "{name} ({province}), {region}"),
    "business.town_unplaced": (
        "Non trovo «{town}» tra i comuni italiani né tra le città estere. Controlla l'ortografia.",
        "Cannot find “{town}” among Italian comuni or towns abroad. Check the spelling.",
    ),
    "business.town_ambiguous": (
        "Ci sono più comuni chiamati «{town}»: scegli quello giusto.",
        "Several comuni are called “{town}”: pick the right one.",
    ),
    "business.town_pick": ("Quale?", "Which one?"),
    "business.town_approx": (
        "Posizione approssimata (centro della provincia).",
        "Approximate position (centre of the province).",
    ),
    "business.map_caption": ("La tua impresa sulla mappa", "Your business on the map"),
    "business.channels": ("Canali di oggi (fotografia iniziale)", "Channels today (baseline audit)"),
    "business.channels_help": (
        "Un canale per riga: follower di oggi e post a settimana. Sono i numeri da cui partono gli obiettivi.",
        "One channel per row: today's followers and posts per week. Goals start from these numbers.",
    ),
    "business.col_channel": ("Canale", "Channel"),
    "business.col_followers": ("Follower", "Followers"),
    "business.col_posts": ("Post a settimana", "Posts per week"),
    "business.channels_summary": (
        "{channels} {channels:canale|canali} · {followers} follower in tutto · {posts} post a settimana",
        "{channels} {channels:channel|channels} · {followers} {followers:follower|followers} in all · {posts} "
        "{posts:post|posts} per week",
    ),
    "business.channels_duplicate": (
        "Il canale «{channel}» compare due volte: tieni una riga sola.",
        "The channel “{channel}” appears twice: keep one row.",
    ),
    "business.markets": ("Dove vendi", "Where you sell"),
    "business.market.local": ("Nel quartiere o nel comune", "Locally (neighbourhood, town)"),
    "business.market.regional": ("Nella regione", "In the region"),
    "business.market.national": ("In tutta Italia", "Across Italy"),
    "business.market.abroad": ("All'estero", "Abroad"),
}
