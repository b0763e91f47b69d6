#!/usr/bin/env bash
# cargo-fuzz targets (fuzz/) for every parser of outside input, each run
# for a short bounded time from the committed seed corpus (fuzz/corpus/).
# `.ci/fuzz.sh 300` runs each for five minutes instead. The machine's one
# toolchain is stable: RUSTC_BOOTSTRAP lets cargo-fuzz pass its -Z flags.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
command -v cargo-fuzz >/dev/null 2>&1 || cargo install --locked cargo-fuzz >/dev/null
export RUSTC_BOOTSTRAP=1
cd fuzz
for target in csv_import feed_import discourse_json form_bodies upload_names; do
  echo "-- $target (${seconds}s)"
  # A scratch copy of the corpus, so new inputs found here stay out of git.
  work=$(mktemp -d)
  cp -r "corpus/$target/." "$work/"
  cargo fuzz run --sanitizer none "$target" "$work" -- -max_total_time="$seconds" -rss_limit_mb=2048 2>&1 | tail -n 3
  rm -rf "$work"
done
