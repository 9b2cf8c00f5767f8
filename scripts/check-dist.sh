#!/usr/bin/env bash
# Rebuilds dist/ and fails when it is not what is committed: a changed, added or removed file (ncc
# names its chunks by number, so a stale build can differ only by a file git does not track yet).
# The rebuilt dist/ stays in place, ready to commit or to upload. DIST_BUILD replaces the build
# command (the release script's test uses it; the build itself is checked by CI).
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

eval "${DIST_BUILD:-npm run build}"

changes=$(git status --porcelain --untracked-files=all -- dist/)
if [ -n "$changes" ]; then
  echo "dist/ is not what 'npm run build' makes of the committed sources:" >&2
  echo "$changes" >&2
  git --no-pager diff --ignore-space-at-eol --text --stat -- dist/ >&2
  echo "Run 'npm run build' and commit dist/." >&2
  exit 1
fi
echo "dist/ matches the sources."
