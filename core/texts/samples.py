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
    # The samples' own words (sector, goal titles and actions) in both languages: a sample loaded in English
    # reads in English. The Italian is the text of sample_data/<slug>/ (a test checks they agree).
    "samples.forno.sector": (
        "Produzione di pane e prodotti di panetteria simili",
        "Manufacture of bread and similar bakery products",
    ),
    "samples.forno.g1.title": (
        "Far vedere i nostri post a più persone del quartiere su Instagram",
        "Show our posts to more people in the neighbourhood on Instagram",
    ),
    "samples.forno.g1.actions": (
        "3 post a settimana alle 7:30\n1 reel a settimana dal laboratorio",
        "3 posts a week at 7:30\n1 reel a week from the bakehouse",
    ),
    "samples.forno.g2.title": (
        "Più clienti della tessera che tornano almeno una seconda volta",
        "More loyalty-card customers who come back at least a second time",
    ),
    "samples.forno.g2.actions": (
        "Nuova tessera a punti\nPrenotazioni su WhatsApp con ritiro senza fila",
        "New points card\nPre-orders on WhatsApp, collected without queueing",
    ),
    "samples.forno.g3.title": ("Avere più follower", "Have more followers"),
    "samples.forno.g4.title": (
        "Farci conoscere anche a Centocelle e al Quadraro",
        "Get known in Centocelle and Quadraro too",
    ),
    "samples.forno.g4.actions": ("Volantini", "Flyers"),
    "samples.cantina.sector": (
        "Produzione di vini, esclusi vini spumanti e altri vini speciali",
        "Manufacture of wine, except sparkling and other special wines",
    ),
    "samples.cantina.g1.title": (
        "Più clienti all'estero: 12 nuovi al mese entro dicembre",
        "More customers abroad: 12 new a month by December",
    ),
    "samples.cantina.g1.actions": (
        "Shop online in inglese e tedesco\nNewsletter mensile in inglese",
        "Online shop in English and German\nMonthly newsletter in English",
    ),
    "samples.cantina.g2.title": ("Post Instagram più coinvolgenti", "More engaging Instagram posts"),
    "samples.cantina.g2.actions": (
        "Un reel a settimana dalla vigna\nRispondere a tutti i commenti",
        "One reel a week from the vineyard\nReply to every comment",
    ),
    "samples.cantina.g3.title": ("Aprire una pagina Instagram in inglese", "Open an Instagram page in English"),
    "samples.cantina.g4.title": ("Vendere più vino online", "Sell more wine online"),
    "samples.officina.sector": (
        "Fabbricazione di macchine per la deformazione dei metalli e di altre macchine utensili per la lavorazione "
        "dei metalli",
        "Manufacture of metal forming machinery and other machine tools for metal working",
    ),
    "samples.officina.g1.title": (
        "Far crescere la pagina LinkedIn aziendale a 600 follower",
        "Grow the company LinkedIn page to 600 followers",
    ),
    "samples.officina.g1.actions": (
        "Due post a settimana\nI dipendenti condividono i post",
        "Two posts a week\nEmployees share the posts",
    ),
    "samples.officina.g2.title": (
        "Post LinkedIn che coinvolgono: 4% di engagement",
        "LinkedIn posts that engage: 4% engagement",
    ),
    "samples.officina.g2.actions": (
        "Video brevi dei collaudi\nCasi di studio con i clienti",
        "Short videos of acceptance tests\nCase studies with customers",
    ),
    "samples.officina.g3.title": (
        "15 richieste di offerta al mese da fiere, sito e LinkedIn",
        "15 requests for quotation a month from fairs, website and LinkedIn",
    ),
    "samples.officina.g3.actions": (
        "Modulo di contatto sul sito\nRichiamare entro 48 ore i contatti della BI-MU",
        "Contact form on the website\nCall back the BI-MU contacts within 48 hours",
    ),
    "samples.officina.g4.title": ("Essere più presenti sui social", "Be more present on social media"),
}
