#!/usr/bin/env bash
# Sets up everything the test suite needs on a fresh machine (npm packages, Debian's Chromium for the browser
# tests, Debian's redis-server for the queue tests), then runs the whole suite and ends with a plain
# "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
export ONNXRUNTIME_NODE_INSTALL=skip

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "warning: could not install chromium; browser tests will fail"
  else
    echo "warning: chromium is missing and this user cannot install it (apt-get install chromium as root)"
  fi
fi

# the distributed-tournament tests start Debian's redis-server (unless ARENA_TEST_REDIS_URL names a running one)
[ -n "${ARENA_TEST_REDIS_URL:-}" ] || bash test/ensure-redis.sh

mkdir -p test-artifacts
npx vitest run --reporter=default --reporter=json --outputFile=test-artifacts/vitest.json
status=$?
node test/summary.js test-artifacts/vitest.json || status=1
exit $status
