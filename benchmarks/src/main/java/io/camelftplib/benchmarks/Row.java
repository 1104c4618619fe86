package io.camelftplib.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The figures of one table row, computed from a {@link ClientResult}: medians over rounds for time, rate and CPU,
 * maxima for memory. Immutable.
 *
 * @param result      the rounds
 * @param medianS     median wall seconds
 * @param minS        fastest round
 * @param maxS        slowest round
 * @param rate        the workload's unit per second at the median time
 * @param cpuS        median CPU seconds
 * @param heapPeakMib the largest heap peak, or -1
 * @param heapLiveMib the largest heap in use after a collection, or -1
 * @param rssMib      the largest peak RSS, or -1
 * @param commands    median FTP commands per round, or -1
 */
record Row(ClientResult result, double medianS, double minS, double maxS, double rate, double cpuS,
        double heapPeakMib, double heapLiveMib, double rssMib, double commands) {

    static Row of(ClientResult r) {
        List<RoundResult> rounds = r.rounds();
        double[] wall = rounds.stream().mapToDouble(x -> x.cost().wallNanos() / 1e9).sorted().toArray();
        double median = median(wall);
        RoundResult any = rounds.get(0);
        double amount = r.workload().unit == Workload.Unit.MIB ? any.moved().bytes() / (double) (1 << 20)
                : any.moved().items();
        return new Row(r, median, wall[0], wall[wall.length - 1], amount / median,
                median(rounds.stream().mapToDouble(x -> x.cost().cpuNanos() / 1e9).sorted().toArray()),
                mib(rounds.stream().mapToLong(x -> x.cost().heapPeak()).max()),
                mib(rounds.stream().mapToLong(x -> x.cost().heapLive()).max()),
                mib(rounds.stream().mapToLong(x -> x.cost().rssPeak()).max()),
                any.commands() < 0 ? -1
                        : median(rounds.stream().mapToDouble(RoundResult::commands).sorted().toArray()));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double mib(java.util.OptionalLong bytes) {
        return bytes.isPresent() && bytes.getAsLong() >= 0 ? bytes.getAsLong() / (double) (1 << 20) : -1;
    }

    /** FTP commands per moved file (verbs sent once a file or more), for the many-files workloads. */
    double commandsPerItem() {
        return result.rounds().get(0).perItemCommands();
    }

    /** The first round's commands by verb, e.g. {@code USER 1, PASV 2000, RETR 2000}. */
    String verbs() {
        StringBuilder b = new StringBuilder();
        result.rounds().get(0).verbs().entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .forEach(e -> b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue()));
        return b.toString();
    }

    /** The best peer's rate among rows of the same workload, if any peer succeeded. */
    static OptionalDouble bestPeerRate(List<Row> sameWorkload) {
        return sameWorkload.stream().filter(x -> !x.result().ours()).mapToDouble(Row::rate).max();
    }

    @Override
    public String toString() {
        return result.client() + " " + Arrays.toString(new double[] {medianS, rate});
    }
}
