#!/usr/bin/env bash
# npm test: the type check and the lint run beside jest, on the CPU that jest's end-to-end tests
# leave idle while they wait on the action (niced, so that they never slow a test down); their
# output follows jest's. Fails if any of them does.
set -uo pipefail
cd "$(dirname "$0")/.."
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

nice npm run --silent typecheck >"$logs/typecheck" 2>&1 &
typecheck=$!
nice npm run --silent lint >"$logs/lint" 2>&1 &
lint=$!

bash scripts/jest.sh "$@"
status=$?
for check in typecheck lint; do
  if wait "${!check}"; then
    echo "npm run $check: passed"
  else
    echo "npm run $check failed:"
    cat "$logs/$check"
    status=1
  fi
done
exit "$status"
