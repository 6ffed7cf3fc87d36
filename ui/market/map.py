"""The Market map page's map: the layers chosen, the map with the summary beside it, the tables.

The map is built fresh on every run with a constant identity (centre and zoom depend on the data
only), and its layers go in ``feature_group_to_add``, so switching them does not re-mount it. It
never reruns the script (``returned_objects=[]``), except while an area is being drawn: then a second
map component (its own key, mounted when drawing starts and gone when it stops) reports clicks
(``["last_clicked"]``; see ``ui.market.draw``).
"""

from __future__ import annotations

import json

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from core import i18n, safe_text
from core.market import analysis as core_analysis
from core.market import catchment
from core.market import summary as market_summary
from core.market import view as market_page
from core.market.layers import areas as areas_mod
from core.market.layers import customers as customers_mod
from core.market.layers import legend as legend_mod
from core.market.layers import model as market_layers
from ui import map_view
from ui.frame import Frame
from ui.market import analysis as base
from ui.market import draw


def layer_choice(frame: Frame, loaded: base.Loaded) -> tuple[market_page.Choice, tuple[float, ...]]:
    """The layers to draw and how (customers as clusters or circles, hexagons, ring radii)."""
    t = frame.t
    names = {n: t(f"market_layers.layer.{n}") for n in market_page.LAYERS if n not in ("hexes", "areas")}
    names |= {"hexes": t("marketpage.layer.hexes"), "areas": t("marketpage.layer.areas")}
    chosen = st.pills(
        t("marketpage.layers.label"),
        list(market_page.LAYERS),
        selection_mode="multi",
        default=list(market_page.DEFAULT_LAYERS),
        format_func=names.get,
        key="w:market:layers",
        help=t("marketpage.layers.help"),
    )
    chosen = tuple(chosen or ())
    p80 = loaded.analysis.facts.p80_km
    style, measure, resolution, radii = "clusters", "customers", 5, catchment.default_radii(p80)
    options = st.columns(3)
    if "customers" in chosen:
        style = options[0].segmented_control(
            t("marketpage.layers.customers_as"),
            list(market_page.CUSTOMER_STYLES),
            default="clusters",
            required=True,
            format_func=lambda s: t(f"marketpage.layers.style.{s}"),
            key="w:market:style",
        )
    if "hexes" in chosen:
        measure = options[1].segmented_control(
            t("marketpage.layers.hex_measure"),
            list(market_page.HEX_MEASURES),
            default="customers",
            required=True,
            format_func=lambda s: t(f"marketpage.layers.measure.{s}"),
            key="w:market:hex_measure",
        )
        resolution = options[2].selectbox(
            t("marketpage.layers.hex_size"),
            list(market_page.HEX_RESOLUTIONS),
            format_func=lambda r: t(f"marketpage.layers.hex_size.{r}"),
            key="w:market:hex_size",
            placeholder=t("frame.choose"),
            help=t("marketpage.layers.hex_size_help", km=i18n.number(frame.lang, market_page.LOCAL_HEX_KM)),
        )
    if loaded.center is not None:  # the rings table below uses them too
        # one widget per version of the data and business point: new customers bring their own default rings
        picked = st.multiselect(
            t("marketpage.layers.radii"),
            list(market_page.RING_CHOICES),
            default=list(radii),
            format_func=lambda km: t("marketpage.layers.km", km=market_page.in_words(frame.lang, [km], "km")[0]),
            key=f"w:market:radii:{base.data_digest(loaded)}",
            max_selections=6,
            placeholder=t("frame.choose_many"),
        )
        radii = tuple(sorted(float(r) for r in picked)) or radii
    return market_page.Choice(chosen, style, measure, int(resolution)), radii


def _sites(frame: Frame) -> list[customers_mod.Site]:
    business = frame.plan.get("business") or {}
    town = business.get("town")
    sites = []
    if town:
        name = business.get("name") or frame.t("frame.plan_unnamed")
        sites.append(customers_mod.Site(name, float(town["lat"]), float(town["lon"]), str(town.get("name", ""))))
    other = market_page.places_frame(business.get("sites") or [])
    sites += [customers_mod.Site(r.name, r.lat, r.lon, r.town) for r in other.itertuples(index=False)]
    return sites


def _inputs(
    frame: Frame, loaded: base.Loaded, choice: market_page.Choice, radii: tuple[float, ...]
) -> market_page.MapInputs:
    a, center, chosen = loaded.analysis, loaded.center, set(choice.layers)
    followers = frame.plan.get("followers") or []
    return market_page.MapInputs(
        center=center,
        sites=_sites(frame),
        places=a.places,
        rings=base.rings_for(loaded.key, center, radii, a) if center else None,
        trade_areas=a.trade_areas,
        hexes=base.hex_table(loaded.key, center, choice.hex_resolution, a) if "hexes" in chosen else None,
        penetration=a.penetration.table,
        local_km=a.facts.local_radius_km,
        competitors=market_page.places_frame(frame.plan.get("competitors") or []),
        followers=base.audience_table(loaded.key, json.dumps(followers, sort_keys=True), a)
        if "followers" in chosen and followers
        else None,
        areas=market_page.saved_areas(frame.plan.get("areas") or []),
        apart=a.facts.apart,
        cells=base.cells() if a.facts.apart else None,
        postcodes=a.by_postcode,
    )


def _map_key(
    frame: Frame,
    loaded: base.Loaded,
    choice: market_page.Choice,
    radii: tuple[float, ...],
    view: tuple[float, float],
    zoom: int,
) -> tuple[object, ...]:
    """Everything the market map is drawn from: the customers, the choice of layers and rings, the language, the
    view, and the plan's business, sites, competitors, saved areas and followers."""
    plan = frame.plan or {}
    drawn_from = {k: plan.get(k) for k in ("competitors", "areas", "followers")} | {"business": plan.get("business")}
    return (base.data_digest(loaded), loaded.center, choice, radii, frame.lang, view, zoom,
            json.dumps(drawn_from, sort_keys=True, default=str))  # fmt: skip


def map_section(frame: Frame, loaded: base.Loaded, choice: market_page.Choice, radii: tuple[float, ...]) -> None:
    lang = frame.lang
    left, right = st.columns([2, 1], gap="large")
    with left:
        mode = draw.draw_controls(frame)
        area, problems = draw.drawn(frame, mode)
        facts = loaded.analysis.facts
        view, zoom = market_page.initial_view(loaded.center, facts.p80_km, loaded.analysis.places, base.MAP_HEIGHT)
        if mode == "off":  # built and rendered once per input: switching back to a layer set costs nothing
            inputs = _map_key(frame, loaded, choice, radii, view, zoom)
            map_view.show(
                base.MAP_KEY,
                inputs,
                lambda: market_page.full_map(choice, _inputs(frame, loaded, choice, radii), lang, view, zoom),
                height=base.MAP_HEIGHT,
            )
        else:
            groups = market_page.build_layers(choice, _inputs(frame, loaded, choice, radii), lang)
            state = draw.draw_state(frame)
            if mode == "polygon" and state["points"]:
                groups.append(areas_mod.target_area_layer(state["points"], lang))
            elif mode == "circle" and isinstance(area, catchment.Circle):
                groups.append(areas_mod.target_circle_layer(area, lang))
            m = market_layers.market_map(view, zoom, lang=lang)
            st_folium(
                m,
                key=base.DRAW_MAP_KEY,
                feature_group_to_add=[*groups, legend_mod.legend_layer(groups, lang)],
                layer_control=folium.LayerControl(collapsed=True),
                returned_objects=["last_clicked"],
                height=base.MAP_HEIGHT,
                width="stretch",
            )
        if loaded.center is None:
            st.info(frame.t("marketpage.no_town"), icon=":material/location_off:")
            st.page_link(
                "pages/business.py",
                label=frame.t("step.business"),
                icon=":material/storefront:",
                query_params=frame.params,
            )
        if mode != "off":
            draw.area_result(frame, loaded, area, problems)
        draw.saved_note(frame)
    with right:
        summary(frame, loaded)


def metrics(frame: Frame, loaded: base.Loaded) -> None:
    """The market in four numbers, above the map."""
    t, lang, facts = frame.t, frame.lang, loaded.analysis.facts
    if not facts.customers:
        return
    cols = st.columns(4)
    cols[0].metric(t("marketpage.summary.customers"), i18n.number(lang, facts.customers))
    cols[1].metric(t("marketpage.summary.revenue"), i18n.number(lang, facts.revenue))  # whole euros: it fits
    median = market_page.in_words(lang, [facts.median_km], "km")[0]
    km = t("marketpage.layers.km", km=median) if median != market_page.DASH else median
    known = facts.placed - sum(a.customers for a in facts.apart)
    note = t("marketpage.summary.median_of", n=i18n.number(lang, known)) if facts.apart else None
    cols[2].metric(t("marketpage.summary.median"), km, note, delta_color="off", delta_arrow="off")
    cols[3].metric(t("marketpage.summary.abroad"), market_page.in_words(lang, [facts.abroad_share], "share")[0])


def summary(frame: Frame, loaded: base.Loaded) -> None:
    """To whom and where the business sells, in words, next to the map (``market_summary``)."""
    t, lang, facts = frame.t, frame.lang, loaded.analysis.facts
    st.markdown(f"**{t('marketpage.summary.title')}**")
    if not facts.customers:
        st.info(t("market.summary.no_customers"), icon=":material/upload_file:")
        return
    sentences = market_summary.messages(facts, lang)
    st.markdown("\n".join(f"- {safe_text.for_markdown(m.render(lang))}" for m in sentences))
    if facts.apart:
        postcodes(frame, loaded, n=8)


def postcodes(frame: Frame, loaded: base.Loaded, n: int = 10) -> None:
    """The customers counted apart (no known position inside their city), by postcode."""
    a, lang = loaded.analysis, frame.lang
    if not a.facts.apart:
        st.caption(frame.t("marketpage.tables.postcodes_none"))
        return
    shown = min(n, len(a.by_postcode))
    items = safe_text.for_markdown(market_summary.apart_items(a.facts.apart, lang))
    total = i18n.number(lang, len(a.by_postcode))
    st.caption(frame.t("marketpage.tables.postcodes_help", items=items, shown=shown, total=total))
    base.table(frame, market_page.postcodes_table(lang, a.by_postcode, n))


@st.cache_data(show_spinner=False, max_entries=64)
def _tables(
    key: tuple[object, ...], center: tuple[float, float] | None, lang: str, radii: tuple[float, ...], _a: base.Analysis
) -> dict[str, pd.DataFrame]:
    """The tables in words, once per data version, language and rings."""
    out = {
        "comuni": market_page.comuni_table(lang, _a.by_comune, _a.penetration.table),
        "provinces": market_page.provinces_table(lang, _a.by_province),
        "postcodes": market_page.postcodes_table(lang, _a.by_postcode),
    }
    if center is not None:
        out["rings"] = market_page.rings_table(lang, base.rings_for(key, center, radii, _a))
        out["trade_areas"] = market_page.trade_areas_table(lang, _a.trade_areas)
    return out


def tables(frame: Frame, loaded: base.Loaded, radii: tuple[float, ...]) -> None:
    """Where the customers are, as tables: comuni, provinces, distance rings, trade areas."""
    t = frame.t
    st.subheader(t("marketpage.tables.title"), anchor=False)
    if not loaded.analysis.facts.customers:
        st.caption(t("market.summary.no_customers"))
        return
    a, lang = loaded.analysis, frame.lang
    found = _tables(loaded.key, loaded.center, lang, radii, a)
    totals = core_analysis.table_sizes(a)
    names = ("comuni", "provinces", "postcodes", "rings", "trade_areas")
    for name, tab in zip(names, st.tabs([t(f"marketpage.tables.{n}") for n in names]), strict=True):
        with tab:
            if name == "postcodes":
                postcodes(frame, loaded)
                continue
            if name not in found:
                st.caption(t("marketpage.no_town"))
                continue
            if name in ("rings", "trade_areas"):
                st.caption(t(f"marketpage.tables.{name}_help"))
            if name in totals:
                shown = len(found[name])
                st.caption(t("marketpage.tables.top", shown=shown, total=i18n.number(lang, totals[name])))
            base.table(frame, found[name])
