#!/usr/bin/env bash
# npm run local-action: starts the fake Netlify API, runs the action's source with GitHub's
# @github/local-action (main, then post), and stops the fake. Uses .env, else .env.example.
set -euo pipefail
cd "$(dirname "$0")/.."
env_file=.env
[ -f "$env_file" ] || env_file=.env.example
token=$(sed -n 's/^INPUT_NETLIFY-AUTH-TOKEN=//p' "$env_file")
site=$(sed -n 's/^INPUT_SITE-ID=//p' "$env_file")
port=$(sed -n 's#^INPUT_API-URL=http://127.0.0.1:\([0-9]*\).*#\1#p' "$env_file")
log=$(mktemp)
npx tsx __fixtures__/fake-netlify/cli.ts --port "${port:-4010}" --token "$token" --site-id "$site" \
  --session-ms "${FAKE_SESSION_MS:-6000}" --steps 3 >"$log" 2>&1 &
fake=$!
trap 'kill "$fake" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do grep -q . "$log" && break; sleep 0.1; done
export RUNNER_TEMP="${RUNNER_TEMP:-$(mktemp -d)}"
export GITHUB_STEP_SUMMARY="$RUNNER_TEMP/summary.md"
npx local-action run . src/main.ts "$env_file" --post src/cleanup.ts
echo "The job summary is in $GITHUB_STEP_SUMMARY"
