"""`python -m generator` runs the same command as `infointerview`."""

from generator.cli import run

run()
