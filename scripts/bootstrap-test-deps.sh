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

#   - Debian's chromium, for the test that opens the demo's HTML report in a real headless browser
#     (examples/demo-report.browser.test.ts). Installed only when missing; RECON_CHROMIUM_PATH points
#     the test at another binary.
has_chromium() { [ -n "${RECON_CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }
if ! has_chromium; then
  as_root=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then as_root=(sudo); fi
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || [ ${#as_root[@]} -gt 0 ]; }; then
    echo "[recon] installing chromium (headless browser for the demo report's test)..." >&2
    "${as_root[@]}" apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium >/dev/null || true
  fi
  if ! has_chromium; then
    if is_ci; then
      echo "[recon] CI=true: Debian's chromium could not be installed; the demo report's browser test needs it" >&2
      exit 1
    fi
    echo "[recon] warning: chromium is not installed; the demo report's browser test will be skipped" >&2
  fi
fi

#   - The librdkafka binding (@confluentinc/kafka-javascript, a devDependency of packages/kafka-sink)
#     for the librdkafka adapter's tests and benchmark: pnpm skips its install script (which would
#     download a prebuilt binary from GitHub), and this step builds the bundled librdkafka from the
#     npm tarball instead (about 2 minutes on 2 cores; cached per machine in ~/.cache/recon-librdkafka,
#     so later runs take a second). Needs gcc, g++, make, python3 and Node's headers; libssl-dev and
#     zlib1g-dev are used when present (TLS, gzip), none of it is needed by the tests on the plaintext
#     loopback broker, so no Debian package is installed. Idempotent: nothing to do when it loads.
#     The same script then compiles packages/kafka-sink/native (the batch producer addon of the
#     librdkafka-batch adapter, about a second; cached there too) against that librdkafka.
# Java 17+ and Maven for the Kafka broker (scripts/kafka): preinstalled on our machines; installed from
# Debian when missing and we are root.
if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless maven >/dev/null
  elif is_ci; then
    echo "[recon] CI=true: Java and Maven are needed for the Kafka broker and cannot be installed (not root)" >&2
    exit 1
  else
    echo "[recon] warning: Java/Maven missing; the Kafka integration tests will be skipped" >&2
  fi
fi
bash scripts/bootstrap.sh # node_modules first (idempotent): the build runs inside them
if ! node packages/kafka-sink/scripts/build-librdkafka.mjs; then
  if is_ci; then
    echo "[recon] CI=true: the librdkafka binding or the batch producer addon could not be built; the librdkafka adapter tests need them" >&2
    exit 1
  fi
  echo "[recon] warning: the librdkafka binding or the batch producer addon is not built; the librdkafka adapter tests will be skipped" >&2
fi
