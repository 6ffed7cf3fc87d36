"""Texts of the sample businesses: names and descriptions for the picker (``samples.<slug>.*``)."""

TEXTS = {
    "samples.forno.name": ("Forno Gatta Rossa · panificio a Roma", "Forno Gatta Rossa · bakery in Rome"),
    "samples.forno.description": (
        "Panificio di quartiere al Pigneto: circa 1.500 clienti con la tessera fedeltà, quasi tutti a Roma, "
        "che tornano spesso per piccoli acquisti. Instagram, Facebook, profilo Google e prenotazioni su "
        "WhatsApp. Gli obiettivi misurabili sono in linea con i tempi.",
        "Neighbourhood bakery at the Pigneto: about 1,500 loyalty-card customers, nearly all in Rome, who "
        "come back often for small purchases. Instagram, Facebook, Google profile and pre-orders on "
        "WhatsApp. Its measurable goals are on track.",
    ),
    "samples.cantina.name": ("Cantina Colle dei Gufi · vini a Marino", "Cantina Colle dei Gufi · winery in Marino"),
    "samples.cantina.description": (
        "Cantina dei Castelli Romani: circa 2.500 clienti tra shop online, fiere (Vinitaly, ProWein) e "
        "degustazioni in cantina, in tutta Italia e per il 15% all'estero. Gli obiettivi sono a rischio. "
        "Sei clienti hanno il luogo scritto male a mano (minuscole, accenti e zeri iniziali persi), per "
        "vedere come l'importazione li tratta.",
        "Winery in the Castelli Romani: about 2,500 customers from the online shop, fairs (Vinitaly, "
        "ProWein) and tastings in the cellar, all over Italy and 15% abroad. Its goals are at risk. Six "
        "customers' places were typed badly by hand (lower case, lost accents and leading zeros), to see "
        "how the import handles them.",
    ),
    "samples.officina.name": (
        "Ortensi Automazioni · meccanica B2B a Lumezzane",
        "Ortensi Automazioni · B2B machine builder in Lumezzane",
    ),
    "samples.officina.description": (
        "Piccola azienda meccanica in Val Trompia (Brescia): circa 350 aziende clienti nel Nord Italia e "
        "qualcuna all'estero, pochi ordini grandi, fiere di settore (MECSPE, LAMIERA, EMO, BI-MU). La pagina "
        "LinkedIn esiste solo da settembre: per i suoi obiettivi i dati sono ancora scarsi.",
        "Small engineering firm in Val Trompia (Brescia): about 350 client companies in northern Italy and a "
        "few abroad, few large orders, trade fairs (MECSPE, LAMIERA, EMO, BI-MU). The LinkedIn page only "
        "exists since September: its goals have little data yet.",
    ),
}
