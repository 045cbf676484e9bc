"""Commands beyond the core ones in `dateline.cli`, one module per area.

Each module registers its commands on `dateline.cli.app` when imported; the
CLI imports them all at start-up.
"""

MODULES = ("fetch", "timex", "speakers", "copies", "serve", "scale", "search", "stories")
