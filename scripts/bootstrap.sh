#!/usr/bin/env bash
# Idempotent set-up used by `npm run demo` and `npm test`: installs the workspace from the lockfile
# when node_modules is missing or older than the lockfile. Nothing else is needed for the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.recon-installed
if [ ! -f "$stamp" ] || [ pnpm-lock.yaml -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  echo "[recon] installing dependencies with pnpm (frozen lockfile)..." >&2
  if [ -f pnpm-lock.yaml ]; then bash scripts/pnpm.sh install --frozen-lockfile; else bash scripts/pnpm.sh install; fi
  touch "$stamp"
fi
