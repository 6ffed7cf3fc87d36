"""Words on the Market map: layer names, tooltips, the legend, the drawn target area."""

TEXTS = {
    # Layer names (layer control)
    "market_layers.layer.business": ("La tua attività", "Your business"),
    "market_layers.layer.customers": ("Clienti", "Customers"),
    "market_layers.layer.heat": ("Densità dei clienti", "Customer density"),
    "market_layers.layer.hexes_customers": ("Clienti per esagono", "Customers per hexagon"),
    "market_layers.layer.hexes_revenue": ("Fatturato per esagono", "Revenue per hexagon"),
    "market_layers.layer.comuni": ("Clienti per comune", "Customers per comune"),
    "market_layers.layer.rings": ("Distanze dall'attività", "Distances from the business"),
    "market_layers.layer.trade_areas": ("Bacino dei clienti", "Trade areas"),
    "market_layers.layer.penetration": ("Clienti ogni 1.000 abitanti", "Customers per 1,000 residents"),
    "market_layers.layer.followers": ("Pubblico social e clienti", "Social audience and customers"),
    "market_layers.layer.competitors": ("Concorrenti", "Competitors"),
    "market_layers.layer.target": ("Zona obiettivo", "Target area"),
    # Tooltips
    "market_layers.tip.apart": (
        "{name}: {customers} {customers:cliente|clienti}, posizione dentro il comune sconosciuta.",
        "{name}: {customers} {customers:customer|customers}, position inside the city unknown.",
    ),
    "market_layers.tip.apart_postcodes": ("Per CAP: {items}.", "By postcode: {items}."),
    "market_layers.legend.apart": (
        "Clienti in città, posizione interna sconosciuta (vedi per CAP)",
        "Customers in the city, position inside unknown (see by postcode)",
    ),
    "market_layers.tip.place": (
        "{name}: {customers} {customers:cliente|clienti}, {revenue}",
        "{name}: {customers} {customers:customer|customers}, {revenue}",
    ),
    "market_layers.tip.place_unnamed": (
        "{customers} {customers:cliente|clienti}, {revenue}",
        "{customers} {customers:customer|customers}, {revenue}",
    ),
    "market_layers.tip.hex": (
        "{customers} {customers:cliente|clienti} ({share} del totale), {revenue}",
        "{customers} {customers:customer|customers} ({share} of all), {revenue}",
    ),
    "market_layers.tip.ring": (
        "Entro {km} km: {customers} dei clienti e {revenue} del fatturato",
        "Within {km} km: {customers} of customers and {revenue} of revenue",
    ),
    "market_layers.label.ring": (
        "{km} km · {customers} {customers:cliente|clienti}",
        "{km} km · {customers} {customers:customer|customers}",
    ),
    "market_layers.tip.trade_area": (
        "Il {share} dei clienti più vicini ({customers}) abita entro {km} km; fanno il {revenue_share} del "
        "fatturato. Il contorno li racchiude.",
        "The nearest {share} of customers ({customers}) live within {km} km and bring {revenue_share} of "
        "revenue. The outline encloses them.",
    ),
    "market_layers.tip.penetration": (
        "{name}: {rate} clienti ogni 1.000 abitanti ({customers} {customers:cliente|clienti}, {population} abitanti)",
        "{name}: {rate} customers per 1,000 residents ({customers} {customers:customer|customers}, {population} "
        "residents)",
    ),
    "market_layers.tip.penetration_unknown": (
        "{name}: {customers} {customers:cliente|clienti}, abitanti non noti",
        "{name}: {customers} {customers:customer|customers}, population unknown",
    ),
    "market_layers.tip.followers_audience_without_customers": (
        "{city}: {followers} del pubblico ma solo {customers} dei clienti",
        "{city}: {followers} of the audience but only {customers} of customers",
    ),
    "market_layers.tip.followers_customers_without_audience": (
        "{city}: {customers} dei clienti ma solo {followers} del pubblico",
        "{city}: {customers} of customers but only {followers} of the audience",
    ),
    "market_layers.tip.followers_balanced": (
        "{city}: {followers} del pubblico, {customers} dei clienti",
        "{city}: {followers} of the audience, {customers} of customers",
    ),
    "market_layers.tip.competitor": ("{name} ({town})", "{name} ({town})"),
    "market_layers.tip.competitor_no_town": ("{name}", "{name}"),
    # Legend
    "market_layers.legend.title": ("Legenda", "Legend"),
    "market_layers.legend.business": ("La tua attività", "Your business"),
    "market_layers.legend.site": ("Altre sedi", "Other sites"),
    "market_layers.legend.customers_clusters": (
        "Numero di clienti per luogo; da lontano i luoghi vicini si sommano",
        "Customers per place; zoomed out, nearby places add up",
    ),
    "market_layers.legend.customers_circles": (
        "Clienti per luogo (area del cerchio)",
        "Customers per place (circle area)",
    ),
    "market_layers.legend.heat": ("Rosso dove i clienti sono più fitti", "Red where customers are densest"),
    "market_layers.legend.hexes_customers": (
        "Clienti per esagono (quintili)",
        "Customers per hexagon (quintiles)",
    ),
    "market_layers.legend.hexes_revenue": (
        "Fatturato per esagono (quintili)",
        "Revenue per hexagon (quintiles)",
    ),
    "market_layers.legend.level_1": ("1 - il quinto con meno", "1 - the fifth with least"),
    "market_layers.legend.level_2": ("2", "2"),
    "market_layers.legend.level_3": ("3", "3"),
    "market_layers.legend.level_4": ("4", "4"),
    "market_layers.legend.level_5": ("5 - il quinto con più", "5 - the fifth with most"),
    "market_layers.legend.comuni": (
        "Clienti per comune (area del cerchio)",
        "Customers per comune (circle area)",
    ),
    "market_layers.legend.rings": (
        "Distanze; l'etichetta dice la quota di clienti all'interno",
        "Distances; the label gives the share of customers inside",
    ),
    "market_layers.legend.trade_area": (
        "Il {share} dei clienti: entro {km} km",
        "{share} of customers: within {km} km",
    ),
    "market_layers.legend.penetration": ("Clienti ogni 1.000 abitanti", "Customers per 1,000 residents"),
    "market_layers.legend.rate_range": ("da {low} a {high}", "{low} to {high}"),
    "market_layers.legend.rate_above": ("oltre {low}", "over {low}"),
    "market_layers.legend.rate_zero": ("nessun cliente", "no customers"),
    "market_layers.legend.rate_unknown": ("abitanti non noti", "population unknown"),
    "market_layers.legend.audience": ("Quota del pubblico social", "Share of the social audience"),
    "market_layers.legend.audience_customers": ("Quota dei clienti", "Share of customers"),
    "market_layers.legend.audience_gap": (
        "Pubblico che non diventa cliente",
        "Audience that does not become customers",
    ),
    "market_layers.legend.competitor": ("Concorrente", "Competitor"),
    "market_layers.legend.target": ("Zona che stai disegnando", "Area you are drawing"),
    # Drawing a target area
    "market_layers.area.too_few": (
        "Per chiudere una zona servono almeno 3 punti diversi sulla mappa (finora {count}).",
        "An area needs at least 3 different points on the map ({count} so far).",
    ),
    "market_layers.area.flat": (
        "I punti sono tutti su una linea: la zona non ha superficie. Aggiungi un punto di lato.",
        "The points all lie on one line: the area has no surface. Add a point to one side.",
    ),
    "market_layers.area.crossing": (
        "Il lato {first} incrocia il lato {second}: togli l'ultimo punto o ricomincia.",
        "Side {first} crosses side {second}: remove the last point or start again.",
    ),
    "market_layers.area.no_centre": (
        "Fai clic sulla mappa per scegliere il centro.",
        "Click on the map to choose the centre.",
    ),
    "market_layers.area.bad_radius": (
        "Il raggio deve essere maggiore di zero.",
        "The radius must be more than zero.",
    ),
}
