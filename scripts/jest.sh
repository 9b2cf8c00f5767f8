#!/usr/bin/env bash
# Runs jest on the Node 24 that runs the bundle (./ensure-node24.sh installs it; this Node where
# no package exists for the platform). Arguments go to jest: `npm run test:one -- <file>`.
set -euo pipefail
cd "$(dirname "$0")/.."
node=$(bash scripts/ensure-node24.sh --print)
# Jest's ESM support needs VM modules (Node warns on every start that they are experimental). The
# memory tests measure RSS while 100 MB stream through a worker: they collect garbage as they go
# (--expose-gc, __fixtures__/rss-peak.ts), and Node 24's young generation, which grows to 128 MB
# under such a stream where Node 20's stopped at 32, is kept to Node 20's size so that it does
# not count as held memory.
exec "$node" --experimental-vm-modules --disable-warning=ExperimentalWarning \
  --expose-gc --max-semi-space-size=16 node_modules/jest/bin/jest.js "$@"
