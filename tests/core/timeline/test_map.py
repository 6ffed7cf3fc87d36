import json
import re

import jinja2
import pandas as pd
import pytest

from core import i18n, offline_assets
from core.timeline import map as timeline_map
from tests.factories import activity_table as table

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "${alert(1)}",
    "Bar `Da Gino`",
    "</script><script>alert(1)</script>",
    "C:\\bar\\",
]
CENTER = (41.8933, 12.4829)


SHOP = {"lat": 41.8886, "lon": 12.5297}
ACTIVITY = table(
    {
        "when": "2025-02-15 09:30",
        "platform": "offline",
        "kind": "event",
        "text": "Laboratorio",
        "place": "Negozio",
        **SHOP,
    },
    {"when": "2025-03-02 08:00", "text": "Post dal mercato", "place": "Mercato", **SHOP},
    {"when": "2025-05-17 10:00", "platform": "facebook", "text": "Festa", "place": "Pigneto", **SHOP},
    {"when": "2025-03-03 08:00", "text": "no place"},
    {"when": "2025-03-04 00:00", "kind": "daily", **SHOP},
)


def _html(points: pd.DataFrame, lang: str = "en", **kwargs) -> str:
    return timeline_map.activity_map(points, CENTER, lang, **kwargs).get_root().render()


def _data(html: str) -> dict:
    found = re.search(r"var data = (\{.*?\});\n", html)
    assert found, "the time control's data is missing"
    return json.loads(found.group(1))


def test_map_points_are_placed_posts_and_offline_actions_in_time_order():
    points = timeline_map.map_points(ACTIVITY)

    assert list(points["text"]) == ["Laboratorio", "Post dal mercato", "Festa"]
    assert list(points.columns) == list(timeline_map.POINT_COLUMNS)
    assert list(points["month"].dt.strftime("%Y-%m")) == ["2025-02", "2025-03", "2025-05"]


def test_only_the_latest_points_are_kept_beyond_the_limit():
    points = timeline_map.map_points(ACTIVITY, max_points=2)

    assert list(points["text"]) == ["Post dal mercato", "Festa"]


def test_the_map_with_its_time_control_loads_nothing_from_the_internet():
    html = _html(timeline_map.map_points(ACTIVITY), rings=[(1, "1 km"), (3, "3 km")])

    assert offline_assets.external_urls(html) == []
    assert "timedimension" not in html.lower() and "moment" not in html.lower()
    assert "rotta-time-filter" in html


def test_the_slider_runs_over_every_month_from_the_first_point_to_the_last():
    data = _data(_html(timeline_map.map_points(ACTIVITY), lang="it"))

    assert data["months"] == ["feb 2025", "mar 2025", "apr 2025", "mag 2025"]
    assert data["index"] == [0, 1, 3]  # each marker's month
    assert data["text"]["play"] == i18n.t("it", "timeline.map.play")
    assert [label for label, _ in data["legend"]] == ["Facebook", "Instagram", "Offline"]  # schema order


def test_the_control_drives_exactly_the_map_markers():
    html = _html(timeline_map.map_points(ACTIVITY))
    names = re.search(r"var markers = \[(.*?)\];", html).group(1).split(", ")

    assert len(names) == 3
    assert all(f"var {name} = L.circleMarker(" in html for name in names)


def test_rings_are_drawn_around_the_center_with_their_labels():
    html = _html(timeline_map.map_points(ACTIVITY), rings=[(1, "1 km"), (5, "5 km: quartiere")])

    assert html.count("L.circle(") == 2
    assert '"radius": 5000.0' in html
    assert "5 km: quartiere" in html


def test_without_points_there_is_no_time_control():
    html = _html(timeline_map.map_points(ACTIVITY.iloc[3:]))

    assert "rotta-time-filter" not in html
    assert offline_assets.external_urls(html) == []


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_captions_places_channels_and_ring_labels_are_shown_as_text(hostile):
    activity = table(
        {"when": "2025-03-02 08:00", "text": hostile, "place": hostile, "lat": 41.89, "lon": 12.53},
        {"when": "2025-04-02 08:00", "platform": hostile, "kind": hostile, "lat": 41.89, "lon": 12.53},
    )
    html = _html(timeline_map.map_points(activity), rings=[(2, hostile)])
    tooltips = re.findall(r"bindTooltip\(\s*`(.*?)`,", html, flags=re.S)

    assert len(tooltips) == 3  # two markers and the ring
    for tooltip in tooltips:  # inside JavaScript template literals: no tag, no ${, no backtick, no backslash
        assert "<img" not in tooltip and "<script" not in tooltip
        assert "${" not in tooltip and "`" not in tooltip and "\\" not in tooltip
    assert "<img src=x" not in html and "</script><script>alert" not in html
    assert hostile in [label for label, _ in _data(html)["legend"]]  # in the JSON data, shown as text
    assert offline_assets.external_urls(html) == []


def test_the_controls_data_cannot_close_its_script():
    text = timeline_map.script_json({"months": ["</script><script>alert(1)</script>", "<!--", "a&b", "\u2028"]})

    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text)["months"] == ["</script><script>alert(1)</script>", "<!--", "a&b", "\u2028"]


def test_script_json_leaves_no_jinja_opening_for_brancas_second_compile():
    value = {"months": ["{{ 7*7 }}", "{% raw %}", "{# x #}", "{a}", "{"], "nested": {"k": [{"v": "{{"}]}}
    text = timeline_map.script_json(value)

    assert not re.search(r"\{[{%#]", text)
    assert json.loads(text) == value
    assert jinja2.Template(text).render() == text  # compiling it again changes nothing


def test_a_hostile_channel_name_in_the_legend_is_escaped_json():
    activity = table({"when": "2025-03-02 08:00", "platform": "</script><b>", "lat": 41.89, "lon": 12.53})
    data = _data(_html(timeline_map.map_points(activity)))

    assert data["legend"][0][0] == "</script><b>"  # shown with textContent, never as HTML


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_marker_tooltips_say_when_which_channel_and_where_in_the_maps_language(lang):
    html = _html(timeline_map.map_points(ACTIVITY), lang=lang)

    assert f"{i18n.date(lang, pd.Timestamp('2025-02-15').date())} 09:30" in html
    assert i18n.t(lang, "timeline.kind.event") + ": Laboratorio" in html
    assert "Negozio" in html


def test_the_view_opens_on_every_point_and_ring():
    points = timeline_map.map_points(ACTIVITY)
    far = points.assign(lat=[41.80, 41.95, 41.90], lon=[12.40, 12.60, 12.45])
    html = _html(far, rings=[(1, "1 km")])
    bounds = json.loads(re.search(r"\.fitBounds\(\s*(\[\[.*?\]\])", html, flags=re.S).group(1))

    assert bounds == [[41.8, 12.4], [41.95, 12.6]]
    assert "fitBounds" not in _html(far, fit=False)
