"""The command layer: one module per group; each command reads options, calls the store or
tally, and hands rows to the renderer."""
