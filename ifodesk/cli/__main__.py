"""python -m ifodesk.cli — same as ifodesk-admin (used by the frozen build)."""

from ifodesk.cli import main

raise SystemExit(main())
