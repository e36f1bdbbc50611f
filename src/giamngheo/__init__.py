"""giamngheo: poverty-reduction management for Vietnamese provinces, communes and
mass organisations."""

__version__ = "0.1.0"
