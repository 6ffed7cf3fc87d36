"""Texts of the Timeline step: charts, the "when it works" grid, the map's time control, the calendar.

Placeholders written ``{name:it}`` / ``{name:en}`` take the objects of ``core.timeline.periods`` (``Num``,
``Term``, ``Phrases``), which format themselves in the language named after the colon.
"""

_WEEKDAYS = (
    ("lunedì", "Monday", "lun", "Mon"),
    ("martedì", "Tuesday", "mar", "Tue"),
    ("mercoledì", "Wednesday", "mer", "Wed"),
    ("giovedì", "Thursday", "gio", "Thu"),
    ("venerdì", "Friday", "ven", "Fri"),
    ("sabato", "Saturday", "sab", "Sat"),
    ("domenica", "Sunday", "dom", "Sun"),
)
_MONTHS = (
    ("gen", "Jan"), ("feb", "Feb"), ("mar", "Mar"), ("apr", "Apr"), ("mag", "May"), ("giu", "Jun"),
    ("lug", "Jul"), ("ago", "Aug"), ("set", "Sep"), ("ott", "Oct"), ("nov", "Nov"), ("dic", "Dec"),
)  # fmt: skip
_CHANNELS = {
    "facebook": ("Facebook", "Facebook"),
    "instagram": ("Instagram", "Instagram"),
    "x": ("X (Twitter)", "X (Twitter)"),
    "linkedin": ("LinkedIn", "LinkedIn"),
    "tiktok": ("TikTok", "TikTok"),
    "youtube": ("YouTube", "YouTube"),
    "google_business": ("Google Business Profile", "Google Business Profile"),
    "website": ("Sito web", "Website"),
    "newsletter": ("Newsletter", "Newsletter"),
    "whatsapp": ("WhatsApp", "WhatsApp"),
    "offline": ("Offline", "Offline"),
}
_KINDS = {
    "post": ("Post", "Post"),
    "reel": ("Reel", "Reel"),
    "video": ("Video", "Video"),
    "story": ("Storia", "Story"),
    "event": ("Evento", "Event"),
    "ad": ("Inserzione", "Ad"),
    "offline": ("Azione offline", "Offline action"),
    "daily": ("Totali del giorno", "Daily totals"),
}
_METRICS = {
    "posts": ("Post pubblicati", "Posts published"),
    "reach": ("Copertura", "Reach"),
    "views": ("Visualizzazioni", "Views"),
    "interactions": ("Interazioni", "Interactions"),
    "clicks": ("Clic", "Clicks"),
    "engagement_rate": ("Tasso di coinvolgimento", "Engagement rate"),
}
_COLUMNS = {
    "text": ("Testo", "Text"),
    "when": ("Quando", "When"),
    "platform": ("Canale", "Channel"),
    "kind": ("Formato", "Format"),
    "reach": ("Copertura (o visualizzazioni)", "Reach (or views)"),
    "engagement_rate": ("Coinvolgimento", "Engagement"),
    "link": ("Link", "Link"),
    "posts": ("Post", "Posts"),
    "interactions": ("Interazioni", "Interactions"),
    "median_rate": ("Coinvolgimento mediano", "Median engagement"),
}
_CALENDAR_COLUMNS = {
    "date": ("Data", "Date"),
    "time": ("Ora", "Time"),
    "channel": ("Canale", "Channel"),
    "title": ("Titolo", "Title"),
    "note": ("Note", "Notes"),
    "goal": ("Obiettivo", "Goal"),
    "place": ("Luogo", "Place"),
    "lat": ("Latitudine", "Latitude"),
    "lon": ("Longitudine", "Longitude"),
    "status": ("Stato", "Status"),
}

TEXTS = {
    **{f"timeline.weekday.{i}": (it, en) for i, (it, en, _, _) in enumerate(_WEEKDAYS)},
    **{f"timeline.weekday_short.{i}": (it, en) for i, (_, _, it, en) in enumerate(_WEEKDAYS)},
    **{f"timeline.month_short.{i}": pair for i, pair in enumerate(_MONTHS, start=1)},
    **{f"timeline.channel.{k}": v for k, v in _CHANNELS.items()},
    **{f"timeline.kind.{k}": v for k, v in _KINDS.items()},
    **{f"timeline.metric.{k}": v for k, v in _METRICS.items()},
    **{f"timeline.column.{k}": v for k, v in _COLUMNS.items()},
    **{f"timeline.calendar.column.{k}": v for k, v in _CALENDAR_COLUMNS.items()},
    "timeline.period.week": ("Settimana", "Week"),
    "timeline.period.month": ("Mese", "Month"),
    # Over time
    "timeline.chart.over_time.week": ("{metric} per settimana", "{metric} per week"),
    "timeline.chart.over_time.month": ("{metric} per mese", "{metric} per month"),
    "timeline.chart.channel": ("Canale", "Channel"),
    "timeline.chart.channels": ("Canali", "Channels"),
    "timeline.chart.goal": ("Obiettivo", "Goal"),
    "timeline.chart.target": ("Linea del traguardo", "Target line"),
    "timeline.chart.goal_target": ("Traguardo dell'obiettivo", "Goal's target"),
    "timeline.chart.target_week_share": (
        "il traguardo vale per 30 giorni: la linea ne mostra la quota di una settimana (7/30)",
        "the target is for 30 days: the line shows one week's share of it (7/30)",
    ),
    "timeline.chart.deadline": ("Scadenza", "Deadline"),
    "timeline.chart.date": ("Data", "Date"),
    "timeline.chart.offline": ("Azione offline", "Offline action"),
    "timeline.chart.what": ("Cosa", "What"),
    "timeline.chart.actions": ("Azioni", "Actions"),
    "timeline.chart.more": ("{text} (e {n:un'altra|altre {n}})", "{text} (and {n} more)"),
    "timeline.chart.place": ("Dove", "Where"),
    "timeline.chart.median_rate": ("Coinvolgimento mediano per post", "Median engagement per post"),
    "timeline.chart.posts_count": ("{n} post", "{n} {n:post|posts}"),
    "timeline.chart.by.kind": ("Formato", "Format"),
    "timeline.chart.by.platform": ("Canale", "Channel"),
    "timeline.chart.by_title.kind": ("Coinvolgimento per formato", "Engagement by format"),
    "timeline.chart.by_title.platform": ("Coinvolgimento per canale", "Engagement by channel"),
    # When it works
    "timeline.heat.title": (
        "Coinvolgimento medio dei post per giorno e ora (ora italiana)",
        "Mean engagement of posts by day and hour (Italian time)",
    ),
    "timeline.heat.subtitle_ok": (
        "Il numero in una casella (o toccandola) è quanti post ci sono dietro; in grigio meno di {n} post.",
        "The number in a cell (or a tap on it) is how many posts are behind it; grey cells have fewer than {n} posts.",
    ),
    "timeline.heat.subtitle_thin": (
        "Troppo pochi post per confrontare gli orari: il numero in una casella (o toccandola) è quanti post ci sono.",
        "Too few posts to compare times: the number in a cell (or a tap on it) is how many posts there are.",
    ),
    "timeline.heat.day": ("Giorno", "Day"),
    "timeline.heat.hour": ("Ora", "Hour"),
    "timeline.heat.rate": ("Coinvolgimento medio", "Mean engagement"),
    "timeline.heat.too_few": (
        "meno di {n} post: troppo pochi per un valore",
        "fewer than {n} posts: too few for a value",
    ),
    "timeline.best.thin": (
        "Con {posts} post non si può ancora dire a che ora i tuoi post vanno meglio: servono almeno "
        "{needed} post, "
        "e almeno {min_cell} nella stessa fascia oraria per confrontarla. Usa le prossime settimane per una "
        "prova.",
        "With {posts} {posts:post|posts} it is too early to tell when your posts work best: it takes at least {needed} "
        "posts, "
        "and at least {min_cell} in the same time slot to compare it. Use the next weeks for a test.",
    ),
    "timeline.best.ok": (
        "Finora i post con più coinvolgimento sono usciti in queste fasce: {slots:it} (su {posts} post in "
        "tutto). È un indizio da mettere alla prova, non una regola: il pubblico e le piattaforme cambiano.",
        "So far the posts with the most engagement went out in these slots: {slots:en} (out of {posts} "
        "{posts:post|posts} in all). It is a hint to test, not a rule: audiences and platforms change.",
    ),
    "timeline.best.slot": ("{day:it} {start}-{end}", "{day:en} {start}-{end}"),
    "timeline.best.slot_rate": (
        "{day:it} {start}-{end} ({rate:it}, {posts} post)",
        "{day:en} {start}-{end} ({rate:en}, {posts} {posts:post|posts})",
    ),
    "timeline.best.hours": ("{start}-{end}", "{start}-{end}"),
    "timeline.best.try_two": (
        "Per {weeks} settimane pubblica alternando le {first:it} e le {second:it}, poi confronta il coinvolgimento.",
        "For {weeks} weeks, alternate posting at {first:en} and at {second:en}, then compare the engagement.",
    ),
    "timeline.best.try_other": (
        "Di solito pubblichi verso le {usual:it}: per {weeks} settimane pubblica un post su due alle "
        "{other:it}, "
        "poi confronta il coinvolgimento.",
        "You usually post around {usual:en}: for {weeks} weeks, publish every other post at {other:en}, then "
        "compare the engagement.",
    ),
    "timeline.best.same_content": (
        "Nelle due fasce usa lo stesso formato e contenuti simili, così a cambiare è solo l'orario.",
        "Use the same format and similar content in both slots, so that only the time changes.",
    ),
    "timeline.best.more_posts": (
        "Ancora circa {missing} post e questa griglia comincerà a dire qualcosa.",
        "About {missing} more {missing:post|posts} and this grid will start to tell you something.",
    ),
    "timeline.best.test_best": (
        "Per {weeks} settimane sposta qualche post da {usual:it} a {best:it} e confronta: se regge, tienilo.",
        "For {weeks} weeks, move some posts from {usual:en} to {best:en} and compare: if it holds, keep it.",
    ),
    "timeline.best.keep_usual": (
        "La tua fascia abituale, {best:it}, è tra le migliori: tienila e per {weeks} settimane provane una nuova.",
        "Your usual slot, {best:en}, is among the best: keep it and try a new one for {weeks} weeks.",
    ),
    "timeline.best.close": (
        "La differenza tra le fasce migliori e la media sta dentro gli alti e bassi normali dei tuoi post: "
        "altri post diranno se è reale.",
        "The gap between the best slots and the average is within the normal ups and downs of your posts: "
        "more "
        "posts will tell whether it is real.",
    ),
    # The map
    "timeline.map.layer": ("Attività con un luogo", "Activity with a place"),
    "timeline.map.play": ("▶ Riproduci", "▶ Play"),
    "timeline.map.pause": ("⏸ Pausa", "⏸ Pause"),
    "timeline.map.only": ("solo questo mese", "this month only"),
    "timeline.map.until": ("fino a", "up to"),
    "timeline.map.slider": ("Mese da mostrare", "Month to show"),
    # The editorial calendar
    "timeline.calendar.status.planned": ("in programma", "planned"),
    "timeline.calendar.status.done": ("fatto", "done"),
    "timeline.calendar.outcome.done": ("fatto (trovato nei dati)", "done (found in the data)"),
    "timeline.calendar.outcome.marked_done": ("segnato come fatto", "marked as done"),
    "timeline.calendar.outcome.missed": ("non trovato", "not found"),
    "timeline.calendar.outcome.no_data": ("nessun dato per quel giorno", "no data for that day"),
    "timeline.calendar.outcome.upcoming": ("in arrivo", "upcoming"),
    "timeline.calendar.rule": (
        "Un elemento del calendario risulta fatto se nei dati importati c'è un post (o un'azione offline) "
        "sullo "
        "stesso canale entro un giorno prima o dopo la data prevista; ogni post vale per un solo elemento.",
        "A calendar item counts as done when the imported data has a post (or an offline action) on the same "
        "channel within one day before or after its date; each post counts for one item only.",
    ),
    "timeline.calendar.ics_goal": ("Obiettivo: {goal}", "Goal: {goal}"),
    "timeline.calendar.ics_status": ("Stato: {status}", "Status: {status}"),
}
