"""Developer tools that are not part of the command line (e.g. the report screenshot)."""
