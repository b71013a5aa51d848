#!/usr/bin/env bash
# Builds the scale module and runs the discovery scale harness: a real ZooKeeper 3.7.2 JVM,
# simulated servers in forked JVMs (register + publish through the public ZookeeperDiscovery API),
# watching clients in forked JVMs, churn, and two ZooKeeper restarts; prints a table and writes
# results.json and results.md to scale/results/<UTC timestamp>/ (raw logs under raw/).
#
#   scale/run.sh --quick                                  40 servers x 10 services, both session modes, about 2 minutes
#   scale/run.sh --servers 500 --services 50 --clients 20 --watched 20
#   scale/run.sh --servers 2000 --sessions shared --server-jvms 4 --worker-heap 1g
#   scale/run.sh -o -- --quick                            Maven flags (here: offline) before --, the harness's after
#   scale/run.sh --help                                   every flag
set -euo pipefail
cd "$(dirname "$0")/.."

maven=()
if [[ " $* " == *" -- "* ]]; then
  while [[ $# -gt 0 && "$1" != "--" ]]; do
    maven+=("$1")
    shift
  done
  shift
fi

mvn -q -B "${maven[@]}" -pl scale -am -DskipTests package
classpath="scale/target/classes:$(cat scale/target/runtime-classpath.txt)"
exec java -Xmx1g -XX:+UseSerialGC -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=scale/target -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" io.slacker.scale.ScaleMain "$@"
