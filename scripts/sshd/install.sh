#!/usr/bin/env bash
# Installs what the SFTP tests' real server needs: OpenSSH's sshd and ssh-keygen (Debian's
# openssh-server and openssh-client). Idempotent: does nothing when both are there.
# Needs root for apt-get (CI runs as root); uses sudo when it is available and we are not root.
set -euo pipefail
sshd_path="${RECON_SSHD_PATH:-/usr/sbin/sshd}"
if [ -x "$sshd_path" ] && command -v ssh-keygen >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "[recon] $sshd_path is missing and apt-get is not available: install OpenSSH's server yourself (or set RECON_SSHD_PATH)" >&2
  exit 1
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then as_root=(sudo); else
    echo "[recon] installing openssh-server needs root (apt-get); rerun as root or install it yourself" >&2
    exit 1
  fi
fi
echo "[recon] installing openssh-server (real sshd for the SFTP tests)..." >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends openssh-server openssh-client >/dev/null
# Debian's package may try to start the system sshd; the tests never use it and start their own.
test -x "$sshd_path"
