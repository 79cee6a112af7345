#!/usr/bin/env bash
# Installs Debian's redis-server for the distributed-tournament tests when it is missing (as root, through apt);
# otherwise says how. Never fails the caller: the queue tests report a missing Redis themselves.
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null) || echo "warning: could not install redis-server; the queue tests will fail"
else
  echo "warning: redis-server is missing and this user cannot install it (apt-get install redis-server as root)"
fi
exit 0
