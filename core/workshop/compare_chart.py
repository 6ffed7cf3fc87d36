""" "You and the room" drawn and said: the room's middle half and median, the participant's own value.

The chart holds only what ``core.workshop.compare`` lets the room see (quartiles of at least
``MIN_CONTRIBUTORS`` values) and the participant's own value; its tooltips say the quartiles, never a
participant. Every chart comes with a sentence (:func:`sentences`) that says the same in words: the
text alternative under it, and its ``description`` for screen readers.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from core import i18n
from core.i18n import Message
from core.timeline import charts as timeline_charts
from core.workshop import compare

ROOM_COLOR = "#1f5f8b"  # 7.0:1 on white
YOU_COLOR = "#b3470a"  # 5.3:1 on white
HEIGHT_ROW = 34


def figure_number(lang: str, value: float) -> str:
    """A figure as said: whole numbers plainly, others with the decimals they need, up to two (2,25; 3,5)."""
    rounded = round(value, 2)
    decimals = next(d for d in (0, 1, 2) if round(rounded, d) == rounded)
    return i18n.number(lang, rounded, decimals)


def sentences(figure: compare.Figure, lang: str) -> list[Message]:
    """What the figure says, in words: the room (or not enough participants yet), then like businesses."""
    name = i18n.t(lang, "compare.figure." + figure.id)
    own = figure_number(lang, figure.own) if figure.own is not None else i18n.t(lang, "compare.own_none")
    if figure.room is None:
        return [
            Message("compare.not_enough", {"figure": name, "n": figure.room_count, "min": compare.MIN_CONTRIBUTORS})
        ]
    spread = figure.room
    found = [
        Message(
            "compare.says",
            {
                "figure": name,
                "own": own,
                "n": spread.count,
                **{k: figure_number(lang, getattr(spread, k)) for k in ("median", "q1", "q3")},
            },
        )  # fmt: skip
    ]
    if figure.section is None:
        found.append(Message("compare.no_section"))
    elif figure.sector is None:
        found.append(Message("compare.no_sector", {"section": figure.section, "min": compare.MIN_CONTRIBUTORS}))
    else:
        sector = figure.sector
        found.append(
            Message(
                "compare.says_sector",
                {
                    "section": figure.section,
                    "n": sector.count,
                    **{k: figure_number(lang, getattr(sector, k)) for k in ("median", "q1", "q3")},
                },
            )  # fmt: skip
        )
    return found


def chart(figure: compare.Figure, lang: str) -> alt.LayerChart | None:
    """The room's (and like businesses') middle half as a bar, its median as a tick, the participant's value as a
    point; None when the room is under ``MIN_CONTRIBUTORS`` (nothing to draw)."""
    if figure.room is None:
        return None
    t = lambda key, **p: i18n.t(lang, key, **p)  # noqa: E731
    rows = [(t("compare.chart.room"), figure.room)]
    if figure.sector is not None:
        rows.append((t("compare.chart.sector", section=figure.section or ""), figure.sector))
    data = pd.DataFrame(
        [
            {"group": group, "q1": s.q1, "median": s.median, "q3": s.q3,
             "q1_text": figure_number(lang, s.q1), "median_text": figure_number(lang, s.median),
             "q3_text": figure_number(lang, s.q3)}
            for group, s in rows
        ]
    )  # fmt: skip
    name = t("compare.figure." + figure.id)
    order = [group for group, _ in rows]
    y = alt.Y("group:N", title=None, sort=order, axis=alt.Axis(labelLimit=160))
    tips = [
        alt.Tooltip("group:N", title=t("compare.chart.group")),
        alt.Tooltip("q1_text:N", title=t("compare.chart.q1")),
        alt.Tooltip("median_text:N", title=t("compare.chart.median")),
        alt.Tooltip("q3_text:N", title=t("compare.chart.q3")),
    ]
    base = alt.Chart(data)
    layers: list[alt.Chart] = [
        base.mark_bar(height=14, color=ROOM_COLOR, opacity=0.45).encode(
            x=alt.X("q1:Q", title=name, scale=alt.Scale(zero=True)), x2="q3:Q", y=y, tooltip=tips
        ),
        base.mark_tick(thickness=3, size=22, color=ROOM_COLOR).encode(x="median:Q", y=y, tooltip=tips),
    ]
    if figure.own is not None:
        you = pd.DataFrame(
            [{"value": figure.own, "label": t("compare.chart.you"), "text": figure_number(lang, figure.own)}]
        )
        mark = alt.Chart(you)
        layers += [
            mark.mark_rule(color=YOU_COLOR, strokeWidth=3).encode(
                x="value:Q", tooltip=[alt.Tooltip("text:N", title=t("compare.chart.you"))]
            ),
            mark.mark_text(color=YOU_COLOR, align="left", dx=4, dy=-6, fontWeight="bold", baseline="bottom").encode(
                x="value:Q", y=alt.value(0), text="label:N"
            ),
        ]
    said = " ".join(m.render(lang) for m in sentences(figure, lang))
    return timeline_charts.localized(alt.layer(*layers), lang).properties(
        height=HEIGHT_ROW * len(rows),
        width="container",
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"),
        description=said,
        title=alt.Title(name, anchor="start"),
    )
