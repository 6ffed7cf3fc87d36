"""The Market map page's sections: customers in, the map with its layers and the summary beside it, the
target area drawn on the map, the tables, competitors and other sites, the social audience by city.

Analyses run once per version of the data (``_analysis``: keyed by the plan's customer imports under
its secret token, or by the sample's slug, never by hashing a large table). The map is built fresh on
every run with a constant identity (centre and zoom depend on the data only), and its layers go in
``feature_group_to_add``, so switching them does not re-mount it. It never reruns the script
(``returned_objects=[]``), except while an area is being drawn: then a second map component (its own
key, mounted when drawing starts and gone when it stops) reports clicks (``["last_clicked"]``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from core import catchment, hexes, i18n, importers, market, market_layers, market_page, market_summary, safe_text
from core import market_layers_areas as areas_mod
from core import market_layers_customers as customers_mod
from core import market_layers_legend as legend_mod
from core import plan as plan_mod
from core.i18n import Message
from ui import bind, imports, places, resources
from ui import data as data_mod
from ui import frame as frame_mod
from ui.frame import Frame

# streamlit-folium 0.27 reads returned_objects only when the map mounts (window.__GLOBAL_DATA__): the map
# that reports clicks, for drawing, is another component (another key), mounted while drawing only.
MAP_KEY, DRAW_MAP_KEY = "market_map", "market_map_draw"
MAP_HEIGHT = 560
DRAW_MODES = ("off", "polygon", "circle")
DRAW_KEY, RADIUS_KEY, NAME_KEY = "w:market:draw", "w:market:radius", "w:market:area_name"
BOXES = {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}


@dataclass(frozen=True, eq=False)
class Analysis:
    """What the page shows, computed once per data version; read only (shared by the cache)."""

    customers: pd.DataFrame  # core.schema.CUSTOMER_COLUMNS
    places: pd.DataFrame  # market_layers_customers.customer_places
    facts: market_summary.MarketFacts
    by_comune: pd.DataFrame
    by_province: pd.DataFrame
    penetration: market.Penetration
    trade_areas: tuple[catchment.TradeArea, ...]
    unplaced: pd.DataFrame  # market_page.unplaced_table


@dataclass(frozen=True, eq=False)
class Loaded:
    key: tuple[object, ...]  # what exactly the customers are (see _data_key)
    center: tuple[float, float] | None  # the business, when its town is known
    analysis: Analysis
    own: bool  # the customers come from the plan's imports (not from a sample)


@st.cache_resource(show_spinner=False)
def _comuni() -> pd.DataFrame:
    return resources.get_gazetteer().comuni()


def _data_key(frame: Frame) -> tuple[object, ...]:
    """The plan's customer imports (under its secret token), else its sample: never a table's hash."""
    entries = resources.get_datasets().entries(frame.token) if frame.token else []
    ids = tuple(e.id for e in entries if e.kind == "customers")
    return (frame.token, ids, None) if ids else (None, (), (frame.plan or {}).get("sample"))


@st.cache_resource(show_spinner=False, max_entries=16)
def _analysis(key: tuple[object, ...], center: tuple[float, float] | None, _frame: Frame) -> Analysis:
    df = market_page.as_customers(data_mod.plan_data(_frame).customers)
    by_comune = market.by_comune(df)
    return Analysis(
        customers=df,
        places=customers_mod.customer_places(df),
        facts=market_summary.facts(df, center, _comuni()),
        by_comune=by_comune,
        by_province=market.by_province(df),
        penetration=market.penetration(by_comune, _comuni()),
        trade_areas=tuple(catchment.trade_areas(df, center, market_page.TRADE_SHARES)) if center else (),
        unplaced=market_page.unplaced_table(df),
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _rings(
    key: tuple[object, ...], center: tuple[float, float], radii: tuple[float, ...], _a: Analysis
) -> pd.DataFrame:
    return catchment.rings(_a.customers, center, radii)


@st.cache_resource(show_spinner=False, max_entries=16)
def _hexes(key: tuple[object, ...], center: tuple[float, float] | None, resolution: int, _a: Analysis) -> pd.DataFrame:
    return hexes.hexes(market_page.hex_scope(_a.customers, center, resolution), resolution)


@st.cache_data(show_spinner=False, max_entries=256)
def _area_summary(key: tuple[object, ...], area_json: str, _a: Analysis) -> catchment.AreaSummary:
    saved = market_page.area_from_dict(json.loads(area_json))
    return catchment.area_summary(_a.customers, saved.area, _comuni())


@st.cache_data(show_spinner=False, max_entries=64)
def _audience(key: tuple[object, ...], followers_json: str, _a: Analysis) -> pd.DataFrame:
    followers = market_page.followers_frame(json.loads(followers_json))
    table = market.followers_vs_customers(followers, _a.by_comune)
    return market_page.with_places(table, resources.get_gazetteer())


def load(frame: Frame) -> Loaded:
    town = (frame.plan.get("business") or {}).get("town")
    center = (float(town["lat"]), float(town["lon"])) if town else None
    key = _data_key(frame)
    return Loaded(key, center, _analysis(key, center, frame), own=key[0] is not None)


# ---- customers in ---------------------------------------------------------------------------------------------


def customers_in(frame: Frame, loaded: Loaded) -> None:
    """Import a customer list (shops are recognised; any other table after confirming its columns)."""
    t = frame.t
    with st.expander(
        t("marketpage.in.title"), expanded=not loaded.analysis.facts.customers, icon=":material/upload_file:"
    ):
        st.caption(t("marketpage.in.help"))
        if frame.plan.get("sample") and not loaded.own:
            st.caption(t("marketpage.in.sample_note"))
        shops, other = st.columns(2, gap="large")
        with shops:
            st.markdown(f"**{t('marketpage.in.shops')}**")
            imports.import_section(frame, kinds=("customers",))
        with other:
            mapping_section(frame)
    unplaced = loaded.analysis.unplaced
    if len(unplaced):
        count = int(unplaced["customers"].sum())
        st.warning(t("marketpage.unplaced.count", n=i18n.number(frame.lang, count)), icon=":material/wrong_location:")
        with st.expander(t("marketpage.unplaced.list"), icon=":material/list:"):
            st.dataframe(unplaced, hide_index=True, width="stretch", column_config=_labels(frame, unplaced))


def mapping_section(frame: Frame) -> None:
    """Any table (CSV, Excel): the user confirms which column holds what, then it is imported."""
    t = frame.t
    st.markdown(f"**{t('marketpage.mapping.title')}**")
    st.caption(t("marketpage.mapping.help"))
    round_key = "market:mapping#round"
    upload = st.file_uploader(
        t("marketpage.mapping.uploader"), key=f"market:mapping#upload{st.session_state.get(round_key, 0)}"
    )
    imports.limit_note(frame)
    for level, message in st.session_state.get("market:mapping#report", []):
        BOXES[level](_said(frame, message))
    if upload is None:
        return
    raw = importers.RawFile(name=upload.name, data=upload.getvalue())
    try:
        columns = [str(c) for c in importers.read_table(raw).frame.columns]
    except importers.ImportProblem as problem:
        st.error(_said(frame, Message("timelinepage.import.failed", {"file": raw.name, "reason": problem.message})))
        return
    guess = importers.guess_mapping(columns)
    with st.form("market:mapping#form"):
        left, right = st.columns(2)
        for n, field in enumerate(importers.FIELDS):
            (left if n % 2 == 0 else right).selectbox(
                t(f"importers.field.{field}"),
                [None, *columns],
                index=0 if guess[field] is None else columns.index(guess[field]) + 1,
                format_func=lambda c: t("marketpage.mapping.none") if c is None else c,
                key=f"market:mapping:{raw.name}:{field}",
            )
        submitted = st.form_submit_button(t("marketpage.mapping.import"), type="primary")
    if submitted:
        mapping = {f: st.session_state[f"market:mapping:{raw.name}:{f}"] for f in importers.FIELDS}
        st.session_state["market:mapping#report"] = _import_mapped(frame, raw, mapping)
        st.session_state[round_key] = st.session_state.get(round_key, 0) + 1
        st.rerun()


def _import_mapped(frame: Frame, raw: importers.RawFile, mapping: dict[str, str | None]) -> list[tuple[str, Message]]:
    token = frame_mod.ensure_plan(frame)
    ctx = importers.ImportContext(resources.get_gazetteer(), salt=token, today=dt.date.today(), mapping=mapping)
    try:
        result = importers.import_file(raw, ctx)
    except importers.ImportProblem as problem:
        return [("error", Message("timelinepage.import.failed", {"file": raw.name, "reason": problem.message}))]
    if result.frame.empty:
        return [("info", Message("timelinepage.import.nothing", {"file": raw.name}))]
    seen = (raw.name[:255], result.kind, result.platform, len(result.frame))
    if any((e.file, e.kind, e.platform, e.rows) == seen for e in resources.get_datasets().entries(token)):
        params = {"file": raw.name, "rows": len(result.frame), "platform": result.platform}
        return [("info", Message("timelinepage.import.duplicate", params))]
    resources.get_datasets().add(token, result.kind, result.platform, raw.name, result.frame)
    unplaced = 0 if result.unplaced is None else len(result.unplaced)
    params = {"file": raw.name, "rows": len(result.frame), "placed": len(result.frame) - unplaced}
    return [("success", Message("marketpage.mapping.done", params))] + [
        ("warning", Message("timelinepage.import.warning", {"file": raw.name, "warning": w})) for w in result.warnings
    ]


def _said(frame: Frame, message: Message) -> str:
    """A message whose parameters may be messages; text from files shown as plain text, numbers localized."""
    params = {
        k: _said(frame, v) if isinstance(v, Message) else safe_text.for_markdown(v) if isinstance(v, str) else v
        for k, v in message.params.items()
    }
    params = {
        k: i18n.number(frame.lang, v) if isinstance(v, int) and k in ("rows", "placed") else v
        for k, v in params.items()
    }
    if "platform" in params:
        params["platform"] = imports.platform_label(frame.lang, message.params["platform"])
    return i18n.t(frame.lang, message.key, **params)


# ---- the layers ------------------------------------------------------------------------------------------------


def layer_choice(frame: Frame, loaded: Loaded) -> tuple[market_page.Choice, tuple[float, ...]]:
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
    style, measure, resolution, radii = "clusters", "customers", 5, market_page.default_radii(p80)
    options = st.columns([3, 3, 3, 5])
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
            help=t("marketpage.layers.hex_size_help", km=i18n.number(frame.lang, market_page.LOCAL_HEX_KM)),
        )
    if loaded.center is not None:  # the rings table below uses them too
        picked = options[3].multiselect(
            t("marketpage.layers.radii"),
            list(market_page.RING_CHOICES),
            default=list(radii),
            format_func=lambda km: t("marketpage.layers.km", km=market_page.in_words(frame.lang, [km], "km")[0]),
            key="w:market:radii",
            max_selections=6,
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
    frame: Frame, loaded: Loaded, choice: market_page.Choice, radii: tuple[float, ...]
) -> market_page.MapInputs:
    a, center, chosen = loaded.analysis, loaded.center, set(choice.layers)
    followers = frame.plan.get("followers") or []
    return market_page.MapInputs(
        center=center,
        sites=_sites(frame),
        places=a.places,
        rings=_rings(loaded.key, center, radii, a) if center else None,
        trade_areas=a.trade_areas,
        hexes=_hexes(loaded.key, center, choice.hex_resolution, a) if "hexes" in chosen else None,
        penetration=a.penetration.table,
        local_km=a.facts.local_radius_km,
        competitors=market_page.places_frame(frame.plan.get("competitors") or []),
        followers=_audience(loaded.key, json.dumps(followers, sort_keys=True), a)
        if "followers" in chosen and followers
        else None,
        areas=market_page.saved_areas(frame.plan.get("areas") or []),
    )


# ---- the map, the area being drawn, the summary beside them ---------------------------------------------------


def _draw_state(frame: Frame) -> dict[str, Any]:
    """The area being drawn (clicked points, a circle's centre), kept per plan for the session."""
    return st.session_state.setdefault(f"market:draw:{frame.token}", {"points": [], "centre": None, "seen": None})


def _take_click(frame: Frame, mode: str) -> None:
    """The drawing map's last click (st_folium keeps it under its key) becomes a point of the area, once."""
    state = _draw_state(frame)
    click = (st.session_state.get(DRAW_MAP_KEY) or {}).get("last_clicked")
    if click == state["seen"]:
        return
    state["seen"] = click
    point = areas_mod.point_from_click(click)
    if point is None or mode == "off":
        return
    if mode == "polygon":
        state["points"].append(point)
    else:
        state["centre"] = point


def _undo(frame: Frame) -> None:
    state = _draw_state(frame)
    if state["points"]:
        state["points"].pop()


def _clear(frame: Frame) -> None:
    state = _draw_state(frame)
    state["points"], state["centre"] = [], None
    st.session_state.pop("market:area_problem", None)


def _mode_changed(frame: Frame) -> None:
    """A new drawing map starts without the last click of the previous one."""
    st.session_state.pop(DRAW_MAP_KEY, None)
    _draw_state(frame)["seen"] = None


def draw_controls(frame: Frame) -> str:
    t = frame.t
    st.session_state.setdefault(DRAW_KEY, "off")
    mode_col, second_col, clear_col = st.columns([5, 3, 3], vertical_alignment="bottom")
    mode = (
        mode_col.segmented_control(
            t("marketpage.draw.mode"),
            list(DRAW_MODES),
            format_func=lambda m: t(f"marketpage.draw.mode.{m}"),
            key=DRAW_KEY,
            on_change=_mode_changed,
            args=(frame,),
        )
        or "off"
    )
    if mode == "circle":
        second_col.number_input(
            t("marketpage.draw.radius"), min_value=0.1, max_value=1000.0, value=5.0, step=1.0, key=RADIUS_KEY
        )
    if mode == "polygon":
        second_col.button(
            t("marketpage.draw.undo"), on_click=_undo, args=(frame,), icon=":material/undo:", width="stretch"
        )
    if mode != "off":
        clear_col.button(
            t("marketpage.draw.clear"), on_click=_clear, args=(frame,), icon=":material/delete:", width="stretch"
        )
        st.caption(t(f"marketpage.draw.help.{mode}"))
    _take_click(frame, mode)
    return mode


def _drawn(frame: Frame, mode: str) -> tuple[catchment.Circle | list[tuple[float, float]] | None, list[Message]]:
    state = _draw_state(frame)
    if mode == "polygon":
        ring, problems = areas_mod.area_from_points(state["points"])
        return (ring or None), problems
    if mode == "circle":
        return areas_mod.circle_from_click(state["centre"], float(st.session_state.get(RADIUS_KEY, 5.0)))
    return None, []


def map_section(frame: Frame, loaded: Loaded, choice: market_page.Choice, radii: tuple[float, ...]) -> None:
    lang = frame.lang
    left, right = st.columns([2, 1], gap="large")
    with left:
        mode = draw_controls(frame)
        area, problems = _drawn(frame, mode)
        groups = market_page.build_layers(choice, _inputs(frame, loaded, choice, radii), lang)
        state = _draw_state(frame)
        if mode == "polygon" and state["points"]:
            groups.append(areas_mod.target_area_layer(state["points"], lang))
        elif mode == "circle" and isinstance(area, catchment.Circle):
            groups.append(areas_mod.target_circle_layer(area, lang))
        facts = loaded.analysis.facts
        view, zoom = market_page.initial_view(loaded.center, facts.p80_km, loaded.analysis.places, MAP_HEIGHT)
        m = market_layers.market_map(view, zoom, lang=lang)
        st_folium(
            m,
            key=DRAW_MAP_KEY if mode != "off" else MAP_KEY,
            feature_group_to_add=[*groups, legend_mod.legend_layer(groups, lang)],
            layer_control=folium.LayerControl(collapsed=True),
            returned_objects=["last_clicked"] if mode != "off" else [],
            height=MAP_HEIGHT,
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
            area_result(frame, loaded, area, problems)
    with right:
        summary(frame, loaded)


def area_result(frame: Frame, loaded: Loaded, area: Any, problems: list[Message]) -> None:
    """What is inside the area being drawn, and saving it to the plan."""
    t = frame.t
    if area is None:
        for problem in problems:
            st.info(problem.render(frame.lang))
        return
    summary_ = _area_summary(loaded.key, json.dumps(market_page.area_to_dict("", area)), loaded.analysis)
    figures(frame, market_page.area_figures(frame.lang, summary_))
    with st.form("market:save_area", clear_on_submit=False, border=True):
        st.text_input(
            t("marketpage.draw.name"), key=NAME_KEY, max_chars=80, placeholder=t("marketpage.draw.name_placeholder")
        )
        st.form_submit_button(
            t("marketpage.draw.save"), icon=":material/save:", on_click=_save_area, args=(frame, area)
        )
    problem = st.session_state.get("market:area_problem")
    if problem is not None:
        st.error(_said(frame, problem))


def _save_area(frame: Frame, area: Any) -> None:
    name = " ".join(str(st.session_state.get(NAME_KEY, "")).split())
    stored = list(frame.plan.get("areas") or [])
    problem = market_page.area_name_problem(name, stored)
    if problem is not None:
        st.session_state["market:area_problem"] = problem
        return
    if frame_mod.save(frame, [plan_mod.Change(("areas",), stored, stored + [market_page.area_to_dict(name, area)])]):
        frame_mod.flash("success", Message("marketpage.draw.saved", {"name": name}))
        _clear(frame)
        st.session_state[DRAW_KEY] = "off"
        st.session_state[NAME_KEY] = ""


def figures(frame: Frame, values: dict[str, str]) -> None:
    """A drawn area's figures (``market_page.area_figures``), two by two so long numbers fit."""
    t = frame.t
    shown = [
        ("customers", t("marketpage.area.of_all", share=values["share_customers"])),
        ("revenue", t("marketpage.area.of_all", share=values["share_revenue"])),
        ("residents", t("marketpage.area.comuni", n=values["comuni"])),
        ("per_1000", None),
    ]
    for row in (shown[:2], shown[2:]):
        for col, (name, note) in zip(st.columns(2), row, strict=True):
            col.metric(t(f"marketpage.area.{name}"), values[name], note, delta_color="off", delta_arrow="off")


def metrics(frame: Frame, loaded: Loaded) -> None:
    """The market in four numbers, above the map."""
    t, lang, facts = frame.t, frame.lang, loaded.analysis.facts
    if not facts.customers:
        return
    cols = st.columns(4)
    cols[0].metric(t("marketpage.summary.customers"), i18n.number(lang, facts.customers))
    cols[1].metric(t("marketpage.summary.revenue"), i18n.number(lang, facts.revenue))  # whole euros: it fits
    median = market_page.in_words(lang, [facts.median_km], "km")[0]
    km = t("marketpage.layers.km", km=median) if median != market_page.DASH else median
    cols[2].metric(t("marketpage.summary.median"), km)
    cols[3].metric(t("marketpage.summary.abroad"), market_page.in_words(lang, [facts.abroad_share], "share")[0])


def summary(frame: Frame, loaded: Loaded) -> None:
    """To whom and where the business sells, in words, next to the map (``market_summary``)."""
    t, lang, facts = frame.t, frame.lang, loaded.analysis.facts
    st.markdown(f"**{t('marketpage.summary.title')}**")
    if not facts.customers:
        st.info(t("market.summary.no_customers"), icon=":material/upload_file:")
        return
    sentences = market_summary.messages(facts, lang)
    st.markdown("\n".join(f"- {safe_text.for_markdown(m.render(lang))}" for m in sentences))


# ---- saved areas ------------------------------------------------------------------------------------------------


def _remove_from(frame: Frame, section: tuple[str, ...], index: int) -> None:
    stored = list(plan_mod.get_in(frame.plan, section) or [])
    if 0 <= index < len(stored):
        frame_mod.save(
            frame,
            [plan_mod.Change(section, plan_mod.get_in(frame.plan, section), stored[:index] + stored[index + 1 :])],
        )


def saved_areas(frame: Frame, loaded: Loaded) -> None:
    """The target areas saved to the plan, what each holds, and where they are used (goals)."""
    t = frame.t
    st.subheader(t("marketpage.areas.title"), anchor=False)
    stored = frame.plan.get("areas") or []
    if not stored:
        st.caption(t("marketpage.areas.none"))
        return
    for index, item in enumerate(stored):
        saved = market_page.area_from_dict(item)
        text, button = st.columns([6, 1], vertical_alignment="center")
        if saved is None:
            text.warning(t("marketpage.areas.broken", n=index + 1))
        else:
            summary_ = _area_summary(loaded.key, json.dumps(market_page.area_to_dict("", saved.area)), loaded.analysis)
            values = market_page.area_figures(frame.lang, summary_)
            shape = (
                t("marketpage.areas.circle", km=market_page.in_words(frame.lang, [saved.area.radius_km], "km")[0])
                if isinstance(saved.area, catchment.Circle)
                else t("marketpage.areas.polygon", n=len(saved.area))
            )
            text.markdown(t("marketpage.areas.row", name=safe_text.for_markdown(saved.name), shape=shape, **values))
        button.button(
            t("timelinepage.import.remove"), key=f"market:area_remove{index}", icon=":material/delete:",
            on_click=_remove_from, args=(frame, ("areas",), index), width="stretch",
        )  # fmt: skip
    st.caption(t("marketpage.areas.goal_hint", kind=t("goals.place.area")))
    st.page_link("pages/goals.py", label=t("step.goals"), icon=":material/flag:", query_params=frame.params)


# ---- tables -------------------------------------------------------------------------------------------------------


def _labels(frame: Frame, table: pd.DataFrame) -> dict[str, str]:
    return {c: frame.t(f"marketpage.col.{c}") for c in table.columns}


def _table(frame: Frame, table: pd.DataFrame) -> None:
    """A short table in words, as plain HTML (no grid to load), its columns named in the page's language.
    ``st.table`` renders every cell as Markdown: names from files and users are escaped to stay text."""
    shown = table.astype(object).fillna("").map(safe_text.for_markdown)
    st.table(shown.rename(columns=_labels(frame, table)), hide_index=True)


@st.cache_data(show_spinner=False, max_entries=64)
def _tables(
    key: tuple[object, ...], center: tuple[float, float] | None, lang: str, radii: tuple[float, ...], _a: Analysis
) -> dict[str, pd.DataFrame]:
    """The tables in words, once per data version, language and rings."""
    out = {
        "comuni": market_page.comuni_table(lang, _a.by_comune, _a.penetration.table),
        "provinces": market_page.provinces_table(lang, _a.by_province),
    }
    if center is not None:
        out["rings"] = market_page.rings_table(lang, _rings(key, center, radii, _a))
        out["trade_areas"] = market_page.trade_areas_table(lang, _a.trade_areas)
    return out


def tables(frame: Frame, loaded: Loaded, radii: tuple[float, ...]) -> None:
    """Where the customers are, as tables: comuni, provinces, distance rings, trade areas."""
    t = frame.t
    st.subheader(t("marketpage.tables.title"), anchor=False)
    if not loaded.analysis.facts.customers:
        st.caption(t("market.summary.no_customers"))
        return
    found = _tables(loaded.key, loaded.center, frame.lang, radii, loaded.analysis)
    names = ("comuni", "provinces", "rings", "trade_areas")
    for name, tab in zip(names, st.tabs([t(f"marketpage.tables.{n}") for n in names]), strict=True):
        with tab:
            if name not in found:
                st.caption(t("marketpage.no_town"))
                continue
            if name in ("rings", "trade_areas"):
                st.caption(t(f"marketpage.tables.{name}_help"))
            _table(frame, found[name])


# ---- competitors and other sites ------------------------------------------------------------------------------


def _find(town: str, hint: str) -> tuple[dict[str, Any] | None, Message | None]:
    """A town typed with an optional province, postcode or country, found offline."""
    gazetteer = resources.get_gazetteer()
    postcode, province = (hint, "") if hint.isdigit() else ("", hint)
    match = gazetteer.find(town=town, postcode=postcode, province=province)
    if match.status == "unplaced" and province:
        match = gazetteer.find(town=town, country=province)
    if match.status == "placed" and match.place is not None:
        return places.place_dict(match.place), None
    if match.status == "ambiguous":
        options = ", ".join(f"{p.name} ({p.province or p.country})" for p in match.candidates[:6])
        return None, Message("marketpage.place.ambiguous", {"town": town, "options": options})
    return None, Message("business.town_unplaced", {"town": town})


def _add_place(frame: Frame, section: tuple[str, ...], prefix: str) -> None:
    name = " ".join(str(st.session_state.get(f"{prefix}:name", "")).split())
    town = " ".join(str(st.session_state.get(f"{prefix}:town", "")).split())
    hint = str(st.session_state.get(f"{prefix}:hint", "")).strip()
    st.session_state.pop(f"{prefix}:problem", None)
    if not name or not town:
        st.session_state[f"{prefix}:problem"] = Message("marketpage.place.missing")
        return
    place, problem = _find(town, hint)
    if problem is not None:
        st.session_state[f"{prefix}:problem"] = problem
        return
    stored = plan_mod.get_in(frame.plan, section)
    if frame_mod.save(
        frame, [plan_mod.Change(section, stored, list(stored or []) + [market_page.place_entry(name, place)])]
    ):
        for field in ("name", "town", "hint"):
            st.session_state[f"{prefix}:{field}"] = ""


def place_list(frame: Frame, section: tuple[str, ...], what: str) -> None:
    """Competitors (``what="competitors"``) or the business's other sites: add by name and town, remove."""
    t, prefix = frame.t, f"w:market:{what}"
    st.markdown(f"**{t(f'marketpage.{what}.title')}**")
    st.caption(t(f"marketpage.{what}.help"))
    with st.form(f"market:{what}#form", border=True):
        st.text_input(t(f"marketpage.{what}.name"), key=f"{prefix}:name", max_chars=120)
        town_col, hint_col = st.columns([2, 1])
        town_col.text_input(
            t("business.town"), key=f"{prefix}:town", max_chars=120, placeholder=t("business.town_placeholder")
        )
        hint_col.text_input(t("business.province"), key=f"{prefix}:hint", max_chars=40)
        st.form_submit_button(
            t("marketpage.place.add"),
            icon=":material/add_location_alt:",
            on_click=_add_place,
            args=(frame, section, prefix),
        )
    problem = st.session_state.get(f"{prefix}:problem")
    if problem is not None:
        st.error(_said(frame, problem))
    stored = plan_mod.get_in(frame.plan, section) or []
    listed = market_page.places_frame(stored)
    if listed.empty:
        st.caption(t(f"marketpage.{what}.none"))
    for row in listed.itertuples(index=False):
        text, button = st.columns([5, 1], vertical_alignment="center")
        where = f"{row.town} ({row.province})" if row.province else row.town
        text.markdown(
            t("marketpage.place.row", name=safe_text.for_markdown(row.name), town=safe_text.for_markdown(where))
        )
        button.button(
            t("timelinepage.import.remove"), key=f"{prefix}:remove{row.entry}", icon=":material/delete:",
            on_click=_remove_from, args=(frame, section, int(row.entry)), width="stretch",
        )  # fmt: skip


# ---- the social audience by city -------------------------------------------------------------------------------


def audience(frame: Frame, loaded: Loaded) -> None:
    """Followers by city, typed from the platforms' insights, side by side with the customers."""
    t, lang = frame.t, frame.lang
    st.subheader(t("marketpage.followers.title"), anchor=False)
    st.caption(t("marketpage.followers.help"))
    stored = frame.plan.get("followers") or []
    key = "w:market:followers"
    # the editor (a grid that loads its own code) only when asked for, or when there is an audience already
    if not st.toggle(t("marketpage.followers.edit"), value=bool(stored), key="w:market:followers_on"):
        return
    editor, compared = st.columns([1, 2], gap="large")
    with editor:
        edited = st.data_editor(
            _editor_data(key, stored, lang),
            key=key,
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            column_config={
                "city": st.column_config.TextColumn(t("marketpage.col.city"), required=True, max_chars=80),
                "followers": st.column_config.NumberColumn(t("marketpage.col.followers"), min_value=0),
            },
        )
        new = market_page.followers_from_table(edited)
        if new != stored:
            frame_mod.save(frame, [plan_mod.Change(("followers",), frame.plan.get("followers"), new)])
            stored = new
    with compared:
        if not stored:
            st.caption(t("marketpage.followers.none"))
            return
        table = _audience(loaded.key, json.dumps(stored, sort_keys=True), loaded.analysis)
        _table(frame, market_page.followers_table(lang, table))
        lost = table.loc[table["lat"].isna() & (table["followers"] > 0), "city"].tolist()
        if lost:
            st.caption(t("marketpage.followers.unplaced", cities=safe_text.for_markdown(", ".join(lost))))
        st.caption(t("marketpage.followers.map_hint"))


def _editor_data(key: str, stored: list[dict[str, Any]], lang: str) -> pd.DataFrame:
    return bind.editor_data(key, (stored, lang), lambda: market_page.followers_frame(stored))
