import pytest

from core.goals import kpis, objectives

OBJECTIVE_IDS = (
    "local_awareness", "footfall", "online_sales", "leads", "retention", "service", "reputation", "custom",
)  # fmt: skip


def test_the_catalogue_has_the_objectives_of_the_plan_format_in_order():
    assert tuple(objectives.OBJECTIVES) == OBJECTIVE_IDS


@pytest.mark.parametrize("objective_id", OBJECTIVE_IDS)
def test_every_objective_has_a_name_a_description_and_kpis_from_the_catalogue(objective_id):
    assert objectives.name("it", objective_id) and objectives.name("en", objective_id)
    assert objectives.description("it", objective_id) and objectives.description("en", objective_id)
    proposed = objectives.objective_kpis(objective_id)
    assert proposed and set(proposed) <= set(kpis.KPIS)


def test_your_own_objective_can_be_measured_by_any_kpi():
    assert objectives.objective_kpis("custom") == list(kpis.KPIS)


@pytest.mark.parametrize("objective_id", [o for o in OBJECTIVE_IDS if o != "custom"])
def test_bare_followers_measure_no_business_objective(objective_id):
    assert "followers" not in objectives.objective_kpis(objective_id)


@pytest.mark.parametrize(
    ("objective_id", "first"),
    [("footfall", "gbp_directions"), ("local_awareness", "followers_in_area"), ("retention", "repeat_rate")],
)
def test_the_first_kpi_proposed_is_the_one_closest_to_the_result(objective_id, first):
    assert objectives.objective_kpis(objective_id)[0] == first


def test_an_unknown_objective_is_an_error():
    with pytest.raises(KeyError):
        objectives.objective_kpis("be_famous")
