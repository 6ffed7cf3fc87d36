"""The deliverable as Markdown: readable as plain text, and safe under any Markdown renderer.

Every text that comes from the user or a file goes through :func:`md`, which is
``safe_text.for_markdown`` (tables: ``safe_text.markdown_table``): one line, no HTML, no link or image,
no web or e-mail address a renderer could link, no emphasis or strike-through, no table-cell edge, no
maths (``$``), no character reference; control, zero-width and bidi-override characters are dropped.
Rotta's own words and numbers go through it too, so a town called ``*Forlì*`` cannot turn a sentence bold.
"""

from __future__ import annotations

from core import i18n, safe_text
from core.deliverable import model
from core.deliverable import timeline as deliverable_timeline

md = safe_text.for_markdown  # the one Markdown escaper, as Streamlit's Markdown gets it


def render(d: model.Deliverable, lang: str) -> str:
    """The whole plan as one Markdown document."""

    def t(key: str, **params: object) -> str:
        return i18n.t(lang, f"deliverable.{key}", **params)

    def section(key: str) -> list[str]:
        note = d.notes.get(key, "")
        return [f"## {t(f'section.{key}')}", ""] + ([f"_{md(note)}_", ""] if note else [])

    out = [f"# {md(d.heading)}", "", md(d.subtitle), ""]
    b, c = d.business, d.selfcheck
    out += section("business")
    if b.name or b.sector or b.town or b.markets or b.channels:
        given = t("business.not_given")
        channels = "; ".join(_channel(lang, ch) for ch in b.channels)
        for label, value in (("sector", b.sector), ("town", b.town), ("markets", ", ".join(b.markets)),
                             ("channels", channels)):  # fmt: skip
            out.append(f"- **{md(t(f'business.{label}'))}:** {md(value or given)}")
        out.append("")
    out += section("selfcheck")
    if c.answered:
        score = t("selfcheck.score", score=c.score, maximum=c.maximum, answered=c.answered, questions=c.questions)
        out += [f"**{md(c.headline)}** {md(score)}", ""]
        out += [md(t("selfcheck.focus", steps=", ".join(c.focus))), ""] if c.focus else []
    out += section("goals")
    out += [md(t("smart.legend")), ""] if d.goals else []
    for n, g in enumerate(d.goals, start=1):
        out += _goal(lang, n, g)
    out += _market(lang, d.market, section("market"))
    out += section("timeline")
    tl = d.timeline
    out += [md(tl.summary), ""] if tl.summary else []
    if tl.totals:
        out += [f"### {md(t('timeline.totals'))}", ""]
        out += [safe_text.markdown_table(*deliverable_timeline.totals_table(tl, lang)), ""]
    if tl.rows:
        out += [f"### {md(t('timeline.recent'))}", ""]
        rows = [[r.channel, *(i18n.number(lang, v) for v in r.counts), i18n.number(lang, sum(r.counts))]
                for r in tl.rows]  # fmt: skip
        out += [safe_text.markdown_table([t("col.channel"), *tl.months, t("col.total")], rows), ""]
    out += section("calendar")
    if d.calendar:
        header = [t(f"col.{k}") for k in ("date", "time", "channel", "title", "goal", "place", "outcome")]
        rows = [[i18n.date(lang, i.date), i.time, i.channel, i.title, i.goal, i.place, i.outcome] for i in d.calendar]
        out += [safe_text.markdown_table(header, rows), ""]
    out += section("actions")
    out += [f"{n}. {md(a.text)}" for n, a in enumerate(d.actions, start=1)] + [""]
    return "\n".join(out).rstrip() + "\n"


def _channel(lang: str, ch: model.Channel) -> str:
    details = []
    if ch.followers is not None:
        details.append(i18n.t(lang, "deliverable.business.followers", n=i18n.number(lang, ch.followers)))
    if ch.posts_per_week is not None:
        decimals = 0 if float(ch.posts_per_week).is_integer() else 1
        details.append(i18n.t(lang, "deliverable.business.posts", n=i18n.number(lang, ch.posts_per_week, decimals)))
    if not details:
        return ch.name
    return i18n.t(lang, "deliverable.business.channel", channel=ch.name, details=", ".join(details))


def _goal(lang: str, n: int, g: model.Goal) -> list[str]:
    def t(key: str, **params: object) -> str:
        return i18n.t(lang, f"deliverable.{key}", **params)

    title = g.title or i18n.t(lang, "goals.tree.untitled")
    out = [f"### {n}. {md(title)}", ""]
    if g.problem:
        return out + [f"- {md(g.problem)}", ""]
    out.append(f"- **SMART:** {md(g.smart_text)}")
    if g.kpi and g.baseline_text and g.target_text and g.deadline:
        deadline = i18n.date(lang, g.deadline)
        numbers = t("goal.numbers", kpi=g.kpi, baseline=g.baseline_text, target=g.target_text, deadline=deadline)
        out.append(f"- {md(numbers)}")
    else:
        out.append(f"- **{md(t('col.kpi'))}:** {md(g.kpi or t('goal.no_kpi'))}")
    facts = [(t("col.objective"), g.objective), (t("col.channels"), ", ".join(g.channels)), (t("col.place"), g.place),
             (t("col.owner"), g.owner), (t("col.status"), g.status if g.kpi else "")]  # fmt: skip
    if g.pace_text:
        facts.append((t("col.pace"), g.pace_text))
    out += [f"- **{md(label)}:** {md(value)}" for label, value in facts if value.strip()]
    if g.kpi and g.tracking:
        out.append(f"- {md(g.tracking)}")
    if g.where:
        out.append(f"- {md(g.where)}")
    for letter in g.fixes:
        out.append(
            f"- **{md(t('col.fixes'))}:** {md(t('goal.fix', letter=letter.letter, name=letter.name, fix=letter.fix))}"
        )
    if g.actions:
        out.append(f"- **{md(t('col.actions'))}:**")
        out += [f"  - {md(a)}" for a in g.actions]
    return out + [""]


def _market(lang: str, m: model.Market, head: list[str]) -> list[str]:
    out = list(head)
    out += [f"- {md(s)}" for s in m.sentences] + ([""] if m.sentences else [])

    def pct(share: float) -> str:
        return i18n.percent(lang, share, 1 if 0 < share < 0.1 else 0)

    def t(key: str) -> str:
        return i18n.t(lang, f"deliverable.{key}")

    if m.top:
        out += [f"### {t('market.top')}", ""]
        header = [
            t("col.area"),
            t("col.province"),
            t("col.customers"),
            t("col.share_customers"),
            t("col.share_revenue"),
        ]
        rows = [[a.name, a.province, i18n.number(lang, a.customers), pct(a.share_customers), pct(a.share_revenue)]
                for a in m.top]  # fmt: skip
        out += [safe_text.markdown_table(header, rows), ""]
    if m.rings:
        out += [f"### {t('market.rings')}", ""]
        header = [
            t("col.area"),
            t("col.customers"),
            t("col.share_customers"),
            t("col.cum_share"),
            t("col.share_revenue"),
        ]
        rows = [[r.label, i18n.number(lang, r.customers), pct(r.share_customers), pct(r.cum_share_customers),
                 pct(r.share_revenue)] for r in m.rings]  # fmt: skip
        out += [safe_text.markdown_table(header, rows), ""]
    return out
