"""Record linkage of people across the registry and other organisations' lists (no Django).

``normalise`` turns person records into Vietnamese-aware comparison columns, ``model`` holds
the Splink 5 settings, ``engine`` trains and predicts on DuckDB, ``clusters`` keeps cluster
ids stable across imports, ``synthetic`` and ``febrl`` provide labelled data, ``evaluate``
measures precision and recall.
"""
