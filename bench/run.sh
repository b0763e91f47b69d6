#!/usr/bin/env bash
# Guildhall's benchmarks in one command: builds the release binary and the
# bench harness, then measures on SQLite and PostgreSQL (see
# docs/BENCHMARKS.md). Needs wrk (apt-get install -y wrk) and PostgreSQL on
# 127.0.0.1:5432 (or GUILDHALL_TEST_POSTGRES_URL). `bench/run.sh sqlite`
# runs one backend only.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
cargo build --release -p guildhall -p guildhall-bench
exec target/release/guildhall-bench "$@"
