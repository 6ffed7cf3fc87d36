"""Translations, one module per area: ``TEXTS = {key: (italian, english)}``."""
