"""Writes of the funds app: each is one atomic, audited transaction for an ``actor``."""

from giamngheo.apps.funds.services.money import (
    allocation_record,
    budget_receipt_record,
    disbursement_record,
    donation_record,
)
from giamngheo.apps.funds.services.reversal import transaction_reverse
from giamngheo.apps.funds.services.sources import source_create

__all__ = [
    "allocation_record",
    "budget_receipt_record",
    "disbursement_record",
    "donation_record",
    "source_create",
    "transaction_reverse",
]
