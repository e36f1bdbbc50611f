"""Pure domain rules: standards, classification oracle, explanations, ledger invariants.

Nothing here imports Django or Polars; every module can be used in a REPL without settings.
"""
