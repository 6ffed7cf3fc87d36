"""The facilitator's browser as the room knows it: the token inside Streamlit's own XSRF cookie."""

import pytest
from streamlit.web.server.starlette import starlette_app_utils as streamlit_xsrf

from ui import room as room_ui

TOKEN = bytes.fromhex("67e519ab1553073855ae76a11a22484e")


def test_every_page_load_of_one_browser_gives_the_same_token_under_a_new_mask():
    loads = {streamlit_xsrf.generate_xsrf_token_string(TOKEN, 1796647488) for _ in range(20)}
    assert len(loads) > 1  # Streamlit masks the token anew on each page load...
    assert {room_ui.browser_token(cookie) for cookie in loads} == {TOKEN.hex()}  # ...the browser stays the same


def test_a_value_seen_in_chromium_decodes_to_its_token():
    assert room_ui.browser_token("2|2e65f9df|4980e0743b36fee77bcb8f7e3447b191|1796647488") == TOKEN.hex()
    assert room_ui.browser_token("2|0b2be1fc|6ccef8571e78e6c45e85975d1109a9b2|1796647488") == TOKEN.hex()


def test_two_browsers_get_two_tokens():
    first, second = (streamlit_xsrf.generate_xsrf_token_string() for _ in range(2))
    assert room_ui.browser_token(first) != room_ui.browser_token(second)


@pytest.mark.parametrize(
    "cookie",
    [None, "", "2|zz|00|1", "2|00000000|00|1", "1|2e65f9df|4980e0743b36fee77bcb8f7e3447b191|1", "2|2e65f9df", "garbage",
     "2|2e65f9df00|4980e0743b36fee77bcb8f7e3447b191|1"],
)  # fmt: skip
def test_no_cookie_or_one_of_another_shape_names_no_browser(cookie):
    assert room_ui.browser_token(cookie) is None
