"""Programmes, projects and sub-projects, eligibility rules, support levels and delivery."""
