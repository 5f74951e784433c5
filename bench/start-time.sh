#!/usr/bin/env bash
# How long `npm start` takes, from a fresh clone (docs/PERFORMANCE.md, "Start time"):
#   bash bench/start-time.sh [work-folder]      (default: a new folder under /tmp)
# Clones this repository's HEAD into the folder, runs `npm ci`, then times the first `npm start`
# (web build, new embedded database, migrations, units, the synthetic demo province) to the first
# 200 of /readyz (database reachable, migrations applied; the server listens only once it is
# ready), stops it with SIGTERM, and times RESTARTS (default 3) restarts on the same data folder.
# Prints the server's own log lines with their time since launch, to see where the time goes.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${1:-$(mktemp -d /tmp/dvc06-start-XXXXXX)}"
RESTARTS="${RESTARTS:-3}"
mkdir -p "$WORK"
CLONE="$WORK/dvc06"
rm -rf "$CLONE"
git clone --quiet "$REPO" "$CLONE"
cd "$CLONE"
echo "clone of $(git log -1 --format='%h %cd' --date=iso) in $CLONE; $(nproc) cores; node $(node --version) on PATH"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

t0=$(now)
npm ci --no-audit --no-fund >"$WORK/npm-ci.log" 2>&1
echo "npm ci: $(since "$t0") s ($(npm exec -- node --version) inside npm scripts)"

PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
server_pid=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM -- "-$server_pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.2; done
  kill -KILL -- "-$server_pid" 2>/dev/null || true
  server_pid=""
}
trap stop_server EXIT

# CPU seconds (user + system, with waited-for children such as the web build) of a process group:
# unlike the wall time, hardly changed by other work on the machine.
group_cpu() {
  local ticks total=0 pid
  ticks=$(getconf CLK_TCK)
  for pid in $(ps -o pid= -g "$1"); do
    total=$((total + $(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  awk -v t="$total" -v k="$ticks" 'BEGIN { printf "%.1f", t / k }'
}

# Starts `npm start` in its own process group (not in a subshell: server_pid is needed to stop it);
# prints the seconds until /readyz answers 200, the CPU seconds the server used until then, and the
# machine's load average (1 min) when it was ready.
timed_start() {
  local log="$1" label="$2" start
  start=$(now)
  PORT="$PORT" LOG_LEVEL=info setsid npm start >"$log" 2>&1 &
  server_pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz"; do
    kill -0 "$server_pid" 2>/dev/null || { echo "the server stopped; see $log" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$label: $(since "$start") s to the first 200 of /readyz (CPU $(group_cpu "$server_pid") s, load $(cut -d' ' -f1 /proc/loadavg))"
  echo "$start" >"$log.t0"
}

# The server's log lines (pino JSON) with seconds since launch.
phases() {
  node -e '
    const [file, t0] = process.argv.slice(1);
    for (const line of require("fs").readFileSync(file, "utf8").split("\n")) {
      let m; try { m = JSON.parse(line); } catch { if (line.trim()) console.log("        " + line.slice(0, 110)); continue; }
      if (m.msg && m.level >= 30) console.log(`  ${((m.time / 1000) - Number(t0)).toFixed(1).padStart(5)} s  ${m.msg.slice(0, 110)}`);
    }' "$1" "$(cat "$1.t0")"
}

timed_start "$WORK/first-start.log" "first npm start (fresh clone)"
phases "$WORK/first-start.log"
stop_server
for i in $(seq 1 "$RESTARTS"); do
  timed_start "$WORK/restart-$i.log" "restart $i"
  [ "$i" = 1 ] && phases "$WORK/restart-$i.log"
  stop_server
done
