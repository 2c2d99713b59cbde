"""Run as ``python -m awards``."""

from awards.app import main

main()
