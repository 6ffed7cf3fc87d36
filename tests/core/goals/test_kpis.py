import pytest

from core import i18n, schema
from core.goals import kpis

# The ids the plan JSON and the sample data generator rely on.
STABLE_IDS = (
    "reach", "engagement_rate", "profile_visits", "link_clicks", "gbp_directions", "gbp_calls", "followers",
    "followers_in_area", "repeat_rate", "share_in_area", "new_customers", "revenue", "leads",
)  # fmt: skip
K = kpis.KPIS


def test_the_ids_used_by_plans_and_samples_are_all_in_the_catalogue():
    assert set(STABLE_IDS) <= set(K)


@pytest.mark.parametrize("kpi_id", sorted(K))
def test_every_kpi_has_a_name_a_definition_and_a_formula_in_both_languages(kpi_id):
    for part in (kpis.name, kpis.definition, kpis.formula):
        italian, english = part("it", kpi_id), part("en", kpi_id)
        assert italian.strip() and english.strip()


@pytest.mark.parametrize("kpi_id", sorted(K))
def test_every_kpi_says_its_unit_its_data_its_platforms_and_how_fast_it_can_move(kpi_id):
    kpi = K[kpi_id]
    assert kpi.id == kpi_id
    assert kpi.unit in kpis.UNITS
    assert kpi.period in (None, "month")
    assert kpi.sources and set(kpi.sources) <= set(kpis.SOURCES)
    assert set(kpi.platforms) <= set(schema.CHANNELS)
    assert kpi.growth in ("relative", "points") and kpi.max_weekly > 0
    for source in kpi.sources:
        assert i18n.t("it", f"kpis.source.{source}") and i18n.t("en", f"kpis.source.{source}")


@pytest.mark.parametrize("kpi_id", [k for k in sorted(K) if K[k].unit == "rate"])
def test_a_rate_is_a_share_between_zero_and_one(kpi_id):
    assert K[kpi_id].bounds == (0.0, 1.0)


@pytest.mark.parametrize(
    ("kpi_id", "baseline", "weeks", "expected"),
    [
        ("followers", 1000, 2, 1102.5),  # 1000 x 1.05 x 1.05
        ("followers", 1000, 1.5, 1076.25),  # 1050, then half of the next 52.5
        ("followers", 0, 2, 50.0),  # a new account: 25 a week, not 5% of nothing
        ("engagement_rate", 0.02, 4, 0.03),  # +0.25 points a week
        ("rating", 4.9, 10, 5.0),  # never above five stars
        ("cost_per_lead", 100, 2, 90.25),  # lower is better: 100 x 0.95 x 0.95
    ],
)
def test_the_best_plausible_value_grows_by_the_kpis_weekly_rule(kpi_id, baseline, weeks, expected):
    assert kpis.reachable(K[kpi_id], baseline, weeks) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("kpi_id", "baseline", "target", "expected"),
    [
        ("followers", 1000, 1102.5, 2.0),
        ("followers", 0, 60, 2.4),  # 25 + 25 + 10 of the third week's 25
        ("engagement_rate", 0.02, 0.03, 4.0),
        ("cost_per_lead", 100, 90.25, 2.0),
        ("followers", 1000, 900, 0.0),  # already there
        ("followers", 1, 1e30, None),  # not within ten years
    ],
)
def test_weeks_needed_at_the_best_plausible_pace(kpi_id, baseline, target, expected):
    result = kpis.weeks_needed(K[kpi_id], baseline, target)
    assert result == (None if expected is None else pytest.approx(expected))


def test_the_weekly_growth_is_compounding_and_undefined_from_zero():
    assert kpis.weekly_growth(1000, 1102.5, 2) == pytest.approx(0.05)
    assert kpis.weekly_growth(0, 100, 4) is None


@pytest.mark.parametrize(
    ("kpi_id", "baseline", "weeks", "expected"),
    [
        ("followers", 1000, 2, 1051),  # half pace: 1000 x 1.025^2 = 1050.6, gain 50.6 -> 51
        ("engagement_rate", 0.02, 4, 0.025),  # half of 0.25 points a week for 4 weeks
        ("rating", 4.1, 13, 4.2),  # 0.01 a week x 13 = 0.13 -> 0.1
        ("gbp_calls", 0, 4, 2),  # half of 1 a week, whole calls
    ],
)
def test_a_suggested_target_is_half_the_very_good_pace_and_rounded(kpi_id, baseline, weeks, expected):
    target = kpis.suggested_target(kpi_id, baseline, weeks)
    assert target == pytest.approx(expected)
    assert kpis.improves(kpi_id, baseline, target)


def test_a_lower_is_better_kpi_suggests_a_lower_target():
    assert kpis.suggested_target("cost_per_lead", 20, 8) < 20


@pytest.mark.parametrize(
    ("kpi_id", "value", "italian", "english"),
    [
        ("followers", 1240, "1.240", "1,240"),
        ("followers", 2.5, "2,5", "2.5"),
        ("engagement_rate", 0.034, "3,4%", "3.4%"),
        ("revenue", 1250, "1.250,00\xa0€", "€1,250.00"),
        ("rating", 4.3, "4,3", "4.3"),
    ],
)
def test_a_value_is_written_in_its_unit_and_language(kpi_id, value, italian, english):
    assert kpis.format_value("it", kpi_id, value) == italian
    assert kpis.format_value("en", kpi_id, value) == english


def test_a_change_of_a_rate_is_in_percentage_points_not_a_relative_percent():
    assert kpis.format_change("it", "engagement_rate", 0.005) == "0,5 punti"
    assert kpis.format_change("en", "engagement_rate", 0.0004) == "0.04 points"
    assert kpis.format_change("en", "rating", 0.02) == "0.02"
