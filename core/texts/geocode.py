"""Words about placing customers on the map (core.geocode)."""

TEXTS = {
    "geocode.status.placed": ("Localizzato", "Placed"),
    "geocode.status.ambiguous": ("Ambiguo", "Ambiguous"),
    "geocode.status.unplaced": ("Non trovato", "Not found"),
    "geocode.summary": (
        "{placed} {placed:cliente localizzato|clienti localizzati}, {ambiguous} {ambiguous:ambiguo|ambigui}, "
        "{unplaced} non {unplaced:trovato|trovati}.",
        "{placed} {placed:customer|customers} placed, {ambiguous} ambiguous, {unplaced} not found.",
    ),
    "geocode.ambiguous_hint": (
        "Più comuni si chiamano «{town}» ({candidates}): aggiungi la provincia o il CAP.",
        "More than one comune is called “{town}” ({candidates}): add the province or the postcode.",
    ),
    "geocode.approx_note": (
        "Posizione approssimata: il comune non è nell'elenco GeoNames, usato il centro dei comuni vicini.",
        "Approximate position: the comune is not in GeoNames, so the centre of its neighbours is used.",
    ),
    "geocode.search_placeholder": ("Cerca un comune…", "Search a town…"),
    "geocode.kind.frazione": ("frazione di {comune}", "part of {comune}"),
}
