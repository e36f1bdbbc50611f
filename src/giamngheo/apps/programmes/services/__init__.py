"""Writes of the programmes app: each is one atomic, audited transaction for an ``actor``."""

from giamngheo.apps.programmes.services.campaigns import (
    campaign_create,
    livelihood_model_create,
    month_for_the_poor,
)
from giamngheo.apps.programmes.services.delivery import housing_stage_set, support_record
from giamngheo.apps.programmes.services.enrolment import (
    EnrolmentPreview,
    enrolment_commit,
    enrolment_preview,
)
from giamngheo.apps.programmes.services.imports import (
    SupportImportError,
    support_import,
    support_table_read,
)
from giamngheo.apps.programmes.services.rules import (
    eligibility_rule_publish,
    levels_template_load,
    rule_check,
    support_level_publish,
)
from giamngheo.apps.programmes.services.structure import (
    budget_line_add,
    programme_create,
    programme_template_load,
    project_add,
    sub_project_add,
)

__all__ = [
    "EnrolmentPreview",
    "SupportImportError",
    "budget_line_add",
    "campaign_create",
    "eligibility_rule_publish",
    "enrolment_commit",
    "enrolment_preview",
    "housing_stage_set",
    "levels_template_load",
    "livelihood_model_create",
    "month_for_the_poor",
    "programme_create",
    "programme_template_load",
    "project_add",
    "rule_check",
    "sub_project_add",
    "support_import",
    "support_level_publish",
    "support_record",
    "support_table_read",
]
