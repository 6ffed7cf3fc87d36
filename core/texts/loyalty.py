"""Monitor and loyalty: segments, period comparison, activity vs results, alerts.

Placeholders written ``{name:it}`` / ``{name:en}`` take the objects of ``core.timeline.periods`` (``Num``,
``Term``, ``Phrases``), which format themselves in that language; plain ``{name}`` take text or
small integers.
"""

TEXTS: dict[str, tuple[str, str]] = {
    # RFM segments: name, what it means, what to do.
    "loyalty.segment.champions": ("Campioni", "Champions"),
    "loyalty.segment.champions.hint": (
        "Hanno comprato da poco e spesso.",
        "Bought recently and often.",
    ),
    "loyalty.segment.champions.action": (
        "Ringraziali e chiedi una recensione o di portare un amico.",
        "Thank them and ask for a review or to bring a friend.",
    ),
    "loyalty.segment.loyal": ("Fedeli", "Loyal"),
    "loyalty.segment.loyal.hint": (
        "Tornano con regolarità.",
        "Come back regularly.",
    ),
    "loyalty.segment.loyal.action": (
        "Fai provare loro le novità per primi.",
        "Let them try what is new first.",
    ),
    "loyalty.segment.promising": ("Promettenti", "Promising"),
    "loyalty.segment.promising.hint": (
        "Hanno comprato di recente per la seconda volta.",
        "Recently bought for the second time.",
    ),
    "loyalty.segment.promising.action": (
        "Dai loro un motivo per il terzo acquisto.",
        "Give them a reason for a third order.",
    ),
    "loyalty.segment.new": ("Nuovi", "New"),
    "loyalty.segment.new.hint": (
        "Primo acquisto di recente.",
        "First order, recently.",
    ),
    "loyalty.segment.new.action": (
        "Un benvenuto e un invito a tornare entro poche settimane.",
        "A welcome and an invitation to come back within a few weeks.",
    ),
    "loyalty.segment.need_attention": ("Da seguire", "Need attention"),
    "loyalty.segment.need_attention.hint": (
        "Uno o due acquisti, l'ultimo qualche mese fa.",
        "One or two orders, the last a few months ago.",
    ),
    "loyalty.segment.need_attention.action": (
        "Ricordati di loro con un messaggio su ciò che hanno comprato.",
        "Remind them of you with a note about what they bought.",
    ),
    "loyalty.segment.cannot_lose": ("Da non perdere", "Cannot lose them"),
    "loyalty.segment.cannot_lose.hint": (
        "Compravano spesso e spendevano molto, ma non tornano da mesi.",
        "Used to order often and spend a lot, but have not been back for months.",
    ),
    "loyalty.segment.cannot_lose.action": (
        "Contattali di persona (telefonata o messaggio) per capire cosa è cambiato.",
        "Get in touch in person (a call or a message) to find out what changed.",
    ),
    "loyalty.segment.at_risk": ("A rischio", "At risk"),
    "loyalty.segment.at_risk.hint": (
        "Hanno comprato più volte, ma non tornano da mesi.",
        "Ordered more than once, but have not been back for months.",
    ),
    "loyalty.segment.at_risk.action": (
        "Scrivi loro con un motivo per tornare: una novità, un invito, un'offerta.",
        "Write to them with a reason to come back: something new, an invitation, an offer.",
    ),
    "loyalty.segment.hibernating": ("Dormienti", "Hibernating"),
    "loyalty.segment.hibernating.hint": (
        "Un solo acquisto, tra sei mesi e un anno fa.",
        "A single order, six months to a year ago.",
    ),
    "loyalty.segment.hibernating.action": (
        "Includili nella prossima comunicazione stagionale.",
        "Include them in the next seasonal message.",
    ),
    "loyalty.segment.lost": ("Persi", "Lost"),
    "loyalty.segment.lost.hint": (
        "Un solo acquisto, più di un anno fa.",
        "A single order, more than a year ago.",
    ),
    "loyalty.segment.lost.action": (
        "Non inseguirli: concentra le energie sugli altri gruppi.",
        "Do not chase them: spend the effort on the other groups.",
    ),
    # Period comparison.
    "periods.metric.views": ("visualizzazioni", "views"),
    "periods.metric.reach": ("copertura", "reach"),
    "periods.metric.interactions": ("interazioni", "interactions"),
    "periods.metric.engagement_rate": ("tasso di coinvolgimento", "engagement rate"),
    "periods.metric.posts": ("post", "posts"),
    "periods.change.up_pct": ("{metric:it} +{value:it}", "{metric:en} up {value:en}"),
    "periods.change.down_pct": ("{metric:it} -{value:it}", "{metric:en} down {value:en}"),
    "periods.change.up_points": ("{metric:it} +{value:it} punti", "{metric:en} up {value:en} points"),
    "periods.change.down_points": ("{metric:it} -{value:it} punti", "{metric:en} down {value:en} points"),
    "periods.change.same": ("{metric:it} senza variazioni", "{metric:en} unchanged"),
    "periods.change.from_zero": ("{metric:it} da 0 a {value:it}", "{metric:en} from 0 to {value:en}"),
    "periods.changes": ("{parts:it}", "{parts:en}"),
    "periods.no_data_last_month": ("nessun dato del mese scorso", "no data last month"),
    "periods.no_data_last_year": ("nessun dato dell'anno scorso", "no data last year"),
    "periods.no_data_current": ("nessuna attività in questo periodo", "no activity in this period"),
    "periods.nothing_comparable": ("nessun numero confrontabile", "no figures to compare"),
    "periods.channel.facebook": ("Facebook", "Facebook"),
    "periods.channel.instagram": ("Instagram", "Instagram"),
    "periods.channel.x": ("X", "X"),
    "periods.channel.linkedin": ("LinkedIn", "LinkedIn"),
    "periods.channel.tiktok": ("TikTok", "TikTok"),
    "periods.channel.youtube": ("YouTube", "YouTube"),
    "periods.channel.google_business": ("Google Business Profile", "Google Business Profile"),
    "periods.channel.website": ("sito web", "website"),
    "periods.channel.newsletter": ("newsletter", "newsletter"),
    "periods.channel.whatsapp": ("WhatsApp", "WhatsApp"),
    "periods.channel.offline": ("azioni offline", "offline actions"),
    # Activity and results, week by week.
    "links.column.posts": ("post pubblicati", "posts"),
    "links.column.offline_actions": ("azioni offline", "offline actions"),
    "links.column.new_customers": ("clienti nuovi", "new customers"),
    "links.column.returning_customers": ("clienti di ritorno", "returning customers"),
    "links.relation.none": ("non si sono mossi insieme in modo chiaro", "did not clearly move together"),
    "links.relation.weak_together": ("sono saliti e scesi un po' insieme", "rose and fell together a little"),
    "links.relation.strong_together": ("sono saliti e scesi insieme", "rose and fell together"),
    "links.relation.weak_opposite": (
        "si sono mossi un po' in direzioni opposte",
        "moved a little in opposite directions",
    ),
    "links.relation.strong_opposite": ("si sono mossi in direzioni opposte", "moved in opposite directions"),
    "links.statement": (
        "In {weeks} settimane, {x:it} e {y:it} {relation:it} (correlazione {r:it}).",
        "Over {weeks} weeks, {x:en} and {y:en} {relation:en} (correlation {r:en}).",
    ),
    "links.statement_lag": (
        "In {weeks} settimane, {x:it} e {y:it} {later:it} {relation:it} (correlazione {r:it}).",
        "Over {weeks} weeks, {x:en} and {y:en} {later:en} {relation:en} (correlation {r:en}).",
    ),
    "links.later_one": ("della settimana dopo", "a week later"),
    "links.later_many": ("di {lag} settimane dopo", "{lag} weeks later"),
    "links.thin": (
        "Solo {weeks} {weeks:settimana|settimane} di dati su {x:it} e {y:it}: troppo {weeks:poca|poche} per dire se "
        "vanno insieme "
        "(ne servono almeno {needed}).",
        "Only {weeks} {weeks:week|weeks} of data on {x:en} and {y:en}: too {weeks:little|few} to tell whether they go "
        "together "
        "(at least {needed} are needed).",
    ),
    "links.flat": (
        "In {weeks} settimane, {x:it} o {y:it} non sono mai cambiati: non c'è nulla da confrontare.",
        "Over {weeks} weeks, {x:en} or {y:en} never changed: there is nothing to compare.",
    ),
    "links.caveat": (
        "Andare insieme non è una prova: anche la stagione, il meteo o il passaparola muovono i clienti.",
        "Moving together is not proof: the season, the weather or word of mouth also move customers.",
    ),
    # Alerts.
    "alerts.level.critical": ("Urgente", "Urgent"),
    "alerts.level.warning": ("Attenzione", "Warning"),
    "alerts.level.info": ("Da sapere", "Good to know"),
    "alerts.goal.off_track": ("L'obiettivo «{title}» è fuori rotta.", "The goal \u201c{title}\u201d is off track."),
    "alerts.goal.behind": ("L'obiettivo «{title}» è in ritardo.", "The goal \u201c{title}\u201d is behind."),
    "alerts.goal.at_risk": ("L'obiettivo «{title}» è a rischio.", "The goal \u201c{title}\u201d is at risk."),
    "alerts.goal.action": (
        "Rivedi le azioni previste per «{title}»: aumentale, cambiale o sposta la scadenza.",
        "Review the actions planned for \u201c{title}\u201d: do more, change them or move the deadline.",
    ),
    "alerts.segment.growing": (
        "Clienti «{segment:it}»: {now:it}, erano {before:it} {days} giorni fa (+{growth:it}).",
        "Customers \u201c{segment:en}\u201d: {now:en}, up from {before:en} {days} days ago (+{growth:en}).",
    ),
    "alerts.engagement.falling": (
        "Coinvolgimento su {channel:it} sceso da {before:it} a {now:it} (ultime {recent_weeks} settimane "
        "contro le {baseline_weeks} precedenti, {posts} post).",
        "Engagement on {channel:en} fell from {before:en} to {now:en} (last {recent_weeks} weeks "
        "against the {baseline_weeks} before, {posts} posts).",
    ),
    "alerts.engagement.action": (
        "Riguarda i post di {channel:it} che hanno funzionato meglio nelle settimane prima e ripetine "
        "formato, orario e tema; rispondi ai commenti.",
        "Look again at the {channel:en} posts that worked best in the weeks before and repeat their "
        "format, time and topic; reply to comments.",
    ),
}
