"""No user text reaches the browser as HTML: an AST check of app.py, pages/ and ui/.

Extends ``tests/test_architecture.py::test_no_page_renders_raw_html`` (a text search) with the
syntax tree: every way Streamlit lets a script send HTML or JavaScript (``unsafe_allow_html``,
``st.html``, ``components.html`` / ``components.v1``, ``declare_component``, any custom component)
must get text that went through ``core.safe_text``, and the one custom component Rotta uses,
``st_folium``, may only draw maps and layers made by the map builders that
``tests/hostile/test_maps_escape.py`` renders with the hostile corpus. ``ui/map_view.py`` hands
the component what ``st_folium`` would (its own test proves the two calls equal), so it alone may call
streamlit-folium's inner steps, and its ``show(key, inputs, build)`` is held to ``st_folium``'s rule: ``build``
must be a lambda that returns a map from a listed builder.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.hostile.test_maps_escape import BUILDERS

ROOT = Path(__file__).resolve().parents[2]
SHELL = ["app.py", *sorted(str(p.relative_to(ROOT)) for d in ("pages", "ui") for p in (ROOT / d).rglob("*.py"))]
SAFE_FUNCTIONS = {"for_html", "for_folium", "for_markdown"}  # core.safe_text
HTML_CALLS = {"html"}  # st.html, components.html, components.v1.html
COMPONENT_MODULES = {"streamlit.components", "streamlit.components.v1"}
ALLOWED_COMPONENTS = {("streamlit_folium", "st_folium")}
FOLIUM_CONTROLS = {"LayerControl"}  # folium pieces that carry no text of ours
REVIEWED_WRAPPER = "ui/map_view.py"  # st_folium's steps, once per input (tests/ui/test_map_view.py)
MAP_VIEW_SHOW = ("ui.map_view", "show")
# The one style sheet: Streamlit's own widget words in the page's language, made only of Rotta's texts
# (tests/ui/test_builtin_text.py). There, and only with its own ``style(...)``, st.html is allowed.
REVIEWED_STYLE = "ui/builtin_text.py"


class Shell:
    """One script's tree, with what its imported names stand for."""

    def __init__(self, rel: str, source: str | None = None):
        self.rel = rel
        self.tree = ast.parse(source if source is not None else (ROOT / rel).read_text(encoding="utf-8"))
        self.modules: dict[str, str] = {}  # local name -> module ("areas_mod" -> "core.market.layers.areas")
        self.names: dict[str, tuple[str, str]] = {}  # local name -> (module, name) for `from m import name`
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    self.modules[alias.asname or alias.name.split(".")[0]] = (
                        alias.name if alias.asname else alias.name.split(".")[0]
                    )
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    self.modules[alias.asname or alias.name] = full
                    self.names[alias.asname or alias.name] = (node.module, alias.name)
        self.parents = {child: parent for parent in ast.walk(self.tree) for child in ast.iter_child_nodes(parent)}

    def dotted(self, node: ast.AST) -> str:
        """``areas_mod.target_area_layer`` -> ``core.market_layers_areas.target_area_layer``."""
        parts = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return ""
        head = self.modules.get(node.id, node.id)
        return ".".join([head, *reversed(parts)])

    def scope(self, node: ast.AST) -> ast.AST:
        while node in self.parents and not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            node = self.parents[node]
        return node

    def values_of(self, name: str, where: ast.AST) -> list[ast.AST]:
        """Everything assigned to ``name`` (or appended, extended, inserted into it) in ``where``'s scope."""
        found: list[ast.AST] = []
        for node in ast.walk(self.scope(where)):
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                found.append(node.value)
            elif isinstance(node, ast.AnnAssign | ast.AugAssign) and isinstance(node.target, ast.Name):
                if node.target.id == name and node.value is not None:
                    found.append(node.value)
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Tuple) for t in node.targets):
                for target in node.targets:
                    if isinstance(target, ast.Tuple) and any(
                        isinstance(e, ast.Name) and e.id == name for e in target.elts
                    ):
                        found.append(node.value)  # unpacked: the whole right-hand side must be safe
            elif (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("append", "extend", "insert") and isinstance(node.func.value, ast.Name)
                and node.func.value.id == name
            ):  # fmt: skip
                found.extend(node.args[-1:])
        return found


def _is_safe_text_call(shell: Shell, node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and shell.dotted(node.func).split(".")[-1] in SAFE_FUNCTIONS
        and ("safe_text" in shell.dotted(node.func))
    )


def _escaped(shell: Shell, node: ast.AST) -> bool:
    """Only constants and text that went through ``core.safe_text`` (directly or in an f-string or a join)."""
    if isinstance(node, ast.Constant):
        return True
    if _is_safe_text_call(shell, node):
        return True
    if isinstance(node, ast.JoinedStr):
        return all(_escaped(shell, v) for v in node.values)
    if isinstance(node, ast.FormattedValue):
        return _escaped(shell, node.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _escaped(shell, node.left) and _escaped(shell, node.right)
    if isinstance(node, ast.Name):
        values = shell.values_of(node.id, node)
        return bool(values) and all(_escaped(shell, v) for v in values)
    return False


def _map_made_by_a_builder(shell: Shell, node: ast.AST, modules: set[str], seen: frozenset[str] = frozenset()) -> bool:
    if isinstance(node, ast.List | ast.Tuple):
        return all(_map_made_by_a_builder(shell, e, modules, seen) for e in node.elts)
    if isinstance(node, ast.Starred):
        return _map_made_by_a_builder(shell, node.value, modules, seen)
    if isinstance(node, ast.Constant) and node.value is None:
        return True
    if isinstance(node, ast.Call):
        target = shell.dotted(node.func)
        module, _, name = target.rpartition(".")
        if module in modules:
            return True
        return module == "folium" and name in FOLIUM_CONTROLS
    if isinstance(node, ast.Name) and node.id not in seen:
        values = shell.values_of(node.id, node)
        return bool(values) and all(_map_made_by_a_builder(shell, v, modules, seen | {node.id}) for v in values)
    return False


def problems(shell: Shell) -> list[str]:
    """Every place that could send user text to the browser as HTML or script, unescaped."""
    builders = {f"core.{module}" for module in BUILDERS}
    found = []
    for node in ast.walk(shell.tree):
        where = f"{shell.rel}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.Constant) and node.value == "unsafe_allow_html":
            found.append(f"{where}: 'unsafe_allow_html' as a string (passed indirectly?)")
        if isinstance(node, ast.ImportFrom) and (node.module or "") in COMPONENT_MODULES | {"streamlit"}:
            if node.module in COMPONENT_MODULES or any(a.name == "components" for a in node.names):
                found.append(f"{where}: imports Streamlit components (raw HTML/JS): escape, then list it here")
        if not isinstance(node, ast.Call):
            continue
        target = shell.dotted(node.func)
        for keyword in node.keywords:
            if keyword.arg == "unsafe_allow_html" and not (
                isinstance(keyword.value, ast.Constant) and keyword.value.value is False
            ):
                found += [
                    f"{where}: {ast.unparse(a)[:50]} with unsafe_allow_html"
                    for a in node.args
                    if not _escaped(shell, a)
                ]
            if keyword.arg is None and isinstance(keyword.value, ast.Dict):  # **{"unsafe_allow_html": True}
                if any(isinstance(k, ast.Constant) and k.value == "unsafe_allow_html" for k in keyword.value.keys):
                    found.append(f"{where}: unsafe_allow_html passed in **kwargs")
        parts = target.split(".")
        if parts[-1] in HTML_CALLS and (parts[0] == "streamlit" or "components" in parts):
            found += [
                f"{where}: {target}({ast.unparse(a)[:50]})"
                for a in node.args[:1]
                if not _escaped(shell, a) and not _reviewed_style(shell, target, a)
            ]
        if "components" in parts and parts[-1] in ("declare_component", "iframe"):
            found.append(f"{where}: {target}: a custom component must be reviewed and listed here")
        module, _, name = target.rpartition(".")
        wrapper = shell.rel == REVIEWED_WRAPPER and module == "streamlit_folium"
        if module.split(".")[0].startswith("streamlit_") and (module, name) not in ALLOWED_COMPONENTS and not wrapper:
            found.append(f"{where}: {target}: an unreviewed custom component")
        if (module, name) == MAP_VIEW_SHOW:
            build = (
                node.args[2] if len(node.args) > 2 else next((k.value for k in node.keywords if k.arg == "build"), None)
            )
            made = isinstance(build, ast.Lambda) and _map_made_by_a_builder(shell, build.body, builders)
            if not made:
                shown = ast.unparse(build)[:60] if build is not None else "nothing"
                found.append(f"{where}: map_view.show builds {shown}, not a lambda returning a listed builder's map")
        if (module, name) == ("streamlit_folium", "st_folium"):
            drawn = node.args[:1] + [
                k.value for k in node.keywords if k.arg in ("feature_group_to_add", "layer_control")
            ]
            for arg in drawn:
                if not _map_made_by_a_builder(shell, arg, builders):
                    found.append(f"{where}: st_folium gets {ast.unparse(arg)[:60]}, not a map from a listed builder")
    return found


def _reviewed_style(shell: Shell, target: str, arg: ast.AST) -> bool:
    """``st.html(style(lang))`` in the reviewed style module: its sheet holds only Rotta's own texts."""
    own = isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name) and arg.func.id == "style"
    return shell.rel == REVIEWED_STYLE and target == "streamlit.html" and own


@pytest.mark.parametrize("script", SHELL)
def test_no_shell_code_sends_user_text_to_the_browser_as_html_or_script(script):
    assert problems(Shell(script)) == []


# The checker itself, on snippets: each must be caught (or let through) for the right reason.
CAUGHT = {
    "markdown_unsafe": "import streamlit as st\nst.markdown(name, unsafe_allow_html=True)",
    "markdown_unsafe_fstring": "import streamlit as st\nst.markdown(f'<b>{x}</b>', unsafe_allow_html=True)",
    "markdown_unsafe_variable": "import streamlit as st\nx = f'<i>{n}'\nst.caption(x, unsafe_allow_html=1)",
    "unsafe_by_kwargs": "import streamlit as st\nst.write(x, **{'unsafe_allow_html': True})",
    "st_html": "import streamlit as st\nst.html(f'<p>{title}</p>')",
    "style_sheet_outside_its_module": "import streamlit as st\nst.html(style(lang))",
    "components_html": "import streamlit.components.v1 as components\ncomponents.html(page)",
    "components_from_import": "from streamlit import components\ncomponents.v1.html(page)",
    "declare_component": "import streamlit.components.v1 as c\nfancy = c.declare_component('x', path='.')",
    "other_component": "from streamlit_quill import st_quill\nst_quill(value)",
    "folium_map_made_in_the_page": (
        "import folium\nfrom streamlit_folium import st_folium\nm = folium.Map()\n"
        "folium.Marker((1, 2), tooltip=name).add_to(m)\nst_folium(m)"
    ),
    "map_view_given_a_page_map": (
        "import folium\nfrom ui import map_view\nm = folium.Map()\n"
        "folium.Marker((1, 2), tooltip=name).add_to(m)\nmap_view.show('k', (name,), lambda: m)"
    ),
    "map_view_given_a_function": "from ui import map_view\ndef build():\n    return x\nmap_view.show('k', (1,), build)",
    "folium_group_made_in_the_page": (
        "import folium\nfrom streamlit_folium import st_folium\nfrom core import maps\n"
        "g = folium.FeatureGroup(name=name)\nst_folium(maps.base_map((1, 2), 3), feature_group_to_add=[g])"
    ),
}
LET_THROUGH = {
    "escaped_markdown": (
        "import streamlit as st\nfrom core import safe_text\n"
        "st.markdown(f'<b>{safe_text.for_html(name)}</b>', unsafe_allow_html=True)"
    ),
    "explicitly_safe": "import streamlit as st\nst.markdown(name, unsafe_allow_html=False)",
    "map_view_builder_map": (
        "from core import maps\nfrom ui import map_view\n"
        "map_view.show('k', (name,), lambda: maps.business_map(name, 1, 2))"
    ),
    "builder_map": (
        "from streamlit_folium import st_folium\nfrom core.market import view as market_page\n"
        "from core.market.layers import model as market_layers\n"
        "from core.market.layers import legend as legend_mod\nimport folium\n"
        "def f(c, i):\n    groups = market_page.build_layers(c, i, 'it')\n"
        "    m = market_layers.market_map((1, 2), 3)\n"
        "    st_folium(m, feature_group_to_add=[*groups, legend_mod.legend_layer(groups, 'it')],"
        " layer_control=folium.LayerControl())"
    ),
}


@pytest.mark.parametrize("name", sorted(CAUGHT))
def test_the_checker_catches_each_way_of_sending_raw_html(name):
    assert problems(Shell(f"<{name}>", CAUGHT[name])) != []


@pytest.mark.parametrize("name", sorted(LET_THROUGH))
def test_the_checker_lets_escaped_text_and_builder_maps_through(name):
    assert problems(Shell(f"<{name}>", LET_THROUGH[name])) == []


def test_the_style_module_may_send_its_own_sheet_and_nothing_else():
    assert problems(Shell(REVIEWED_STYLE, "import streamlit as st\nst.html(style(lang))")) == []
    assert problems(Shell(REVIEWED_STYLE, "import streamlit as st\nst.html(f'<style>{name}</style>')")) != []
