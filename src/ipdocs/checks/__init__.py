"""Consistency checks on a valid report: arithmetic, totals, ranges (warnings by default)."""

from ipdocs.checks.consistency import check_report

__all__ = ["check_report"]
