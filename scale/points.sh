#!/usr/bin/env bash
# Reruns the scale points docs/scale.md quotes, one after the other, each writing its own
# scale/results/<UTC timestamp>/ (about 22 minutes on 2 cores):
#   2,000 servers x 50 services, 20 clients x 20 watched, one session per server and shared;
#   5,000 and 10,000 servers x 50 services, the same clients, shared sessions.
# Maven flags go before --, as for run.sh: scale/points.sh -o
set -euo pipefail
cd "$(dirname "$0")/.."
common=(--services 50 --clients 20 --watched 20 --timeout-s 240 --client-heap 1g --worker-heap 1g)
scale/run.sh "$@" -- --servers 2000 "${common[@]}"
scale/run.sh "$@" -- --servers 5000 --sessions shared "${common[@]}"
scale/run.sh "$@" -- --servers 10000 --sessions shared "${common[@]}"
