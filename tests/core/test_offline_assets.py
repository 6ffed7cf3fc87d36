from pathlib import Path

import branca.colormap
import folium
import pytest
from folium import plugins
from folium.elements import JSCSSMixin

from core import offline_assets
from core.offline_assets import VENDOR_URL_PREFIX, UnshippedAssetError


def _map(*children: folium.Element) -> folium.Map:
    m = folium.Map(location=(45.46, 9.19), zoom_start=12, tiles=None, max_zoom=19)
    for child in children:
        child.add_to(m)
    return m


def _every_plugin_we_serve() -> folium.Map:
    m = _map(folium.Marker((45.46, 9.19), popup=folium.Popup("x")))
    plugins.MarkerCluster([(45.4, 9.1), (45.5, 9.2)]).add_to(m)
    plugins.FastMarkerCluster([(45.4, 9.1), (45.5, 9.2)]).add_to(m)
    plugins.HeatMap([(45.4, 9.1, 1.0)]).add_to(m)
    return offline_assets.localize(m)


def _vendor_path(static_dir: Path, url: str) -> Path:
    assert url.startswith(VENDOR_URL_PREFIX + "/"), url
    return static_dir / "vendor" / url.removeprefix(VENDOR_URL_PREFIX + "/")


def test_install_copies_every_vendor_file_byte_for_byte(tmp_path):
    written = offline_assets.install(tmp_path)

    assert sorted(written) == sorted(tmp_path / "vendor" / rel for rel in offline_assets.VENDOR_FILES)
    for rel, file in offline_assets.VENDOR_FILES.items():
        assert (tmp_path / "vendor" / rel).read_bytes() == offline_assets.source_path(file).read_bytes()


def test_install_writes_nothing_when_the_copies_are_up_to_date(tmp_path):
    offline_assets.install(tmp_path)

    assert offline_assets.install(tmp_path) == []


def test_install_replaces_a_copy_that_differs_from_the_package(tmp_path):
    offline_assets.install(tmp_path)
    damaged = tmp_path / "vendor" / "leaflet" / "leaflet.js"
    damaged.write_text("half a file")

    assert offline_assets.install(tmp_path) == [damaged]
    assert not list((tmp_path / "vendor").rglob(".tmp-*"))


def test_every_file_a_localized_map_links_exists_after_install(tmp_path):
    offline_assets.install(tmp_path)
    m = _every_plugin_we_serve()

    for url in offline_assets.asset_urls(m):
        assert _vendor_path(tmp_path, url).is_file(), url


def test_the_default_marker_images_are_installed_where_the_map_tells_leaflet_to_look(tmp_path):
    offline_assets.install(tmp_path)
    m = offline_assets.localize(_map(folium.Marker((45.46, 9.19))))

    first = next(iter(m._children.values()))
    assert isinstance(first, offline_assets._LateCssFix)
    for name in ("marker-icon.png", "marker-icon-2x.png", "marker-shadow.png"):
        assert _vendor_path(tmp_path, first.path + name).is_file()


def test_the_stylesheets_images_are_installed_next_to_them(tmp_path):
    offline_assets.install(tmp_path)
    css = (tmp_path / "vendor" / "leaflet" / "leaflet.css").read_text()

    for name in ("images/layers.png", "images/layers-2x.png", "images/marker-icon.png"):
        assert f"url({name})" in css
        assert (tmp_path / "vendor" / "leaflet" / name).is_file()


def test_a_localized_map_renders_without_any_external_script_or_stylesheet():
    html = _every_plugin_we_serve().get_root().render()

    assert offline_assets.external_urls(html) == []
    assert f'src="{VENDOR_URL_PREFIX}/leaflet/leaflet.js"' in html


def test_a_plain_map_loads_only_leaflet():
    m = offline_assets.localize(_map(folium.CircleMarker((45.46, 9.19))))

    assert offline_assets.asset_urls(m) == [
        f"{VENDOR_URL_PREFIX}/leaflet/leaflet.js",
        f"{VENDOR_URL_PREFIX}/leaflet/leaflet.css",
    ]


def test_jquery_comes_back_when_a_popup_is_added_after_a_first_localize():
    m = offline_assets.localize(_map())
    folium.Marker((45.46, 9.19), popup=folium.Popup("x")).add_to(m)
    offline_assets.localize(m)

    assert f"{VENDOR_URL_PREFIX}/jquery/jquery.min.js" in offline_assets.asset_urls(m)


def test_localize_twice_gives_the_same_html_links_and_one_icon_path_line():
    m = _every_plugin_we_serve()
    once = offline_assets.asset_urls(m)
    offline_assets.localize(m)

    assert offline_assets.asset_urls(m) == once
    assert m.get_root().render().count("L.Icon.Default.imagePath") == 1


def test_localize_leaves_folium_classes_untouched():
    offline_assets.localize(_every_plugin_we_serve())

    assert folium.Map.default_js[0][1].startswith("https://")
    assert plugins.MarkerCluster.default_js[0][1].startswith("https://")


@pytest.mark.parametrize(
    ("element", "message"),
    [
        (folium.Marker((45.46, 9.19), icon=folium.Icon(color="red")), "awesome-markers"),
        (branca.colormap.LinearColormap(["red", "blue"], vmin=0, vmax=1), "d3"),
        (plugins.Fullscreen(), "Fullscreen needs https://"),
        (plugins.Draw(), "Draw needs https://"),
    ],
)
def test_localize_refuses_an_element_that_would_load_a_file_from_the_internet(element, message):
    with pytest.raises(UnshippedAssetError, match=message):
        offline_assets.localize(_map(element))


def test_every_cdn_url_we_replace_is_one_folium_still_links():
    # Fails when a folium upgrade moves a library to another version: check the XStatic one then.
    classes = [getattr(module, name) for module in (folium, plugins) for name in dir(module)]
    linked = {
        url
        for cls in classes
        if isinstance(cls, type) and issubclass(cls, JSCSSMixin)
        for _, url in cls.default_js + cls.default_css
    }
    assert set(offline_assets.LOCAL_COPIES) <= linked


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (offline_assets.VendorFile("xstatic.pkg.leaflet", "leaflet.js", "1.7.1"), "carries version 1.9.3"),
        (offline_assets.VendorFile("xstatic.pkg.leaflet", "nothing.js", "1.9.3"), "has no file nothing.js"),
        (offline_assets.VendorFile("xstatic.pkg.not_there", "x.js"), "XStatic-not_there"),
    ],
)
def test_a_missing_package_file_or_wrong_version_is_named_in_the_error(file, message):
    with pytest.raises(UnshippedAssetError, match=message):
        offline_assets.source_path(file)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<script src="https://cdn.example/x.js"></script>', ["https://cdn.example/x.js"]),
        ("<SCRIPT SRC='http://cdn.example/x.js'></SCRIPT>", ["http://cdn.example/x.js"]),
        ('<link rel="stylesheet" href="//cdn.example/x.css"/>', ["//cdn.example/x.css"]),
        ('<script src="../../app/static/vendor/leaflet/leaflet.js"></script>', []),
        ('<link rel="stylesheet" href="/app/static/x.css"/>', []),
        ('<script>L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png")</script>', []),
    ],
)
def test_external_urls_finds_remote_scripts_and_stylesheets_only(html, expected):
    assert offline_assets.external_urls(html) == expected
