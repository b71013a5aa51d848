#!/usr/bin/env bash
# Builds what the demo runs (slacker-vertx, the code generator and examples; tests skipped) and
# runs it (io.slacker.examples.QuickStart, then the cluster demo) in one Maven run, so every
# argument reaches every step: ./demo.sh -o, ./demo.sh -Dslacker.zookeeper=zk1:2181,zk2:2181.
# Nothing is installed into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")"
echo "demo.sh: building slacker-vertx, codegen and examples, then running the demo" >&2
exec mvn -q -B -Pdemo -pl examples -am -DskipTests "$@" package
