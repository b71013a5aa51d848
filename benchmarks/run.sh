#!/usr/bin/env bash
# Builds the benchmark module and runs every system side by side on this machine, writing
# results.json, results.md and chart.svg to benchmarks/results/<UTC timestamp>/.
#
#   benchmarks/run.sh            full run, about 13 minutes
#   benchmarks/run.sh --quick    about 2 minutes; numbers only good for seeing that all works
#   benchmarks/run.sh --profile  Slacker alone under JFR at 32 in flight (--levels 256: at 256); writes profile.md
#   benchmarks/run.sh --only floor,slacker-binary   a subset, by label
#   benchmarks/run.sh --levels 32                  only these calls-in-flight levels
#   benchmarks/run.sh --warmup-millis 45000        a longer first warm-up (default 10 s)
#   benchmarks/run.sh --repeat 3                   3 rounds, interleaved; results.md adds median and min-max
#   benchmarks/run.sh --contended                  a busy-loop thread per core shares the cores throughout
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B -pl benchmarks -am -DskipTests package
classpath="benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)"
out="benchmarks/results/$(date -u +%Y%m%d-%H%M%S)"
exec java -Xms512m -Xmx512m -cp "$classpath" io.slacker.benchmarks.runner.BenchmarkRunner --out "$out" "$@"
