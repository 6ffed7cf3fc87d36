"""The map's JavaScript and CSS, served by the app itself so maps draw without internet.

folium points every element at a public CDN, and ``st_folium`` loads those files one by one and
silently stops at the first that fails: offline, a folium map is a blank box. Rotta instead
copies the files from installed Python packages (XStatic packages and folium itself, pinned in
``requirements.txt``) into ``static/vendor/`` at start-up (:func:`install`, the I/O boundary),
which Streamlit serves when ``server.enableStaticServing`` is on, and points each element of a
map at those copies (:func:`localize`). Files no Rotta map uses (Bootstrap, glyphicons,
awesome-markers, Font Awesome) are dropped rather than shipped.
"""

from __future__ import annotations

import filecmp
import importlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import branca.colormap
import folium
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

# Relative to the st_folium component's iframe page, which Streamlit serves at
# <base>/component/streamlit_folium.st_folium/index.html whatever the app page (/, /business...),
# so "../../" is the server root, with or without server.baseUrlPath.
VENDOR_URL_PREFIX = "../../app/static/vendor"


class UnshippedAssetError(ValueError):
    """A map element needs a front-end file that Rotta does not serve itself."""


@dataclass(frozen=True)
class VendorFile:
    """A file copied into ``static/vendor``: which Python module carries it, and where."""

    module: str
    source: str  # path under the module's XStatic BASE_DIR (or the package folder)
    version: str | None = None  # upstream version the module must carry, checked by install()


_LEAFLET = "xstatic.pkg.leaflet"
_CLUSTER = "xstatic.pkg.leaflet_markercluster"
_CLUSTER_DIR = "leaflet.markercluster"
_JQUERY = "xstatic.pkg.jquery"
_LEAFLET_IMAGES = (
    "layers.png",
    "layers-2x.png",
    "marker-icon.png",
    "marker-icon-2x.png",
    "marker-shadow.png",
)

# Destination (under static/vendor) -> source. Leaflet 1.9.3 and jQuery 3.7.1 are the versions
# folium 0.20 links; folium links markercluster 1.1.0, which 1.4.1 replaces API-compatibly.
VENDOR_FILES: dict[str, VendorFile] = {
    "leaflet/leaflet.js": VendorFile(_LEAFLET, "leaflet.js", "1.9.3"),
    "leaflet/leaflet.css": VendorFile(_LEAFLET, "leaflet.css", "1.9.3"),
    **{f"leaflet/images/{name}": VendorFile(_LEAFLET, f"images/{name}", "1.9.3") for name in _LEAFLET_IMAGES},
    "jquery/jquery.min.js": VendorFile(_JQUERY, "jquery.min.js", "3.7.1"),
    **{
        f"{_CLUSTER_DIR}/{name}": VendorFile(_CLUSTER, name, "1.4.1")
        for name in ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css")
    },
    "leaflet.heat/leaflet_heat.min.js": VendorFile("folium", "templates/leaflet_heat.min.js"),
}

_JQUERY_URLS = frozenset(
    {
        "https://code.jquery.com/jquery-3.7.1.min.js",
        "https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js",
    }
)
_CLUSTER_CDN = "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/"

# CDN URL that folium 0.20 writes -> the file under static/vendor that replaces it.
LOCAL_COPIES: dict[str, str] = {
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js": "leaflet/leaflet.js",
    "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css": "leaflet/leaflet.css",
    **{url: "jquery/jquery.min.js" for url in _JQUERY_URLS},
    _CLUSTER_CDN + "leaflet.markercluster.js": "leaflet.markercluster/leaflet.markercluster.js",
    _CLUSTER_CDN + "MarkerCluster.css": "leaflet.markercluster/MarkerCluster.css",
    _CLUSTER_CDN + "MarkerCluster.Default.css": "leaflet.markercluster/MarkerCluster.Default.css",
    "https://cdn.jsdelivr.net/gh/python-visualization/folium@main/folium/templates/leaflet_heat.min.js": (
        "leaflet.heat/leaflet_heat.min.js"
    ),
}

# What folium.Map links for features Rotta maps do not use (Bootstrap, glyphicons, Font Awesome
# and awesome-markers serve folium.Icon, which localize() refuses): dropped, not shipped.
_UNUSED_MAP_URLS = frozenset(url for _, url in folium.Map.default_js + folium.Map.default_css).difference(LOCAL_COPIES)


def _module_dir(module_name: str) -> tuple[Path, str]:
    try:
        module = importlib.import_module(module_name)
    except ImportError as err:
        package = "folium" if module_name == "folium" else "XStatic-" + module_name.rsplit(".", 1)[-1]
        message = f"{module_name} is not installed: add {package} to requirements.txt"
        raise UnshippedAssetError(message) from err
    base = getattr(module, "BASE_DIR", None) or os.path.dirname(module.__file__ or "")
    return Path(base), str(getattr(module, "VERSION", getattr(module, "__version__", "")))


def source_path(file: VendorFile) -> Path:
    """Where ``file`` sits in the installed package; raises if the package or version is wrong."""
    base, version = _module_dir(file.module)
    if file.version is not None and version != file.version:
        message = f"{file.module} carries version {version}, Rotta's maps need {file.version}"
        raise UnshippedAssetError(message)
    path = base / file.source
    if not path.is_file():
        raise UnshippedAssetError(f"{file.module} {version} has no file {file.source}")
    return path


def install(static_dir: Path) -> list[Path]:
    """Copy every vendor file into ``static_dir/vendor`` unless an identical copy is there.

    Returns the files written by this call (empty when all were up to date). Each file is
    written to a temporary name and renamed, so a browser never receives half a file.
    """
    vendor = Path(static_dir) / "vendor"
    written: list[Path] = []
    for rel, file in VENDOR_FILES.items():
        source, target = source_path(file), vendor / rel
        if target.is_file() and filecmp.cmp(source, target, shallow=True):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        os.close(fd)
        shutil.copy2(source, tmp)
        os.replace(tmp, target)
        written.append(target)
    return written


class _LateCssFix(MacroElement):
    """Makes up for st_folium adding the stylesheets only after the map script has run.

    Leaflet guesses its marker-image folder from leaflet.css, so the default marker would be a
    broken image (streamlit-folium #275): the folder is set here. Tooltips opened at once
    (``permanent``) are measured without the stylesheet and drawn off their anchor: they are
    laid out again when leaflet.css has loaded.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.Icon.Default.imagePath = {{ this.path|tojson }};
        (function (map) {
            var css = Array.prototype.find.call(document.querySelectorAll("link[rel=stylesheet]"),
                function (link) { return link.href.indexOf("/leaflet/leaflet.css") >= 0; });
            if (!css || css.sheet) { return; }
            css.addEventListener("load", function () {
                map.invalidateSize();
                map.eachLayer(function (layer) {
                    var tip = layer.getTooltip && layer.getTooltip();
                    if (tip && tip.isOpen()) { tip.update(); }
                });
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, path: str):
        super().__init__()
        self._name = "LateCssFix"
        self.path = path


def _walk(element: Element) -> Iterator[Element]:
    yield element
    for child in element._children.values():
        yield from _walk(child)


def _needs_jquery(m: folium.Map) -> bool:
    # folium.Popup builds its content with $(...); the map's objects_to_stay_in_front uses $(document).
    return bool(getattr(m, "objects_to_stay_in_front", None)) or any(isinstance(el, folium.Popup) for el in _walk(m))


def _local_links(
    element: Element, links: list[tuple[str, str]], keep_jquery: bool, prefix: str
) -> list[tuple[str, str]]:
    kept = []
    for name, url in links:
        if url in _UNUSED_MAP_URLS and isinstance(element, folium.Map):
            continue
        elif url in _JQUERY_URLS and isinstance(element, folium.Map) and not keep_jquery:
            continue
        elif url in LOCAL_COPIES:
            kept.append((name, f"{prefix}/{LOCAL_COPIES[url]}"))
        else:
            raise UnshippedAssetError(
                f"{type(element).__name__} needs {url}, which Rotta does not serve offline: "
                "add the file to core/offline_assets.VENDOR_FILES or use another element"
            )
    return kept


def localize(m: folium.Map, prefix: str = VENDOR_URL_PREFIX) -> folium.Map:
    """Point every element of ``m`` at Rotta's own copies of its JS/CSS files; returns ``m``.

    Idempotent; call it again after adding plugins. Raises :class:`UnshippedAssetError` for an
    element that would load a file from the internet.
    """
    keep_jquery = _needs_jquery(m)
    for element in _walk(m):
        if isinstance(element, branca.colormap.ColorMap):
            raise UnshippedAssetError(
                "a branca colour scale makes st_folium load d3 from the internet: build the legend as HTML"
            )
        if isinstance(element, folium.Icon):
            raise UnshippedAssetError(
                "folium.Icon needs Leaflet.awesome-markers, which Rotta does not serve offline: "
                "use CircleMarker or DivIcon"
            )
        if isinstance(element, JSCSSMixin):
            # From the class's own lists, so a second call can bring back what the first dropped.
            cls = type(element)
            element.default_js = _local_links(element, cls.default_js, keep_jquery, prefix)
            element.default_css = _local_links(element, cls.default_css, keep_jquery, prefix)
    _put_css_fix_first(m, f"{prefix}/leaflet/images/")
    return m


def _put_css_fix_first(m: folium.Map, path: str) -> None:
    found = [child for child in m._children.values() if isinstance(child, _LateCssFix)]
    fix = found[0] if found else _LateCssFix(path)
    fix.path, fix._parent = path, m
    others = [(key, child) for key, child in m._children.items() if child is not fix]
    # First child: its line must run before any marker asks Leaflet for the default icon.
    m._children = type(m._children)([(fix.get_name(), fix), *others])


def asset_urls(m: folium.Map) -> list[str]:
    """The JS and CSS URLs that ``st_folium`` will load for ``m``, in its order."""
    urls = [url for el in _walk(m) if isinstance(el, JSCSSMixin) for _, url in el.default_js]
    urls += [url for el in _walk(m) if isinstance(el, JSCSSMixin) for _, url in el.default_css]
    return list(dict.fromkeys(urls))


_LINK_RE = re.compile(
    r"""<script\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)|<link\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)""",
    re.IGNORECASE,
)


def external_urls(html: str) -> list[str]:
    """Every http(s) or protocol-relative script or stylesheet URL in rendered HTML."""
    found = (src or href for src, href in _LINK_RE.findall(html))
    return [url for url in found if re.match(r"(?i)(https?:)?//", url)]
