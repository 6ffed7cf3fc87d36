"""Texts of the Market map page: customers in, layers, drawing a target area, tables, competitors, audience."""

_COLUMNS = {
    "band": ("Distanza dall'attività", "Distance from the business"),
    "customers": ("Clienti", "Customers"),
    "share_customers": ("Quota dei clienti", "Share of customers"),
    "cum_share_customers": ("Clienti entro questa distanza", "Customers within this distance"),
    "revenue": ("Fatturato", "Revenue"),
    "share_revenue": ("Quota del fatturato", "Share of revenue"),
    "comune": ("Comune", "Town"),
    "town": ("Città", "Town"),
    "postcode": ("CAP", "Postcode"),
    "province": ("Provincia", "Province"),
    "country": ("Paese", "Country"),
    "population": ("Abitanti", "Residents"),
    "per_1000": ("Clienti ogni 1.000 abitanti", "Customers per 1,000 residents"),
    "share": ("Quota dei clienti più vicini", "Share of the nearest customers"),
    "radius_km": ("Entro (km)", "Within (km)"),
    "revenue_share": ("Quota del fatturato", "Share of revenue"),
    "city": ("Città", "City"),
    "followers": ("Follower (numero o %)", "Followers (count or %)"),
    "share_followers": ("Quota del pubblico", "Share of the audience"),
    "kind": ("Cosa dice", "What it says"),
}

TEXTS = {
    **{f"marketpage.col.{k}": v for k, v in _COLUMNS.items()},
    "marketpage.title": ("Mappa del mercato: a chi e dove vendi", "Market map: to whom and where you sell"),
    "marketpage.lead": (
        "Porta qui l'elenco dei clienti: la mappa mostra dove sono, quanti sono vicini e quanti lontani, "
        "dove c'è spazio per crescere. Disegna la zona che vuoi conquistare e usala in un obiettivo.",
        "Bring your customer list here: the map shows where customers are, how many are near and how many "
        "far, and where there is room to grow. Draw the area you want to win and use it in a goal.",
    ),
    # ---- customers in --------------------------------------------------------------------------------------
    "marketpage.in.title": ("Clienti: importa il tuo elenco", "Customers in: import your list"),
    "marketpage.in.help": (
        "Servono solo città, CAP, provincia, paese, ordini e spesa: nomi, e-mail, telefoni e indirizzi "
        "vengono scartati all'importazione. Puoi importare più file: si sommano.",
        "Only town, postcode, province, country, orders and spend are needed: names, e-mails, phones and "
        "street addresses are dropped on import. You can import several files: they add up.",
    ),
    "marketpage.in.sample_note": (
        "Questo piano parte da un esempio: finché non importi i tuoi clienti vedi quelli dell'esempio; "
        "dal primo file importato vedi solo i tuoi.",
        "This plan starts from a sample: until you import your own customers you see the sample's; from the "
        "first imported file on you see your own only.",
    ),
    "marketpage.in.shops": (
        "Esportazioni dei clienti da Shopify o WooCommerce",
        "Customer exports from Shopify or WooCommerce",
    ),
    "marketpage.mapping.title": ("Un'altra tabella (CSV, Excel)", "Another table (CSV, Excel)"),
    "marketpage.mapping.help": (
        "Dal gestionale, dalla cassa o da un foglio tuo: carica il file, controlla quale colonna contiene "
        "cosa (Rotta propone un abbinamento) e importa. Serve almeno la città o il CAP.",
        "From your management software, till or own spreadsheet: upload the file, check which column holds "
        "what (Rotta suggests a match) and import. At least the town or the postcode is needed.",
    ),
    "marketpage.mapping.uploader": ("Tabella dei clienti", "Customer table"),
    "marketpage.mapping.none": ("— non c'è nel file —", "— not in the file —"),
    "marketpage.mapping.import": ("Importa con queste colonne", "Import with these columns"),
    "marketpage.mapping.done": (
        "{file}: {rows:importato|importati} {rows} {rows:cliente|clienti}, {placed} sulla mappa.",
        "{file}: imported {rows} {rows:customer|customers}, {placed} on the map.",
    ),
    "marketpage.unplaced.count": (
        "{n} {n:cliente non è|clienti non sono} sulla mappa: il loro luogo non è stato trovato o è ambiguo. Restano "
        "nei "
        "totali e nelle tabelle, non nelle distanze.",
        "{n} {n:customer is|customers are} not on the map: their place was not found or is ambiguous. They stay in the "
        "totals and tables, not in the distances.",
    ),
    "marketpage.unplaced.list": ("Quali luoghi non sono stati trovati", "Which places were not found"),
    # ---- the map and its layers ---------------------------------------------------------------------------
    "marketpage.map.title": ("La mappa", "The map"),
    "marketpage.layer.hexes": ("Esagoni", "Hexagons"),
    "marketpage.layer.areas": ("Zone salvate", "Saved areas"),
    "marketpage.layers.label": ("Cosa mostrare sulla mappa", "What to show on the map"),
    "marketpage.layers.help": (
        "Gli strati scelti qui arrivano sulla mappa; dal pulsante in alto a destra della mappa puoi "
        "nasconderli e mostrarli senza ricaricare.",
        "The layers chosen here go on the map; the button at the map's top right hides and shows them "
        "without reloading.",
    ),
    "marketpage.layers.customers_as": ("Clienti come", "Customers as"),
    "marketpage.layers.style.clusters": ("Gruppi", "Clusters"),
    "marketpage.layers.style.circles": ("Cerchi", "Circles"),
    "marketpage.layers.hex_measure": ("Esagoni: cosa contano", "Hexagons count"),
    "marketpage.layers.measure.customers": ("Clienti", "Customers"),
    "marketpage.layers.measure.revenue": ("Fatturato", "Revenue"),
    "marketpage.layers.hex_size": ("Grandezza degli esagoni", "Hexagon size"),
    "marketpage.layers.hex_size.5": ("Grandi (~250 km²)", "Large (~250 km²)"),
    "marketpage.layers.hex_size.6": ("Medi (~36 km²)", "Medium (~36 km²)"),
    "marketpage.layers.hex_size.7": ("Piccoli (~5 km²)", "Small (~5 km²)"),
    "marketpage.layers.hex_size_help": (
        "Gli esagoni medi e piccoli contano solo i clienti entro {km} km dall'attività, perché la mappa resti leggera.",
        "Medium and small hexagons count only customers within {km} km of the business, so the map stays light.",
    ),
    "marketpage.layers.radii": ("Cerchi di distanza", "Distance rings"),
    "marketpage.layers.km": ("{km} km", "{km} km"),
    "marketpage.no_town": (
        "Manca il comune dell'attività: indicalo nel passo La tua impresa per vedere distanze, cerchi e "
        "bacino dei clienti.",
        "The business's town is missing: set it in the Your business step to see distances, rings and trade areas.",
    ),
    # ---- drawing a target area ----------------------------------------------------------------------------
    "marketpage.draw.mode": ("Disegna una zona obiettivo", "Draw a target area"),
    "marketpage.draw.mode.off": ("No", "Off"),
    "marketpage.draw.mode.polygon": ("Per punti", "By points"),
    "marketpage.draw.mode.circle": ("Cerchio", "Circle"),
    "marketpage.draw.radius": ("Raggio (km)", "Radius (km)"),
    "marketpage.draw.undo": ("Indietro", "Undo"),
    "marketpage.draw.clear": ("Ricomincia", "Start again"),
    "marketpage.draw.help.polygon": (
        "Fai clic sulla mappa per mettere i vertici della zona, uno dopo l'altro; dal terzo punto la zona "
        "si chiude da sola e sotto la mappa compaiono clienti, fatturato e abitanti al suo interno.",
        "Click on the map to place the area's corners one after the other; from the third point the area "
        "closes by itself and the customers, revenue and residents inside appear below the map.",
    ),
    "marketpage.draw.help.circle": (
        "Fai clic sulla mappa per scegliere il centro e indica il raggio: sotto la mappa compaiono clienti, "
        "fatturato e abitanti al suo interno.",
        "Click on the map to choose the centre and set the radius: the customers, revenue and residents "
        "inside appear below the map.",
    ),
    "marketpage.draw.name": ("Nome della zona", "Name of the area"),
    "marketpage.draw.name_placeholder": ("es. Quartiere Prati", "e.g. Prati district"),
    "marketpage.draw.save": ("Salva la zona nel piano", "Save the area to the plan"),
    "marketpage.draw.save_goal": ("Salva e fanne un obiettivo", "Save and make it a goal"),
    "marketpage.draw.saved": (
        "Zona «{name}» salvata: puoi usarla come luogo di un obiettivo.",
        "Area “{name}” saved: you can use it as the place of a goal.",
    ),
    "marketpage.draw.name_empty": ("Dai un nome alla zona.", "Give the area a name."),
    "marketpage.draw.name_taken": (
        "C'è già una zona chiamata «{name}»: scegli un altro nome.",
        "There is already an area called “{name}”: choose another name.",
    ),
    "marketpage.area.customers": ("Clienti nella zona", "Customers in the area"),
    "marketpage.area.revenue": ("Fatturato (€)", "Revenue (€)"),
    "marketpage.area.of_all": ("{share} del totale", "{share} of all"),
    "marketpage.area.residents": ("Abitanti", "Residents"),
    "marketpage.area.comuni": ("{n} {n:comune|comuni}", "{n} {n:comune|comuni}"),
    "marketpage.area.per_1000": ("Clienti ogni 1.000 abitanti", "Customers per 1,000 residents"),
    # ---- saved areas ----------------------------------------------------------------------------------------
    "marketpage.areas.title": ("Zone obiettivo salvate", "Saved target areas"),
    "marketpage.areas.none": (
        "Nessuna zona salvata: disegnane una sulla mappa (Per punti o Cerchio) e salvala.",
        "No saved areas: draw one on the map (By points or Circle) and save it.",
    ),
    "marketpage.areas.broken": (
        "La zona n. {n} nel piano non è leggibile.",
        "Area no. {n} in the plan cannot be read.",
    ),
    "marketpage.areas.circle": ("cerchio di {km} km", "circle of {km} km"),
    "marketpage.areas.polygon": ("{n} {n:vertice|vertici}", "{n} {n:corner|corners}"),
    "marketpage.areas.row": (
        "**{name}** ({shape}) · {customers} {customers:cliente|clienti} ({share_customers}) · {revenue} € "
        "({share_revenue}) · "
        "{residents} abitanti in {comuni} {comuni:comune|comuni} · {per_1000} clienti ogni 1.000 abitanti",
        "**{name}** ({shape}) · {customers} {customers:customer|customers} ({share_customers}) · €{revenue} "
        "({share_revenue}) · "
        "{residents} residents in {comuni} {comuni:comune|comuni} · {per_1000} customers per 1,000 residents",
    ),
    "marketpage.areas.goal_hint": (
        "Per un obiettivo su una zona: nel passo Obiettivi scegli come luogo «{kind}» e scrivi il suo nome.",
        "For a goal about an area: in the Goals step choose “{kind}” as the place and type its name.",
    ),
    # ---- summary and tables ---------------------------------------------------------------------------------
    "marketpage.summary.title": ("A chi e dove vendi", "To whom and where you sell"),
    "marketpage.summary.customers": ("Clienti", "Customers"),
    "marketpage.summary.revenue": ("Fatturato (€)", "Revenue (€)"),
    "marketpage.summary.median": ("Distanza mediana", "Median distance"),
    "marketpage.summary.median_of": (
        "di {n} {n:cliente|clienti} con una distanza nota",
        "of {n} {n:customer|customers} with a known distance",
    ),
    "marketpage.summary.abroad": ("Clienti all'estero", "Customers abroad"),
    "marketpage.tables.title": ("Dove sono i clienti, in tabelle", "Where the customers are, in tables"),
    "marketpage.tables.comuni": ("Comuni", "Towns"),
    "marketpage.tables.provinces": ("Province", "Provinces"),
    "marketpage.tables.rings": ("Distanze", "Distances"),
    "marketpage.tables.trade_areas": ("Bacino", "Trade areas"),
    "marketpage.tables.rings_help": (
        "Clienti e fatturato per fascia di distanza dall'attività (i cerchi scelti sopra la mappa).",
        "Customers and revenue by distance band from the business (the rings chosen above the map).",
    ),
    "marketpage.tables.postcodes": ("Per CAP", "By postcode"),
    "marketpage.tables.postcodes_help": (
        "{items}: la loro posizione dentro il comune non si conosce, quindi li vedi per CAP "
        "({shown} CAP con più clienti, su {total}).",
        "{items}: their position inside the city is unknown, so here they are by postcode "
        "(the {shown} postcodes with most customers, of {total}).",
    ),
    "marketpage.tables.postcodes_none": (
        "Tutti i clienti hanno una distanza nota: nessuno da mostrare per CAP.",
        "Every customer has a known distance: nobody to show by postcode.",
    ),
    "marketpage.tables.top": (
        "I {shown} con più clienti, su {total}.",
        "The {shown} with most customers, of {total}.",
    ),
    "marketpage.ring.unknown": ("Posizione in città sconosciuta", "Position inside the city unknown"),
    "marketpage.data.sample": (
        "La mappa mostra i clienti dell'esempio ({rows} {rows:riga|righe}). Importa qui sopra il tuo elenco "
        "per vedere i tuoi.",
        "The map shows the sample's customers ({rows} {rows:row|rows}). Import your own list above to see yours.",
    ),
    "marketpage.data.own": (
        "La mappa mostra i tuoi clienti: {rows} {rows:riga|righe} da {files} file importati.",
        "The map shows your customers: {rows} {rows:row|rows} from {files} imported files.",
    ),
    "marketpage.data.own_one": (
        "La mappa mostra i tuoi clienti: {rows} {rows:riga|righe} da un file importato.",
        "The map shows your customers: {rows} {rows:row|rows} from one imported file.",
    ),
    "marketpage.area.unknown": (
        "Più {items}, che non si sa se siano dentro o fuori: la zona taglia il comune e i dati non dicono "
        "dove abitano al suo interno.",
        "Plus {items}, who may be inside or outside: the area cuts the comune and the data do not say where "
        "in it they live.",
    ),
    "marketpage.area.estimated": (
        "≈ stima: di ogni comune tagliato dalla zona si contano gli abitanti in proporzione alla sua superficie "
        "dentro la zona (ISTAT, residenti al 1° gennaio 2023).",
        "≈ estimate: each comune the area cuts counts its residents in proportion to its surface inside the "
        "area (ISTAT, residents on 1 January 2023).",
    ),
    "marketpage.areas.make_goal": ("Fanne un obiettivo", "Make this a goal"),
    "marketpage.areas.goal_title": ("Più clienti nella zona «{name}»", "More customers in the “{name}” area"),
    "marketpage.areas.goal_made": (
        "Obiettivo creato sulla zona «{name}», con il punto di partenza di oggi: {share} dei clienti "
        "({customers} {customers:cliente|clienti}, {revenue}). Completalo nel passo Obiettivi.",
        "Goal created on the “{name}” area, starting from today's figures: {share} of customers "
        "({customers} {customers:customer|customers}, {revenue}). Complete it in the Goals step.",
    ),
    "marketpage.tables.trade_areas_help": (
        "Il bacino è la zona dove abita la metà (o il 70%) dei clienti più vicini.",
        "A trade area is where the nearest half (or 70%) of the customers live.",
    ),
    # ---- competitors and other sites ------------------------------------------------------------------------
    "marketpage.places.title": ("Concorrenti e altre sedi", "Competitors and other sites"),
    "marketpage.competitors.title": ("Concorrenti", "Competitors"),
    "marketpage.competitors.help": (
        "Chi vende lo stesso ai tuoi clienti: nome e comune, trovato senza internet.",
        "Who sells the same to your customers: name and town, found without internet.",
    ),
    "marketpage.competitors.name": ("Nome del concorrente", "Competitor's name"),
    "marketpage.competitors.none": ("Nessun concorrente aggiunto.", "No competitors added."),
    "marketpage.sites.title": ("Altre sedi", "Other sites"),
    "marketpage.sites.help": (
        "Altri negozi, punti vendita, banchi al mercato: compaiono sulla mappa accanto all'attività.",
        "Other shops, outlets, market stalls: they appear on the map next to the business.",
    ),
    "marketpage.sites.name": ("Nome della sede", "Name of the site"),
    "marketpage.sites.none": ("Nessuna altra sede.", "No other sites."),
    "marketpage.place.add": ("Aggiungi", "Add"),
    "marketpage.place.missing": ("Scrivi il nome e il comune.", "Type the name and the town."),
    "marketpage.place.ambiguous": (
        "Ci sono più luoghi chiamati «{town}» ({options}): aggiungi la provincia o il CAP.",
        "Several places are called “{town}” ({options}): add the province or the postcode.",
    ),
    "marketpage.place.row": ("**{name}** · {town}", "**{name}** · {town}"),
    # ---- the social audience by city ------------------------------------------------------------------------
    "marketpage.followers.title": (
        "Pubblico social e clienti, città per città",
        "Social audience and customers, city by city",
    ),
    "marketpage.followers.help": (
        "Copia dalle statistiche di Instagram o Facebook le città principali del tuo pubblico, con i follower "
        "o le percentuali: accanto compare la quota dei tuoi clienti nelle stesse città.",
        "Copy your audience's top cities from the Instagram or Facebook insights, with followers or "
        "percentages: next to them appears your customers' share in the same cities.",
    ),
    "marketpage.followers.edit": ("Scrivi le città del tuo pubblico", "Type your audience's cities"),
    "marketpage.followers.none": (
        "Aggiungi una città per riga nella tabella qui accanto.",
        "Add one city per row in the table alongside.",
    ),
    "marketpage.followers.unplaced": (
        "Non trovate sulla mappa: {cities}. Scrivi il nome del comune (o «città, paese» all'estero).",
        "Not found on the map: {cities}. Type the comune's name (or “town, country” abroad).",
    ),
    "marketpage.followers.map_hint": (
        "Sulla mappa: strato «Pubblico social e clienti».",
        "On the map: the “Social audience and customers” layer.",
    ),
    "marketpage.followers.kind.audience_without_customers": (
        "Pubblico che non diventa cliente",
        "Audience that does not become customers",
    ),
    "marketpage.followers.kind.customers_without_audience": (
        "Clienti che non ti seguono",
        "Customers who do not follow you",
    ),
    "marketpage.followers.kind.balanced": ("In equilibrio", "Balanced"),
}
