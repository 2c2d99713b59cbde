"""The command layer: one module per group; each command reads options, calls the store or
tally, and hands rows to the renderer.

Command modules import what only some commands need (the store, tallies, import) inside those
commands, and do not use ``from __future__ import annotations``: Typer reads every command's
annotations at start-up, and objects spare it evaluating strings (--help builds its commands in
5 ms instead of 13).
"""
