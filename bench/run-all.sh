#!/usr/bin/env bash
# Runs every benchmark on both engines and prints the figures (≈ 15–25 min at 500,000 people).
# Usage: bash bench/run-all.sh [people]   (PostgreSQL at BENCH_DATABASE_URL, default 127.0.0.1:5432/dvc06_bench)
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-500000}
mkdir -p .tmp
for engine in postgres pglite; do
  npx tsx bench/seed.bench.ts --engine "$engine" --people "$people"
  npx tsx bench/quality.bench.ts --engine "$engine" --people "$people"
  npx tsx bench/id-lookup.bench.ts --engine "$engine" --people "$people"
done
npx tsx bench/login.bench.ts
npx tsx bench/deadline.bench.ts
npx tsx bench/dossier-submit.bench.ts --engine postgres --people "$people"
npx tsx bench/ipn.bench.ts
