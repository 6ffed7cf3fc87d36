"""Conventions as tests: layering, the frame on every page, no hard-coded text, safe configuration."""

import ast
import re
import tomllib
from pathlib import Path

import pytest

from core.plan import path

ROOT = Path(__file__).resolve().parent.parent
PAGE_SCRIPTS = ["app.py"] + sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))
SHELL_FILES = PAGE_SCRIPTS + sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
TEXT_CALLS = {
    "title",
    "header",
    "subheader",
    "markdown",
    "caption",
    "write",
    "text",
    "info",
    "warning",
    "error",
    "success",
    "button",
    "text_input",
    "text_area",
    "number_input",
    "selectbox",
    "multiselect",
    "radio",
    "pills",
    "checkbox",
    "toggle",
    "date_input",
    "file_uploader",
    "download_button",
    "metric",
    "page_link",
    "form_submit_button",
    "segmented_control",
    "toast",
    "expander",
    "tabs",
    "slider",
}


def _tree(rel: str) -> ast.Module:
    return ast.parse((ROOT / rel).read_text(encoding="utf-8"), filename=rel)


def test_core_never_imports_streamlit():
    offenders = []
    for file in (ROOT / "core").rglob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            offenders += [
                f"{file.relative_to(ROOT)}: {n}"
                for n in names
                if n.split(".")[0] in {"streamlit", "streamlit_folium", "ui"}
            ]
    assert offenders == []


def test_every_step_of_the_path_has_its_page_and_every_page_is_a_step():
    scripts = [s.script for s in path.STEPS + path.EXTRA]
    assert len(scripts) == len(set(scripts))  # no page is two steps
    assert set(scripts) == set(PAGE_SCRIPTS)  # both ways: no page outside the path, no step without its page
    assert {"app.py", "pages/business.py", "pages/plan.py"} <= set(PAGE_SCRIPTS)


@pytest.mark.parametrize("script", PAGE_SCRIPTS)
def test_every_page_calls_the_frame_first(script):
    body = [n for n in _tree(script).body if not isinstance(n, (ast.Import, ast.ImportFrom))]
    body = body[1:] if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) else body
    first = body[0]
    step = next(s.id for s in path.STEPS + path.EXTRA if s.script == script)
    assert isinstance(first, ast.Assign) and ast.unparse(first.value) == f"frame_mod.page('{step}')", ast.unparse(first)


def _has_words(text: str) -> bool:
    if re.fullmatch(r"[\w/]+\.py", text):  # a page script path, not text
        return False
    text = re.sub(r":material/[a-z_]+:", "", text)
    return bool(re.search(r"[A-Za-zÀ-ÿ]{2,}", text))


@pytest.mark.parametrize("script", SHELL_FILES)
def test_no_user_visible_text_is_hard_coded_in_the_shell(script):
    found = []
    for node in ast.walk(_tree(script)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in TEXT_CALLS):
            continue
        candidates = list(node.args[:1]) + [k.value for k in node.keywords if k.arg in {"label", "help", "placeholder"}]
        for arg in candidates:
            parts = [arg] if isinstance(arg, ast.Constant) else (arg.values if isinstance(arg, ast.JoinedStr) else [])
            if any(isinstance(p, ast.Constant) and isinstance(p.value, str) and _has_words(p.value) for p in parts):
                found.append(f"line {node.lineno}: {ast.unparse(arg)[:60]}")
    assert found == []


@pytest.mark.parametrize("script", SHELL_FILES)
def test_no_page_renders_raw_html(script):
    source = (ROOT / script).read_text(encoding="utf-8")
    if script == "ui/builtin_text.py":  # the one style sheet of Rotta's own texts (tests/hostile/test_no_raw_html.py)
        source = source.replace("st.html(style(lang))", "", 1)
    assert "unsafe_allow_html" not in source and "st.html(" not in source and "components.html(" not in source


@pytest.mark.parametrize("script", SHELL_FILES)
def test_charts_are_drawn_from_cached_specs_never_with_altair_chart(script):
    """``core.charts.vega_spec`` turns a chart into its spec in the session's thread; ``st.altair_chart``
    switches altair's process-wide data transformer while it draws, which would take another session's
    data out of its spec. Pages draw ``st.vega_lite_chart(vega_spec(...))`` instead."""
    calls = {
        n.func.attr for n in ast.walk(_tree(script)) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
    }
    assert "altair_chart" not in calls


def test_the_streamlit_configuration_is_safe_and_offline():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["enableStaticServing"] is True
    assert config["server"]["fileWatcherType"] == "none"
    assert 1 <= config["server"]["maxUploadSize"] <= 50
    assert config["client"]["showErrorDetails"] in ("none", "type")
    assert config["client"]["showSidebarNavigation"] is False


def test_requirements_are_pinned():
    for name in ("requirements.txt", "requirements-dev.txt"):
        lines = [
            ln.strip() for ln in (ROOT / name).read_text().splitlines() if ln.strip() and not ln.startswith(("#", "-r"))
        ]
        assert lines and all("==" in ln for ln in lines), name


# The core's floors, from the ground up: a module imports its own package or a lower floor, never up or across.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("texts",),
    ("i18n", "safe_text", "schema", "geometry", "hexes", "gazetteer", "offline_assets", "static_map", "sectors"),
    ("geocode", "maps", "samples", "fields"),
    ("importers", "goals", "market", "timeline"),
    ("calendar",),
    ("plan",),
    ("monitor", "workshop"),
    ("deliverable",),
)
FLOOR = {unit: number for number, units in enumerate(LAYERS) for unit in units}


def _modules(folder: str) -> dict[str, Path]:
    found = {}
    for file in (ROOT / folder).rglob("*.py"):
        parts = file.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = file
    return found


MODULES = {**_modules("core"), **_modules("ui")}


def _imports(file: Path) -> set[str]:
    """The project modules ``file`` imports (``from core.goals import kpis`` names ``core.goals.kpis``)."""
    found = set()
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                found.add(name if name in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {name for name in found if name in MODULES}


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_every_core_module_stands_on_a_floor():
    assert {_unit(m) for m in MODULES if m.startswith("core.")} - {"core"} == set(FLOOR)


def test_core_imports_only_its_own_package_or_a_lower_floor():
    wrong = []
    for module, file in MODULES.items():
        if not module.startswith("core.") or module == "core":
            continue
        for target in _imports(file):
            here, there = _unit(module), _unit(target)
            if here != there and FLOOR[there] >= FLOOR[here]:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_no_module_imports_itself_through_a_circle():
    graph = {module: _imports(file) for module, file in MODULES.items()}
    circles, state = [], {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                circles.append(" -> ".join([*trail[trail.index(target) :], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_the_circle_detector_finds_a_circle(monkeypatch, tmp_path):
    """A positive control: two modules that import each other are reported."""
    (tmp_path / "a.py").write_text("from core import b\n")
    (tmp_path / "b.py").write_text("from core import a\n")
    monkeypatch.setitem(MODULES, "core.a", tmp_path / "a.py")
    monkeypatch.setitem(MODULES, "core.b", tmp_path / "b.py")
    with pytest.raises(AssertionError, match=r"core\.a -> core\.b -> core\.a"):
        test_no_module_imports_itself_through_a_circle()


def test_at_most_thirty_flat_modules_in_core():
    flat = [p.name for p in (ROOT / "core").glob("*.py") if p.name != "__init__.py"]
    assert len(flat) <= 30, flat


CHOICE_BOXES = {"selectbox", "multiselect"}


def _boxes_without_placeholder(tree: ast.AST) -> list[int]:
    """Lines of ``st.selectbox``/``st.multiselect`` calls with no ``placeholder=``: Streamlit then says "Choose an
    option" in English on every page, whatever its language."""
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CHOICE_BOXES
        and not any(k.arg == "placeholder" or k.arg is None for k in node.keywords)
    ]  # fmt: skip


def test_the_placeholder_detector_finds_a_box_without_one():
    planted = ast.parse("import streamlit as st\nst.selectbox('x', [1])\nst.multiselect('y', [1], placeholder=p)")
    assert _boxes_without_placeholder(planted) == [2]


@pytest.mark.parametrize("script", SHELL_FILES)
def test_every_choice_box_says_its_placeholder_in_the_page_s_language(script):
    assert _boxes_without_placeholder(_tree(script)) == []
