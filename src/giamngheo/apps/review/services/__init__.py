"""Every state change of the annual review: one audited, scoped transaction each."""

from giamngheo.apps.review.services.campaigns import (
    campaign_listing,
    campaign_open,
    regular_campaigns_open_due,
    request_receive,
)
from giamngheo.apps.review.services.classify import (
    campaign_classify,
    campaign_classify_request,
    entries_propose,
)
from giamngheo.apps.review.services.complaints import complaint_receive, complaint_recheck
from giamngheo.apps.review.services.meetings import meeting_record, posting_start
from giamngheo.apps.review.services.recognition import recognition_approve
from giamngheo.apps.review.services.surveys import entry_survey_record

__all__ = [
    "campaign_classify",
    "campaign_classify_request",
    "campaign_listing",
    "campaign_open",
    "complaint_receive",
    "complaint_recheck",
    "entries_propose",
    "entry_survey_record",
    "meeting_record",
    "posting_start",
    "recognition_approve",
    "regular_campaigns_open_due",
    "request_receive",
]
