"""The editorial calendar: planned items, their table, planned against done, .ics and CSV."""
