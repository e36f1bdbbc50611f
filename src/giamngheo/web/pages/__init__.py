"""Page views, one module per topic; each view parses, calls one selector or service and
renders."""
