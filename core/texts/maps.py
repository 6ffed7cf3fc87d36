"""Words shown on maps."""

TEXTS = {
    "maps.tiles_offline": (
        "La mappa di sfondo richiede internet: i dati sono disegnati comunque.",
        "The background map needs internet: the data is drawn anyway.",
    ),
}
