package io.camelftplib.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs the rounds of one client on one task: clears the target, marks the server log, measures the round,
 * counts the server's commands, checks what arrived, and clears again so tmpfs never holds two big copies.
 *
 * <p>Used in a forked JVM for {@link JvmClient}s (see {@link ForkedRounds}) and in the harness for
 * {@link ProcessClient}s. Not thread-safe.
 */
final class RoundRunner {

    private final Optional<ServerLog> log;

    RoundRunner(BenchServer server) {
        this.log = server.log().map(ServerLog::new);
    }

    /** Runs {@code rounds} rounds of a JVM client in this JVM. */
    List<RoundResult> run(JvmClient client, Task task, int rounds, JvmMeter meter) throws Exception {
        List<RoundResult> results = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            clear(task);
            try (JvmClient.Round round = client.prepare(task)) {
                long mark = mark();
                meter.start();
                Moved moved = round.run();
                Measurement cost = meter.stop();
                results.add(finish(client, task, cost, moved, mark));
            }
            clear(task);
        }
        return results;
    }

    /** Runs {@code rounds} rounds of a process client. */
    List<RoundResult> run(ProcessClient client, Task task, int rounds) throws Exception {
        List<RoundResult> results = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            clear(task);
            long mark = mark();
            ProcessClient.Metered metered = client.run(task);
            results.add(finish(client, task, metered.cost(), metered.moved(), mark));
            clear(task);
        }
        return results;
    }

    private long mark() throws IOException {
        return log.isPresent() ? log.get().mark() : -1;
    }

    private RoundResult finish(Client client, Task task, Measurement cost, Moved moved, long mark)
            throws Exception {
        Map<String, Long> verbs = log.isPresent() ? log.get().commandsSince(mark) : Map.of();
        verify(client, task, moved);
        return new RoundResult(cost, moved, verbs);
    }

    /** Checks the files (or, for a listing, the count) against the task; fails the client's run otherwise. */
    static void verify(Client client, Task task, Moved moved) throws IOException {
        String who = client.name() + " on " + task.workload().id;
        switch (task.workload().plainTwin()) {
            case W1_DOWNLOAD:
                expect(who, "bytes in " + task.local(), task.expectedBytes(), Files.size(task.local()));
                break;
            case W2_UPLOAD:
                expect(who, "bytes in " + task.uploadedFile(), task.expectedBytes(), Files.size(task.uploadedFile()));
                break;
            case W3_MANY_FILES:
                try (Stream<Path> files = Files.list(task.local())) {
                    long[] countAndBytes = files.filter(Files::isRegularFile)
                            .mapToLong(RoundRunner::sizeOf).collect(() -> new long[2],
                                    (a, size) -> { a[0]++; a[1] += size; }, (a, b) -> { a[0] += b[0]; a[1] += b[1]; });
                    expect(who, "files in " + task.local(), task.expectedItems(), countAndBytes[0]);
                    expect(who, "bytes in " + task.local(), task.expectedBytes(), countAndBytes[1]);
                }
                break;
            default:
                expect(who, "listing entries", task.expectedItems(), moved.items());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void expect(String who, String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(who + ": expected " + expected + " " + what + " but found " + actual
                    + "; the round moved the wrong data, so its time means nothing");
        }
    }

    /** Removes what a round leaves: the download target, the uploaded file. The work directory stays. */
    static void clear(Task task) throws IOException {
        switch (task.workload().plainTwin()) {
            case W2_UPLOAD:
                Files.deleteIfExists(task.uploadedFile());
                break;
            default:
                deleteTree(task.local());
        }
        Files.createDirectories(task.workDir());
    }

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
