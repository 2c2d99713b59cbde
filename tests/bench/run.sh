#!/usr/bin/env bash
# The benchmark in one command, from the project folder: a venv with the bench extra, then run.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -m venv .venv
.venv/bin/pip install --quiet -e '.[bench]'
exec .venv/bin/python tests/bench/run.py "$@"
