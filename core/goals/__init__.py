"""Goals: objectives, KPIs, SMART and vanity checks, templates, baselines, tracking against the data."""
