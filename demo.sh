#!/usr/bin/env bash
# Builds what the demo runs (slacker-vertx, the code generator and examples; tests skipped) and
# runs it (io.slacker.examples.QuickStart, then the cluster demo) in one Maven run, so every
# argument reaches every step: ./demo.sh -o, ./demo.sh -Dslacker.zookeeper=zk1:2181,zk2:2181.
# --keep-running leaves a demo cluster up afterwards (ZooKeeper on 127.0.0.1:2181, cluster
# 'default') for ./slacker and the gateway, until Ctrl-C. Nothing is installed into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")"
args=()
keep=false
for arg in "$@"; do
  if [[ "$arg" == "--keep-running" ]]; then
    keep=true
  else
    args+=("$arg")
  fi
done
if [[ "$keep" == true ]]; then
  echo "demo.sh: building slacker-vertx, codegen and examples, then running the demo and keeping a cluster up" >&2
  args+=("-Dslacker.demo.keepRunning=true")
else
  echo "demo.sh: building slacker-vertx, codegen and examples, then running the demo" >&2
fi
exec mvn -q -B -Pdemo -pl examples -am -DskipTests ${args[@]+"${args[@]}"} package
