#!/usr/bin/env bash
# Builds Slacker and runs the quick-start demo. Needs only Java 17 and Maven.
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -DskipTests install
mvn -q -B -pl examples exec:java "$@"
