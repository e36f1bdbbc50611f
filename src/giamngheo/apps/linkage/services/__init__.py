"""Changes made by linkage: importing another giver's list, running linkage (incremental,
directly or as a background job), and deciding candidate pairs (merge / not the same /
unsure), each undoable. Every change is one durable, audited transaction."""

from giamngheo.apps.linkage.services.decisions import (
    cluster_of,
    decision_undo,
    pair_decide,
    pair_review_require,
)
from giamngheo.apps.linkage.services.lists import (
    EntryRow,
    ListHeader,
    list_import,
    list_import_check,
)
from giamngheo.apps.linkage.services.runs import (
    AUTO_LINK,
    REVIEW_FROM,
    LinkageResult,
    linkage_request,
    linkage_run,
    linkage_run_task,
)

__all__ = [
    "AUTO_LINK",
    "REVIEW_FROM",
    "EntryRow",
    "LinkageResult",
    "ListHeader",
    "cluster_of",
    "decision_undo",
    "linkage_request",
    "linkage_run",
    "linkage_run_task",
    "list_import",
    "list_import_check",
    "pair_decide",
    "pair_review_require",
]
