"""Customers in, on the Market map page: platform exports through the import widget, and any table
(CSV, Excel) through a column mapping the user confirms."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from core import i18n, importers
from core.i18n import Message
from ui import frame as frame_mod
from ui import imports, resources
from ui.frame import Frame
from ui.market import analysis as base


def customers_in(frame: Frame, loaded: base.Loaded) -> None:
    """Import a customer list (shops are recognised; any other table after confirming its columns)."""
    t = frame.t
    # open, first on the page, until the plan has customers of its own (a sample's do not count)
    with st.expander(t("marketpage.in.title"), expanded=not loaded.own, icon=":material/upload_file:"):
        st.caption(t("marketpage.in.help"))
        if frame.plan.get("sample") and not loaded.own:
            st.caption(t("marketpage.in.sample_note"))
        shops, other = st.columns(2, gap="large")
        with shops:
            st.markdown(f"**{t('marketpage.in.shops')}**")
            imports.import_section(frame, kinds=("customers",))
        with other:
            mapping_section(frame)
    whose_data(frame, loaded)
    unplaced = loaded.analysis.unplaced
    if len(unplaced):
        count = int(unplaced["customers"].sum())
        st.warning(t("marketpage.unplaced.count", n=i18n.number(frame.lang, count)), icon=":material/wrong_location:")
        with st.expander(t("marketpage.unplaced.list"), icon=":material/list:"):
            st.dataframe(unplaced, hide_index=True, width="stretch", column_config=base.labels(frame, unplaced))


def whose_data(frame: Frame, loaded: base.Loaded) -> None:
    """One line: the map shows the sample's customers, or the plan's own (how many rows, from how many files)."""
    rows = len(loaded.analysis.customers)
    if not rows:
        return
    count = i18n.number(frame.lang, rows)
    if not loaded.own:
        st.caption(frame.t("marketpage.data.sample", rows=count))
        return
    files = len(loaded.key[1]) if len(loaded.key) > 1 else 1
    key = "marketpage.data.own_one" if files == 1 else "marketpage.data.own"
    st.caption(frame.t(key, rows=count, files=i18n.number(frame.lang, files)))


def mapping_section(frame: Frame) -> None:
    """Any table (CSV, Excel): the user confirms which column holds what, then it is imported."""
    t = frame.t
    st.markdown(f"**{t('marketpage.mapping.title')}**")
    st.caption(t("marketpage.mapping.help"))
    round_key = "market:mapping#round"
    upload = st.file_uploader(
        t("marketpage.mapping.uploader"), key=frame.key(f"market:mapping#upload{st.session_state.get(round_key, 0)}")
    )
    imports.limit_note(frame)
    for level, message in st.session_state.get("market:mapping#report", []):
        base.BOXES[level](base.said(frame, message))
    if upload is None:
        return
    raw = importers.RawFile(name=upload.name, data=upload.getvalue())
    try:
        columns = [str(c) for c in importers.read_table(raw).frame.columns]
    except importers.ImportProblem as problem:
        st.error(base.said(frame, Message("timelinepage.import.failed", {"file": raw.name, "reason": problem.message})))
        return
    guess = importers.guess_mapping(columns)
    with st.form(frame.key("market:mapping#form")):
        left, right = st.columns(2)
        for n, field in enumerate(importers.FIELDS):
            (left if n % 2 == 0 else right).selectbox(
                t(f"importers.field.{field}"),
                [None, *columns],
                index=0 if guess[field] is None else columns.index(guess[field]) + 1,
                format_func=lambda c: t("marketpage.mapping.none") if c is None else c,
                key=f"market:mapping:{raw.name}:{field}",
                placeholder=t("frame.choose"),
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
