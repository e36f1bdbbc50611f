"""Writes of the programmes app: each is one atomic, audited transaction for an ``actor``."""

from giamngheo.apps.programmes.services.campaigns import (
    campaign_create,
    campaigns_yearly_create,
    livelihood_model_create,
    livelihood_model_update,
    month_for_the_poor,
)
from giamngheo.apps.programmes.services.delivery import housing_stage_set, support_record
from giamngheo.apps.programmes.services.enrolment import (
    EnrolmentPreview,
    enrolment_commit,
    enrolment_preview,
)
from giamngheo.apps.programmes.services.enrolment_jobs import (
    EnrolmentAction,
    enrolment_request,
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
    budget_line_update,
    programme_create,
    programme_template_load,
    programme_update,
    project_add,
    project_update,
    sub_project_add,
    sub_project_update,
)

__all__ = [
    "EnrolmentAction",
    "EnrolmentPreview",
    "SupportImportError",
    "budget_line_add",
    "budget_line_update",
    "campaign_create",
    "campaigns_yearly_create",
    "eligibility_rule_publish",
    "enrolment_commit",
    "enrolment_preview",
    "enrolment_request",
    "housing_stage_set",
    "levels_template_load",
    "livelihood_model_create",
    "livelihood_model_update",
    "month_for_the_poor",
    "programme_create",
    "programme_template_load",
    "programme_update",
    "project_add",
    "project_update",
    "rule_check",
    "sub_project_add",
    "sub_project_update",
    "support_import",
    "support_level_publish",
    "support_record",
    "support_table_read",
]
