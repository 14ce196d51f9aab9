"""eia-rules: checks Welsh integrated impact assessments against the duties they must show.

Public API (stable imports from the package root):

    import eia_rules
    report = eia_rules.check("draft-iia.docx")
    record = eia_rules.parse("draft-iia.docx")
"""
__version__ = "0.1.0"

from .model import Finding, IIARecord, Outcome, Report, Severity  # noqa: E402
from .pipeline import BytesSource, check, check_record, parse  # noqa: E402

__all__ = ["check", "check_record", "parse", "BytesSource", "Report", "Finding", "IIARecord",
           "Outcome", "Severity", "__version__"]
