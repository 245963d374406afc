#!/usr/bin/env bash
# Runs every benchmark of issue 5 and writes docs/benchmarks.md. See bench/README.md.
#
#   bench/run.sh                        # everything
#   bench/run.sh --stages warm,report   # re-time the warm rebuilds only, rewrite the report
#   bench/run.sh --help
set -euo pipefail
cd "$(dirname "$0")"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
exec python3 run.py "$@"
