#!/usr/bin/env bash
# Runs the pnpm version pinned in package.json's "packageManager", installing nothing globally.
# corepack's signature check fails against some registry mirrors, so we fall back to npx.
set -euo pipefail
want=$(node -p "require(require('path').resolve(process.argv[1])).packageManager.split('@')[1]" "$(dirname "$0")/../package.json")
if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$want" ]; then
  exec pnpm "$@"
fi
exec npx -y "pnpm@$want" "$@"
