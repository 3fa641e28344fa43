"""`python -m planlint` runs the command line."""

from planlint.cli import main

main()
