#!/usr/bin/env bash
# The browser tests drive Debian's headless Chromium (never a downloaded browser).
# Install it when we can (CI runs as root); otherwise the tests skip with a clear message.
set -u
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo ">> installing Debian's chromium for the browser tests"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo ">> could not install chromium: browser tests will skip"
else
  echo ">> chromium missing and not root: browser tests will skip"
fi
exit 0
