"""Words shown on maps."""

TEXTS = {
    "maps.point.title": ("Dov'è l'attività", "Where the business is"),
    "maps.point.help": (
        "Tocca la mappa nel punto esatto dell'attività: distanze, anelli e bacino partono da lì.",
        "Tap the map at the business's exact spot: distances, rings and trade areas start from there.",
    ),
    "maps.point.at_centre": (
        "Ora l'attività è al centro di {town}: tocca la mappa dov'è davvero.",
        "The business is now at the centre of {town}: tap the map where it really is.",
    ),
    "maps.point.set": (
        "Il punto dell'attività: {lat} N, {lon} E, a {km} km dal centro di {town}.",
        "The business's point: {lat} N, {lon} E, {km} km from the centre of {town}.",
    ),
    "maps.point.outside": (
        "Quel punto è fuori da {town} (a {km} km dal comune): tocca dentro il comune, o cambia comune.",
        "That point is outside {town} ({km} km from the comune): tap inside it, or change the town.",
    ),
    "maps.point.reset": ("Torna al centro del comune", "Back to the town's centre"),
    "maps.point.no_search": (
        "La ricerca per via non è disponibile senza internet: il punto si fissa toccando la mappa.",
        "Street search is not available offline: set the point by tapping the map.",
    ),
    "maps.tiles_offline": (
        "La mappa di sfondo richiede internet: i dati sono disegnati comunque.",
        "The background map needs internet: the data is drawn anyway.",
    ),
}
