#!/usr/bin/env bash
# The README's two commands on a fresh clone of this repository, on a machine where no browser can be found: a
# private mount namespace hides the system's Chromium and Chrome (run as root, or where unprivileged user
# namespaces are allowed). Checks that `npm install` prints no warning, that `npm start` serves the web app, and
# that `npm test` exits 0 with the browser tests reported as skipped and how to get a browser.
#   bash scripts/fresh-machine.sh            # about as long as the API suite
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/foule"

hide=""
for browser in /usr/bin/chromium /usr/bin/chromium-browser /snap/bin/chromium /usr/bin/google-chrome \
  /usr/bin/google-chrome-stable /opt/google/chrome/chrome; do
  if [ -e "$browser" ]; then hide+="mount --bind /dev/null $browser; "; fi
done

unshare --mount --propagation private bash -euo pipefail -c "
  $hide
  cd '$work/foule'
  echo '=== npm install'
  npm install --no-audit --no-fund 2>&1 | tee install.log
  if grep -qi 'npm warn' install.log; then echo 'FAIL: npm install printed a warning'; exit 1; fi

  echo '=== npm start'
  PORT=3987 FOULE_DATA_DIR='$work/data' npm start > start.log 2>&1 &
  server=\$!
  for _ in \$(seq 1 120); do curl -fs http://127.0.0.1:3987/ -o /dev/null && break; sleep 1; done
  curl -fs http://127.0.0.1:3987/ | grep -q '<div id=\"root\"' || { echo 'FAIL: npm start serves no web app'; tail -20 start.log; exit 1; }
  kill \$server; wait \$server || true
  echo 'npm start: the web app answers'

  echo '=== npm test (no browser on this machine)'
  npm test 2>&1 | tee test.log
  grep -q 'Browser tests skipped: no Chromium or Chrome found' test.log || { echo 'FAIL: no line saying the browser tests were skipped'; exit 1; }
  echo 'fresh machine: install, start and test all succeeded; browser tests reported as skipped'
"
