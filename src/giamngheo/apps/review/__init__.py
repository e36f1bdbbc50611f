"""The annual review of poor and near-poor households (Decision 24/2021/QĐ-TTg)."""
