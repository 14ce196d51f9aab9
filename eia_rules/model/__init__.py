"""The pydantic contracts between pipeline stages."""
from .blocks import Block, BlockKind, Location, SourceDocument
from .findings import Finding, Outcome, Place, Report, RuleResult, Severity
from .record import IIARecord

__all__ = ["Block", "BlockKind", "Location", "SourceDocument", "Finding", "Outcome", "Place", "Report",
           "RuleResult", "Severity", "IIARecord"]
