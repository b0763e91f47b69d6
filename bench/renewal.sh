#!/usr/bin/env bash
# CH-7 and CH-4 at scale (docs/BENCHMARKS.md): the yearly renewal run and
# one member's eligibility for 10,000 and 100,000 Champions with 20
# contributions each, on SQLite and PostgreSQL. `bench/renewal.sh sqlite
# 10000` runs one backend and size. Needs PostgreSQL on 127.0.0.1:5432 (or
# GUILDHALL_TEST_POSTGRES_URL) for its half.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p guildhall -p guildhall-bench
exec target/release/guildhall-bench renewal "$@"
