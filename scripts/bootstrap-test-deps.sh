#!/usr/bin/env bash
# System packages the test suite needs beyond node_modules. Idempotent: each step checks first and
# installs only what is missing; call it before the tests (the test command and CI do).
#   - OpenSSH's sshd, for the SFTP tests against a real server (packages/sftp): scripts/sshd/install.sh.
# With CI=true a step that cannot install fails this script (and so the run). Elsewhere (no root,
# no apt-get) it warns and goes on: the tests that need the missing piece then skip loudly.
set -euo pipefail
cd "$(dirname "$0")/.."
is_ci() { case "${CI:-}" in 1|true|TRUE|True|yes|YES) return 0 ;; *) return 1 ;; esac; }

if ! bash scripts/sshd/install.sh; then
  if is_ci; then
    echo "[recon] CI=true: OpenSSH's sshd could not be installed; the SFTP tests need it" >&2
    exit 1
  fi
  echo "[recon] warning: OpenSSH's sshd is not installed; the SFTP tests against a real server will be skipped" >&2
fi
