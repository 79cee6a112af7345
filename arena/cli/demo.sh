#!/usr/bin/env bash
# The main job on a fresh machine: installs the npm packages if needed (which builds the CLI), then runs the demo
# (no API key needed) on the built CLI, rebuilding it first if the sources changed since.
set -euo pipefail
cd "$(dirname "$0")/../.."
export ONNXRUNTIME_NODE_INSTALL=skip
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
node_modules/.bin/tsx arena/cli/bundle/build.ts --if-stale
exec node arena/cli/bin.js demo "$@"
