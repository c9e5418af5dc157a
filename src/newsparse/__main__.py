"""``python -m newsparse`` runs the command-line tool."""

import sys

from newsparse.cli import main

sys.exit(main())
