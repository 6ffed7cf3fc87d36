"""The Timeline page's shell: the activity sections, the editorial calendar, offline actions."""
