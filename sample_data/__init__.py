"""Three fictional businesses (a bakery, a winery, a B2B engineering firm) and their generator.

``python -m sample_data.generate`` rewrites ``sample_data/<slug>/`` from the specs in
``spec_forno.py``, ``spec_cantina.py`` and ``spec_officina.py``; every run writes the same
bytes (fixed seeds).
``core.samples`` reads the files; nothing here is imported by the app at run time.
"""
