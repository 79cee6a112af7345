#!/usr/bin/env bash
# The main job on a fresh machine: installs the npm packages if needed, then runs the demo (no API key needed).
set -euo pipefail
cd "$(dirname "$0")/../.."
export ONNXRUNTIME_NODE_INSTALL=skip
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
exec npx tsx arena/cli/main.ts demo "$@"
