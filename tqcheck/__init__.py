"""tqcheck: a quality checker for translations.

    >>> import tqcheck
    >>> report = tqcheck.check("We met 3 times.", "Wir trafen uns 5 Mal.", src_lang="en", tgt_lang="de")
    >>> [f.rule for f in report.findings]
    ['TQ201']
"""
__version__ = "0.1.0"

from .api import check, check_files  # noqa: E402
from .findings import Finding, Severity  # noqa: E402
from .frame import check_frame  # noqa: E402
from .report.model import Report  # noqa: E402

__all__ = ["check", "check_files", "check_frame", "Finding", "Severity", "Report", "__version__"]
