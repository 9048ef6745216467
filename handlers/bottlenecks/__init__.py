"""Bottlenecks (knelpunten): reporting, support, escalation, answers, exports."""
