"""`python -m pairing_desktop` runs the command line (no arguments: the program)."""

import sys

from pairing_desktop.cli import main

sys.exit(main())
