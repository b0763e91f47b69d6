#!/usr/bin/env bash
# The soak with faults (docs/RELIABILITY.md): mixed traffic for MINUTES
# (default 5) against the release binary; on PostgreSQL two instances
# share one database, one is SIGKILLed and restarted, then PostgreSQL is
# restarted; on SQLite its one instance is SIGKILLed and restarted. Then
# the invariants are checked; the exit status is non-zero if one broke.
#
#   bench/soak.sh [MINUTES] [sqlite|postgres]
#
# Needs PostgreSQL on 127.0.0.1:5432 as a local Debian cluster the script
# may restart (pg_ctlcluster), so run it on a machine of its own.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p guildhall -p guildhall-bench
exec target/release/guildhall-bench soak "${1:-5}" ${2:+"$2"}
