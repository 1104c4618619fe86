#!/usr/bin/env bash
# benchmarks/run.sh [options]: builds the engine and the benchmarks, starts the private vsftpd
# (benchmarks/server/vsftpd-bench.sh, as root), runs every workload for every client and prints the table
# with the project's performance targets. Options go to io.camelftplib.benchmarks.BenchmarkMain, e.g.
#   benchmarks/run.sh                          # the full run: 1 GiB, 2000 x 4 KiB, 20,000 / 200,000 entries
#   benchmarks/run.sh --size smoke --rounds 1  # a quick check of the harness
#   benchmarks/run.sh --workloads W1 --clients engine,curl --jfr
# The report is also written to benchmarks/target/benchmark-report.adoc.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am package -DskipTests
cp="benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/runtime-classpath.txt)"
exec java -cp "$cp" io.camelftplib.benchmarks.BenchmarkMain "$@"
