#!/usr/bin/env bash
# Installs the pinned Microsoft 365 Agents Playground into tests/e2e/node_modules (ignored by git) for the Teams
# end-to-end test, and prints the folder the test reads from PRACTICEBOT_PLAYGROUND_DIR.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "install-playground.sh: npm is not on this machine (install Node.js 20+)" >&2; exit 1; }
npm ci --no-audit --no-fund --loglevel=error >&2
test -x node_modules/.bin/agentsplayground
pwd
