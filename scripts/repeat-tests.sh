#!/usr/bin/env bash
# Runs the call-path reproductions (or the test classes given) N times in a row and stops at the
# first failure, printing the figures each run reports. Not part of the default test run.
#   scripts/repeat-tests.sh [-n 20] [TestClass,TestClass...] [extra Maven flags, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=20
if [ "${1:-}" = "-n" ]; then
  runs=$2
  shift 2
fi
tests=RelayedFailureTest,ForeignThreadCompletionTest,GracefulShutdownTest
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  tests=$1
  shift
fi
reports=slacker-vertx/target/surefire-reports
echo "Building slacker-vertx and its tests once"
mvn -B -q "$@" -pl slacker-vertx -DskipTests test-compile
for i in $(seq 1 "$runs"); do
  echo "Run $i of $runs: $tests"
  rm -rf "$reports"
  # 6 s of foreign-thread load, as in the original reproduction.
  if ! mvn -B -q "$@" -pl slacker-vertx surefire:test -Dtest="$tests" -Dslacker.test.foreignThreadMillis=6000 \
      > slacker-vertx/target/repeat.log 2>&1; then
    echo "Run $i failed; see slacker-vertx/target/repeat.log and $reports"
    exit 1
  fi
  grep -h '^figures:' "$reports"/*-output.txt | sed 's/^/  /' || true
done
echo "$runs of $runs runs passed"
