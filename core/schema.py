"""The shared shapes of Rotta's data: the plan, the customers table, the activity table.

Every importer, the sample generator and every analysis agree on these names. Columns are
listed in order; ``None`` in a numeric column means "not reported by the source".
"""

from __future__ import annotations

PLAN_FORMAT = "rotta-plan"
PLAN_VERSION = 1

# One row per customer, privacy-safe: no names, e-mails, phones or street addresses.
CUSTOMER_COLUMNS: tuple[str, ...] = (
    "customer_id",  # pseudonymous id (str)
    "town",  # as given in the source (str)
    "postcode",  # str, leading zeros kept ("06012")
    "province",  # Italian sigla ("RM") or region/state text abroad (str, may be "")
    "country",  # ISO 3166-1 alpha-2 ("IT")
    "first_order",  # datetime64 (date), may be NaT
    "last_order",  # datetime64 (date), may be NaT
    "orders",  # int
    "revenue",  # float, EUR
    "lat",  # float, NaN when not placed
    "lon",  # float, NaN when not placed
    "comune_istat",  # ISTAT code of the comune ("058091"), "" abroad or unplaced
    "place_status",  # "placed" | "ambiguous" | "unplaced"
)

# One row per order (when the source has order-level data; the samples do).
ORDER_COLUMNS: tuple[str, ...] = ("customer_id", "date", "amount")

# One row per action, online or offline.
ACTIVITY_COLUMNS: tuple[str, ...] = (
    "when",  # tz-aware datetime, Europe/Rome
    "platform",  # facebook | instagram | x | linkedin | tiktok | youtube | google_business | offline
    "kind",  # post | reel | video | story | event | ad | offline | daily
    "text",  # caption / title / note (str, may be "")
    "link",  # permalink (str, may be "")
    "place",  # place name (str, may be "")
    "lat",  # float, NaN when unknown
    "lon",  # float, NaN when unknown
    "views",
    "reach",
    "reactions",
    "comments",
    "shares",
    "saves",
    "clicks",
    "follows",  # new followers (Meta "Follows"; TikTok and YouTube give the net change of the day)
    "profile_visits",  # visits to the profile or page
    "calls",  # taps on the call button (Google Business Profile)
    "directions",  # direction requests (Google Business Profile)
    "interactions",  # reactions + comments + shares + saves (of those present)
    "engagement_rate",  # interactions / reach (or / views when reach is absent)
)
# What people did with the content (summed into ``interactions``)...
CONTENT_METRICS: tuple[str, ...] = ("views", "reach", "reactions", "comments", "shares", "saves", "clicks")
# ...and what they did about the business: audience and actions, never part of ``interactions``.
ACTION_METRICS: tuple[str, ...] = ("follows", "profile_visits", "calls", "directions")
ACTIVITY_METRICS: tuple[str, ...] = (*CONTENT_METRICS, *ACTION_METRICS)

CHANNELS: tuple[str, ...] = (
    "facebook",
    "instagram",
    "x",
    "linkedin",
    "tiktok",
    "youtube",
    "google_business",
    "website",
    "newsletter",
    "whatsapp",
)
MARKETS: tuple[str, ...] = ("local", "regional", "national", "abroad")
