/**
 * Timekeeper's benchmark harness ({@code ./mvnw -B -Pbench test}, see
 * {@code BENCHMARKS.md}): {@link dev.timekeeper.bench.PerformanceBenchmark} runs the
 * burst, steady, API and start-up cases, each system under test in a JVM of its own
 * ({@link dev.timekeeper.bench.ChildJvm}), on H2 and PostgreSQL, and prints one
 * {@code key=value} line per case. The other schedulers and the bare application it
 * compares with live in {@code benchmark.*}, outside Timekeeper's packages.
 */
package dev.timekeeper.bench;
