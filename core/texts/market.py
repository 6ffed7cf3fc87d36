"""Texts of the Market analysis: the summary of to whom and where the business sells."""

TEXTS = {
    "market.summary.overview": (
        (
            "{customers} {customers:cliente|clienti}, {revenue} di fatturato. {placed} {placed:è|sono} sulla mappa; "
            "{unplaced} non hanno un "
            "luogo riconosciuto e restano fuori dalle distanze."
        ),
        (
            "{customers} {customers:customer|customers}, {revenue} of revenue. {placed} {placed:is|are} on the map; "
            "{unplaced} have no "
            "recognised place and are left out of the distances."
        ),
    ),
    "market.summary.overview_all_placed": (
        "{customers} {customers:cliente|clienti}, {revenue} di fatturato, {customers:sulla mappa|tutti sulla mappa}.",
        "{customers} {customers:customer|customers}, {revenue} of revenue, {customers:on the map|all on the map}.",
    ),
    "market.summary.no_customers": (
        "Non ci sono ancora clienti da analizzare.",
        "There are no customers to analyse yet.",
    ),
    "market.summary.top_comuni": ("Dove sono: {items}.", "Where they are: {items}."),
    "market.summary.top_provinces": ("Per provincia: {items}.", "By province: {items}."),
    "market.summary.item": (
        "{name} {share} dei clienti ({revenue_share} del fatturato)",
        "{name} {share} of customers ({revenue_share} of revenue)",
    ),
    "market.summary.distance": (
        "Metà dei clienti sulla mappa è entro {median} km da te, l'80% entro {p80} km.",
        "Half of the customers on the map are within {median} km of you, 80% within {p80} km.",
    ),
    "market.summary.distance_others": (
        "Degli altri clienti sulla mappa, metà è entro {median} km da te, l'80% entro {p80} km.",
        "Of the other customers on the map, half are within {median} km of you, 80% within {p80} km.",
    ),
    "market.summary.apart": (
        (
            "{items}: la posizione dentro il comune non si conosce (i dati danno solo il comune e il CAP), "
            "quindi restano fuori da distanze e anelli; li vedi per CAP."
        ),
        (
            "{items}: their position inside the city is unknown (the data give only the comune and the "
            "postcode), so they are left out of distances and rings; see them by postcode."
        ),
    ),
    "market.summary.apart_item": (
        "{customers} {customers:cliente|clienti} a {name}",
        "{customers} {customers:customer|customers} in {name}",
    ),
    "market.summary.by_postcode": (
        "Per CAP ({shown} con più clienti, su {total}): {items}.",
        "By postcode (the {shown} with most customers, of {total}): {items}.",
    ),
    "market.summary.postcode_item": (
        "{postcode} {customers} ({share}, {revenue})",
        "{postcode} {customers} ({share}, {revenue})",
    ),
    "market.summary.and": ("{first} e {last}", "{first} and {last}"),
    "market.summary.concentration": (
        (
            "Quota dei clienti nei primi {n} comuni: {top3}. L'indice di concentrazione (Herfindahl) "
            "è {hhi}, su una scala da 0 (clienti sparsi su molti comuni) a 1 (tutti in un comune): "
            "{level}. È come se i tuoi clienti fossero divisi in parti uguali fra {equivalent} comuni."
        ),
        (
            "The top {n} comuni hold {top3} of customers. The concentration index (Herfindahl) is "
            "{hhi}, on a scale from 0 (customers spread over many comuni) to 1 (all in one comune): "
            "{level}. It is as if your customers were split evenly among {equivalent} comuni."
        ),
    ),
    "market.summary.level_spread": ("clienti distribuiti", "customers are spread out"),
    "market.summary.level_moderate": ("concentrazione moderata", "moderately concentrated"),
    "market.summary.level_concentrated": ("clienti molto concentrati", "customers are highly concentrated"),
    "market.summary.abroad": (
        "{abroad} {abroad:cliente è|clienti sono} all'estero ({share}), soprattutto in: {countries}.",
        "{abroad} {abroad:customer is|customers are} abroad ({share}), mostly in: {countries}.",
    ),
    "market.summary.no_abroad": ("Nessun cliente all'estero.", "No customers abroad."),
    "market.summary.country_item": ("{country} {customers}", "{country} {customers}"),
    "market.summary.gaps": (
        (
            "Entro {radius} km hai in media {rate} clienti ogni 1.000 abitanti. Comuni vicini sotto "
            "la media, dove c'è più spazio: {items}."
        ),
        (
            "Within {radius} km you have on average {rate} customers per 1,000 residents. Nearby "
            "comuni below that average, where there is most room: {items}."
        ),
    ),
    "market.summary.gap_item": (
        "{name} ({population} abitanti, {customers} {customers:cliente|clienti}: circa {missing} in meno della media)",
        "{name} ({population} residents, {customers} {customers:customer|customers}: about {missing} fewer than "
        "average)",
    ),
    "market.summary.no_gaps": (
        "Entro {radius} km nessun comune popoloso è molto sotto la tua media di {rate} clienti ogni 1.000 abitanti.",
        "Within {radius} km no populous comune is far below your average of {rate} customers per 1,000 residents.",
    ),
    "market.summary.unknown_population": (
        "Per {count} {count:comune vicino|comuni vicini} non si conosce la popolazione: restano fuori dal calcolo "
        "per abitante.",
        "The population of {count} nearby comuni is unknown: they are left out of the per-resident figures.",
    ),
    "market.summary.unknown_population_one": (
        "Per un comune vicino non si conosce la popolazione: resta fuori dal calcolo per abitante.",
        "The population of one nearby comune is unknown: it is left out of the per-resident figures.",
    ),
}
