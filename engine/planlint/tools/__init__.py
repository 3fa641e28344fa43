"""Developer tools run as modules (python -m planlint.tools.NAME)."""
