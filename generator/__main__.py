"""`python -m generator` runs the same command as `infointerview`."""

from generator.cli import main

main(prog_name="infointerview")
