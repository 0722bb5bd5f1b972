#!/usr/bin/env bash
# The cold-start suite: celerykit against real Celery 5.2.6 (eager), both sides in one run.
# Builds the library and the benchmarks jar, then runs compare.py (options: --help); about
# 6 minutes on 2 cores, most of it Celery keeping a million results. Never part of CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${SKIP_BUILD:-}" != "1" ]; then
  mvn -B -q install -DskipTests
  mvn -B -q -f benchmarks/pom.xml package
fi
/usr/bin/python3 -I -c 'import celery, pytest' 2>/dev/null || {
  echo "needs Debian's python3-celery and python3-pytest: apt-get install -y python3-celery python3-pytest" >&2
  exit 1
}
exec /usr/bin/python3 benchmarks/coldstart/compare.py "$@"
