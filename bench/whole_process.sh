#!/usr/bin/env bash
# Whole-process benchmarks, each a ratio against a baseline measured in the same run:
#   1. `pgdrift inspect` of a generated chain (parse + replay + print) against the
#      fastest raw libpg_query parse of the same files (JSON or protobuf output);
#   2. `pgdrift inspect postgres://…` (introspection) of the database built from that
#      chain against `pg_dump --schema-only` of the same database.
#
#   bench/whole_process.sh [TABLES] [RUNS]     (defaults: 1000 tables, 5 runs, median)
#
# Uses the release build (scripts/setup release) and a throwaway PostgreSQL cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
tables="${1:-1000}"
runs="${2:-5}"
build=build/release
scripts/setup release >/dev/null

work=$(mktemp -d)
cleanup() {
  if [ -f "$work/data/postmaster.pid" ]; then as_server pg_ctl -D "$work/data" -m immediate stop >/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
bin=/usr/lib/postgresql/15/bin
as_server() {
  local tool="$1"; shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u pgdrift-test -- "$bin/$tool" "$@"; else "$bin/$tool" "$@"; fi
}

# Median wall time in milliseconds of running "$@" $runs times.
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

"$build/bench/generate_chain" "$tables" "$work/chain"
files=("$work"/chain/supabase/migrations/*.sql)
echo "chain: $tables tables in ${#files[@]} files ($(cat "${files[@]}" | wc -c) bytes)"

json_ms=$(median_ms "$build/bench/parse_files" --json "${files[@]}")
protobuf_ms=$(median_ms "$build/bench/parse_files" --protobuf "${files[@]}")
parse_ms=$(( json_ms < protobuf_ms ? json_ms : protobuf_ms ))
replay_ms=$(median_ms "$build/pgdrift" inspect "$work/chain" --profile postgres --format json)
echo "raw parse: json ${json_ms} ms, protobuf+unpack ${protobuf_ms} ms (baseline: ${parse_ms} ms)"
echo "pgdrift inspect (parse + replay + JSON): ${replay_ms} ms"
echo "ratio replay/parse: $(ratio "$replay_ms" "$parse_ms")"

if [ "$(id -u)" -eq 0 ]; then chown pgdrift-test "$work"; fi
as_server initdb -D "$work/data" -U postgres -A trust --no-sync >/dev/null
as_server pg_ctl -D "$work/data" -l "$work/server.log" -w \
  -o "-k $work -p 55432 -c listen_addresses='' -c fsync=off" start >/dev/null
psql=("$bin/psql" -X -q -h "$work" -p 55432 -U postgres -v ON_ERROR_STOP=1)
"${psql[@]}" -c "create database bench" postgres
for file in "${files[@]}"; do "${psql[@]}" -d bench -f "$file"; done
url="postgresql://postgres@/bench?host=$work&port=55432"

dump_ms=$(median_ms "$bin/pg_dump" --schema-only -h "$work" -p 55432 -U postgres bench)
introspect_ms=$(median_ms "$build/pgdrift" inspect "$url" --profile postgres --format json)
echo "pg_dump --schema-only: ${dump_ms} ms"
echo "pgdrift inspect (introspection + JSON): ${introspect_ms} ms"
echo "ratio introspection/pg_dump: $(ratio "$introspect_ms" "$dump_ms")"
