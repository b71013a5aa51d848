#!/usr/bin/env bash
# The long chaos run: a three-node ZooKeeper ensemble and three server JVMs on 127.0.0.1, under
# load, with rounds of every fault (server and leader SIGKILL, leader SIGSTOP past its session,
# a ZooKeeper node killed, the whole ensemble down) for the given minutes; prints the results
# table and exits 1 if an invariant failed. Logs and results.md stay in chaos/target/runs/<time>/.
#
#   chaos/run.sh                 3 minutes
#   chaos/run.sh --minutes 10 --seed 7
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B -pl chaos -am -DskipTests package
classpath="chaos/target/classes:$(cat chaos/target/runtime-classpath.txt)"
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" io.slacker.chaos.ChaosMain "$@"
