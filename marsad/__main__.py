"""``python -m marsad``: the same as the ``marsad`` command."""
import sys

from marsad.cli import main

sys.exit(main())
