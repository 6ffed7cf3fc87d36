"""Plan: everything the plan holds, on one screen; download and restore it as a versioned JSON file."""

import datetime as dt

import streamlit as st

from core import i18n, safe_text, samples
from core.plan import audit, bundle, goal_table, selfcheck
from core.plan import plan as plan_mod
from core.plan import store as store_mod
from ui import data as data_mod
from ui import downloads, imports, resources, room_compare
from ui import frame as frame_mod

frame = frame_mod.page("plan")
t = frame.t
st.title(t("plan.title"))
st.caption(t("plan.lead"))
if not frame_mod.require_plan(frame):
    st.stop()
plan = frame.plan
business = plan.get("business") or {}
missing = f"_{t('plan.missing')}_"

with st.container(border=True):
    st.header(t("plan.section_business"))
    if plan.get("sample"):
        st.caption(t("plan.sample_of", name=samples.sample_names(frame.lang).get(plan["sample"], plan["sample"])))
    sector, town = business.get("sector"), business.get("town")
    text = safe_text.for_markdown  # user text in Markdown stays text
    where = town["name"] + " (" + (town.get("province") or town.get("country", "")) + ")" if town else ""
    markets = ", ".join(t("business.market." + m) for m in business.get("markets") or [])
    st.markdown(
        f"**{t('business.name')}:** {text(business.get('name')) or missing}  \n"
        f"**{t('business.sector')}:** {text(sector['code'] + ' · ' + sector['title']) if sector else missing}  \n"
        f"**{t('business.town')}:** {text(where) or missing}  \n"
        f"**{t('business.markets')}:** {markets or missing}"
    )
    channels = business.get("channels") or []
    if channels:
        table = audit.as_text(channels, {c["channel"]: t("kpis.channel." + c["channel"]) for c in channels}, frame.lang)
        # A Markdown table, not st.dataframe (the grid's code is heavy) nor st.table (a box that scrolls sideways
        # on a phone, which the keyboard cannot reach): its cells wrap, and markdown_table escapes every cell.
        header = [t("business.col_channel"), t("business.col_followers"), t("business.col_posts")]
        st.markdown(
            safe_text.markdown_table(header, table[["channel", "followers", "posts_per_week"]].to_numpy().tolist())
        )

with st.container(border=True):
    st.header(t("plan.section_selfcheck"))
    result = selfcheck.score(plan.get("selfcheck") or {})
    st.markdown(f"**{frame.msg(result.headline)}** {t('selfcheck.score', score=result.score, maximum=result.maximum)}")
    if result.steps:
        st.caption(t("selfcheck.focus") + " " + ", ".join(t("step." + s) for s in result.steps))

with st.container(border=True):
    st.header(t("plan.section_goals"))
    goals = plan.get("goals") or []
    if not goals:
        st.markdown(t("plan.no_goals"))
    else:
        table = goal_table.as_text(goals, dt.date.today(), frame.lang).drop(columns=["id"])
        names = {
            c: t(f"goals.field.{c}").capitalize() for c in ("title", "kpi", "baseline", "target", "deadline", "owner")
        }
        names["smart"] = t("goalspage.col_smart")
        header = [names[c] for c in table.columns]
        st.markdown(safe_text.markdown_table(header, table.astype(object).fillna("").to_numpy().tolist()))

st.header(t("plan.downloads"))
st.caption(t("plan.downloads_help"))
whole = downloads.whole_plan(plan, frame.token, frame.version)
room = room_compare.said(frame)  # in a workshop, the PDF's page "you and the room"
files = downloads.files(plan, data_mod.plan_data(frame), dt.date.today(), frame.lang, frame.token, whole, room)
columns = st.columns(len(files))
for column, file in zip(columns, files, strict=True):
    column.download_button(
        t(file.label), data=file.make, file_name=file.name, mime=file.mime, icon=":material/download:",
        on_click="ignore", key=f"download_{file.ext}", width="stretch",
    )  # fmt: skip
downloads.whole_plan_note(frame, whole)

with st.form("restore", clear_on_submit=True):
    upload = st.file_uploader(t("plan.upload"), type=["json"], help=t("plan.upload_help"))
    imports.limit_note(frame)
    submitted = st.form_submit_button(t("plan.restore"), icon=":material/upload:")
if submitted and upload is not None:
    try:
        restored = bundle.load(upload.getvalue())
        resources.get_store().replace(frame.token, restored.plan, frame.version)
    except plan_mod.PlanError as problem:
        st.error(frame.md("plan.upload_rejected", file=upload.name, reason=frame.msg(problem.message)))
    except store_mod.StaleVersion:
        st.error(t("plan.stale"))
    else:
        if restored.imports is None:
            said = i18n.Message("plan.restored_plan_only", {"file": upload.name})
        else:
            kept = [(i.kind, i.platform, i.file, i.frame) for i in restored.imports]
            resources.get_datasets().replace(frame.token, kept)
            said = i18n.Message("plan.restored_with_data", {"file": upload.name, "n": len(kept)})
        frame_mod.flash("success", said)
        st.rerun()
