#!/usr/bin/env bash
# Load the HTML report of output/ in headless Chromium: the index, the timeline and one document
# page. Each must load from file:// with no console message (errors, warnings or logs), and a
# screenshot of each is written. A page with a deliberate error checks that errors are seen.
#
#   tests/browser/run.sh [SCREENSHOT_DIR]      (default: target/browser)
#
# Chromium is installed with apt-get when it is missing and we are root; without it the script
# says so and exits 0, or 1 when LIASSE_BROWSER_REQUIRED=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
shots="${1:-target/browser}"
mkdir -p "$shots"

browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
if [ -z "$browser" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "browser: installing chromium with apt-get" >&2
  (apt-get install -y chromium >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y chromium >/dev/null 2>&1)) || true
  command -v chromium >/dev/null 2>&1 && browser=chromium
fi
if [ -z "$browser" ]; then
  echo "browser: SKIPPED: no Chromium on this machine (apt-get install chromium)" >&2
  [ "${LIASSE_BROWSER_REQUIRED:-0}" = 1 ] && exit 1
  exit 0
fi

cargo build --quiet --bin liasse
site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
target/debug/liasse report output --out "$site" --quiet

# load URL SCREENSHOT: prints the console messages of the page, if any.
load() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --enable-logging=stderr --v=0 \
    --window-size=1400,1000 --screenshot="$2" "$1" 2>&1 >/dev/null | grep ':CONSOLE' || true
}

# The check must be able to fail: a page with an error is caught.
printf '<!DOCTYPE html><script>undefinedFunction()</script>' > "$site/broken.html"
if [ -z "$(load "file://$site/broken.html" "$site/broken.png")" ]; then
  echo "browser: FAIL: a page with a script error gave no console message; the check is blind" >&2
  exit 1
fi

failed=0
doc="$(ls "$site/docs" | head -1)"
for page in index.html timeline.html "docs/$doc"; do
  shot="$shots/$(basename "$page" .html).png"
  rm -f "$shot"
  messages="$(load "file://$site/$page" "$shot")"
  if [ -n "$messages" ]; then
    echo "browser: FAIL: $page: console messages:" >&2
    echo "$messages" >&2
    failed=1
  elif [ ! -s "$shot" ]; then
    echo "browser: FAIL: $page: no screenshot" >&2
    failed=1
  else
    echo "browser: ok: $page ($shot)"
  fi
done
exit "$failed"
