#!/usr/bin/env bash
# Installs the system packages the test suite needs when they are missing (Debian; CI runs as root).
# Nothing else may rely on something installed by hand.
set -euo pipefail
need=()
# Arguments are command names that are also their Debian package names: chromium (the review
# app's browser test, /usr/bin/chromium), redis-server (queue tests).
for pkg in "$@"; do command -v "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
  else
    echo "test-deps: missing ${need[*]} and not root; install them with apt-get" >&2
    exit 1
  fi
fi
