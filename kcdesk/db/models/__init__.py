"""All mapped classes; importing this module registers every table on Base.metadata."""

from kcdesk.db.models.acceptance import Acceptance, AcceptanceItem, AcceptanceMember
from kcdesk.db.models.attachment import Attachment
from kcdesk.db.models.facility import Facility, FacilityYearStat
from kcdesk.db.models.local import AppMeta, AuditEntry, CaptureContext, OutboxEntry
from kcdesk.db.models.people import AppUser, CollaboratorCommune, Device
from kcdesk.db.models.privacy import PersonalDataAccess, PersonalDataErasure
from kcdesk.db.models.proposal import (
    BudgetLine,
    Disbursement,
    PostSupportEvaluation,
    ProgressReport,
    Proposal,
    ProposalActivity,
    ProposalBeneficiary,
    ProposalStatusEvent,
    ProposalTask,
)
from kcdesk.db.models.reference import (
    ActivityType,
    AdminUnit,
    DeadlineRule,
    LegalDocument,
    Sector,
    SupportRule,
)
from kcdesk.db.models.survey import Survey, SurveyNeed
from kcdesk.db.models.sync_state import SyncBlob, SyncConflict, SyncCursor, SyncDeadLetter, SyncKV, SyncRecordState

__all__ = [
    "Acceptance",
    "AcceptanceItem",
    "AcceptanceMember",
    "ActivityType",
    "AdminUnit",
    "AppMeta",
    "AppUser",
    "Attachment",
    "AuditEntry",
    "BudgetLine",
    "CaptureContext",
    "CollaboratorCommune",
    "DeadlineRule",
    "Device",
    "Disbursement",
    "Facility",
    "FacilityYearStat",
    "LegalDocument",
    "OutboxEntry",
    "PersonalDataAccess",
    "PersonalDataErasure",
    "PostSupportEvaluation",
    "ProgressReport",
    "Proposal",
    "ProposalActivity",
    "ProposalBeneficiary",
    "ProposalStatusEvent",
    "ProposalTask",
    "Sector",
    "SupportRule",
    "Survey",
    "SurveyNeed",
    "SyncBlob",
    "SyncConflict",
    "SyncCursor",
    "SyncDeadLetter",
    "SyncKV",
    "SyncRecordState",
]
