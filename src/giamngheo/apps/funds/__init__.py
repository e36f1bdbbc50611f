"""Fund sources, donations, allocations, disbursements and the double-entry ledger."""
