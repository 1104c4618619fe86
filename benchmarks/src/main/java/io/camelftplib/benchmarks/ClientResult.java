package io.camelftplib.benchmarks;

import java.util.List;
import java.util.Optional;

/**
 * All rounds of one client on one workload, or why it failed.
 *
 * @param client   the client's name
 * @param ours     true for this project's engine or route, false for a peer
 * @param workload the workload
 * @param setting  how it ran, e.g. {@code -Xmx64m} for a forked JVM, {@code process} for curl
 * @param rounds   the measured rounds, in order
 * @param failure  why it did not finish, e.g. {@code OutOfMemoryError at -Xmx2g}
 */
record ClientResult(String client, boolean ours, Workload workload, String setting, List<RoundResult> rounds,
        Optional<String> failure) {

    ClientResult {
        rounds = List.copyOf(rounds);
    }

    boolean succeeded() {
        return failure.isEmpty() && !rounds.isEmpty();
    }
}
