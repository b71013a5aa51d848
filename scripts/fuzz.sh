#!/usr/bin/env bash
# The long fuzz run (docs/security.md, "Fuzz suite"): a million generated and mutated frames, then
# connection abuse, against a default server in a forked JVM with a 256 MiB heap. Prints the
# summary table; the full output is in slacker-vertx/target/surefire-reports.
#   scripts/fuzz.sh [-Dslacker.fuzz.seed=S] [-Dslacker.fuzz.frames=N] [-Dslacker.fuzz.heap=256m] [-o]
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
mvn -B -q -Pfuzz -pl slacker-vertx -am verify -Dsurefire.failIfNoSpecifiedTests=false "$@" || status=$?
grep -h -E '^(fuzz|\|)' slacker-vertx/target/surefire-reports/io.slacker.fuzz.FuzzLongRunTest-output.txt || true
exit $status
