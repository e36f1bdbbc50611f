"""The review tests' fixtures, shared with the page tests."""

from tests.apps.review.conftest import clock, place

__all__ = ["clock", "place"]
