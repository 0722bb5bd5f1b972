#!/usr/bin/env bash
# Runs the Redis engine's benchmark against Python Celery 5.2.6, side by side in one run:
#
#   redis/benchmarks/run.sh            (from anywhere; needs the root and redis/ installed:
#                                       mvn -B -q install -DskipTests
#                                       mvn -B -q -f redis/pom.xml install -DskipTests)
#
# The Java driver (RedisVsPython) starts a redis-server on a free loopback port and a Celery worker
# (solo pool, bench_tasks.py) through celerykit-redis's fixtures, measures the Java side, runs
# python_side.py for the Python side between its phases, and stops both by pid when it ends. This
# script builds the driver, runs it, stops it and whatever it started (by pid) on any exit, and
# writes RESULTS.md beside itself.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
log="$(mktemp /tmp/celerykit-redis-bench-XXXXXX.log)"
table="$(mktemp /tmp/celerykit-redis-bench-XXXXXX.md)"
driver_pid=""

stop_everything() {
  local pids=""
  if [[ -n "$driver_pid" ]]; then
    pids="$(grep -oE '^(redis-server|celery worker|python_side) pid [0-9]+' "$log" 2>/dev/null | grep -oE '[0-9]+$' || true)"
    if kill -0 "$driver_pid" 2>/dev/null; then
      kill "$driver_pid" 2>/dev/null || true
      wait "$driver_pid" 2>/dev/null || true
    fi
  fi
  for pid in $pids; do
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  if [[ -n "${tail_pid:-}" ]] && kill -0 "$tail_pid" 2>/dev/null; then
    kill "$tail_pid" 2>/dev/null || true
  fi
  rm -f "$table"
}
trap stop_everything EXIT
trap 'exit 130' INT TERM

# BENCH_QUICK=1: a tenth of every count, written to target/RESULTS-quick.md (a check, not a result).
out="$here/RESULTS.md"
if [[ "${BENCH_QUICK:-}" == "1" ]]; then
  mkdir -p "$here/target"
  out="$here/target/RESULTS-quick.md"
fi
load_before="$(uptime)"
cd "$root"
mvn -B -q -f redis/benchmarks/pom.xml package
classpath="$here/target/classes:$(cat "$here/target/classpath.txt")"

java -cp "$classpath" io.celerykit.redis.benchmarks.RedisVsPython "$table" "$here" >"$log" 2>&1 &
driver_pid=$!
tail -n +1 -f --pid="$driver_pid" "$log" &
tail_pid=$!
rc=0
wait "$driver_pid" || rc=$?
wait "$tail_pid" || true
if [[ $rc -ne 0 ]]; then
  echo "the benchmark failed (exit $rc); its log: $log" >&2
  exit "$rc"
fi
load_after="$(uptime)"

load1() { sed -E 's/.*load average: ([0-9.]+).*/\1/' <<<"$1"; }
shared=""
for l in "$(load1 "$load_before")" "$(load1 "$load_after")"; do
  if awk -v l="$l" 'BEGIN { exit !(l > 1.5) }'; then
    shared="yes"
  fi
done

{
  echo "# celerykit-redis against Python Celery 5.2.6"
  echo
  echo "Measured by \`redis/benchmarks/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'): one redis-server"
  echo "on a loopback port and one Celery 5.2.6 worker (solo pool, \`bench_tasks.py\`), both used by"
  echo "the Java side (RedisCelery) and the Python side (\`python_side.py\`, Celery's own client) in"
  echo "the same run, phase after phase."
  echo
  cat "$table"
  echo
  echo "How each figure is taken:"
  echo
  echo "- **send rate**: 20,000 \`sendTask(\"bench.add\", 1, 2)\` / \`app.send_task(\"bench.add\", (1, 2))\`"
  echo "  from one thread / one process, after 2,000 unmeasured sends, to a queue no worker consumes"
  echo "  (the message count is checked, then the queue is deleted). For scale, the bare clients (Lettuce"
  echo "  sync, redis-py) then LPUSH one of those messages 20,000 times, waiting on each reply."
  echo "- **get() after the store's PUBLISH**: 300 sequential tasks (after 50 unmeasured); a second"
  echo "  subscriber on its own connection in the same process (Lettuce in Java, redis-py in a thread"
  echo "  in Python) PSUBSCRIBEs to \`celery-task-meta-*\` and timestamps the arrival of the worker's"
  echo "  PUBLISH of the result (the worker's store is SETEX and PUBLISH in one transaction,"
  echo "  \`RedisBackend._set\`). The figure is get()'s return minus that arrival, on one monotonic"
  echo "  clock (no skew); negative means get() returned before the observer's thread saw the same"
  echo "  message. **round trip**: send to get() returning."
  echo "- **joinNative**: 10,000 tasks sent and all stored (checked key by key); then a fresh client"
  echo "  times \`ResultSet.joinNative()\` / \`ResultSet([...]).join_native()\` over the same ids,"
  echo "  Java and Python alternately, 3 times each."
  echo
  echo "Machine:"
  echo
  echo "- \`nproc\`: $(nproc)"
  echo "- \`free -g\`:"
  echo
  free -g | sed 's/^/      /'
  echo
  echo "- JDK: $(java -version 2>&1 | head -1)"
  echo "- Python: $(/usr/bin/python3 --version 2>&1), Celery $(/usr/bin/python3 -I -c 'import celery; print(celery.__version__)'), redis-py $(/usr/bin/python3 -I -c 'import redis; print(redis.__version__)')"
  echo "- redis-server: $(/usr/bin/redis-server --version | head -1)"
  echo "- \`uptime\` before: \`$load_before\`"
  echo "- \`uptime\` after: \`$load_after\`"
  if [[ -n "$shared" ]]; then
    echo
    echo "**The machine was shared with other builds while this ran** (1-minute load average above 1.5"
    echo "before or after the run), so the figures are noisier, and slower, than on an idle machine."
  fi
} > "$out"
echo
echo "wrote $out"
