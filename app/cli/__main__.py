"""``python -m app.cli`` runs the same command as ``anuyat``."""

import sys

from app.cli import main

sys.exit(main())
