"""Reporting: the weekly digest, the board report and the documents they become."""
