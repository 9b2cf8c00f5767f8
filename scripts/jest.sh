#!/usr/bin/env bash
# Runs jest on the Node 24 that runs the bundle (./ensure-node24.sh installs it; this Node where
# no package exists for the platform). Arguments go to jest: `npm run test:one -- <file>`.
set -euo pipefail
cd "$(dirname "$0")/.."
node=$(bash scripts/ensure-node24.sh --print)
# Jest's ESM support needs VM modules (Node warns on every start that they are experimental). The
# memory tests collect garbage before they measure, so that what earlier test files left in the
# same worker does not count.
exec "$node" --experimental-vm-modules --disable-warning=ExperimentalWarning --expose-gc \
  node_modules/jest/bin/jest.js "$@"
