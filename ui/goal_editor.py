"""The Goals page's widgets: the editable goal table, one goal's details, its SMART check and where it stands."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import streamlit as st

from core import fields as fields_mod
from core import safe_text, schema
from core.goals import baselines, goals, kpis, measures, objectives, smart, standing, vanity
from core.goals import text as goal_text
from core.i18n import Message
from core.plan import goal_table  # fmt: skip
from core.plan.plan import Change
from ui import bind, fields
from ui import data as data_mod
from ui import frame as frame_mod
from ui.frame import Frame

TABLE_KEY = "goals/table"  # with the plan: frame.key(TABLE_KEY)


def _render(frame: Frame, message: Message) -> str:
    """The message for Markdown (boxes, captions): the goal's own words in it are escaped."""
    return goal_text.render(frame.lang, message, escape=safe_text.for_markdown)


@st.cache_resource(show_spinner=False, max_entries=32)
def _measured(key: tuple[object, ...], channels: tuple[str, ...], as_of: dt.date, _data: measures.Data) -> dict:
    """Keyed by exactly which tables the plan has (``data.data_key``); read only."""
    return measures.baseline_map(_data, channels, as_of)


@st.cache_resource(show_spinner=False, max_entries=128)
def _standing(
    key: tuple[object, ...], goal_json: str, as_of: dt.date, places_key: str, _data: measures.Data, _places: Any
) -> standing.Standing:
    """Keyed by the plan's exact tables, the goal as saved, the day measured to and the plan's places; read only."""
    return standing.standing(goals.Goal.from_dict(json.loads(goal_json)), _data, as_of, _places)


def goal_standing(frame: Frame, goal: goals.Goal, today: dt.date) -> standing.Standing:
    """Where the goal stands on the plan's data inside its place, measured up to the last day the data covers
    (as the Monitor and the Plan)."""
    data = data_mod.plan_data(frame)
    goal_json = json.dumps(goal.to_dict(), sort_keys=True)
    places_key = data_mod.places_key(frame.plan)
    places = data_mod.goal_places(frame.plan)
    return _standing(data_mod.data_key(frame), goal_json, data_mod.as_of(data, today), places_key, data, places)


def audit_values(frame: Frame, today: dt.date) -> dict[str, dict[str, float]]:
    """Starting values for new goals: the channel audit, completed by what the plan's data measures."""
    channels = (frame.plan.get("business") or {}).get("channels") or []
    values = baselines.from_audit(channels)
    data = data_mod.plan_data(frame)
    channel_ids = tuple(c["channel"] for c in channels)
    measured = _measured(data_mod.data_key(frame), channel_ids, data_mod.as_of(data, today), data)
    for target, kpi_values in measured.items():
        values.setdefault(target, {}).update({k: v for k, v in kpi_values.items() if k not in values.get(target, {})})
    return values


def table(frame: Frame, goal_dicts: list[dict[str, Any]], today: dt.date) -> None:
    t, lang = frame.t, frame.lang
    data = bind.editor_data(
        frame.key(TABLE_KEY), (goal_dicts, lang), lambda: goal_table.to_table(goal_dicts, today, lang)
    )
    field = lambda name: t(f"goals.field.{name}").capitalize()  # noqa: E731
    edited = st.data_editor(
        data,
        key=frame.key(TABLE_KEY),
        hide_index=True,
        width="stretch",
        disabled=["id", "kpi", "smart"],
        column_order=["title", "kpi", "baseline", "target", "deadline", "owner", "smart"],
        column_config={
            "title": st.column_config.TextColumn(
                field("title"), width="large", max_chars=200, help=fields.help_for(lang, 200)
            ),
            "kpi": st.column_config.TextColumn(field("kpi")),
            "baseline": st.column_config.NumberColumn(field("baseline"), min_value=0.0),
            "target": st.column_config.NumberColumn(field("target"), min_value=0.0),
            "deadline": st.column_config.DateColumn(
                field("deadline"), format="DD/MM/YYYY" if lang == "it" else "D MMM YYYY"
            ),
            "owner": st.column_config.TextColumn(field("owner"), max_chars=80, help=fields.help_for(lang, 80)),
            "smart": st.column_config.TextColumn(t("goalspage.col_smart")),
        },
    )
    st.caption(t("goalspage.table_help"))
    changes, problems = goal_table.changes_from_table(goal_dicts, edited)
    for row, reason in problems:
        st.error(t("goalspage.row_problem", row=row, reason=_render(frame, reason)))
    if changes and frame_mod.save(frame, changes):
        st.rerun()


def _save_field(frame: Frame, goal_dicts: list[dict[str, Any]], index: int, name: str, key: str, convert: Any) -> None:
    if key not in st.session_state:  # a widget of a page whose values were reset since: not a change of this plan
        return
    old = goal_dicts[index].get(name)
    try:
        new = convert(st.session_state[key])
        if new == old:
            return
        candidate = {**goal_dicts[index], name: new}
        before, after = goals.Goal.from_dict(goal_dicts[index]), goals.Goal.from_dict(candidate)
    except goals.GoalError as error:
        frame_mod.flash("error", Message("goalspage.invalid", {"reason": goal_text.render(frame.lang, error.message)}))
        frame_mod.reset_widgets()
        return
    changes = [Change(("goals", index, name), old, new)]
    title = goal_text.retitled(frame.lang, before, after) if name != "title" else None
    if title is not None:  # a template's title that no longer says the goal's numbers follows them
        changes.append(Change(("goals", index, "title"), before.title, title))
    if frame_mod.save(frame, changes) and title is not None:
        st.session_state[frame.key("goal", before.id, "title")] = title


def _widget(
    frame: Frame,
    goal_dicts: list[dict[str, Any]],
    index: int,
    name: str,
    seed: Any,
    convert: Any = lambda v: v,
    part: str = "",
) -> dict[str, Any]:
    key = frame.key("goal", goal_dicts[index]["id"], f"{name}{part}")
    if key not in st.session_state:
        st.session_state[key] = seed
    return {"key": key, "on_change": _save_field, "args": (frame, goal_dicts, index, name, key, convert)}


def _date_field(
    frame: Frame, goal_dicts: list[dict[str, Any]], index: int, name: str, day: dt.date | None
) -> dict[str, Any]:
    """A date typed as text (dd/mm/yyyy): saved on Enter as on leaving the field, which Streamlit's date
    picker does only when its calendar closes."""
    t, label = frame.t, frame.t(f"goals.field.{name}").capitalize()

    def iso(text: str) -> str | None:
        typed = fields_mod.typed_date(text, label)
        if typed is None and name == "start":  # a goal always has a start
            raise fields_mod.FieldError(label, text, "bad_typed_date")
        return typed.isoformat() if typed else None

    seed = day.strftime("%d/%m/%Y") if day else ""
    return {
        "placeholder": t("goalspage.date_placeholder"),
        "help": t("goalspage.date_help"),
        **_widget(frame, goal_dicts, index, name, seed, iso),
    }


def detail(frame: Frame, goal_dicts: list[dict[str, Any]], today: dt.date) -> None:
    t, lang = frame.t, frame.lang
    ids = [g["id"] for g in goal_dicts]
    selected = st.session_state.get("goal_selected")
    selected = selected if selected in ids else ids[0]
    titles = {g["id"]: g["title"] or t("goals.tree.untitled") for g in goal_dicts}
    # The choice lives in our own key. The widget's key names the titles it shows: a keyed widget takes its
    # identity from its key alone, and the browser would go on showing a title as it was before an edit.
    shown = hashlib.sha256(json.dumps(titles, sort_keys=True).encode("utf-8")).hexdigest()[:8]
    chosen = st.selectbox(
        t("goalspage.pick"),
        ids,
        index=ids.index(selected),
        format_func=titles.get,
        key=frame.key(f"goal_pick_{selected}", shown),
        placeholder=t("frame.choose"),
    )
    st.session_state["goal_selected"] = chosen
    index = ids.index(chosen)
    data = goal_dicts[index]
    goal = goals.Goal.from_dict(data)
    field = lambda name: t(f"goals.field.{name}").capitalize()  # noqa: E731
    edit, check = st.columns([1, 1], gap="large")
    with edit:
        st.text_input(
            field("title"),
            **fields.limit(
                lang, 200, field("title"), **_widget(frame, goal_dicts, index, "title", data["title"], str.strip)
            ),
        )
        st.selectbox(
            field("objective"),
            list(objectives.OBJECTIVES),
            format_func=lambda o: objectives.name(lang, o),
            placeholder=t("frame.choose"),
            **_widget(frame, goal_dicts, index, "objective", data["objective"]),
        )
        options = [
            None,
            *dict.fromkeys([*objectives.objective_kpis(goal.objective), *([goal.kpi] if goal.kpi else [])]),
        ]
        if goal.objective == "custom":
            options = [None, *kpis.KPIS]
        st.selectbox(
            field("kpi"),
            options,
            format_func=lambda k: kpis.name(lang, k) if k else t("goalspage.no_kpi"),
            placeholder=t("goalspage.no_kpi"),
            **_widget(frame, goal_dicts, index, "kpi", data.get("kpi")),
        )
        if goal.kpi:
            st.caption(
                t(
                    "goalspage.kpi_about",
                    definition=kpis.definition(lang, goal.kpi),
                    formula=kpis.formula(lang, goal.kpi),
                )
            )
        st.multiselect(
            field("channels"),
            list(schema.CHANNELS),
            format_func=lambda c: t(f"kpis.channel.{c}"),
            placeholder=t("frame.choose_many"),
            **_widget(frame, goal_dicts, index, "channels", list(data.get("channels") or []), list),
        )
        scale = 100.0 if goal.kpi and kpis.KPIS[goal.kpi].unit == "rate" else 1.0
        to_plan = lambda v: None if v is None else round(float(v) / scale, 6)  # noqa: E731
        left, right = st.columns(2)
        for column, name in ((left, "baseline"), (right, "target")):
            value = data.get(name)
            column.number_input(
                field(name) + (" (%)" if scale != 1 else ""),
                min_value=0.0,
                value=None,
                format=fields.number_format(None if value is None else value * scale),
                **_widget(frame, goal_dicts, index, name, None if value is None else value * scale, to_plan),
            )
        for column, name, day in ((left, "start", goal.start), (right, "deadline", goal.deadline)):
            column.text_input(field(name), **_date_field(frame, goal_dicts, index, name, day))
        kinds = list(goals.PLACE_KINDS)
        place_key = frame.key("goal", goal.id, "place")
        left.selectbox(
            field("place"),
            kinds,
            format_func=lambda k: t(f"goals.place.{k}"),
            placeholder=t("frame.choose"),
            **_widget(
                frame,
                goal_dicts,
                index,
                "place",
                goal.place.kind,
                lambda k: {"kind": k, "value": "" if k == "market" else goal.place.value},
            ),
        )
        if st.session_state[place_key] != "market":
            right.text_input(
                t(f"goals.place.{goal.place.kind}"),
                **fields.limit(lang, 120, t(f"goals.place.{goal.place.kind}"), **_widget(
                    frame,
                    goal_dicts,
                    index,
                    "place",
                    goal.place.value,
                    lambda v: {"kind": goal.place.kind, "value": v.strip()},
                    part="#value",
                )),
            )  # fmt: skip
        st.text_area(
            field("actions"),
            help=t("goalspage.actions_help"),
            **_widget(
                frame,
                goal_dicts,
                index,
                "actions",
                "\n".join(goal.actions),
                lambda v: [a.strip() for a in v.splitlines() if a.strip()],
            ),
        )
        st.text_input(
            field("owner"),
            **fields.limit(
                lang, 80, field("owner"), **_widget(frame, goal_dicts, index, "owner", goal.owner, str.strip)
            ),
        )
        st.button(
            t("goalspage.delete"),
            icon=":material/delete:",
            key=frame.key(f"delete_{goal.id}"),
            on_click=_delete,
            args=(frame, goal_dicts, index),
        )
    with check:
        smart_panel(frame, goal, data, index, goal_dicts, today)


def _delete(frame: Frame, goal_dicts: list[dict[str, Any]], index: int) -> None:
    remaining = [g for i, g in enumerate(goal_dicts) if i != index]
    if frame_mod.save(frame, [Change(("goals",), goal_dicts, remaining)]):
        frame_mod.flash("info", Message("goalspage.deleted"))


def _use(frame: Frame, goal_dicts: list[dict[str, Any]], index: int, better: dict[str, Any]) -> None:
    if frame_mod.save(frame, [Change(("goals", index), goal_dicts[index], better)]):
        frame_mod.reset_widgets()


def smart_panel(
    frame: Frame, goal: goals.Goal, data: dict[str, Any], index: int, goal_dicts: list[dict[str, Any]], today: dt.date
) -> None:
    t, lang = frame.t, frame.lang
    for check in smart.smart_check(goal, today):
        icon = ":material/check_circle:" if check.passed else ":material/cancel:"
        text = f"{icon} **{check.letter} · {t('goals.smart.letter.' + check.letter)}**: {_render(frame, check.reason)}"
        if check.fix is not None:
            text += f"  \n→ {_render(frame, check.fix)}"
        (st.success if check.passed else st.error)(text)
    found = vanity.vanity_check(goal, lang, today, audit_values(frame, today))
    if found is not None:
        st.warning(_render(frame, found.message) + "  \n" + _render(frame, found.proposal))
        st.button(
            t("goalspage.use_better"),
            key=frame.key(f"better_{goal.id}"),
            on_click=_use,
            args=(frame, goal_dicts, index, found.suggestion),
            type="primary",
        )
    found = goal_standing(frame, goal, today)
    if found.pace is not None and goal.kpi:
        st.info(t("goalspage.pace", pace=kpis.format_change(lang, goal.kpi, found.pace)))
    progress_panel(frame, goal, found)


LIGHTS = {
    "on_track": ":green[●]",
    "at_risk": ":orange[●]",
    "off_track": ":red[●]",
    "too_early": ":gray[●]",
    "no_data": ":gray[○]",
}


def progress_panel(frame: Frame, goal: goals.Goal, found: standing.Standing) -> None:
    """Where the goal stands on the plan's data: light, progress, pace needed vs achieved, forecast."""
    t = frame.t
    st.markdown(f"**{t('goalspage.tracking')}**")
    if goal.kpi is None:
        return
    result = found.tracking
    if found.missing and result.message.key == "goals.track.no_data":
        sources = ", ".join(t(f"kpis.source.{s}") for s in found.missing)
        st.caption(t("goalspage.no_data", sources=sources))
        return
    st.markdown(f"{LIGHTS[result.status]} **{t('goals.status.' + result.status)}** · {_render(frame, result.message)}")
    if result.progress is not None:
        st.progress(1.0 if found.reached else min(1.0, max(0.0, result.progress)))
    if found.where is not None:
        st.caption(f":material/location_on: {_render(frame, found.where)}")
