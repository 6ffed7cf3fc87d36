"""Business: name, sector, where it is (geocoded offline, on a map), today's channels, where it sells."""

import streamlit as st

from core import i18n, schema, sectors
from core.plan import audit
from core.plan import plan as plan_mod
from ui import bind, business_point, places, room_compare
from ui import frame as frame_mod

frame = frame_mod.page("business")
t = frame.t
st.title(t("business.title"))
st.caption(t("business.lead"))
if not frame_mod.require_plan(frame):
    st.stop()
business = frame.plan.get("business") or {}

left, right = st.columns([1, 1], gap="large")
with left:

    @st.fragment
    def name_box() -> None:  # typing the name reruns the box alone, not the sectors, towns, channels and map
        bind.text_input(
            frame, ("business", "name"), t("business.name"), placeholder=t("business.name_placeholder"), limit=120
        )
        frame_mod.fragment_settled()

    name_box()

    query = st.text_input(t("business.sector_search"), help=t("business.sector_search_help"), key="sector_query")
    current = business.get("sector")
    options = sectors.search(query) if query.strip() else sectors.all_sectors()
    if query.strip() and not options:
        st.caption(frame.md("business.sector_none", query=query))
    codes = [s.code for s in options]
    if current and current["code"] not in codes:
        codes.insert(0, current["code"])
    titles = {s.code: s.label for s in options}
    if current:
        # as the plan has it: a sample's sector in the language it was loaded in
        titles[current["code"]] = f"{current['code']} · {current['title']}"
    picked = st.selectbox(
        t("business.sector"),
        codes,
        index=codes.index(current["code"]) if current else None,
        format_func=titles.get,
        help=t("business.sector_note"),
        key=frame.key(f"sector:{query}"),
        placeholder=t("frame.choose"),
    )
    if picked and (not current or picked != current["code"]):
        sector = sectors.lookup(picked)
        if sector and frame_mod.save(frame, [plan_mod.Change(("business", "sector"), current, sector.to_dict())]):
            st.rerun()

    town = places.town_picker(frame, ("business", "town"))

    st.markdown(f"**{t('business.channels')}**")
    st.caption(t("business.channels_help"))
    labels = {c: t("kpis.channel." + c) for c in schema.CHANNELS}
    ids = {v: k for k, v in labels.items()}
    edited = st.data_editor(
        bind.editor_data(
            frame.key("business/channels"),
            (business.get("channels"), frame.lang),
            lambda: audit.to_table(business.get("channels") or [], labels),
        ),
        key=frame.key("business/channels"),
        num_rows="dynamic",
        width="stretch",
        hide_index=True,
        placeholder="–",  # a missing number, not "None"
        # widths that fit a phone's 358 px with the row markers: the posts column was out of sight to the right
        column_config={
            "channel": st.column_config.SelectboxColumn(
                t("business.col_channel"), options=list(labels.values()), required=True, width=125
            ),
            "followers": st.column_config.NumberColumn(
                t("business.col_followers"), min_value=0, step=1, format="%d", width=80
            ),
            "posts_per_week": st.column_config.NumberColumn(
                t("business.col_posts"), min_value=0.0, max_value=200.0, step=0.5, width=100
            ),
        },
    )
    channels, problems = audit.from_table(edited.assign(channel=edited["channel"].map(ids)))
    for problem in problems:
        st.warning(frame.msg(problem))
    if not problems and channels != (business.get("channels") or []):
        frame_mod.save(frame, [plan_mod.Change(("business", "channels"), business.get("channels"), channels)])
    sums = audit.totals(channels)
    st.caption(
        t(
            "business.channels_summary",
            channels=sums["channels"],
            followers=i18n.number(frame.lang, sums["followers"]),
            posts=i18n.number(frame.lang, sums["posts_per_week"], 1),
        )
    )

    bind.pills(
        frame,
        ("business", "markets"),
        t("business.markets"),
        list(schema.MARKETS),
        format_func=lambda m: t("business.market." + m),
        wrap=True,  # on a phone the four choices go on two lines instead of scrolling sideways
    )

with right:
    business_point.point_map(frame)

room_compare.show(frame, "business")  # in a workshop: you beside the room
frame_mod.next_step(frame)
