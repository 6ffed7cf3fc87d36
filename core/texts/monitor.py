"""Texts of the Monitor page (segments, periods, links and alerts live in core/texts/loyalty.py).

``monitor.board.no_data`` is rendered with ``goal_text.render`` (``kpi`` and ``sources`` are ids).
"""

TEXTS: dict[str, tuple[str, str]] = {
    "monitor.title": ("Monitoraggio e fedeltà", "Monitor and loyalty"),
    "monitor.lead": (
        "Come vanno gli obiettivi, cosa è cambiato rispetto al mese scorso e all'anno scorso, quali clienti "
        "tornano e dove sono, e cosa fare adesso.",
        "How the goals are going, what changed since last month and last year, which customers come back "
        "and where they are, and what to do now.",
    ),
    "monitor.as_of": ("Misurato sui dati fino al {date}.", "Measured on the data up to {date}."),
    "monitor.no_data": (
        "Questo piano non ha ancora dati: importa attività sui social, clienti o ordini negli altri passi.",
        "This plan has no data yet: import social activity, customers or orders in the other steps.",
    ),
    # The goal board.
    "monitor.board.title": ("Obiettivi: a che punto sei", "Goals: where you stand"),
    "monitor.board.none": (
        "Nessun obiettivo nel piano: aggiungili nel passo Obiettivi.",
        "No goals in the plan: add them in the Goals step.",
    ),
    "monitor.board.no_data": (
        "Ancora nessun dato per {kpi}. Arriva da: {sources}; importalo per seguire questo obiettivo.",
        "No data for {kpi} yet. It comes from: {sources}; import it to track this goal.",
    ),
    "monitor.board.incomplete": ("Da completare", "To complete"),
    "monitor.board.no_kpi": ("KPI da scegliere", "KPI to choose"),
    "monitor.verdict.on_track": (
        "In linea: ogni obiettivo misurato tiene il ritmo ({judged} su {goals} misurati).",
        "On track: every measured goal keeps the pace ({judged} of {goals} {goals:goal|goals} measured).",
    ),
    "monitor.verdict.at_risk": (
        "A rischio: in ritardo o fuori rotta {behind} su {judged} {judged:obiettivo misurato|obiettivi misurati}.",
        "At risk: {behind} of {judged} measured goals behind or off track.",
    ),
    "monitor.verdict.thin": (
        "Dati scarsi: solo {judged} {judged:obiettivo|obiettivi} su {goals} si {judged:può|possono} misurare. "
        "Importa i dati che mancano.",
        "Thin data: only {judged} of {goals} {goals:goal|goals} can be measured. Import the missing data.",
    ),
    "monitor.verdict.no_goals": (
        "Nessun obiettivo con un indicatore da misurare.",
        "No goal with an indicator to measure.",
    ),
    "monitor.col.goal": ("Obiettivo", "Goal"),
    "monitor.col.status": ("Stato", "Status"),
    "monitor.col.place": ("Dove", "Where"),
    "monitor.col.current": ("Oggi", "Now"),
    "monitor.col.target": ("Traguardo", "Target"),
    "monitor.col.progress": ("Avanzamento", "Progress"),
    "monitor.col.pace_needed": ("Ritmo necessario", "Pace needed"),
    "monitor.col.pace_achieved": ("Ritmo tenuto", "Pace achieved"),
    "monitor.col.forecast": ("Previsione", "Forecast"),
    "monitor.col.segment": ("Gruppo", "Segment"),
    "monitor.col.customers": ("Clienti", "Customers"),
    "monitor.col.revenue": ("Incasso", "Revenue"),
    "monitor.col.hint": ("Cosa vuol dire", "What it means"),
    "monitor.col.action": ("Cosa fare", "What to do"),
    "monitor.col.share_customers": ("Quota clienti", "Share of customers"),
    "monitor.col.share_revenue": ("Quota incasso", "Share of revenue"),
    "monitor.cell.reached": ("raggiunto il {date}", "reached on {date}"),
    "monitor.cell.never": ("non a questo ritmo", "not at this pace"),
    "monitor.progress": ("{pct} del percorso", "{pct} of the way"),
    # Alerts.
    "monitor.alerts.title": ("Da fare adesso", "What to do now"),
    "monitor.alerts.none": (
        "Nessun allarme: nessun obiettivo fuori rotta, nessun gruppo a rischio in crescita, nessun canale in calo.",
        "No alerts: no goal off track, no risky segment growing, no channel losing engagement.",
    ),
    "monitor.alerts.action": ("Cosa fare: {action}", "What to do: {action}"),
    # Periods.
    "monitor.periods.title": ("Questo mese, il mese scorso, l'anno scorso", "This month, last month, last year"),
    "monitor.periods.spans": (
        "{current} contro {last_month} e {last_year}.",
        "{current} against {last_month} and {last_year}.",
    ),
    "monitor.periods.vs_last_month": ("rispetto al mese scorso:", "against last month:"),
    "monitor.periods.vs_last_year": ("rispetto a un anno fa:", "against a year ago:"),
    "monitor.periods.none": (
        "Nessuna attività sui social importata: niente da confrontare.",
        "No social activity imported: nothing to compare.",
    ),
    "monitor.periods.numbers": ("I numeri, canale per canale", "The numbers, channel by channel"),
    "monitor.periods.col.channel": ("Canale", "Channel"),
    "monitor.periods.col.metric": ("Misura", "Measure"),
    "monitor.periods.col.current": ("Questo mese", "This month"),
    "monitor.periods.col.last_month": ("Mese scorso", "Last month"),
    "monitor.periods.col.last_year": ("Un anno fa", "A year ago"),
    "monitor.periods.col.change_last_month": ("Variazione sul mese", "Change on the month"),
    "monitor.periods.col.change_last_year": ("Variazione sull'anno", "Change on the year"),
    # Loyalty.
    "monitor.loyalty.title": ("I clienti che tornano", "Customers who come back"),
    "monitor.loyalty.none": (
        "Nessun ordine importato: per vedere chi torna servono gli ordini (cliente, data, importo).",
        "No orders imported: to see who comes back Rotta needs the orders (customer, date, amount).",
    ),
    "monitor.loyalty.repeat": (
        "Tornano: {rate} dei clienti ({repeat} su {customers}) ha comprato almeno due volte.",
        "Repeat customers: {rate} of customers ({repeat} of {customers}) ordered at least twice.",
    ),
    "monitor.loyalty.gap": (
        "Tra un acquisto e il successivo passano di solito {days} {days:giorno|giorni} (mediana di {gaps} "
        "{gaps:intervallo|intervalli}).",
        "Between one order and the next there {days:is|are} usually {days} {days:day|days} (median of {gaps} "
        "{gaps:gap|gaps}).",
    ),
    "monitor.metric.repeat_rate": ("Clienti che tornano", "Repeat customers"),
    "monitor.metric.median_gap": ("Giorni tra due acquisti", "Days between orders"),
    "monitor.metric.customers": ("Clienti", "Customers"),
    "monitor.metric.median_gap_value": ("{days} {days:giorno|giorni}", "{days} {days:day|days}"),
    "monitor.cohorts.title": (
        "Chi torna nei mesi dopo il primo acquisto",
        "Who comes back in the months after the first order",
    ),
    "monitor.cohorts.help": (
        "Ogni riga è un gruppo di clienti che ha comprato la prima volta in quel mese (tra parentesi quanti). "
        "Ogni casella (scritta dentro o toccandola) dice quanti di loro hanno comprato di nuovo 1, 2, 3... mesi dopo.",
        "Each row is the customers whose first order was in that month (how many in brackets). Each cell "
        "(written in it, or on a tap) says how many of them ordered again 1, 2, 3... months later.",
    ),
    "monitor.segments.title": ("I clienti per gruppo", "Customers by segment"),
    "monitor.segments.help": (
        "Gruppi secondo quanto tempo fa hanno comprato, quante volte e quanto hanno speso.",
        "Segments by how long ago customers ordered, how often and how much they spent.",
    ),
    "monitor.segments.actions": ("Cosa fare con ogni gruppo", "What to do with each segment"),
    "monitor.map.title": (
        "Dove sono i clienti fedeli e quelli che si allontanano",
        "Where the loyal and the lapsing customers are",
    ),
    "monitor.map.help": (
        "Un cerchio per gruppo e per comune, grande quanto i clienti; accendi e spegni i gruppi nel riquadro.",
        "One circle per segment and town, sized by customers; switch segments on and off in the box.",
    ),
    "monitor.map.unplaced": (
        "{n} {n:cliente non è|clienti non sono} sulla mappa: il loro comune non è stato trovato.",
        "{n} {n:customer is|customers are} not on the map: their town could not be found.",
    ),
    "monitor.map.none": (
        "Nessun cliente con un comune riconosciuto: importa l'elenco clienti con comune e CAP.",
        "No customers with a known town: import the customer list with town and postcode.",
    ),
    "monitor.map.legend": ("Gruppi di clienti", "Customer segments"),
    "monitor.map.tooltip": (
        "{place}: {n} {n:cliente|clienti} «{segment}», {revenue}",
        "{place}: {n} \u201c{segment}\u201d customers, {revenue}",
    ),
    "monitor.map.layer": ("{segment} ({n})", "{segment} ({n})"),
    # Activity and results.
    "monitor.links.title": ("Attività e risultati, settimana per settimana", "Activity and results, week by week"),
    "monitor.links.none": (
        "Servono sia l'attività sui social sia gli ordini per metterli a confronto.",
        "Both social activity and orders are needed to set them side by side.",
    ),
    # Charts.
    "monitor.chart.cohort": ("Primo acquisto", "First order"),
    "monitor.chart.months_after": ("Mesi dopo il primo acquisto", "Months after the first order"),
    "monitor.chart.returned": ("Hanno comprato di nuovo", "Ordered again"),
    "monitor.chart.cohort_size": ("Clienti del gruppo", "Customers in the group"),
    "monitor.chart.week": ("Settimana", "Week"),
    "monitor.chart.activity": ("Attività", "Activity"),
    "monitor.chart.customers": ("Clienti", "Customers"),
    "monitor.chart.what": ("Cosa", "What"),
    "monitor.chart.count": ("Quanti", "How many"),
    "monitor.chart.activity_title": ("Post e azioni offline a settimana", "Posts and offline actions a week"),
    "monitor.chart.customers_title": ("Clienti nuovi e di ritorno a settimana", "New and returning customers a week"),
    # Export.
    "monitor.export.title": ("Monitoraggio: {name}", "Monitor: {name}"),
    "monitor.export.button": ("Scarica il riepilogo (testo)", "Download the summary (text)"),
    "monitor.export.help": (
        "Una pagina in Markdown, senza immagini: obiettivi, allarmi, mesi a confronto, clienti, attività.",
        "One page in Markdown, no images: goals, alerts, months compared, customers, activity.",
    ),
}
